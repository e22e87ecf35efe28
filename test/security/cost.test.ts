// Issue 13, class 4: reading a template, a register or a front matter takes time linear in its size,
// up to the 10 MB caps. Before, repeated-key detection (the YAML library's `uniqueKeys`) compared
// each key with every earlier one: 20,000 template keys took 34 s, 20,000 register fields 34 s.
//
// Measured as work, not time (./work.ts): the JavaScript executed for the same input at n and 4n,
// counted by V8 (linear is ×4, quadratic ×16), the same on every run however busy the machine.
// work.ts is imported first: it counts only code compiled after it is loaded.
import { workGrowth } from './work.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, parseConfig, parseEvidenceRegister, parseTemplate } from '../../server/src/core/index.js';

/** Over this, for 4× the input, the work is not linear (the count is exact, so little room is needed). */
const BOUND = 6;

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('');
const TEMPLATE_HEAD = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n';

const CASES: Array<{ name: string; n: number; make: (n: number) => string; run: (text: string) => void }> = [
  { name: 'a template with n top-level keys', n: 1000, make: (n) => TEMPLATE_HEAD + lines(n, (i) => `key${i}: ${i}\n`), run: (t) => void parseTemplate(t, 't.yaml') },
  { name: 'a template with n keys in one section', n: 1000, make: (n) => TEMPLATE_HEAD + lines(n, (i) => `    key${i}: ${i}\n`), run: (t) => void parseTemplate(t, 't.yaml') },
  { name: 'a template whose n keys all repeat one key', n: 500, make: (n) => TEMPLATE_HEAD + lines(n, () => 'again: 1\n'), run: (t) => void parseTemplate(t, 't.yaml') },
  { name: 'a template with n sections', n: 250, make: (n) => 'id: t\ntitle: T\nsections:\n' + lines(n, (i) => `  - id: s${i}\n    heading: Section ${i}\n    aliases: [S${i}]\n`), run: (t) => void parseTemplate(t, 't.yaml') },
  { name: 'a YAML register with n fields in one evaluation', n: 1000, make: (n) => '- id: A\n' + lines(n, (i) => `  field${i}: ${i}\n`), run: (t) => void parseEvidenceRegister(t, 'evidence.yaml') },
  { name: 'a YAML register with n evaluations', n: 250, make: (n) => 'evaluations:\n' + lines(n, (i) => `  - id: E-${i}\n    title: Evaluation ${i}\n    year: 2020\n    targets: [16.1, 5.2]\n`), run: (t) => void parseEvidenceRegister(t, 'evidence.yaml') },
  { name: 'a CSV register with n columns', n: 1000, make: (n) => `id,${lines(n, (i) => `c${i},`)}\nA,${lines(n, (i) => `${i},`)}\n`, run: (t) => void parseEvidenceRegister(t, 'evidence.csv') },
  { name: 'a CSV register with n rows', n: 500, make: (n) => 'id,title,year,targets\n' + lines(n, (i) => `E-${i},"Evaluation, ${i}",2020,16.1; 5.2\n`), run: (t) => void parseEvidenceRegister(t, 'evidence.csv') },
  { name: 'a project configuration with n rule levels', n: 1000, make: (n) => `rules:\n${lines(n, (i) => `  rule-${i}: warning\n`)}`, run: (t) => void parseConfig(t) },
  { name: 'a front matter with n fields', n: 500, make: (n) => `---\n${lines(n, (i) => `field${i}: ${i}\n`)}---\n`, run: (t) => void analyze(t) },
  { name: 'a front matter with n YAML errors', n: 250, make: (n) => `---\n${lines(n, (i) => `field${i}: [\n`)}---\n`, run: (t) => void analyze(t) },
];

describe('reading templates, registers and front matter grows linearly', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const growth = workGrowth(c.make, c.n, c.run);
      assert.ok(growth.ratio <= BOUND, `${c.name}: ${growth.small} blocks of work at n=${c.n}, ${growth.large} at 4n (×${growth.ratio.toFixed(1)}; linear is ×4)`);
    });
  }
});

describe('repeated keys are still found, where they repeat', () => {
  test('in a template: a fatal problem at the second key', () => {
    const { template, problems } = parseTemplate(`${TEMPLATE_HEAD}title: Again\n`, 't.yaml');
    assert.equal(template, undefined);
    assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [[6, 1, { key: 'template.yaml.duplicate-key' }]]);
  });

  test('in a section of a template', () => {
    const { problems } = parseTemplate(`${TEMPLATE_HEAD}    heading: B\n`, 't.yaml');
    assert.deepEqual(problems.map((p) => [p.line, p.column]), [[6, 5]]);
  });

  test('in a YAML register: reported at the repeat, the first value read, the other evaluations kept', () => {
    const register = parseEvidenceRegister('- id: A\n  title: First\n  title: Second\n- id: B\n', 'evidence.yaml');
    assert.deepEqual(register.entries.map((e) => [e.id, e.title]), [['A', 'First'], ['B', '']]);
    assert.deepEqual(register.problems, [{ line: 3, column: 3, message: { key: 'register.repeated-field', args: { name: 'title' } } }]);
  });

  test('in the project configuration: the file is ignored, and the repeat is located', () => {
    const config = parseConfig('language: es\nrules:\n  count-mismatch: off\nlanguage: fr\n');
    assert.deepEqual(config.config, {});
    assert.deepEqual(config.problems.map((p) => [p.span.start, p.message]), [[42, { key: 'config.repeated-key', args: { key: 'language' } }]]);
  });

  test('in a CSV header', () => {
    const register = parseEvidenceRegister('id,title,title\nA,First,Second\n', 'evidence.csv');
    assert.deepEqual(register.entries.map((e) => [e.id, e.title]), [['A', 'First']]);
    assert.deepEqual(register.problems, [{ line: 1, column: 10, message: { key: 'register.duplicate-column', args: { name: 'title' } } }]);
  });
});
