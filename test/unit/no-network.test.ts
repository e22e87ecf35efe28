// The extension makes no network requests: the language server, run over stdio on the samples
// (a workspace with templates, evidence registers and documents in three languages), and the CLI,
// run over the same samples, never open a socket, resolve a name or fetch anything. A preload
// (test/fuzz/no-network-preload.ts) replaces every network entry point of Node with one that
// records the attempt and throws.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { filesUnder, repoRoot } from '../helpers.js';
import { LspClient } from '../protocol/lsp-client.js';

const preload = pathToFileURL(join(repoRoot, 'out', 'test', 'fuzz', 'no-network-preload.js')).href;
const samples = join(repoRoot, 'samples');

describe('no network access', () => {
  let dir: string;
  let log: string;
  let loaded: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'no-network-'));
    log = join(dir, 'attempts.log');
    loaded = join(dir, 'loaded.log');
    writeFileSync(log, '');
    writeFileSync(loaded, '');
    env = { ...process.env, NODE_OPTIONS: `--import=${preload}`, NO_NETWORK_LOG: log, NO_NETWORK_LOADED: loaded };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the guard itself catches an attempt (so that silence below means something)', () => {
    const child = spawnSync(process.execPath, ['-e', "require('node:https').get('https://example.org')"], { env, encoding: 'utf8' });
    assert.notEqual(child.status, 0);
    assert.match(readFileSync(log, 'utf8'), /https\.get/);
    writeFileSync(log, '');
  });

  it('the language server, working on the samples workspace', async () => {
    // LspClient starts the server with this process's environment: set the guard for that moment only.
    const keys = ['NODE_OPTIONS', 'NO_NETWORK_LOG', 'NO_NETWORK_LOADED'] as const;
    const saved = keys.map((k) => process.env[k]);
    for (const k of keys) process.env[k] = env[k];
    let client: LspClient;
    try {
      client = new LspClient();
    } finally {
      keys.forEach((k, i) => {
        if (saved[i] === undefined) delete process.env[k];
        else process.env[k] = saved[i];
      });
    }
    try {
      await client.initialize({ rootPath: samples });
      await client.request('synthesis/validateWorkspace', null, 60_000);
      for (const file of filesUnder(samples, '.synth.md')) {
        const uri = pathToFileURL(file).href;
        const text = readFileSync(file, 'utf8');
        client.open(uri, text);
        const middle = { line: Math.floor(text.split('\n').length / 2), character: 4 };
        await client.request('textDocument/hover', { textDocument: { uri }, position: middle });
        await client.request('textDocument/completion', { textDocument: { uri }, position: middle });
        await client.request('textDocument/documentLink', { textDocument: { uri } });
        await client.requestRaw('synthesis/render', { uri, standalone: true }, 30_000);
        await client.requestRaw('synthesis/coverage', { uri }, 30_000);
      }
      await client.request('workspace/symbol', { query: '' });
      await client.request('synthesis/templates', null);
      assert.ok(readFileSync(loaded, 'utf8').split('\n').includes(String(client.process.pid)), 'the guard is loaded in the server');
      await client.shutdown();
    } finally {
      client.kill();
    }
    assert.equal(readFileSync(log, 'utf8'), '', 'network calls attempted by the language server');
  });

  it('the CLI, checking and exporting the samples', () => {
    const cli = join(repoRoot, 'dist', 'cli.js');
    const out = join(dir, 'brief.html');
    const runs = [
      spawnSync(process.execPath, [cli, samples], { env, encoding: 'utf8', cwd: samples }),
      spawnSync(process.execPath, [cli, 'lint', '--format', 'sarif', samples], { env, encoding: 'utf8', cwd: samples }),
      spawnSync(process.execPath, [cli, 'render', join(samples, 'showcase.synth.md'), '--output', out], { env, encoding: 'utf8', cwd: samples }),
      spawnSync(process.execPath, [cli, 'coverage', samples], { env, encoding: 'utf8', cwd: samples }),
    ];
    assert.equal(readFileSync(loaded, 'utf8').trim().split('\n').length >= runs.length, true, 'the guard is loaded in each run');
    for (const run of runs) assert.doesNotMatch(run.stderr, /Network access is not allowed/);
    assert.equal(readFileSync(log, 'utf8'), '', 'network calls attempted by the CLI');
  });
});
