// Data-driven rule tests. Each fixture under test/fixtures/rules/<rule-id>/ is a synthesis that
// ends with its own expectations:
//
//   <!-- expected-findings
//   12:3 sources-sum Expected evaluation reports (21) to equal …
//   -->
//
// (1-based line:column, rule id, message). No block means "no findings". UPDATE=1 rewrites the
// blocks from the current output: review every change before committing it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyze as analyzeText, applyFixes, parse, RULES, wordMessage, type Analysis, type AnalysisOptions } from '../../server/src/core/index.js';
import { loadEvidenceFor } from '../../server/src/node/evidence.js';
import { filesUnder, repoRoot } from '../helpers.js';

const fixtureRoot = join(repoRoot, 'test', 'fixtures', 'rules');
const BLOCK = /\n<!-- expected-findings\n([\s\S]*?)-->\n?$/;

function render(analysis: Analysis): string[] {
  return analysis.findings.map((f) => {
    const p = analysis.document.lines.positionAt(f.span.start);
    return `${p.line + 1}:${p.character + 1} ${f.rule} ${wordMessage(f.message)}`;
  });
}

/** A fixture's evidence register, found as the CLI and the server find it. */
function optionsFor(file: string, text: string): AnalysisOptions {
  const { register } = loadEvidenceFor(file, parse(text));
  return register ? { evidence: register } : {};
}

for (const file of filesUnder(fixtureRoot, '.synth.md')) {
  const analyze = (text: string): Analysis => analyzeText(text, optionsFor(file, text));
  const name = `${basename(join(file, '..'))}/${basename(file)}`;
  test(`fixture ${name}`, () => {
    const source = readFileSync(file, 'utf8');
    const block = BLOCK.exec(source);
    const text = block ? source.slice(0, block.index + 1) : source;
    const actual = render(analyze(text));
    if (process.env.UPDATE) {
      const body = actual.length ? `\n<!-- expected-findings\n${actual.join('\n')}\n-->\n` : '';
      writeFileSync(file, text.replace(/\n$/, '') + (body || '\n'));
      return;
    }
    const expected = block ? block[1]!.split('\n').filter((l) => l.trim() !== '') : [];
    assert.deepEqual(actual, expected);
  });

  test(`fixture ${name}: fixes fix`, () => {
    const source = readFileSync(file, 'utf8');
    const block = BLOCK.exec(source);
    const text = block ? source.slice(0, block.index + 1) : source;
    const before = analyze(text);
    const fixable = before.findings.filter((f) => f.fixes?.length);
    if (fixable.length === 0) return;
    let fixed = text;
    for (let pass = 0; pass < 5; pass++) {
      // Suggestions too: each fix offered in the editor must fix what it claims to.
      const offered = analyze(fixed).findings.map((f) => ({ ...f, fixes: f.fixes?.map((x) => ({ ...x, suggestion: false })) }));
      const r = applyFixes(fixed, offered);
      if (r.applied === 0) break;
      fixed = r.text;
    }
    const after = analyze(fixed);
    assert.deepEqual(render({ ...after, findings: after.findings.filter((f) => f.fixes?.length) }), []);
    // A fix may leave a milder finding behind (an inserted section is still empty: a warning where
    // there was an error), so progress means fewer errors, or as many errors and fewer findings.
    const errors = (a: Analysis): number => a.findings.filter((f) => f.severity === 'error').length;
    assert.ok(
      errors(after) < errors(before) || (errors(after) === errors(before) && after.findings.length < before.findings.length),
      'fixing leaves fewer errors, or fewer findings',
    );
  });
}

test('every rule has a folder of fixtures with at least one finding and one clean file', () => {
  const folders = readdirSync(fixtureRoot).sort();
  for (const rule of RULES) {
    assert.ok(folders.includes(rule.id), `test/fixtures/rules/${rule.id}/ is missing`);
    const files = filesUnder(join(fixtureRoot, rule.id), '.synth.md').map((f) => readFileSync(f, 'utf8'));
    assert.ok(files.some((t) => new RegExp(`^\\d+:\\d+ ${rule.id} `, 'm').test(t)), `${rule.id}: no fixture expects a finding`);
    assert.ok(files.some((t) => !new RegExp(`^\\d+:\\d+ ${rule.id} `, 'm').test(t)), `${rule.id}: no fixture is free of it`);
  }
});
