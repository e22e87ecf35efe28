// Issue 13, class 3: keys and values a document, a register or a template chooses are data, never
// looked up on a plain object. Every name an object inherits (`constructor`, `toString`,
// `__proto__`, `hasOwnProperty`, …) is tried as a front-matter key and value, a register column
// and field, an evaluation id and a template key; then through the CLI, where one such file must
// not hide the findings of the others.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, parseEvidenceRegister, parseTemplate, wordMessage, type Analysis } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';
import { tempDir } from './helpers.js';

/** Every property name a plain object inherits, and the one that sets its prototype. */
const INHERITED = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'])];

/** What a well-formed analysis looks like: spans inside the text, messages and fix texts as strings, no rule failures. */
function assertWellFormed(text: string, analysis: Analysis, label: string): void {
  for (const f of analysis.findings) {
    assert.ok(Number.isInteger(f.span?.start) && Number.isInteger(f.span?.end) && f.span.start <= f.span.end && f.span.end <= text.length, `${label}: span of ${f.rule} ${JSON.stringify(f.span)}`);
    assert.equal(typeof f.message.key, 'string', `${label}: message of ${f.rule}`);
    assert.notEqual(f.message.key, 'lint.rule-failed', `${label}: ${wordMessage(f.message)}`);
    assert.doesNotMatch(wordMessage(f.message), /\[object |function /, `${label}: ${wordMessage(f.message)}`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.equal(typeof e.newText, 'string', `${label}: a fix of ${f.rule} inserts ${typeof e.newText}`);
  }
}

describe('front matter', () => {
  for (const key of INHERITED) {
    test(`'${key}' as a field name and as a value`, () => {
      for (const text of [
        `---\ntitle: A\n${key}: x\n---\n\n# A\n`,
        `---\ntitle: A\nlanguage: ${key}\n---\n`,
        `---\ntitle: A\ntemplate: ${key}\n---\n`,
        `---\ntitle: A\nteam: {${key}: 1}\nreport: [${key}]\n---\n`,
        `---\ntitle: A\n---\n\nA claim [@${key}].\n`,
      ]) {
        let analysis: Analysis | undefined;
        assert.doesNotThrow(() => (analysis = analyze(text)), text);
        assertWellFormed(text, analysis!, JSON.stringify(text));
      }
    });
  }

  test('the fields that matter are still checked beside such a key', () => {
    const text = '---\nconstructor: x\ntoString: y\ntitle: [not, text]\nlanguage: klingon\n---\n';
    const messages = analyze(text).findings.filter((f) => f.rule === 'front-matter').map((f) => wordMessage(f.message));
    assert.ok(messages.some((m) => m.includes("'title'")), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('klingon')), messages.join('\n'));
  });
});

describe('evidence registers', () => {
  for (const key of INHERITED) {
    test(`'${key}' as a CSV column, a YAML field and an evaluation id`, () => {
      const csv = parseEvidenceRegister(`id,title,${key}\nA-1,First,1\n${key},Second,2\n`, 'evidence.csv');
      assert.deepEqual(csv.entries.map((e) => [e.id, e.title]), key === '__proto__' || key === '__defineGetter__' || key === '__defineSetter__' || key === '__lookupGetter__' || key === '__lookupSetter__' ? [['A-1', 'First']] : [['A-1', 'First'], [key, 'Second']]);
      assert.ok(csv.problems.some((p) => wordMessage(p.message).startsWith(`Unknown column '${key.toLowerCase()}'`)), JSON.stringify(csv.problems));
      const yaml = parseEvidenceRegister(`- id: A-1\n  ${key}: x\n  title: First\n`, 'evidence.yaml');
      assert.deepEqual(yaml.entries.map((e) => [e.id, e.title]), [['A-1', 'First']]);
      assert.ok(yaml.problems.some((p) => wordMessage(p.message).startsWith(`Unknown field '${key}'`)), JSON.stringify(yaml.problems));
      const noId = parseEvidenceRegister(`${key}\nx\n`, 'evidence.csv');
      assert.deepEqual(noId.entries, []);
      for (const entry of [...csv.entries, ...yaml.entries]) {
        for (const value of Object.values(entry)) assert.ok(typeof value !== 'function', `${key}: a field became a function`);
      }
    });
  }
});

describe('templates', () => {
  for (const key of INHERITED) {
    test(`'${key}' as a template key and a section key`, () => {
      const yaml = `id: t\ntitle: T\n${key}: 1\nsections:\n  - id: a\n    heading: A\n    ${key}: true\n`;
      const { template, problems } = parseTemplate(yaml, 't.yaml');
      assert.ok(template, JSON.stringify(problems));
      assert.equal(problems.filter((p) => wordMessage(p.message).includes(`'${key}' is not a setting`)).length, 2, JSON.stringify(problems));
    });
  }
});

describe('through the CLI', () => {
  test('a file with such keys does not hide the findings of the other files in the run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-hostile.synth.md'), '---\ntitle: A\nconstructor: x\ntoString: y\n__proto__: z\nvalueOf: 1\nlanguage: constructor\n---\n\n# A\n');
    writeFileSync(join(dir, 'b-plain.synth.md'), '---\ntitle: B\n---\n\n## Main findings\n\n### SDG 99.1 No such target\n\nText.\n');
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), '--format', 'json', 'a-hostile.synth.md', 'b-plain.synth.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, `exit 1 (errors found), not 2 (trouble): ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /unexpected problem/);
    const findings = JSON.parse(r.stdout) as Array<{ file: string; rule: string; message: string }>;
    assert.ok(findings.some((f) => f.file === 'b-plain.synth.md' && f.rule === 'unknown-target'), 'the other file is reported');
    assert.ok(findings.some((f) => f.file === 'a-hostile.synth.md' && f.rule === 'front-matter' && f.message.includes('constructor')), 'the hostile file gets its own findings');
    assert.ok(!findings.some((f) => /failed on this document/.test(f.message)), 'no rule failed');
  });
});
