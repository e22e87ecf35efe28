// Reading files (server/src/node/fs, contract 2 of the plan): what a path may lead to, what kind
// of file is read, how much of it, and how its bytes become text. Each test is one property of
// issue 13, class 2 ("reading what a document names") or class 1's decoding half.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MAX_SIDE_FILE_BYTES as MAX_REGISTER_BYTES, wordMessage } from '../../server/src/core/index.js';
import { listFolder, readBytes, readTextFile, type BytesResult, type ReadResult } from '../../server/src/node/fs/index.js';
import { blocking, type Calls } from '../../server/src/node/fs/calls.js';
import { readWith } from '../../server/src/node/fs/read.js';
import { FS_MODULE, runChild, tempDir } from './helpers.js';

const MB = 1024 * 1024;

/** The reason node/fs gives (a message, as data), in English words. */
function reason(result: ReadResult): string {
  return !result.ok && result.detail ? wordMessage(result.detail) : '';
}

function failure(result: ReadResult): string {
  assert.equal(result.ok, false, `expected a failure, read ${JSON.stringify(result.ok ? result.text.slice(0, 80) : '')}`);
  return result.ok ? '' : result.failure;
}

describe('what a path may lead to', () => {
  test('a path that climbs out of the project (../../etc/passwd) is refused before the file system is asked', async () => {
    const project = tempDir();
    const result = await readTextFile(join(project, '..', '..', 'etc', 'passwd'), { within: project, maxBytes: MB });
    assert.equal(failure(result), 'outside-project');
  });

  test('an absolute path outside the project is refused; one inside is read', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'evidence.csv'), 'id\nA\n');
    assert.equal(failure(await readTextFile('/etc/passwd', { within: project, maxBytes: MB })), 'outside-project');
    const inside = await readTextFile(join(project, 'evidence.csv'), { within: project, maxBytes: MB });
    assert.ok(inside.ok);
    assert.equal(inside.text, 'id\nA\n');
  });

  test('a symbolic link inside the project that leads out of it is refused, and says so without naming the target', async () => {
    const project = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.csv'), 'id,title\nS-1,secret\n');
    symlinkSync(join(outside, 'secret.csv'), join(project, 'evidence.csv'));
    const result = await readTextFile(join(project, 'evidence.csv'), { within: project, maxBytes: MB });
    assert.equal(failure(result), 'outside-project');
    assert.ok(!result.ok && !JSON.stringify(result).includes(outside), 'the real path is not shown');
  });

  test('a symbolic link to a folder outside the project is refused for the files under it', async () => {
    const project = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'r.csv'), 'id\nA\n');
    symlinkSync(outside, join(project, 'data'));
    assert.equal(failure(await readTextFile(join(project, 'data', 'r.csv'), { within: project, maxBytes: MB })), 'outside-project');
  });

  test('a symbolic link that stays inside the project is followed', async () => {
    const project = tempDir();
    mkdirSync(join(project, 'registers'));
    writeFileSync(join(project, 'registers', 'all.csv'), 'id\nA\n');
    symlinkSync(join(project, 'registers', 'all.csv'), join(project, 'evidence.csv'));
    const result = await readTextFile(join(project, 'evidence.csv'), { within: project, maxBytes: MB });
    assert.ok(result.ok);
    assert.equal(result.text, 'id\nA\n');
  });

  test('the project folder itself may be reached through a link (its real path bounds the reads)', async () => {
    const real = tempDir();
    const links = tempDir();
    writeFileSync(join(real, 'evidence.csv'), 'id\nA\n');
    symlinkSync(real, join(links, 'project'));
    const result = await readTextFile(join(links, 'project', 'evidence.csv'), { within: join(links, 'project'), maxBytes: MB });
    assert.ok(result.ok, JSON.stringify(result));
  });

  test('without `within` (a path the user gave) a link is followed wherever it leads', async () => {
    const here = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'a.synth.md'), '# A\n');
    symlinkSync(join(elsewhere, 'a.synth.md'), join(here, 'a.synth.md'));
    const result = await readTextFile(join(here, 'a.synth.md'), { maxBytes: MB });
    assert.ok(result.ok);
  });

  test('a missing file is not-found; an unreadable one is permission (tried as an ordinary user)', async () => {
    const dir = tempDir();
    assert.equal(failure(await readTextFile(join(dir, 'none.csv'), { maxBytes: MB })), 'not-found');
    writeFileSync(join(dir, 'locked.csv'), 'id\nA\n');
    chmodSync(join(dir, 'locked.csv'), 0o000);
    const child = runChild(
      `import { readTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const r = await readTextFile(${JSON.stringify(join(dir, 'locked.csv'))}, { maxBytes: 1000 });\n` +
        'console.log(JSON.stringify(r));\n',
      { asNobody: true },
    );
    assert.deepEqual(child.result, { ok: false, failure: 'permission' }, child.stderr);
  });
});

describe('only regular files', () => {
  test('a folder is not-a-file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'evidence.csv'));
    const result = await readTextFile(join(dir, 'evidence.csv'), { maxBytes: MB });
    assert.equal(failure(result), 'not-a-file');
    assert.match(reason(result), /folder/);
  });

  test('a device that never ends (/dev/zero, /dev/urandom) is refused at once, nothing is read', async () => {
    for (const device of ['/dev/zero', '/dev/urandom', '/dev/null']) {
      const result = await readTextFile(device, { maxBytes: MB });
      assert.equal(failure(result), 'not-a-file', device);
      assert.match(reason(result), /device/);
    }
  });

  test('a FIFO with no writer is refused without hanging the reader (in a child process, which must finish)', () => {
    const dir = tempDir();
    const fifo = join(dir, 'evidence.csv');
    execFileSync('mkfifo', [fifo]);
    // A blocking open would wait for a writer for ever; the child would then be killed by the timeout.
    const child = runChild(
      `import { readTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const r = await readTextFile(${JSON.stringify(fifo)}, { within: ${JSON.stringify(dir)}, maxBytes: 1000 });\n` +
        'console.log(JSON.stringify(r));\n',
      { timeoutMs: 10_000 },
    );
    assert.equal(child.signal, null, 'the child finished by itself');
    assert.deepEqual(child.result, { ok: false, failure: 'not-a-file', detail: { key: 'file.detail.fifo' } });
  });

  test('a link to a FIFO or a device is refused the same way', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    assert.equal(failure(await readTextFile(join(dir, 'zero.csv'), { maxBytes: MB })), 'not-a-file');
  });
});

describe('a size cap with a clear message', () => {
  test('a register over 10 MB is too-large and says how large against the limit', async () => {
    const dir = tempDir();
    const path = join(dir, 'evidence.csv');
    writeFileSync(path, Buffer.alloc(MAX_REGISTER_BYTES + 1024 * 1024, 0x61));
    const result = await readTextFile(path, { maxBytes: MAX_REGISTER_BYTES });
    assert.equal(failure(result), 'too-large');
    assert.equal(reason(result), 'it is 11 MB; the limit is 10 MB');
  });

  test('exactly at the cap is read; one byte more is not', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'b'), 'x'.repeat(1001));
    assert.ok((await readTextFile(join(dir, 'a'), { maxBytes: 1000 })).ok);
    assert.equal(failure(await readTextFile(join(dir, 'b'), { maxBytes: 1000 })), 'too-large');
  });

  test('a file that claims to be empty but is not (/proc) is still read no further than the cap', async () => {
    // /proc files report a size of 0; the cap holds on the bytes actually read.
    const result = await readTextFile('/proc/self/status', { maxBytes: 64 });
    assert.equal(failure(result), 'too-large');
  });
});

describe('decoding: byte-order marks, UTF-16, and no replacement characters', () => {
  const write = (bytes: Buffer | string): string => {
    const path = join(tempDir(), 'doc.synth.md');
    writeFileSync(path, bytes);
    return path;
  };

  test('UTF-8 without a mark: the text, its encoding and a stamp of size, time and hash', async () => {
    const result = await readTextFile(write('# Síntesis ✓\n'), { maxBytes: MB });
    assert.ok(result.ok);
    assert.equal(result.text, '# Síntesis ✓\n');
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.stamp.size, Buffer.byteLength('# Síntesis ✓\n'));
    assert.match(result.stamp.hash, /^[0-9a-f]{64}$/);
    assert.ok(result.stamp.mtimeMs > 0);
  });

  test('UTF-8 with a byte-order mark: the mark is not part of the text, and is remembered', async () => {
    const result = await readTextFile(write(Buffer.from('\ufeff# A\n', 'utf8')), { maxBytes: MB });
    assert.ok(result.ok);
    assert.equal(result.text, '# A\n');
    assert.equal(result.encoding, 'utf-8-bom');
  });

  test('UTF-16 LE and BE with their marks are decoded', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Résumé\r\n', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const a = await readTextFile(write(le), { maxBytes: MB });
    const b = await readTextFile(write(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { maxBytes: MB });
    assert.ok(a.ok && b.ok);
    assert.deepEqual([a.text, a.encoding], ['# Résumé\r\n', 'utf-16le']);
    assert.deepEqual([b.text, b.encoding], ['# Résumé\r\n', 'utf-16be']);
  });

  test('Latin-1 / Windows-1252 is refused as not-text, naming the line, never decoded with replacement characters', async () => {
    const result = await readTextFile(write(Buffer.from('# Title\n\nCaf\xe9 and \x93quotes\x94\n', 'latin1')), { maxBytes: MB });
    assert.equal(failure(result), 'not-text');
    const detail = reason(result);
    assert.match(detail, /not UTF-8/);
    assert.match(detail, /line 3/);
    assert.match(detail, /Latin-1 or Windows-1252/);
  });

  test('binary data is refused as not-text, and called binary', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const result = await readTextFile(write(png), { maxBytes: MB });
    assert.equal(failure(result), 'not-text');
    assert.match(reason(result), /binary file/);
  });

  test('a NUL character in otherwise valid UTF-8 is text (kept as it is)', async () => {
    const result = await readTextFile(write('---\ntitle: \0\n---\n'), { maxBytes: MB });
    assert.ok(result.ok);
    assert.equal(result.text, '---\ntitle: \0\n---\n');
  });

  test('UTF-16 without a mark is recognised and refused with that reason', async () => {
    const result = await readTextFile(write(Buffer.from('# A synthesis of many evaluations\n', 'utf16le')), { maxBytes: MB });
    assert.equal(failure(result), 'not-text');
    assert.match(reason(result), /UTF-16 text without a byte-order mark/);
  });

  test('overlong forms, encoded surrogates and truncated sequences are not UTF-8', async () => {
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x41, 0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]]) {
      assert.equal(failure(await readTextFile(write(Buffer.from(bytes)), { maxBytes: MB })), 'not-text', JSON.stringify(bytes));
    }
  });

  test('UTF-16 with an unpaired surrogate or an odd number of bytes is refused', async () => {
    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0, 0x00, 0xd8, 0x42, 0])]);
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x41, 0, 0x42])]);
    assert.equal(failure(await readTextFile(write(lone), { maxBytes: MB })), 'not-text');
    assert.equal(failure(await readTextFile(write(odd), { maxBytes: MB })), 'not-text');
  });
});

describe('reading and listing on the calling thread (`blocking`, for synthlint) refuse and answer exactly as on the thread pool', () => {
  test('the same answer for a file, a link out of the project, a folder, a device, a FIFO, a missing file, one too large and /proc', async () => {
    const project = tempDir();
    const outside = tempDir();
    writeFileSync(join(project, 'brief.synth.md'), '# Brief\n');
    writeFileSync(join(outside, 'secret.csv'), 'id\nS-1\n');
    symlinkSync(join(outside, 'secret.csv'), join(project, 'linked.csv'));
    symlinkSync('/dev/zero', join(project, 'zero.csv'));
    mkdirSync(join(project, 'folder.synth.md'));
    execFileSync('mkfifo', [join(project, 'fifo.synth.md')]);
    writeFileSync(join(project, 'large.synth.md'), 'x'.repeat(1001));
    const cases: Array<[string, { within?: string; realWithin?: string; maxBytes: number }]> = [
      ['brief.synth.md', { within: project, maxBytes: 1000 }],
      ['linked.csv', { within: project, maxBytes: 1000 }],
      // The project's real path given once for the run bounds the reads as resolving it each time does.
      ['linked.csv', { within: project, realWithin: realpathSync(project), maxBytes: 1000 }],
      ['linked.csv', { maxBytes: 1000 }],
      ['zero.csv', { maxBytes: 1000 }],
      ['folder.synth.md', { within: project, maxBytes: 1000 }],
      ['fifo.synth.md', { within: project, maxBytes: 1000 }],
      ['missing.synth.md', { within: project, maxBytes: 1000 }],
      ['large.synth.md', { within: project, maxBytes: 1000 }],
      ['/proc/self/status', { maxBytes: 64 }],
      ['../../etc/passwd', { within: project, maxBytes: 1000 }],
    ];
    const answers: string[] = [];
    for (const [name, options] of cases) {
      const path = name.startsWith('/') ? name : join(project, name);
      const shape = (r: BytesResult): unknown => (r.ok ? { text: r.bytes.toString('utf8'), size: r.stamp.size, hash: r.stamp.hash, mtime: r.stamp.mtimeMs } : r);
      const pooled = shape(await readBytes(path, options));
      assert.deepEqual(shape(await readBytes(path, { ...options, blocking: true })), pooled, name);
      answers.push(`${name}: ${JSON.stringify(pooled).slice(0, 60)}`);
    }
    // And those answers are the ones each case calls for.
    assert.match(answers[0]!, /"text":"# Brief\\n"/);
    for (const i of [1, 2, 10]) assert.match(answers[i]!, /outside-project/, answers[i]);
    assert.match(answers[3]!, /"text":"id\\nS-1\\n"/);
    for (const i of [4, 5, 6]) assert.match(answers[i]!, /not-a-file/, answers[i]);
    assert.match(answers[7]!, /not-found/);
    for (const i of [8, 9]) assert.match(answers[i]!, /too-large/, answers[i]);
  });
});

describe('listing on the calling thread', () => {
  test('the same entries and refusals as on the thread pool', async () => {
    const project = tempDir();
    const outside = tempDir();
    mkdirSync(join(project, 'reports'));
    writeFileSync(join(project, 'reports', 'a.synth.md'), '# A\n');
    mkdirSync(join(project, 'reports', 'sub'));
    symlinkSync(outside, join(project, 'reports', 'out'));
    symlinkSync(outside, join(project, 'away'));
    symlinkSync(join(project, 'nowhere'), join(project, 'reports', 'broken.synth.md'));
    const cases: Array<[string, { within?: string; realWithin?: string }]> = [
      ['reports', { within: project }],
      ['reports', { within: project, realWithin: realpathSync(project) }],
      ['away', { within: project }],
      ['reports/a.synth.md', { within: project }],
      ['missing', { within: project }],
    ];
    for (const [name, options] of cases) {
      const pooled = await listFolder(join(project, name), options);
      assert.deepEqual(await listFolder(join(project, name), { ...options, blocking: true }), pooled, name);
    }
    const listed = await listFolder(join(project, 'reports'), { within: project, blocking: true });
    assert.deepEqual(listed.ok && listed.entries, [
      { name: 'a.synth.md', kind: 'file' },
      { name: 'broken.synth.md', kind: 'file' },
      { name: 'sub', kind: 'folder' },
    ]);
    const away = await listFolder(join(project, 'away'), { within: project, blocking: true });
    assert.equal(!away.ok && away.failure, 'outside-project');
    const file = await listFolder(join(project, 'reports', 'a.synth.md'), { blocking: true });
    assert.equal(!file.ok && file.failure, 'not-a-file');
  });
});

describe('what is checked is the file opened, not the path looked at before', () => {
  /** The blocking calls, with the disk changed by `swap` right after the first stat (as another process could), and the reads counted. */
  function swapping(swap: () => void, pathOf?: Calls<number>['pathOf']): { calls: Calls<number>; reads: () => number } {
    let reads = 0;
    let swapped = false;
    const calls: Calls<number> = {
      ...blocking,
      stat: (path) => {
        const info = blocking.stat(path);
        if (!swapped) {
          swapped = true;
          swap();
        }
        return info;
      },
      read: (fd, buffer, offset, length) => {
        reads++;
        return blocking.read(fd, buffer, offset, length);
      },
      ...(pathOf ? { pathOf } : {}),
    };
    return { calls, reads: () => reads };
  }

  const systems: Array<[string, Calls<number>['pathOf'] | undefined]> = [
    ['where the system tells an open file\'s path (Linux)', undefined],
    ['where it does not (the path resolved again must name the file opened)', () => undefined],
  ];
  for (const [system, pathOf] of systems) {
    test(`a file swapped for a link out of the project after the check is refused before a byte is read, ${system}`, async () => {
      const project = tempDir();
      const outside = tempDir();
      writeFileSync(join(project, 'evidence.csv'), 'id\nA\n');
      writeFileSync(join(outside, 'secret.csv'), 'id\nSECRET\n');
      const { calls, reads } = swapping(() => {
        rmSync(join(project, 'evidence.csv'));
        symlinkSync(join(outside, 'secret.csv'), join(project, 'evidence.csv'));
      }, pathOf);
      const result = await readWith(calls, join(project, 'evidence.csv'), { within: project, maxBytes: MB });
      assert.deepEqual(result, { ok: false, failure: 'outside-project', detail: { key: 'file.detail.link-outside' } });
      assert.equal(reads(), 0, 'nothing was read');
    });

    test(`a folder on the way swapped for a link out of the project is refused too, ${system}`, async () => {
      const project = tempDir();
      const outside = tempDir();
      mkdirSync(join(project, 'data'));
      writeFileSync(join(project, 'data', 'r.csv'), 'id\nA\n');
      writeFileSync(join(outside, 'r.csv'), 'id\nSECRET\n');
      const { calls, reads } = swapping(() => {
        renameSync(join(project, 'data'), join(project, 'old'));
        symlinkSync(outside, join(project, 'data'));
      }, pathOf);
      const result = await readWith(calls, join(project, 'data', 'r.csv'), { within: project, maxBytes: MB });
      assert.equal(result.ok ? 'read' : result.failure, 'outside-project');
      assert.equal(reads(), 0, 'nothing was read');
    });

    test(`a file swapped out and back again around the open is refused: what was opened was outside, ${system}`, async () => {
      const project = tempDir();
      const outside = tempDir();
      writeFileSync(join(project, 'evidence.csv'), 'id\nA\n');
      writeFileSync(join(outside, 'secret.csv'), 'id\nSECRET\n');
      const { calls: swapped, reads } = swapping(() => {
        renameSync(join(project, 'evidence.csv'), join(project, 'kept.csv'));
        symlinkSync(join(outside, 'secret.csv'), join(project, 'evidence.csv'));
      }, pathOf);
      const calls: Calls<number> = {
        ...swapped,
        open: (path, flags) => {
          const fd = swapped.open(path, flags);
          // And back, before anything asks where the path leads.
          rmSync(join(project, 'evidence.csv'));
          renameSync(join(project, 'kept.csv'), join(project, 'evidence.csv'));
          return fd;
        },
      };
      // From inside the project, as synthlint is usually run: a path that cannot be told must not pass for the current folder.
      const cwd = process.cwd();
      process.chdir(project);
      let result: BytesResult;
      try {
        result = await readWith(calls, join(project, 'evidence.csv'), { within: project, maxBytes: MB });
      } finally {
        process.chdir(cwd);
      }
      assert.equal(result.ok ? 'read' : result.failure, 'outside-project');
      assert.equal(reads(), 0, 'nothing was read');
    });

    test(`a file that stays inside is read, ${system}`, async () => {
      const project = tempDir();
      mkdirSync(join(project, 'registers'));
      writeFileSync(join(project, 'registers', 'all.csv'), 'id\nA\n');
      symlinkSync(join(project, 'registers', 'all.csv'), join(project, 'evidence.csv'));
      const { calls } = swapping(() => undefined, pathOf);
      const result = await readWith(calls, join(project, 'evidence.csv'), { within: project, maxBytes: MB });
      assert.equal(result.ok && result.bytes.toString('utf8'), 'id\nA\n');
    });
  }

  test('nothing is told about a file outside: an unreadable file, a FIFO or a device a link leads to is "outside the project"', () => {
    const project = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'locked.csv'), 'id\nA\n');
    chmodSync(join(outside, 'locked.csv'), 0o000);
    execFileSync('mkfifo', [join(outside, 'fifo.csv')]);
    symlinkSync(join(outside, 'locked.csv'), join(project, 'locked.csv'));
    symlinkSync(join(outside, 'fifo.csv'), join(project, 'fifo.csv'));
    symlinkSync('/dev/zero', join(project, 'zero.csv'));
    const child = runChild(
      `import { readTextFile } from ${JSON.stringify(FS_MODULE)};\n` +
        `const out = [];\n` +
        `for (const name of ['locked.csv', 'fifo.csv', 'zero.csv']) out.push((await readTextFile(${JSON.stringify(project)} + '/' + name, { within: ${JSON.stringify(project)}, maxBytes: 1000 })).failure);\n` +
        'console.log(JSON.stringify(out));\n',
      { asNobody: true },
    );
    assert.deepEqual(child.result, ['outside-project', 'outside-project', 'outside-project'], child.stderr);
  });
});
