/**
 * dist/server.js and dist/cli.js are loaders that run dist/server-bundle.js and dist/cli-bundle.js
 * with the V8 code cache the build made for each (dist/*-bundle.cache). Whatever the cache file
 * holds, the server and synthlint must start and answer the same: with the build's cache, without
 * one, with a damaged, foreign or stale one; and a rebuilt bundle never runs with the cache of the
 * build before. Speed is the benchmark's business (`npm run bench -- --only=cold,cache`), not a test's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { repoRoot } from '../helpers.js';
import { LspClient, type PublishDiagnosticsParams } from '../protocol/lsp-client.js';

const DIST = join(repoRoot, 'dist');
const CACHE = 'server-bundle.cache';
const SAMPLES = join(repoRoot, 'samples');
const DOCUMENT = join(SAMPLES, 'showcase.synth.md');
/** A draft with findings: a target that does not exist and a section the template asks for missing. */
const DRAFT = '---\ntitle: Draft\ntemplate: unodc-meta-synthesis\n---\n\n# Draft\n\n## Findings\n\n### SDG 16.99\n\nSome text.\n';

let dir: string;

const HEADER = 48;

/** A copy of dist/'s server files in a folder of its own, with `cache` as its cache file (none when undefined) and maybe another bundle. */
function serverCopy(name: string, cache: Buffer | undefined, bundle?: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const file of ['server.js', 'server-bundle.js', 'package.json']) copyFileSync(join(DIST, file), join(folder, file));
  if (bundle !== undefined) writeFileSync(join(folder, 'server-bundle.js'), bundle);
  if (cache) writeFileSync(join(folder, CACHE), cache);
  return join(folder, 'server.js');
}

/** The cache file's parts: the bundle size and build id it was made for, the CRC-32 of its data, the data. */
function parts(file: Buffer): { magic: string; size: number; id: string; crc: number; data: Buffer } {
  return { magic: file.toString('latin1', 0, 8), size: file.readUInt32LE(8), id: file.toString('hex', 12, 44), crc: file.readUInt32LE(44), data: file.subarray(HEADER) };
}

/** A cache file with the given parts (a header that checks out over any data). */
function cacheFile(size: number, id: string, data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write('SMDCODE2', 0, 'latin1');
  header.writeUInt32LE(size, 8);
  Buffer.from(id, 'hex').copy(header, 12);
  header.writeUInt32LE(crc32(data), 44);
  return Buffer.concat([header, data]);
}

/** The build id a bundle ends with. */
function buildId(source: string): string {
  return /\/\/# synthesisBuild=([0-9a-f]{64})\s*$/.exec(source)![1]!;
}

/**
 * The bundle as a rebuild that changed one message would leave it: the same size, a message of the
 * same length reworded, a new build id. Run with the old cache, V8 would accept the cache (it checks
 * only the source's length) and show the old message.
 */
function rebuilt(source: string): string {
  assert.equal(source.split('Unknown SDG target').length, 2, 'the message is in the bundle once');
  return source.replace('Unknown SDG target', 'Unknown SDG TARGET').replace(/synthesisBuild=[0-9a-f]{64}/, `synthesisBuild=${'ab'.repeat(32)}`);
}

/** The cases every loader must survive: each cache file, with the bundle it is run with. */
function badCaches(valid: Buffer, source: string): [string, Buffer | undefined][] {
  const garbage = Buffer.alloc(valid.length);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
  const { size, id, data } = parts(valid);
  // One byte of the V8 data changed, the header left as it was.
  const damaged = Buffer.from(valid);
  damaged[HEADER + Math.floor(data.length / 2)]! ^= 0xff;
  // A header that checks out, over V8 data that V8 rejects for this bundle: the code cache of
  // another script, as a cache made by another Node or by VS Code's Electron would be rejected.
  const foreign = cacheFile(size, id, new Script('globalThis.answer = 42;').createCachedData());
  assert.equal(id, buildId(source));
  return [
    ['missing', undefined],
    ['garbage', garbage],
    ['truncated', valid.subarray(0, Math.floor(valid.length / 2))],
    ['damaged', damaged],
    ['foreign', foreign],
    ['of another build', cacheFile(size, 'cd'.repeat(32), data)],
    ['of a bundle of another size', cacheFile(size + 1, id, data)],
    ['of the first format', Buffer.concat([Buffer.from('SMDCODE1'), Buffer.alloc(64), data])],
    ['empty', Buffer.alloc(0)],
  ];
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
  test('the build makes a cache for this very bundle that V8 accepts', () => {
    const file = parts(readFileSync(join(DIST, CACHE)));
    const bytes = readFileSync(join(DIST, 'server-bundle.js'));
    const source = bytes.toString('utf8');
    assert.equal(file.magic, 'SMDCODE2');
    assert.equal(file.size, bytes.length);
    assert.equal(file.id, buildId(source));
    assert.equal(file.crc, crc32(file.data));
    const script = new Script(createRequire(import.meta.url)('node:module').wrap(source), { filename: join(DIST, 'server-bundle.js'), cachedData: file.data });
    assert.equal(script.cachedDataRejected, false);
  });

  test('gives the same first diagnostics with the cache, without it, and with a damaged, foreign or stale cache file', async () => {
    const valid = readFileSync(join(DIST, CACHE));
    const reference = await firstDiagnostics(serverCopy('valid', valid));
    assert.ok(reference.draft.some((d) => d.code === 'unknown-target'), `the draft's unknown target is reported: ${JSON.stringify(reference.draft)}`);
    for (const [name, cache] of badCaches(valid, readFileSync(join(DIST, 'server-bundle.js'), 'utf8'))) {
      const got = await firstDiagnostics(serverCopy(name, cache));
      assert.deepEqual(got.sample, reference.sample, `${name} cache: the sample's diagnostics`);
      assert.deepEqual(got.draft, reference.draft, `${name} cache: the draft's diagnostics`);
      assert.equal(got.stderr, reference.stderr, `${name} cache: nothing more on stderr`);
    }
  });

  test('a rebuilt bundle runs its own code, never the cache of the build before', async () => {
    const got = await firstDiagnostics(serverCopy('rebuilt', readFileSync(join(DIST, CACHE)), rebuilt(readFileSync(join(DIST, 'server-bundle.js'), 'utf8'))));
    assert.ok(got.draft.some((d) => d.message.startsWith('Unknown SDG TARGET')), JSON.stringify(got.draft));
  });
});

describe("synthlint's loader and its code cache", () => {
  const CLI_CACHE = 'cli-bundle.cache';

  /** A copy of dist/'s synthlint files in a folder of its own, with `cache` as its cache file and maybe another bundle. */
  function cliCopy(name: string, cache: Buffer | undefined, bundle?: string): string {
    const folder = join(dir, `cli-${name}`);
    mkdirSync(folder);
    for (const file of ['cli.js', 'cli-bundle.js', 'cli-worker.js', 'word.js', 'package.json']) copyFileSync(join(DIST, file), join(folder, file));
    if (bundle !== undefined) writeFileSync(join(folder, 'cli-bundle.js'), bundle);
    if (cache) writeFileSync(join(folder, CLI_CACHE), cache);
    return join(folder, 'cli.js');
  }

  /** synthlint on the samples with `--cache` (the run the cache is made for), and on a draft. */
  function synthlint(cli: string): { stdout: string; stderr: string; status: number | null } {
    const work = mkdtempSync(join(dir, 'run-'));
    writeFileSync(join(work, 'draft.synth.md'), DRAFT);
    const r = spawnSync(process.execPath, [cli, '--cache', '--format', 'json', SAMPLES, join(work, 'draft.synth.md')], { cwd: work, encoding: 'utf8', env: { ...process.env, LANG: 'C', XDG_CACHE_HOME: join(work, 'key') } });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  }

  test('the build makes a cache for this very bundle that V8 accepts', () => {
    const file = parts(readFileSync(join(DIST, CLI_CACHE)));
    const bytes = readFileSync(join(DIST, 'cli-bundle.js'));
    const source = bytes.toString('utf8');
    assert.equal(file.magic, 'SMDCODE2');
    assert.equal(file.size, bytes.length);
    assert.equal(file.id, buildId(source));
    const script = new Script(createRequire(import.meta.url)('node:module').wrap(source), { filename: join(DIST, 'cli-bundle.js'), cachedData: file.data });
    assert.equal(script.cachedDataRejected, false);
  });

  test('says the same with the cache, without it, and with a damaged, foreign or stale cache file', () => {
    const valid = readFileSync(join(DIST, CLI_CACHE));
    const reference = synthlint(cliCopy('valid', valid));
    assert.equal(reference.status, 1, reference.stderr);
    assert.match(reference.stdout, /"rule":"unknown-target"/);
    for (const [name, cache] of badCaches(valid, readFileSync(join(DIST, 'cli-bundle.js'), 'utf8'))) {
      const got = synthlint(cliCopy(name.replaceAll(' ', '-'), cache));
      assert.equal(got.stdout, reference.stdout, `${name} cache: the findings`);
      assert.equal(got.status, reference.status, `${name} cache: the exit code`);
      assert.equal(got.stderr, reference.stderr, `${name} cache: standard error`);
    }
  });

  test('a rebuilt bundle runs its own code, never the cache of the build before', () => {
    const got = synthlint(cliCopy('rebuilt', readFileSync(join(DIST, CLI_CACHE)), rebuilt(readFileSync(join(DIST, 'cli-bundle.js'), 'utf8'))));
    assert.match(got.stdout, /"message":"Unknown SDG TARGET/);
  });

  test('with --enable-source-maps the bundle is required, and still runs', () => {
    const r = spawnSync(process.execPath, ['--enable-source-maps', join(DIST, 'cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});
