/**
 * dist/server.js is a loader that runs dist/server-bundle.js with the V8 code cache the build made
 * (dist/server-bundle.cache). Whatever the cache file holds, the server must start and give the same
 * diagnostics: with the build's cache, without one, and with a damaged one. Speed is the
 * benchmark's business (`npm run bench -- --only=cold`), not a test's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { repoRoot } from '../helpers.js';
import { LspClient, type PublishDiagnosticsParams } from '../protocol/lsp-client.js';

const DIST = join(repoRoot, 'dist');
const CACHE = 'server-bundle.cache';
const SAMPLES = join(repoRoot, 'samples');
const DOCUMENT = join(SAMPLES, 'showcase.synth.md');
/** A draft with findings: a target that does not exist and a section the template asks for missing. */
const DRAFT = '---\ntitle: Draft\ntemplate: unodc-meta-synthesis\n---\n\n# Draft\n\n## Findings\n\n### SDG 16.99\n\nSome text.\n';

let dir: string;

/** A copy of dist/'s server files in a folder of its own, with `cache` as its cache file (none when undefined). */
function serverCopy(name: string, cache: Buffer | undefined): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const file of ['server.js', 'server-bundle.js', 'package.json']) copyFileSync(join(DIST, file), join(folder, file));
  if (cache) writeFileSync(join(folder, CACHE), cache);
  return join(folder, 'server.js');
}

/** The first diagnostics of the sample and of the draft, from a fresh server with the samples folder open. */
async function firstDiagnostics(server: string): Promise<{ sample: PublishDiagnosticsParams['diagnostics']; draft: PublishDiagnosticsParams['diagnostics']; stderr: string }> {
  const client = new LspClient(['--stdio'], { server });
  try {
    await client.initialize({ rootPath: SAMPLES, initializationOptions: { validationDelay: 0 } });
    const sampleUri = pathToFileURL(DOCUMENT).href;
    const draftUri = pathToFileURL(join(SAMPLES, 'draft.synth.md')).href;
    const sample = client.diagnostics(sampleUri, () => true, 30_000);
    client.open(sampleUri, readFileSync(DOCUMENT, 'utf8'));
    const draft = client.diagnostics(draftUri, () => true, 30_000);
    client.open(draftUri, DRAFT);
    const result = { sample: (await sample).diagnostics, draft: (await draft).diagnostics };
    assert.equal(await client.shutdown(), 0, 'the server exits cleanly');
    return { ...result, stderr: client.errorOutput };
  } finally {
    client.kill();
  }
}

before(() => {
  assert.ok(existsSync(join(DIST, 'server-bundle.js')), 'build first: node scripts/build.mjs');
  dir = mkdtempSync(join(tmpdir(), 'synthesis-code-cache-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the server loader and its code cache', () => {
  test('the build makes a cache that V8 accepts for the bundle', () => {
    const file = readFileSync(join(DIST, CACHE));
    assert.equal(file.toString('latin1', 0, 8), 'SMDCODE1');
    const source = readFileSync(join(DIST, 'server-bundle.js'), 'utf8');
    const script = new Script(createRequire(import.meta.url)('node:module').wrap(source), { filename: join(DIST, 'server-bundle.js'), cachedData: file.subarray(72) });
    assert.equal(script.cachedDataRejected, false);
  });

  test('gives the same first diagnostics with the cache, without it, and with a damaged or foreign cache file', async () => {
    const valid = readFileSync(join(DIST, CACHE));
    const reference = await firstDiagnostics(serverCopy('valid', valid));
    assert.ok(reference.draft.some((d) => d.code === 'unknown-target'), `the draft's unknown target is reported: ${JSON.stringify(reference.draft)}`);
    const garbage = Buffer.alloc(valid.length);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
    // A header that checks out, over V8 data that V8 rejects for this bundle: the code cache of
    // another script, as a cache made by another Node or by VS Code's Electron would be rejected.
    const other = new Script('globalThis.answer = 42;').createCachedData();
    const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();
    const foreign = Buffer.concat([valid.subarray(0, 40), sha256(other), other]);
    const cases: [string, Buffer | undefined][] = [
      ['missing', undefined],
      ['garbage', garbage],
      ['truncated', valid.subarray(0, Math.floor(valid.length / 2))],
      ['foreign', foreign],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [name, cache] of cases) {
      const got = await firstDiagnostics(serverCopy(name, cache));
      assert.deepEqual(got.sample, reference.sample, `${name} cache: the sample's diagnostics`);
      assert.deepEqual(got.draft, reference.draft, `${name} cache: the draft's diagnostics`);
      assert.equal(got.stderr, reference.stderr, `${name} cache: nothing more on stderr`);
    }
  });
});
