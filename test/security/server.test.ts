// Issue 13 through the language server (dist/server.js over stdio): the same reader as the CLI, so
// a FIFO in the workspace or named by a document hangs nothing; a folder the server cannot search
// is said in its log, escaped, instead of being skipped in silence.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { LspClient } from '../protocol/lsp-client.js';
import { repoRoot } from '../helpers.js';
import { isRoot, NOBODY, readableDist, tempDir } from './helpers.js';

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
    const client = new LspClient(['--stdio'], isRoot ? { prefix: ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'], server: join(readableDist(), 'server.js') } : {});
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

  test('Word export and import from the editor: no reference document from outside the project, no write through a planted link, no input over 50 MB', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'etc'));
    const passwd = join(root, 'etc', 'passwd');
    writeFileSync(passwd, 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n');
    const project = join(root, 'project');
    mkdirSync(join(project, '.synthesis'), { recursive: true });
    writeFileSync(join(project, '.synthesis', 'config.yaml'), 'referenceDoc: ../etc/passwd\n');
    const path = join(project, 'brief.synth.md');
    writeFileSync(path, FIXABLE);
    // A second folder, without a configuration, where the export's destination is a planted link.
    const plain = join(root, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'brief.synth.md'), FIXABLE);
    symlinkSync(passwd, join(plain, 'planted.docx'));
    const huge = join(project, 'huge.docx');
    writeFileSync(huge, '');
    truncateSync(huge, 60 * 1024 * 1024);
    const client = new LspClient();
    try {
      await client.initialize({ rootPath: root });
      const uri = pathToFileURL(path).href;
      const reference = await client.request('synthesis/exportDocument', { uri, target: join(project, 'brief.docx'), to: 'docx' }, 30_000);
      assert.deepEqual(reference, { ok: false, message: "The reference document '../etc/passwd' (referenceDoc in .synthesis/config.yaml) cannot be read: it is outside the project, and only files inside the project are read." });
      assert.equal(existsSync(join(project, 'brief.docx')), false);

      const planted = join(plain, 'planted.docx');
      const linked = await client.request('synthesis/exportDocument', { uri: pathToFileURL(join(plain, 'brief.synth.md')).href, target: planted, to: 'docx' }, 30_000);
      assert.deepEqual(linked, { ok: false, message: `${planted} could not be written: it is a link to a file outside its folder, which is not written through; the file was left as it was.` });
      assert.equal(readFileSync(passwd, 'utf8'), 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n');
      assert.ok(lstatSync(planted).isSymbolicLink());

      const tooLarge = await client.request('synthesis/importDocument', { path: huge }, 30_000);
      assert.deepEqual(tooLarge, { ok: false, message: 'huge.docx could not be read: it is 60 MB; the limit is 50 MB.' });
      assert.equal(existsSync(join(project, 'huge.synth.md')), false);
    } finally {
      await client.shutdown().catch(() => undefined);
      client.kill();
    }
  });
});
