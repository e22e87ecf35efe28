// Listing folders (server/src/node/fs): issue 13, class 5 — an unreadable sub-folder is reported,
// not skipped without a word; links to folders are not followed; nothing outside the project.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listFolder, listTree } from '../../server/src/node/fs/index.js';
import { FS_MODULE, runChild, tempDir } from './helpers.js';

const synth = (name: string): boolean => name.endsWith('.synth.md');

describe('listFolder', () => {
  test('files and folders in name order; a link to a file is a file, a link to a folder is left out; a FIFO is listed, to be refused when read', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b-folder'));
    writeFileSync(join(dir, 'a.synth.md'), '');
    symlinkSync(join(dir, 'a.synth.md'), join(dir, 'c-link.synth.md'));
    symlinkSync(join(dir, 'b-folder'), join(dir, 'd-folder-link'));
    execFileSync('mkfifo', [join(dir, 'e-fifo.synth.md')]);
    const listed = await listFolder(dir);
    assert.ok(listed.ok);
    assert.deepEqual(listed.entries, [
      { name: 'a.synth.md', kind: 'file' },
      { name: 'b-folder', kind: 'folder' },
      { name: 'c-link.synth.md', kind: 'file' },
      { name: 'e-fifo.synth.md', kind: 'file' },
    ]);
  });

  test('a missing folder, a file, a folder outside the project, a link leading out of it: each a failure with its reason', async () => {
    const project = tempDir();
    const outside = tempDir();
    writeFileSync(join(project, 'f'), '');
    symlinkSync(outside, join(project, 'out'));
    assert.deepEqual(await listFolder(join(project, 'none')), { ok: false, failure: 'not-found' });
    assert.deepEqual(await listFolder(join(project, 'f')), { ok: false, failure: 'not-a-file', detail: { key: 'file.detail.file-not-folder' } });
    const climbing = await listFolder(join(project, '..'), { within: project });
    assert.equal(!climbing.ok && climbing.failure, 'outside-project');
    const linked = await listFolder(join(project, 'out'), { within: project });
    assert.equal(!linked.ok && linked.failure, 'outside-project');
  });
});

describe('listTree', () => {
  test('an unreadable sub-folder is reported beside the files found elsewhere (tried as an ordinary user)', () => {
    const root = tempDir();
    mkdirSync(join(root, 'open'));
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'open', 'a.synth.md'), '');
    writeFileSync(join(root, 'locked', 'b.synth.md'), '');
    writeFileSync(join(root, 'top.synth.md'), '');
    chmodSync(join(root, 'open'), 0o755);
    chmodSync(join(root, 'locked'), 0o700); // root's; nobody cannot list it
    const child = runChild(
      `import { listTree } from ${JSON.stringify(FS_MODULE)};\n` +
        `const t = await listTree(${JSON.stringify(root)}, { accept: (n) => n.endsWith('.synth.md') });\n` +
        'console.log(JSON.stringify(t));\n',
      { asNobody: true },
    );
    assert.deepEqual(child.result, {
      files: [join(root, 'open', 'a.synth.md'), join(root, 'top.synth.md')],
      unreadable: [{ path: join(root, 'locked'), failure: 'permission' }],
      truncated: false,
    }, child.stderr);
  });

  test('skipped folders are not entered, links to folders are not followed (no loops), and a limit truncates', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'node_modules'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'node_modules', 'x.synth.md'), '');
    writeFileSync(join(root, 'a', '1.synth.md'), '');
    writeFileSync(join(root, 'a', '2.synth.md'), '');
    writeFileSync(join(root, 'a', 'notes.md'), '');
    symlinkSync(root, join(root, 'a', 'loop'));
    const tree = await listTree(root, { accept: synth, skipFolder: (n) => n === 'node_modules' });
    assert.deepEqual(tree, { files: [join(root, 'a', '1.synth.md'), join(root, 'a', '2.synth.md')], unreadable: [], truncated: false });
    const limited = await listTree(root, { accept: synth, skipFolder: (n) => n === 'node_modules', limit: 1 });
    assert.deepEqual(limited, { files: [join(root, 'a', '1.synth.md')], unreadable: [], truncated: true });
  });

  test('a root that cannot be listed is itself reported', async () => {
    const root = join(tempDir(), 'missing');
    assert.deepEqual(await listTree(root, { accept: synth }), { files: [], unreadable: [{ path: root, failure: 'not-found' }], truncated: false });
  });
});
