// Issue 13 end to end: `synthlint` (the bundled dist/cli.js, as a user or a CI job runs it) on a
// hostile repository. Each test is one class of the issue, tried the way an attacker or a careless
// user would: links out of the folder, FIFOs, an edit during --fix, files in other encodings, a
// full disk, an unreadable folder, file names that forge CI annotations, register paths that lead
// to /etc/passwd.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers.js';
import { isRoot, NOBODY, readableDist, tempDir } from './helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const FIXABLE = readFileSync(join(repoRoot, 'test', 'fixtures', 'cli', 'sum-error.synth.md'), 'utf8');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs synthlint; `prefix` wraps the command (a file-size limit, another user). Never waits more than 60 s. */
function synthlint(args: readonly string[], cwd: string, options: { env?: NodeJS.ProcessEnv; prefix?: string[]; preload?: string; cli?: string } = {}): Run {
  const node = [process.execPath, ...(options.preload ? ['--require', options.preload] : []), options.cli ?? cli, ...args];
  const argv = [...(options.prefix ?? []), ...node];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string): string[] => text.split('\n').filter(Boolean);

describe('class 1: writing', () => {
  test('--fix on a folder: a link to a file outside it is neither read nor written', () => {
    const root = tempDir();
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'project'));
    const victim = join(root, 'outside', 'victim.synth.md');
    writeFileSync(victim, FIXABLE.replace('What evaluations tell us', 'SECRET-TITLE'));
    symlinkSync(victim, join(root, 'project', 'brief.synth.md'));
    const r = synthlint(['--fix', '.'], join(root, 'project'));
    assert.equal(r.status, 2, r.stderr);
    assert.ok(lines(r.stderr).includes('synthlint: cannot read brief.synth.md: it is a link to a file outside the project folder'), r.stderr);
    assert.equal(readFileSync(victim, 'utf8'), FIXABLE.replace('What evaluations tell us', 'SECRET-TITLE'), 'the file outside is untouched');
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET-TITLE/, 'nothing of it is shown');
  });

  test('--fix on a link named on the command line: checked, but not written through to another folder', () => {
    const root = tempDir();
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'project'));
    const victim = join(root, 'outside', 'victim.synth.md');
    writeFileSync(victim, FIXABLE);
    symlinkSync(victim, join(root, 'project', 'brief.synth.md'));
    const r = synthlint(['--fix', 'brief.synth.md'], join(root, 'project'));
    assert.equal(r.status, 2, r.stderr);
    assert.ok(lines(r.stderr).includes('synthlint: cannot write brief.synth.md: it is outside the project; the file was left as it was'), r.stderr);
    assert.equal(readFileSync(victim, 'utf8'), FIXABLE);
    assert.match(r.stdout, / sources-sum /, 'the findings are those of the file as it is');
    assert.doesNotMatch(r.stderr, /^Fixed/m);
  });

  test('render does not write through an HTML file planted as a link to a file elsewhere', () => {
    const root = tempDir();
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'project'));
    writeFileSync(join(root, 'outside', 'index.html'), 'precious');
    writeFileSync(join(root, 'project', 'brief.synth.md'), FIXABLE);
    symlinkSync(join(root, 'outside', 'index.html'), join(root, 'project', 'brief.html'));
    const r = synthlint(['render', 'brief.synth.md'], join(root, 'project'));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^synthlint: cannot write brief\.html: it is outside the project; the file was left as it was$/m);
    assert.equal(readFileSync(join(root, 'outside', 'index.html'), 'utf8'), 'precious');
  });

  test('an edit made to the file while --fix runs is kept: the fix is not written, and the run says so', () => {
    const dir = tempDir();
    const file = join(dir, 'brief.synth.md');
    writeFileSync(file, FIXABLE);
    // The preload edits the file at the moment synthlint opens its temporary file, between the
    // read and the rename: the writer's edit lands exactly where a real one would be lost.
    const preload = join(dir, 'edit-during-fix.cjs');
    writeFileSync(
      preload,
      `const fsp = require('node:fs/promises'); const fs = require('node:fs'); const open = fsp.open;
       fsp.open = function (path, ...rest) {
         if (typeof path === 'string' && path.endsWith('.tmp')) fs.appendFileSync(${JSON.stringify(file)}, '\\nA paragraph the writer added meanwhile.\\n');
         return open.call(this, path, ...rest);
       };\n`,
    );
    const r = synthlint(['--fix', 'brief.synth.md'], dir, { preload });
    assert.equal(r.status, 2, r.stderr);
    assert.ok(lines(r.stderr).includes('synthlint: cannot write brief.synth.md: it changed while it was being checked; the file was left as it was'), r.stderr);
    assert.equal(readFileSync(file, 'utf8'), `${FIXABLE}\nA paragraph the writer added meanwhile.\n`, "the writer's edit is on disk, the fix is not");
    assert.doesNotMatch(r.stderr, /^Fixed/m);
    assert.deepEqual(readdirSync(dir).sort(), ['brief.synth.md', 'edit-during-fix.cjs'], 'no temporary file is left');
  });

  test('--fix on a UTF-16 document writes it back in UTF-16, byte-order mark and CRLF kept', () => {
    const dir = tempDir();
    const file = join(dir, 'brief.synth.md');
    const crlf = FIXABLE.replace(/\n/g, '\r\n');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]));
    const r = synthlint(['--fix', 'brief.synth.md'], dir);
    assert.match(r.stderr, /^Fixed \d+ problems? in 1 file\.$/m, r.stderr);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    assert.match(text, /^evaluation reports: 10\r$/m);
    assert.equal(text.replace('evaluation reports: 10\r\n  country-level', 'evaluation reports: 9\r\n  country-level'), crlf, 'only the fix changed');
  });

  test('--fix on a Latin-1 or binary document: refused in plain words, not a byte changed', () => {
    const dir = tempDir();
    const latin1 = Buffer.from(FIXABLE.replace('Panama', 'Panamá'), 'latin1');
    const binary = Buffer.concat([Buffer.from(FIXABLE, 'utf8'), Buffer.from([0, 0xff, 0xfe, 0, 0x89])]);
    writeFileSync(join(dir, 'latin1.synth.md'), latin1);
    writeFileSync(join(dir, 'binary.synth.md'), binary);
    const r = synthlint(['--fix', '.'], dir);
    assert.equal(r.status, 2);
    // Which line holds the byte, so that the writer can find it.
    assert.ok(
      lines(r.stderr).includes('synthlint: cannot read latin1.synth.md: it is not UTF-8 text: line 2 holds a byte that UTF-8 does not allow (was the file saved as Latin-1 or Windows-1252?); save it as UTF-8'),
      r.stderr,
    );
    assert.match(r.stderr, /^synthlint: cannot read binary\.synth\.md: it is not text \(UTF-8 or UTF-16\): it looks like a binary file \(line \d+ holds bytes that are not UTF-8\)$/m);
    assert.deepEqual(readFileSync(join(dir, 'latin1.synth.md')), latin1);
    assert.deepEqual(readFileSync(join(dir, 'binary.synth.md')), binary);
  });

  test('a full disk (a file-size limit hit half-way): the original is whole, the run says so and reports the file as it is', () => {
    const dir = tempDir();
    const file = join(dir, 'brief.synth.md');
    const original = FIXABLE + `\n${'A long paragraph of the synthesis, written by an evaluator. '.repeat(200)}\n`;
    writeFileSync(file, original);
    // ulimit -f 8: at most 8 KB may be written, the document is 14 KB.
    const r = synthlint(['--fix', 'brief.synth.md'], dir, { prefix: ['bash', '-c', 'ulimit -f 8 && exec "$@"', 'synthlint'] });
    assert.equal(r.status, 2, r.stderr);
    assert.ok(lines(r.stderr).includes('synthlint: cannot write brief.synth.md: it is too large; the file was left as it was'), r.stderr);
    assert.equal(readFileSync(file, 'utf8'), original, 'not truncated');
    assert.match(r.stdout, / sources-sum /, 'the findings of the file on disk, not of the fixed text');
    assert.doesNotMatch(r.stderr, /^Fixed/m);
    assert.deepEqual(readdirSync(dir), ['brief.synth.md']);
  });
});

describe('class 2: reading what is named', () => {
  test('a FIFO named on the command line or found in a folder is refused at once, nothing hangs', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.synth.md')]);
    writeFileSync(join(dir, 'brief.synth.md'), FIXABLE);
    for (const args of [['pipe.synth.md', 'brief.synth.md'], ['.']]) {
      const r = synthlint(args, dir);
      assert.equal(r.signal, null, 'synthlint finished by itself');
      assert.equal(r.status, 2, r.stderr);
      assert.ok(lines(r.stderr).includes('synthlint: cannot read pipe.synth.md: it is a named pipe (FIFO), not a file'), r.stderr);
      assert.match(r.stdout, /^brief\.synth\.md:\d+:\d+: error sources-sum /m, 'the other file is still checked');
    }
  });

  test('a FIFO or a device named by a document as its register is a finding on the document, nothing hangs', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    writeFileSync(join(dir, 'a.synth.md'), FIXABLE.replace('country: Panama', 'country: Panama\nevidence: pipe.csv'));
    writeFileSync(join(dir, 'b.synth.md'), FIXABLE.replace('country: Panama', 'country: Panama\nevidence: zero.csv'));
    const r = synthlint(['--format', 'json', '.'], dir);
    assert.equal(r.signal, null, 'synthlint finished by itself');
    const findings = JSON.parse(r.stdout) as Array<{ file: string; rule: string; message: string }>;
    const evidence = findings.filter((f) => f.rule === 'evidence').map((f) => `${f.file}: ${f.message}`);
    assert.deepEqual(evidence, [
      "a.synth.md: The evidence register 'pipe.csv' cannot be read: it is a named pipe (FIFO), not a file. Name a CSV or YAML file relative to this synthesis.",
      "b.synth.md: The evidence register 'zero.csv' cannot be read: it is a link to a file outside the project folder. Name a CSV or YAML file relative to this synthesis.",
    ]);
  });

  test('a register path that climbs out (../../etc/passwd), an absolute one, or a link to one: refused, and nothing of the file or of this machine\'s paths in findings, SARIF or coverage', () => {
    const root = tempDir();
    const project = join(root, 'project');
    mkdirSync(join(project, '.synthesis'), { recursive: true });
    symlinkSync('/etc/passwd', join(project, 'linked.csv'));
    const depth = '../'.repeat(12);
    writeFileSync(join(project, 'a.synth.md'), FIXABLE.replace('country: Panama', `country: Panama\nevidence: ${depth}etc/passwd`));
    writeFileSync(join(project, 'b.synth.md'), FIXABLE.replace('country: Panama', 'country: Panama\nevidence: /etc/passwd'));
    writeFileSync(join(project, 'c.synth.md'), FIXABLE.replace('country: Panama', 'country: Panama\nevidence: linked.csv').replace('9 evaluation reports', '9 evaluation reports [@root]'));
    const passwd = readFileSync('/etc/passwd', 'utf8');
    const secrets = [...new Set(passwd.split('\n').flatMap((l) => l.split(':').slice(0, 1)).filter((w) => w.length >= 4))];
    const outputs = [
      synthlint(['--format', 'json', '.'], project),
      synthlint(['--format', 'sarif', '.'], project),
      synthlint(['.'], project),
      synthlint(['coverage', '.'], project),
      synthlint(['coverage', '--format', 'json', '.'], project),
      synthlint(['coverage', '--format', 'csv', '.'], project),
    ];
    for (const r of outputs) {
      // SARIF names the folder synthlint ran in as the base of every relative path (%SRCROOT%), as
      // code scanning expects; that is the user's own folder, not a path a document chose.
      const all = (r.stdout + r.stderr).replace(/"originalUriBaseIds": \{\s*"%SRCROOT%": \{\s*"uri": "[^"]*"\s*\}\s*\}/, '');
      assert.equal(r.signal, null);
      for (const word of ['root:x:', 'nologin', '/bin/', ...secrets.filter((s) => s !== 'root').map((s) => `${s}:`)]) assert.ok(!all.includes(word), `'${word}' from /etc/passwd in the output:\n${all.slice(0, 2000)}`);
      assert.ok(!all.includes(root), `an absolute path of this machine in the output:\n${all.slice(0, 2000)}`);
    }
    const findings = JSON.parse(outputs[0]!.stdout) as Array<{ file: string; rule: string; message: string }>;
    assert.deepEqual(
      findings.filter((f) => f.rule === 'evidence').map((f) => f.file),
      ['a.synth.md', 'b.synth.md', 'c.synth.md'],
    );
    const reasons = findings.filter((x) => x.rule === 'evidence').map((f) => [f.file, /cannot be read: ([^.]*)\./.exec(f.message)?.[1]]);
    assert.deepEqual(reasons, [
      ['a.synth.md', 'it is outside the project, and only files inside the project are read'],
      ['b.synth.md', 'it is outside the project, and only files inside the project are read'],
      ['c.synth.md', 'it is a link to a file outside the project folder'],
    ]);
  });

  test('an unreadable sub-folder is reported, the rest still checked (run as an ordinary user)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    mkdirSync(join(dir, 'open'));
    writeFileSync(join(dir, 'locked', 'hidden.synth.md'), FIXABLE);
    writeFileSync(join(dir, 'open', 'brief.synth.md'), FIXABLE);
    chmodSync(join(dir, 'open'), 0o755);
    chmodSync(join(dir, 'open', 'brief.synth.md'), 0o644);
    chmodSync(join(dir, 'locked'), 0o700);
    const prefix = isRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
    if (!isRoot) chmodSync(join(dir, 'locked'), 0o000);
    const r = synthlint(['.'], dir, { prefix, cli: join(readableDist(), 'cli.js') });
    chmodSync(join(dir, 'locked'), 0o700);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(lines(r.stderr).includes('synthlint: cannot read the folder locked: permission denied'), r.stderr);
    assert.match(r.stdout, /^open\/brief\.synth\.md:\d+:\d+: error sources-sum /m);
  });
});

describe('class 3: text from the repository in the output', () => {
  test('a line break in a file name cannot forge a CI annotation; escape sequences are shown, not obeyed', () => {
    const dir = tempDir();
    const name = 'brief\n::error file=README.md,line=1::forged.synth.md';
    writeFileSync(join(dir, name), FIXABLE.replace('country: Panama', 'country: Panama\ntemplate: "x\\e[2J\\e]0;owned\\a"'));
    const top = '::warning::top.synth.md';
    copyFileSync(join(dir, name), join(dir, top));
    for (const args of [['.'], ['--fix', '.'], ['coverage', '.']]) {
      const r = synthlint(args, dir);
      for (const line of [...r.stdout.split('\n'), ...r.stderr.split('\n')]) {
        assert.ok(!line.startsWith('::') && !line.startsWith('##'), `a line that a CI runner would obey: ${JSON.stringify(line)}`);
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, `a control character in: ${JSON.stringify(line)}`);
      }
      if (args[0] === '.') {
        assert.match(r.stdout, /^brief\\n::error file=README\.md,line=1::forged\.synth\.md:\d+:\d+: error sources-sum /m);
        assert.match(r.stdout, /^\\u\{3A\}:warning::top\.synth\.md:\d+:\d+: /m);
        assert.match(r.stdout, /unknown-template .*x\\u\{1B\}\[2J\\u\{1B\}\]0;owned\\u\{07\}/);
      }
    }
  });
});
