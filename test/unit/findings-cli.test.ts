// `synthlint matrix` and `synthlint coverage --by criterion` as a user runs them: the bundled CLI
// (dist/cli.js) in a project folder with a register and a configuration file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');

function synthlint(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BRIEF = [
  '---',
  'title: Justice in Norland',
  'country: Norland',
  'period: 2016-2021',
  'team: [Ada Lind]',
  '---',
  '',
  '## Main findings and considerations',
  '',
  '### SDG 16.1 Reducing violence',
  '',
  'Observatories publish comparable figures #effectiveness [@NOR-01; @NOR-02; @GLO-01].',
  '',
  '**Consideration:** Link them to municipal planning.',
  '',
  '### SDG 16.3 Rule of law',
  '',
  'Legal aid reached rural areas [@NOR-03].',
  '',
].join('\n');

const REGISTER = ['id,title,year,type,quality,criteria', 'NOR-01,One,2016,country,very good,relevance', 'NOR-02,Two,2018,country,good,', 'NOR-03,Three,2019,country,fair,impact', 'GLO-01,Four,2021,global,very good,sustainability'].join('\n');

const temps: string[] = [];
function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthlint-matrix-'));
  temps.push(dir);
  writeFileSync(join(dir, 'norland.synth.md'), BRIEF);
  writeFileSync(join(dir, 'evidence.csv'), REGISTER);
  if (config !== undefined) {
    mkdirSync(join(dir, '.synthesis'));
    writeFileSync(join(dir, '.synthesis', 'config.yaml'), config);
  }
  return dir;
}
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('synthlint matrix', () => {
  test('prints the Markdown matrix of a synthesis, with the register beside it', () => {
    const r = synthlint(['matrix', 'norland.synth.md'], project());
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^# Summary matrix: Justice in Norland\n/);
    assert.match(r.stdout, /\| SDG 16\.1 Reducing violence \| Observatories publish .*\*\(3 evaluations; confidence: high\)\* \| 3 evaluations: 2 country-level, 1 global; 2016–2021 \| \*\*Consideration:\*\* Link them to municipal planning\. \|/);
    assert.match(r.stdout, /\| SDG 16\.3 Rule of law \| .* \| 1 evaluation: 1 country-level; 2019 ⚠ fewer than 2 evaluations \| — \|/);
  });

  test('writes CSV and JSON; the project’s coverage.minimum applies, --min wins', () => {
    const dir = project('coverage:\n  minimum: 4\n');
    const csv = synthlint(['matrix', '--format', 'csv', '-o', 'matrix.csv', 'norland.synth.md'], dir);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout, '');
    const rows = readFileSync(join(dir, 'matrix.csv'), 'utf8').split('\r\n');
    assert.match(rows[0]!, /^target,heading,line,kind,/);
    assert.match(rows[1]!, /^16\.1,SDG 16\.1 Reducing violence,10,section,.*,yes$/, 'three evaluations are fewer than 4');
    const json = synthlint(['matrix', '-f', 'json', '--min', '1', 'norland.synth.md'], dir);
    assert.equal(json.status, 0, json.stderr);
    const matrix = JSON.parse(json.stdout) as { minimum: number; rows: Array<{ thin: boolean }> };
    assert.equal(matrix.minimum, 1);
    assert.deepEqual(matrix.rows.map((r) => r.thin), [false, false]);
  });

  test('says in one line what is wrong with the command line, exit code 2', () => {
    const dir = project();
    const cases: Array<[string[], RegExp]> = [
      [['matrix'], /^synthlint: 'synthlint matrix' needs a file/],
      [['matrix', 'a.synth.md', 'b.synth.md'], /takes one file, not 2/],
      [['matrix', '--format', 'pdf', 'norland.synth.md'], /unknown matrix format 'pdf': use md, csv, json or prisma/],
      [['matrix', '--min', 'two', 'norland.synth.md'], /--min expects a whole number of evaluations such as 2, found 'two'/],
      [['matrix', '--colour', 'norland.synth.md'], /^synthlint: Unknown option '--colour'/],
      [['matrix', 'missing.synth.md'], /^synthlint: cannot read missing\.synth\.md: no such file/],
      [['matrix', '-o', 'norland.synth.md', 'norland.synth.md'], /-o names the synthesis itself/],
    ];
    for (const [args, message] of cases) {
      const r = synthlint(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message, args.join(' '));
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    }
    assert.equal(readFileSync(join(dir, 'norland.synth.md'), 'utf8'), BRIEF, 'the synthesis is untouched');
  });

  test('--format prisma writes the screening flow in the PRISMA2020 layout, its problems on standard error', () => {
    const dir = project();
    const none = synthlint(['matrix', '--format', 'prisma', 'norland.synth.md'], dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^synthlint: norland\.synth\.md has no screening flow: write one as a sources block that starts with ```sources flow\n$/);
    const flow = ['## Methodology', '', '```sources flow', 'evaluations identified: 9', 'evaluations screened: 9', 'evaluations excluded: 4', 'evaluations included: 4', '```', ''].join('\n');
    writeFileSync(join(dir, 'norland.synth.md'), `${BRIEF}\n${flow}`);
    const r = synthlint(['matrix', '--format', 'prisma', '-o', 'flow.csv', 'norland.synth.md'], dir);
    assert.equal(r.status, 0, 'a flow that does not add up is still written');
    assert.equal(r.stderr, 'synthlint: norland.synth.md:26: Expected evaluations included to be 5 (9 evaluations screened − 4 evaluations excluded), found 4\n');
    const csv = readFileSync(join(dir, 'flow.csv'), 'utf8').split('\r\n');
    assert.equal(csv[0], 'data,node,box,description,boxtext,tooltips,url,n');
    assert.ok(csv.includes('records_screened,node9,box4,evaluations screened,evaluations screened,evaluations screened,NA,9'));
    assert.ok(csv.includes('new_studies,node15,box10,evaluations included,evaluations included,evaluations included,NA,4'));
  });

  test('--help shows the command’s usage', () => {
    const r = synthlint(['matrix', '--help'], project());
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^synthlint matrix: the summary matrix of a synthesis\n/);
  });
});

describe('synthlint coverage --by criterion', () => {
  test('prints the target × criterion table, marking criteria no evaluation informs', () => {
    const r = synthlint(['coverage', '--by', 'criterion', '.'], project());
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Evaluation criteria by target\n/);
    assert.match(r.stdout, /\| Target \| Relevance \| Coherence \| Effectiveness \| Efficiency \| Impact \| Sustainability \|/);
    assert.match(r.stdout, /\| 16\.1 \| 1 \| ✗ \| 3 \| ✗ \| ✗ \| 1 \|/);
    assert.match(r.stdout, /\| 16\.3 \| ✗ \| ✗ \| ✗ \| ✗ \| 1 \| ✗ \|/);
    assert.match(r.stdout, /- 16\.1: coherence, efficiency, impact/);
  });

  test('as CSV, with the ids of the evaluations in each cell', () => {
    const r = synthlint(['coverage', '--by', 'criterion', '--format', 'csv', 'norland.synth.md'], project());
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.split('\r\n');
    assert.equal(rows[0], 'target,title,relevance,coherence,effectiveness,efficiency,impact,sustainability,not informed');
    assert.match(rows[1]!, /^16\.1,.*,NOR-01,,NOR-01; NOR-02; GLO-01,,,GLO-01,coherence; efficiency; impact$/);
  });

  test('--by takes evaluation or criterion only', () => {
    const r = synthlint(['coverage', '--by', 'goal', '.'], project());
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--by expects evaluation or criterion, found 'goal'/);
  });
});
