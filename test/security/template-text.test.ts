// Issue 13, class 3: a template's texts (headings, aliases, titles, source labels) hold no line
// breaks or control characters. Before, a heading written "Findings\n\n## Injected" in YAML was
// accepted, and the missing-section fix inserted it — a second heading — into the document.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixes, builtinTemplates, parseTemplate, wordMessage } from '../../server/src/core/index.js';

const template = (section: string, top = ''): string => `id: hostile\ntitle: Hostile\n${top}sections:\n  - id: findings\n${section}`;

/** 1-based line and column of the first occurrence of `needle`. */
function at(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('template texts', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['a heading with a line break', template('    heading: "Findings\\n\\n## Injected"\n'), '"Findings', /^Expected this text on one line, found a line break: write it on one line$/],
    ['a heading with a carriage return', template('    heading: "Findings\\r## Injected"\n'), '"Findings', /^Expected this text on one line, found a line break/],
    ['a heading with an escape sequence', template('    heading: "Findings \\e[2J\\e]0;owned\\a"\n'), '"Findings', /^Expected text without control characters, found U\+001B: remove it$/],
    ['a heading with a C1 control (NEL)', template('    heading: "Findings\\N"\n'), '"Findings', /^Expected this text on one line, found a line break/],
    ['a heading with a text-direction override', template('    heading: "Findings \\u202Esgnidnif"\n'), '"Findings', /text-direction controls, found one \(U\+202E\)/],
    ['a heading with a tab', template('    heading: "Main\\tfindings"\n'), '"Main', /found a tab \(U\+0009\)/],
    ['an alias with a line break', template('    heading: Findings\n    aliases: ["Hallazgos\\n## X"]\n'), '"Hallazgos', /^Expected this text on one line, found a line break/],
    ['a template title with an escape sequence', template('    heading: Findings\n').replace('title: Hostile', 'title: "Hostile \\e[31m"'), '"Hostile', /found U\+001B: remove it$/],
    ['a source label with a line break', template('    heading: Findings\n', 'sourceLabels: ["documents\\nsurveys: 3"]\n'), '"documents', /^Expected this text on one line, found a line break/],
    ['a description with an escape sequence', template('    heading: Findings\n    description: "What \\e[8m hides"\n'), '"What', /found U\+001B: remove it$/],
  ];
  for (const [name, yaml, where, message] of cases) {
    test(`${name}: the template is refused with a located problem`, () => {
      const { template: parsed, problems } = parseTemplate(yaml, 'hostile.yaml');
      assert.equal(parsed, undefined, 'the template is not used');
      const problem = problems.find((p) => message.test(wordMessage(p.message)));
      assert.ok(problem, JSON.stringify(problems));
      assert.deepEqual({ line: problem.line, column: problem.column }, at(yaml, where));
    });
  }

  test('a description may run over several lines', () => {
    const { template: parsed, problems } = parseTemplate(template('    heading: Findings\n    description: |\n      What the section holds.\n      And more.\n'), 'ok.yaml');
    assert.deepEqual(problems, []);
    assert.equal(parsed?.sections[0]?.description, 'What the section holds.\nAnd more.');
  });

  test('accents, other scripts and emoji are text, not control characters', () => {
    const { template: parsed, problems } = parseTemplate(template('    heading: "Hallazgos y consideraciones — المعرفة 🌍"\n'), 'ok.yaml');
    assert.deepEqual(problems, []);
    assert.ok(parsed);
  });

  test('so no fix can insert a line break from a template into a document', () => {
    const { template: parsed } = parseTemplate(template('    heading: "Findings\\n\\n## Injected"\n'), 'hostile.yaml');
    const registry = builtinTemplates().with(parsed ? [parsed] : []);
    const text = '---\ntitle: A\ntemplate: hostile\n---\n\nText.\n';
    const fixed = applyFixes(text, analyze(text, { templates: registry }).findings).text;
    assert.doesNotMatch(fixed, /## Injected/);
  });
});
