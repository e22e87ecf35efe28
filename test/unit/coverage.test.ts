import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { coverageMatrix, coverageToCsv, coverageToMarkdown, parse, parseEvidenceRegister, type CoverageSource } from '../../server/src/core/index.js';
import { coverageHtml } from '../../client/src/coverage-html.js';
import { repoRoot } from '../helpers.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'evidence');
const read = (path: string): string => readFileSync(join(fixtures, path), 'utf8');
const north: CoverageSource = { file: 'north/north.synth.md', document: parse(read('north/north.synth.md')), register: parseEvidenceRegister(read('north/evidence.csv'), 'evidence.csv') };
const south: CoverageSource = { file: 'south/south.synth.md', document: parse(read('south/south.synth.md')), register: parseEvidenceRegister(read('south/register.yaml'), 'register.yaml') };

describe('coverage matrix', () => {
  it('maps each target section to the evaluations cited inside it, across documents', () => {
    const m = coverageMatrix([north, south]);
    assert.equal(m.minimum, 2);
    assert.deepEqual(
      m.targets.map((t) => [t.target, t.evaluations, t.weak, t.files]),
      [
        ['16.1', ['NTH-01', 'NTH-02'], false, ['north/north.synth.md']],
        ['16.2', ['NTH-03'], true, ['north/north.synth.md']],
        ['16.3', ['NTH-02', 'NTH-04', 'STH-02', 'STH-03'], false, ['north/north.synth.md', 'south/south.synth.md']],
        ['16.5', ['STH-01'], true, ['south/south.synth.md']],
      ],
    );
    assert.match(m.targets[0]!.title!, /^Significantly reduce all forms of violence/);
    assert.deepEqual(m.targets[2]!.sections, [
      { file: 'north/north.synth.md', heading: 'SDG 16.3 Rule of law', line: 25 },
      { file: 'south/south.synth.md', heading: 'SDG 16.3 Rule of law', line: 17 },
    ]);
  });

  it('has one column per register entry, in register order, with citation counts', () => {
    const m = coverageMatrix([north, south]);
    assert.deepEqual(m.evaluations.map((e) => e.id), ['NTH-01', 'NTH-02', 'NTH-03', 'NTH-04', 'NTH-05', 'STH-01', 'STH-02', 'STH-03']);
    // NTH-02 is cited twice: once under 16.1, once under 16.3.
    assert.deepEqual(m.matrix[0], [1, 1, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(m.matrix[2], [0, 1, 0, 1, 0, 0, 1, 1]);
    const nth05 = m.evaluations.find((e) => e.id === 'NTH-05')!;
    assert.deepEqual(nth05.targets, [], 'cited only in the background, so it supports no target');
    assert.equal(nth05.citations, 1);
    assert.deepEqual(m.evaluations.find((e) => e.id === 'NTH-02')!.targets, ['16.1', '16.3']);
    assert.deepEqual(m.evaluations[0]!.declaredTargets, ['16.1']);
  });

  it('takes the minimum from the options', () => {
    assert.deepEqual(coverageMatrix([north, south], { minimum: 3 }).targets.filter((t) => t.weak).map((t) => t.target), ['16.1', '16.2', '16.5']);
    assert.deepEqual(coverageMatrix([north, south], { minimum: 1 }).targets.filter((t) => t.weak).map((t) => t.target), []);
  });

  it('adds a column for a cited id that no register lists, and counts subsections with their target', () => {
    const doc = parse(['## Findings', '', '### SDG 16.6/16.a Institutions', '', 'Text [@X-1].', '', '#### Details', '', 'More [@X-2; @X-1].', ''].join('\n'));
    const m = coverageMatrix([{ file: 'a.synth.md', document: doc }]);
    assert.deepEqual(m.evaluations.map((e) => [e.id, e.registered, e.citations]), [['X-1', false, 2], ['X-2', false, 1]]);
    assert.deepEqual(m.targets.map((t) => [t.target, t.evaluations]), [['16.6', ['X-1', 'X-2']], ['16.a', ['X-1', 'X-2']]]);
    assert.deepEqual(m.matrix, [[2, 1], [2, 1]]);
  });

  it('keeps apart different evaluations that two registers give the same id, and joins the same one', () => {
    const a: CoverageSource = {
      file: 'a.synth.md',
      document: parse('### SDG 16.1 Violence\n\nSee [@GLO-01; @SHARED].\n'),
      register: parseEvidenceRegister('id,title\nGLO-01,Crime statistics programme\nSHARED,Global justice study\n', 'a-evidence.csv'),
    };
    const b: CoverageSource = {
      file: 'b.synth.md',
      document: parse('### SDG 16.1 Violence\n\nSee [@GLO-01; @SHARED].\n'),
      register: parseEvidenceRegister('id,title\nGLO-01,Firearms programme\nSHARED,Global justice study\n', 'b-evidence.csv'),
    };
    const m = coverageMatrix([a, b]);
    assert.deepEqual(m.evaluations.map((e) => e.label), ['GLO-01 (a-evidence.csv)', 'SHARED', 'GLO-01 (b-evidence.csv)']);
    assert.deepEqual(m.matrix, [[1, 2, 1]]);
    assert.deepEqual(m.targets[0]!.evaluations, ['GLO-01 (a-evidence.csv)', 'SHARED', 'GLO-01 (b-evidence.csv)']);
    assert.match(coverageToCsv(m), /^target,title,evaluations,weak,GLO-01 \(a-evidence\.csv\),SHARED,GLO-01 \(b-evidence\.csv\)\r\n/);
  });

  it('is empty for documents without target sections', () => {
    const m = coverageMatrix([{ file: 'a.synth.md', document: parse('# Notes\n\nNothing cited.\n') }]);
    assert.deepEqual([m.targets, m.evaluations, m.matrix], [[], [], []]);
    assert.match(coverageToMarkdown(m), /No target sections/);
  });
});

describe('coverage output', () => {
  const m = coverageMatrix([north, south]);

  it('writes CSV with one row per target and one column per evaluation', () => {
    const csv = coverageToCsv(m);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'target,title,evaluations,weak,NTH-01,NTH-02,NTH-03,NTH-04,NTH-05,STH-01,STH-02,STH-03');
    assert.match(lines[1]!, /^16\.1,Significantly reduce all forms of violence and related death rates everywhere,2,no,1,1,0,0,0,0,0,0$/);
    assert.match(lines[2]!, /^16\.2,.*,1,yes,0,0,1,0,0,0,0,0$/);
    assert.equal(lines.length, 5);
  });

  it('keeps spreadsheet formulas out of CSV cells', () => {
    const doc = parse('### SDG 16.1 Violence\n\nSee [@A-1].\n');
    const register = parseEvidenceRegister('id,title\nA-1,"=HYPERLINK(""x"")"\n', 'evidence.csv');
    const csv = coverageToCsv(coverageMatrix([{ file: 'a', document: doc, register }]));
    assert.doesNotMatch(csv, /(^|,)=/m);
  });

  it('writes a Markdown table marking weak targets, then the evaluations', () => {
    const md = coverageToMarkdown(m);
    assert.match(md, /^# Evidence coverage/);
    assert.match(md, /fewer than 2 evaluations are marked ⚠/);
    assert.match(md, /\| Target \| Title \| Evaluations \| NTH-01 \| NTH-02 \|/);
    assert.match(md, /\| 16\.2 \| [^|]+ \| ⚠ 1 \| {3}\| {3}\| ✓ \|/);
    assert.match(md, /Weak: 16\.2, 16\.5\./);
    assert.match(md, /- \*\*NTH-05\*\* Regional programme on border crime \(2022, regional\): not cited in any target section/);
  });
});

describe('the coverage page of the editor', () => {
  it('shows the table with weak targets highlighted, under a strict policy with no script', () => {
    const m = coverageMatrix([north, south]);
    const html = coverageHtml(m, { nonce: 'abc123' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123';">/);
    assert.match(html, /<style nonce="abc123">/);
    assert.doesNotMatch(html, /<script|\son\w+=|javascript:/i);
    assert.match(html, /4 target sections in 2 syntheses\. 2 targets rest on fewer than 2 evaluations \(marked ⚠\)\./);
    assert.match(html, /<tr class="weak"><th scope="row" title="north\.synth\.md:21">16\.2<\/th>/);
    assert.equal((html.match(/<tr class="weak">/g) ?? []).length, 2);
    assert.equal((html.match(/<td class="cited"/g) ?? []).length, 8);
    assert.match(html, /<th scope="col" class="evaluation" title="Community policing pilot"><span>NTH-01<\/span><\/th>/);
  });

  it('escapes what comes from documents and registers', () => {
    const doc = parse('### SDG 16.1 <img src=x onerror=alert(1)>\n\nSee [@A-1].\n');
    const register = parseEvidenceRegister('id,title\nA-1,"<script>alert(1)</script> & ""quotes"""\n', 'evidence.csv');
    const html = coverageHtml(coverageMatrix([{ file: 'file:///w/a%20b.synth.md', document: doc, register }]), { nonce: 'n' });
    assert.doesNotMatch(html, /<script>|<img/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; &#34;quotes&#34;/);
    assert.match(html, /<li>a b\.synth\.md<\/li>/);
  });

  it('says when there is nothing to map', () => {
    assert.match(coverageHtml(coverageMatrix([]), { nonce: 'n' }), /No target sections/);
  });
});
