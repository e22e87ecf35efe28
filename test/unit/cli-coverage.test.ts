// `synthlint coverage` and `synthlint codebook` as a user runs them: the bundled CLI (dist/cli.js)
// over the evidence fixtures, checking output, files written and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readCodebook } from '../qdc.js';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';
import { repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const fixtures = join(repoRoot, 'test', 'fixtures', 'evidence');

function synthlint(args: readonly string[], cwd = fixtures): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
function tempCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthlint-coverage-'));
  temps.push(dir);
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('synthlint coverage', () => {
  test('prints a Markdown gap map of the syntheses found in a folder, weak targets marked', () => {
    const r = synthlint(['coverage', '.']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^# Evidence coverage\n/);
    assert.match(r.stdout, /\| Target \| Title \| Evaluations \| NTH-01 \| NTH-02 \| NTH-03 \| NTH-04 \| NTH-05 \| STH-01 \| STH-02 \| STH-03 \|/);
    assert.match(r.stdout, /\| 16\.5 \| Substantially reduce corruption[^|]*\| ⚠ 1 \|/);
    assert.match(r.stdout, /Weak: 16\.2, 16\.5\./);
  });

  test('writes CSV with --min, to a file with -o', () => {
    const dir = tempCopy();
    const r = synthlint(['coverage', '--format', 'csv', '--min', '3', '-o', 'map.csv', 'north', 'south/south.synth.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const csv = readFileSync(join(dir, 'map.csv'), 'utf8').split('\r\n');
    assert.equal(csv[0], 'target,title,evaluations,weak,NTH-01,NTH-02,NTH-03,NTH-04,NTH-05,STH-01,STH-02,STH-03');
    assert.match(csv[3]!, /^16\.3,.*,4,no,0,1,0,1,0,0,1,1$/);
    assert.match(csv[1]!, /^16\.1,.*,2,yes,/);
  });

  test('prints JSON with the files as given, relative to the current folder', () => {
    const r = synthlint(['coverage', '-f', 'json', 'south']);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { minimum: number; files: string[]; targets: Array<{ target: string; sections: Array<{ file: string; line: number }> }> };
    assert.equal(json.minimum, 2);
    assert.deepEqual(json.files, ['south/south.synth.md']);
    assert.deepEqual(json.targets.map((t) => t.target), ['16.3', '16.5']);
    assert.deepEqual(json.targets[0]!.sections, [{ file: 'south/south.synth.md', heading: 'SDG 16.3 Rule of law', line: 17 }]);
  });

  test('says so (exit 2) when a named register cannot be read, and still maps the rest', () => {
    const dir = tempCopy();
    const south = join(dir, 'south', 'south.synth.md');
    writeFileSync(south, readFileSync(south, 'utf8').replace('evidence: register.yaml', 'evidence: gone.yaml'));
    const r = synthlint(['coverage', '.'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /south\/south\.synth\.md: cannot read the evidence register gone\.yaml/);
    assert.match(r.stdout, /\| 16\.5 \|/);
  });

  test('rejects a wrong format, a wrong --min and a missing folder, in one line each', () => {
    for (const [args, message] of [
      [['coverage', '--format', 'sarif', '.'], /unknown coverage format 'sarif': use markdown, csv or json/],
      [['coverage', '--min', 'two', '.'], /--min expects a whole number of evaluations such as 2, found 'two'/],
      [['coverage'], /no files given/],
      [['coverage', 'nowhere'], /cannot read nowhere: no such file/],
      [['coverage', '--sections', '.'], /--sections does not apply to 'synthlint coverage'/],
    ] as const) {
      const r = synthlint(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});

describe('synthlint codebook', () => {
  test("writes the default template's SDG 16 targets as a REFI-QDA codebook", () => {
    const r = synthlint(['codebook']);
    assert.equal(r.status, 0, r.stderr);
    const codes = readCodebook(r.stdout);
    assert.deepEqual(codes.map((c) => c.name), ['SDG 16 Peace, justice and strong institutions']);
    assert.equal(codes[0]!.children.length, 12);
    assert.match(r.stdout, /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="synthlint \d+\.\d+\.\d+">/);
  });

  test('adds the thematic sections, in Spanish, to a file', () => {
    const dir = tempCopy();
    const r = synthlint(['codebook', '--template', 'evaluation-synthesis-report', '--sections', '--lang', 'es', '-o', 'codes.qdc'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^Se escribió codes\.qdc \(\d+ códigos de la plantilla 'evaluation-synthesis-report'\)\.\n$/);
    const codes = readCodebook(readFileSync(join(dir, 'codes.qdc'), 'utf8'));
    assert.ok(codes.length >= 2);
    assert.match(codes[0]!.children[0]!.description ?? '', /\p{L}/u);
    const themes = codes[codes.length - 1]!;
    assert.equal(themes.isCodable, false);
    assert.ok(themes.children.some((c) => c.name === 'Conclusions'), themes.children.map((c) => c.name).join(', '));
  });

  test('rejects an unknown template and files', () => {
    const unknown = synthlint(['codebook', '--template', 'nope']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown template 'nope'; known templates: /);
    const files = synthlint(['codebook', 'a.synth.md']);
    assert.equal(files.status, 2);
    assert.match(files.stderr, /'synthlint codebook' takes no files/);
  });
});

describe('parsing coverage and codebook arguments', () => {
  test('reads the options into commands', () => {
    assert.deepEqual(parseArgs(['coverage', 'a', '-f', 'csv', '--min=3', '-o', 'x.csv']), { command: 'coverage', inputs: ['a'], format: 'csv', minimum: 3, output: 'x.csv' });
    assert.deepEqual(parseArgs(['coverage', 'a']), { command: 'coverage', inputs: ['a'], format: 'markdown' });
    assert.deepEqual(parseArgs(['codebook', '--template', 't', '--sections']), { command: 'codebook', template: 't', sections: true });
    assert.deepEqual(parseArgs(['codebook', '--help']), { command: 'help' });
    assert.throws(() => parseArgs(['--min', '2', 'a']), UsageError);
  });
});
