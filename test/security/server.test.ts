// Issue 13 through the language server (dist/server.js over stdio): the same reader as the CLI, so
// a FIFO in the workspace or named by a document hangs nothing; a folder the server cannot search
// is said in its log, escaped, instead of being skipped in silence.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { LspClient } from '../protocol/lsp-client.js';
import { repoRoot } from '../helpers.js';
import { isRoot, NOBODY, tempDir } from './helpers.js';

const FIXABLE = readFileSync(join(repoRoot, 'test', 'fixtures', 'cli', 'sum-error.synth.md'), 'utf8');

describe('the language server', () => {
  test('a FIFO in the workspace and a FIFO named as a register: a diagnostic, and the workspace validates without hanging', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    execFileSync('mkfifo', [join(dir, 'waiting.synth.md')]);
    const path = join(dir, 'a.synth.md');
    const text = FIXABLE.replace('country: Panama', 'country: Panama\nevidence: pipe.csv');
    writeFileSync(path, text);
    const client = new LspClient();
    try {
      await client.initialize({ rootPath: dir });
      const uri = pathToFileURL(path).href;
      client.open(uri, text);
      const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'evidence'), 30_000);
      assert.deepEqual(
        published.diagnostics.filter((d) => d.code === 'evidence').map((d) => d.message),
        ["The evidence register 'pipe.csv' cannot be read: it is a named pipe (FIFO), not a file. Name a CSV or YAML file relative to this synthesis."],
      );
      const result = (await client.request('synthesis/validateWorkspace', null, 30_000)) as { files: number };
      assert.ok(result.files >= 1, JSON.stringify(result));
    } finally {
      await client.shutdown().catch(() => undefined);
      client.kill();
    }
  });

  test('a folder it cannot search is said in its log, once, with its name escaped (run as an ordinary user)', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked\u001b[31m');
    mkdirSync(locked);
    writeFileSync(join(locked, 'hidden.synth.md'), FIXABLE);
    writeFileSync(join(dir, 'open.synth.md'), FIXABLE);
    chmodSync(join(dir, 'open.synth.md'), 0o644);
    chmodSync(locked, isRoot ? 0o700 : 0o000);
    const client = new LspClient(['--stdio'], isRoot ? { prefix: ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] } : {});
    try {
      await client.initialize({ rootPath: dir });
      await client.request('synthesis/validateWorkspace', null, 30_000);
      await client.request('synthesis/validateWorkspace', null, 30_000);
      const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      const said = logs.filter((m) => m.includes('cannot be searched'));
      assert.deepEqual(said, [`Synthesis: the folder ${join(dir, 'locked\\u{1B}[31m')} cannot be searched for syntheses: permission denied`], logs.join('\n'));
    } finally {
      chmodSync(locked, 0o700);
      await client.shutdown().catch(() => undefined);
      client.kill();
    }
  });
});
