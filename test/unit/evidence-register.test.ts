// The evidence register, as CSV and YAML: rows become evaluations, mistakes are reported at their
// line and column in the register file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEvidenceRegister, scanCitations, wordMessage } from '../../server/src/core/index.js';

test('a CSV register gives its evaluations, with quoted fields and targets', () => {
  const csv = 'id,title,year,type,country,projects,targets,url\nCOL-01,"Crime observatories, phase 2",2019,Country,Colombia,2,16.1; SDG 16.a,https://e.org/1\n';
  const register = parseEvidenceRegister(csv, 'evidence.csv');
  assert.deepEqual(register.problems, []);
  assert.deepEqual(register.entries[0], {
    id: 'COL-01',
    title: 'Crime observatories, phase 2',
    year: 2019,
    type: 'country',
    country: 'Colombia',
    projects: 2,
    targets: ['16.1', '16.a'],
    url: 'https://e.org/1',
    line: 2,
  });
});

test('mistakes in a CSV register are reported at their line and column', () => {
  const csv = ['id,title,year,targets,colour', 'A,x,20x,16.x,red', 'A,y,2020,16-1,', ',z,2021,16.1,'].join('\n');
  const problems = parseEvidenceRegister(csv, 'evidence.csv').problems.map((p) => `${p.line}:${p.column} ${wordMessage(p.message)}`);
  assert.deepEqual(problems, [
    "1:23 Unknown column 'colour'; the columns are id, title, year, type, country, projects, targets, url, quality, criteria",
    "2:5 Expected a year such as 2021, found '20x'",
    '2:9 There is no SDG target 16.x; expected targets such as 16.1; 16.a',
    "3:1 The id 'A' is already used on line 2",
    '4:1 Expected an id for this evaluation',
  ]);
});

test('a YAML register is read from a list or from `evaluations:`, and mistakes point at their line', () => {
  const yaml = 'evaluations:\n  - id: REG-01\n    year: 2020\n    targets: [16.2, 16.4]\n  - id: REG-02\n    colour: red\n';
  const register = parseEvidenceRegister(yaml, 'evidence.yaml');
  assert.deepEqual(register.entries.map((e) => [e.id, e.year, e.targets]), [
    ['REG-01', 2020, ['16.2', '16.4']],
    ['REG-02', undefined, []],
  ]);
  assert.deepEqual(register.problems.map((p) => [p.line, wordMessage(p.message).split(';')[0]]), [[6, "Unknown field 'colour'"]]);
});

test('citations are found in brackets, several at once, but not in e-mail addresses', () => {
  const text = 'As shown [@COL-01; @REG-02] and [see @GLO-1, p. 3], write to team@example.org [x@y].';
  assert.deepEqual(scanCitations(text, 10).map((c) => [c.id, text.slice(c.span.start - 10, c.span.end - 10)]), [
    ['COL-01', '@COL-01'],
    ['REG-02', '@REG-02'],
    ['GLO-1', '@GLO-1'],
  ]);
});
