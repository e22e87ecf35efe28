// Issue 13's rules applied to Word, PDF and HTML export and to the importer (the bundled dist/cli.js):
// a reference document the project's configuration names is read only inside the project; an
// export or an import is never written through a link planted in its folder, never over a file
// without --force, and whole or not at all; an input too large to import is refused in plain words.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers.js';
import { tempDir } from './helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const BRIEF = readFileSync(join(repoRoot, 'test', 'fixtures', 'cli', 'sum-error.synth.md'), 'utf8');
const SECRET = 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n';
const MB = 1024 * 1024;

function synthlint(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A machine in miniature: `etc/passwd` outside, and a project (with a configuration file) holding one synthesis. */
function machine(config: string): { root: string; project: string; passwd: string } {
  const root = tempDir();
  mkdirSync(join(root, 'etc'));
  const passwd = join(root, 'etc', 'passwd');
  writeFileSync(passwd, SECRET);
  const project = join(root, 'home', 'office', 'project');
  mkdirSync(join(project, '.synthesis'), { recursive: true });
  writeFileSync(join(project, '.synthesis', 'config.yaml'), config);
  writeFileSync(join(project, 'brief.synth.md'), BRIEF);
  return { root, project, passwd };
}

describe('export: a reference document the configuration names is read only inside the project', () => {
  const cases: Array<[string, (m: { passwd: string }) => string]> = [
    ['../../../etc/passwd (climbing out)', () => '../../../etc/passwd'],
    ['an absolute path', (m) => m.passwd],
  ];
  for (const [name, value] of cases) {
    test(name, () => {
      const m = machine('');
      const named = value(m);
      writeFileSync(join(m.project, '.synthesis', 'config.yaml'), `referenceDoc: ${named}\n`);
      const r = synthlint(['export', 'brief.synth.md', '--to', 'docx'], m.project);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `synthlint export: cannot read the reference document ${named} (referenceDoc in .synthesis/config.yaml): it is outside the project\n`);
      assert.doesNotMatch(r.stdout + r.stderr, /SECRET-LINE/);
      assert.equal(existsSync(join(m.project, 'brief.docx')), false, 'nothing was exported');
    });
  }

  test('a link inside the project that leads to a file outside it', () => {
    const m = machine('referenceDoc: styles/office.docx\n');
    mkdirSync(join(m.project, 'styles'));
    symlinkSync(m.passwd, join(m.project, 'styles', 'office.docx'));
    const r = synthlint(['export', 'brief.synth.md', '--to', 'docx'], m.project);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'synthlint export: cannot read the reference document styles/office.docx (referenceDoc in .synthesis/config.yaml): it is a link to a file outside the project folder\n');
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET-LINE/);
  });

  test('a FIFO named as the reference document is refused at once', () => {
    const m = machine('referenceDoc: office.docx\n');
    spawnSync('mkfifo', [join(m.project, 'office.docx')]);
    const r = synthlint(['export', 'brief.synth.md', '--to', 'docx'], m.project);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot read the reference document office\.docx \(referenceDoc in \.synthesis\/config\.yaml\): it is a named pipe \(FIFO\), not a file\n$/);
  });
});

describe('export: where the output is written', () => {
  test('an existing file is not replaced without --force; with it, it is replaced whole, its mode kept', () => {
    const m = machine('');
    const out = join(m.project, 'brief.html');
    writeFileSync(out, 'the page the writer edited by hand');
    chmodSync(out, 0o640);
    const refused = synthlint(['export', 'brief.synth.md', '--to', 'html'], m.project);
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, 'synthlint export: brief.html already exists: choose another name with -o, or add --force to replace it\n');
    assert.equal(readFileSync(out, 'utf8'), 'the page the writer edited by hand');

    const forced = synthlint(['export', 'brief.synth.md', '--to', 'html', '--force'], m.project);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/i);
    assert.equal(statSync(out).mode & 0o7777, 0o640);
    assert.deepEqual(readdirSync(m.project).sort(), ['.synthesis', 'brief.html', 'brief.synth.md'], 'no temporary file is left');
  });

  test('a link planted where the export goes, leading out of the folder: not written through, even with --force', () => {
    const m = machine('');
    symlinkSync(m.passwd, join(m.project, 'brief.docx'));
    const plain = synthlint(['export', 'brief.synth.md', '--to', 'docx'], m.project);
    assert.equal(plain.status, 2);
    assert.equal(plain.stderr, 'synthlint export: brief.docx already exists: choose another name with -o, or add --force to replace it\n');
    const forced = synthlint(['export', 'brief.synth.md', '--to', 'docx', '--force'], m.project);
    assert.equal(forced.status, 2);
    assert.equal(forced.stderr, 'synthlint export: cannot write brief.docx: it is outside the project; the file was left as it was\n');
    assert.equal(readFileSync(m.passwd, 'utf8'), SECRET, 'the file outside is untouched');
    assert.ok(lstatSync(join(m.project, 'brief.docx')).isSymbolicLink(), 'the link stays a link');
  });

  test('a link that leads nowhere is not followed to create a file outside', () => {
    const m = machine('');
    symlinkSync(join(m.root, 'etc', 'cron.hourly'), join(m.project, 'brief.docx'));
    const r = synthlint(['export', 'brief.synth.md', '--to', 'docx', '--force'], m.project);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'synthlint export: cannot write brief.docx: it could not be written (it is a symbolic link to a file that does not exist); the file was left as it was\n');
    assert.deepEqual(readdirSync(join(m.root, 'etc')), ['passwd']);
  });
});

describe('import: where the synthesis is written, and how large an input may be', () => {
  test('a link planted where the synthesis goes: not written through, with or without --force', () => {
    const m = machine('');
    writeFileSync(join(m.project, 'notes.txt'), 'Justice in Panama\n\nCountry: Panama\n');
    symlinkSync(m.passwd, join(m.project, 'notes.synth.md'));
    const plain = synthlint(['import', 'notes.txt'], m.project);
    assert.equal(plain.status, 2);
    assert.equal(plain.stderr, 'synthlint import: notes.synth.md already exists: choose another name with -o, or add --force to replace it\n');
    const forced = synthlint(['import', 'notes.txt', '--force'], m.project);
    assert.equal(forced.status, 2);
    assert.equal(forced.stderr, 'synthlint import: cannot write notes.synth.md: it is outside the project; the file was left as it was\n');
    assert.equal(readFileSync(m.passwd, 'utf8'), SECRET);
  });

  test('an input over 50 MB is refused before it is read, saying the limit', () => {
    const m = machine('');
    const big = join(m.project, 'huge.docx');
    writeFileSync(big, '');
    truncateSync(big, 60 * MB);
    const r = synthlint(['import', 'huge.docx'], m.project);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'synthlint import: cannot read huge.docx: it is 60 MB; the limit is 50 MB\n');
    assert.equal(existsSync(join(m.project, 'huge.synth.md')), false);
  });

  test('a register over 10 MB given with --evidence is refused the same way', () => {
    const m = machine('');
    writeFileSync(join(m.project, 'notes.txt'), 'Justice in Panama\n');
    const register = join(m.project, 'register.csv');
    writeFileSync(register, '');
    truncateSync(register, 12 * MB);
    const r = synthlint(['import', 'notes.txt', '--evidence', 'register.csv'], m.project);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'synthlint import: cannot read the evidence register register.csv: it is 12 MB; the limit is 10 MB\n');
  });
});
