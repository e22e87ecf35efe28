// Writing files (server/src/node/fs, contract 2 of the plan): issue 13, class 1 — nothing a user
// wrote is ever lost, truncated or re-encoded, and nothing outside the project is written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readTextFile, writeBytes, writeTextFile, type WriteResult } from '../../server/src/node/fs/index.js';
import { FS_MODULE, isRoot, NOBODY, runChild, tempDir } from './helpers.js';

const MB = 1024 * 1024;

function failure(result: WriteResult): string {
  assert.equal(result.ok, false, 'expected the write to be refused');
  return result.ok ? '' : result.failure;
}

/** Only the file itself: no temporary file left beside it. */
function assertOnly(dir: string, names: string[]): void {
  assert.deepEqual(readdirSync(dir).sort(), [...names].sort(), 'no temporary file is left behind');
}

describe('replacing a file', () => {
  test('the new text replaces the old through a rename; mode kept; the stamp is what a fresh read gives', async () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, '# Old\n');
    chmodSync(path, 0o640);
    const before = statSync(path);
    const read = await readTextFile(path, { maxBytes: MB });
    assert.ok(read.ok);
    const written = await writeTextFile(path, '# New\n', { expected: read.stamp, encoding: read.encoding, within: dir });
    assert.ok(written.ok, JSON.stringify(written));
    assert.equal(readFileSync(path, 'utf8'), '# New\n');
    const after = statSync(path);
    assert.equal(after.mode & 0o7777, 0o640, 'the mode is kept');
    assert.notEqual(after.ino, before.ino, 'a new file was renamed over the old one');
    const again = await readTextFile(path, { maxBytes: MB });
    assert.ok(again.ok);
    assert.deepEqual(written.stamp, again.stamp);
    assertOnly(dir, ['brief.synth.md']);
  });

  test('a new file is created with the usual permissions; a missing folder is a failure, not a crash', async () => {
    const dir = tempDir();
    const written = await writeTextFile(join(dir, 'brief.html'), '<p>x</p>', { encoding: 'utf-8', within: dir });
    assert.ok(written.ok);
    writeFileSync(join(dir, 'plain.html'), 'x');
    assert.equal(statSync(join(dir, 'brief.html')).mode, statSync(join(dir, 'plain.html')).mode, 'the same mode as any new file');
    assert.equal(failure(await writeTextFile(join(dir, 'no', 'such', 'brief.html'), 'x', { encoding: 'utf-8' })), 'io');
  });

  test("the file keeps its owner (as root, a rename would otherwise hand someone's file to root)", async () => {
    const dir = tempDir();
    const path = join(dir, 'a.synth.md');
    writeFileSync(path, 'a');
    const owner = isRoot ? NOBODY : process.getuid!();
    if (isRoot) chownSync(path, NOBODY, NOBODY);
    assert.ok((await writeTextFile(path, 'b', { encoding: 'utf-8' })).ok);
    assert.equal(statSync(path).uid, owner);
  });

  test('a FIFO or a device in the way is not replaced', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'brief.html')]);
    assert.equal(failure(await writeTextFile(join(dir, 'brief.html'), 'x', { encoding: 'utf-8' })), 'io');
    assert.ok(lstatSync(join(dir, 'brief.html')).isFIFO());
    symlinkSync('/dev/null', join(dir, 'null.html'));
    assert.equal(failure(await writeTextFile(join(dir, 'null.html'), 'x', { encoding: 'utf-8' })), 'io');
    assert.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still a device');
  });
});

describe('never through a link that leaves the project', () => {
  test('a link inside the project to a file outside it: refused, the outside file and the link untouched', async () => {
    const project = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'victim.txt'), 'precious\n');
    symlinkSync(join(outside, 'victim.txt'), join(project, 'brief.synth.md'));
    const result = await writeTextFile(join(project, 'brief.synth.md'), 'overwritten', { encoding: 'utf-8', within: project });
    assert.equal(failure(result), 'outside-project');
    assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), 'precious\n');
    assert.equal(readlinkSync(join(project, 'brief.synth.md')), join(outside, 'victim.txt'));
    assertOnly(outside, ['victim.txt']);
  });

  test('a path that climbs out (../) is refused', async () => {
    const project = tempDir();
    assert.equal(failure(await writeTextFile(join(project, '..', 'escaped.html'), 'x', { encoding: 'utf-8', within: project })), 'outside-project');
  });

  test('a link that stays inside the project is written through, and stays a link', async () => {
    const project = tempDir();
    mkdirSync(join(project, 'drafts'));
    writeFileSync(join(project, 'drafts', 'real.synth.md'), 'old');
    symlinkSync(join(project, 'drafts', 'real.synth.md'), join(project, 'brief.synth.md'));
    assert.ok((await writeTextFile(join(project, 'brief.synth.md'), 'new', { encoding: 'utf-8', within: project })).ok);
    assert.equal(readFileSync(join(project, 'drafts', 'real.synth.md'), 'utf8'), 'new');
    assert.ok(lstatSync(join(project, 'brief.synth.md')).isSymbolicLink());
  });

  test('a link that leads nowhere is not replaced by a file', async () => {
    const project = tempDir();
    symlinkSync(join(project, 'missing.md'), join(project, 'brief.synth.md'));
    assert.equal(failure(await writeTextFile(join(project, 'brief.synth.md'), 'x', { encoding: 'utf-8', within: project })), 'io');
    assert.ok(lstatSync(join(project, 'brief.synth.md')).isSymbolicLink());
  });
});

describe('only if the file is unchanged since it was read', () => {
  test('an edit made meanwhile (same size, same modification time, other bytes) is kept: the write is refused as changed', async () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, 'count: 12\n');
    const read = await readTextFile(path, { maxBytes: MB });
    assert.ok(read.ok);
    const { atime, mtime } = statSync(path);
    writeFileSync(path, 'count: 21\n');
    utimesSync(path, atime, mtime); // only the hash can tell
    const result = await writeTextFile(path, 'count: 13\n', { expected: read.stamp, encoding: read.encoding });
    assert.equal(failure(result), 'changed');
    assert.equal(readFileSync(path, 'utf8'), 'count: 21\n', "the other writer's edit is on disk");
    assertOnly(dir, ['brief.synth.md']);
  });

  test('a file deleted since it was read is not re-created', async () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, 'a');
    const read = await readTextFile(path, { maxBytes: MB });
    assert.ok(read.ok);
    execFileSync('rm', [path]);
    assert.equal(failure(await writeTextFile(path, 'b', { expected: read.stamp, encoding: 'utf-8' })), 'changed');
    assertOnly(dir, []);
  });
});

describe("written back in the file's own encoding", () => {
  const cases: Array<[string, Buffer]> = [
    ['utf-8', Buffer.from('# Café\n', 'utf8')],
    ['utf-8-bom', Buffer.from('\ufeff# Café\n', 'utf8')],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Café\n', 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('# Café\n', 'utf16le').swap16()])],
  ];
  for (const [encoding, bytes] of cases) {
    test(`${encoding}: read, edited and written back keeps the encoding and the mark; unedited, the bytes are identical`, async () => {
      const dir = tempDir();
      const path = join(dir, 'brief.synth.md');
      writeFileSync(path, bytes);
      const read = await readTextFile(path, { maxBytes: MB });
      assert.ok(read.ok);
      assert.equal(read.encoding, encoding);
      assert.ok((await writeTextFile(path, read.text, { expected: read.stamp, encoding: read.encoding })).ok);
      assert.deepEqual(readFileSync(path), bytes, 'a round trip without edits changes no byte');
      const again = await readTextFile(path, { maxBytes: MB });
      assert.ok(again.ok);
      assert.ok((await writeTextFile(path, read.text.replace('Café', 'Cafés ✓'), { expected: again.stamp, encoding: again.encoding })).ok);
      const last = await readTextFile(path, { maxBytes: MB });
      assert.ok(last.ok);
      assert.deepEqual([last.text, last.encoding], ['# Cafés ✓\n', encoding]);
    });
  }

  test('text that cannot be encoded without a loss (an unpaired surrogate) is refused; the file is left as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, 'old');
    assert.equal(failure(await writeTextFile(path, 'new \ud800 text', { encoding: 'utf-8' })), 'io');
    assert.equal(readFileSync(path, 'utf8'), 'old');
  });
});

describe('a failed write leaves the original intact and says so', () => {
  test('a file-size limit hit half-way (RLIMIT_FSIZE, as a full disk would): too-large, the original whole, no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    const original = `# Brief\n\n${'An evaluator wrote this paragraph. '.repeat(20)}\n`;
    writeFileSync(path, original);
    // 8 blocks of 1,024 bytes: the 100 KB of new text cannot be written in full.
    const child = runChild(
      `import { readTextFile, writeTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const read = await readTextFile(${JSON.stringify(path)}, { maxBytes: 1 << 20 });\n` +
        `const r = await writeTextFile(${JSON.stringify(path)}, read.text + 'x'.repeat(100000), { expected: read.stamp, encoding: read.encoding });\n` +
        'console.log(JSON.stringify(r));\n',
      { fileSizeLimitBlocks: 8 },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(child.result, { ok: false, failure: 'too-large', detail: { key: 'file.detail.system-limit' } });
    assert.equal(readFileSync(path, 'utf8'), original);
    assertOnly(dir, ['brief.synth.md']);
  });

  test('a folder the user may not write to: permission, the original intact (tried as an ordinary user)', () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, 'original');
    chmodSync(path, 0o666);
    const child = runChild(
      `import { writeTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const r = await writeTextFile(${JSON.stringify(path)}, 'new', { encoding: 'utf-8' });\n` +
        'console.log(JSON.stringify(r));\n',
      { asNobody: true },
    );
    assert.equal((child.result as { ok?: boolean } | undefined)?.ok, true, `a writable folder works as that user: ${child.stderr}`);
    // Now the folder is read-only for that user.
    writeFileSync(path, 'original');
    chmodSync(dir, 0o755);
    const refused = runChild(
      `import { writeTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const r = await writeTextFile(${JSON.stringify(path)}, 'new', { encoding: 'utf-8' });\n` +
        'console.log(JSON.stringify(r));\n',
      { asNobody: true },
    );
    assert.deepEqual(refused.result, { ok: false, failure: 'permission' }, refused.stderr);
    assert.equal(readFileSync(path, 'utf8'), 'original');
    chmodSync(dir, 0o777);
  });

  test('a read-only file is not replaced even though its folder is writable (tried as an ordinary user)', () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, 'original');
    chmodSync(path, 0o444);
    const child = runChild(
      `import { writeTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const r = await writeTextFile(${JSON.stringify(path)}, 'new', { encoding: 'utf-8' });\n` +
        'console.log(JSON.stringify(r));\n',
      { asNobody: true },
    );
    assert.deepEqual(child.result, { ok: false, failure: 'permission' }, child.stderr);
    assert.equal(readFileSync(path, 'utf8'), 'original');
  });
});

describe('bytes (Word, PDF and imported files) are written with the same promises', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3]);

  test('exclusive: a file already there is not replaced, and nothing is left beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'brief.synth.md');
    writeFileSync(path, 'the writer\'s own text');
    assert.equal(failure(await writeBytes(path, bytes, { within: dir, exclusive: true })), 'exists');
    assert.equal(readFileSync(path, 'utf8'), 'the writer\'s own text');
    assertOnly(dir, ['brief.synth.md']);
  });

  test('exclusive: a new file is written whole; a link that leads nowhere is not followed to create its target', async () => {
    const dir = tempDir();
    const path = join(dir, 'brief.docx');
    const written = await writeBytes(path, bytes, { within: dir, exclusive: true });
    assert.ok(written.ok, JSON.stringify(written));
    assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
    mkdirSync(join(dir, 'outside'));
    symlinkSync(join(dir, 'outside', 'planted.txt'), join(dir, 'dangling.synth.md'));
    assert.equal(failure(await writeBytes(join(dir, 'dangling.synth.md'), bytes, { within: dir, exclusive: true })), 'io');
    assert.deepEqual(readdirSync(join(dir, 'outside')), [], 'nothing was created where the link points');
  });

  test('replacing: a link to a file outside the folder is refused, the file outside untouched; a plain file is replaced with its mode', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'project'));
    const victim = join(root, 'outside', '.bashrc');
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    symlinkSync(victim, join(root, 'project', 'brief.docx'));
    const refused = await writeBytes(join(root, 'project', 'brief.docx'), bytes, { within: join(root, 'project') });
    assert.deepEqual(refused, { ok: false, failure: 'outside-project', detail: { key: 'file.detail.link-outside' } });
    assert.equal(readFileSync(victim, 'utf8'), 'export PATH=/usr/bin\n');
    assert.ok(lstatSync(join(root, 'project', 'brief.docx')).isSymbolicLink(), 'the link stays a link');

    const plain = join(root, 'project', 'brief.pdf');
    writeFileSync(plain, 'old');
    chmodSync(plain, 0o600);
    const replaced = await writeBytes(plain, bytes, { within: join(root, 'project') });
    assert.ok(replaced.ok, JSON.stringify(replaced));
    assert.deepEqual(new Uint8Array(readFileSync(plain)), bytes);
    assert.equal(statSync(plain).mode & 0o7777, 0o600);
  });

  test('a file-size limit hit half-way: too-large, the earlier export whole, no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'brief.docx');
    writeFileSync(path, 'an earlier export');
    const child = runChild(
      `import { writeBytes } from ${JSON.stringify(FS_MODULE)};\n` +
        `const r = await writeBytes(${JSON.stringify(path)}, new Uint8Array(100000), { within: ${JSON.stringify(dir)} });\n` +
        'console.log(JSON.stringify(r));\n',
      { fileSizeLimitBlocks: 8 },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(child.result, { ok: false, failure: 'too-large', detail: { key: 'file.detail.system-limit' } });
    assert.equal(readFileSync(path, 'utf8'), 'an earlier export');
    assertOnly(dir, ['brief.docx']);
  });
});
