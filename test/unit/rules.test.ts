// Data-driven rule tests. Each fixture under test/fixtures/rules/<rule-id>/ is a short synthesis
// that states in a header how to check it and marks the findings it expects at the end of their
// lines (see rules-fixture.ts for the format):
//
//   <!-- fixture {template: short} -->
//   The team coded 15 evaluation reports. {count-mismatch: Expected 14 evaluation reports as …}
//
// UPDATE=1 rewrites the markers from the current findings: review every change before committing.
// A fixture with a sibling `<name>.synth.md.fixed` must become exactly that text after one
// `--fix` (markers removed).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeDocument, applyFixes, parse, RULES, wordMessage, type Analysis, type SynthesisDocument } from '../../server/src/core/index.js';
import { filesUnder, repoRoot } from '../helpers.js';
import { checkFixture, compare, fixtureOptions, found, readFixture, wantedBy, writeMarkers } from './rules-fixture.js';

const fixtureRoot = join(repoRoot, 'test', 'fixtures', 'rules');

const folders = readdirSync(fixtureRoot).filter((name) => RULES.some((r) => r.id === name));

for (const rule of folders) {
  describe(`rule ${rule}`, () => {
    for (const file of filesUnder(join(fixtureRoot, rule), '.synth.md')) {
      const name = basename(file);
      const source = readFileSync(file, 'utf8');
      const fixture = readFixture(source, rule);

      test(`${name}: finds what its markers say`, () => {
        const analysis = checkFixture(file, fixture);
        if (process.env.UPDATE) {
          writeFileSync(file, writeMarkers(source, found(analysis, fixture.spec.lang)));
          return;
        }
        const { expected, actual } = compare(fixture, found(analysis, fixture.spec.lang));
        assert.deepEqual(actual, expected);
      });

      test(`${name}: the checks read the text by offsets, without making it one string`, () => {
        // The language server keeps an open document as pieces of the version before; making it one
        // string costs a copy of the whole document, which a keystroke must not pay.
        const document = parse(fixture.text);
        const pieces = new Proxy(document, {
          get: (target, key, receiver): unknown => {
            if (key === 'text') throw new Error('a check asked for the whole text as one string');
            return Reflect.get(target, key, receiver) as unknown;
          },
        }) as SynthesisDocument;
        const findings = (a: Analysis): string[] => a.findings.filter((f) => wantedBy(fixture.spec, f)).map((f) => `${f.rule} ${f.span.start}-${f.span.end} ${wordMessage(f.message)}`);
        assert.deepEqual(findings(analyzeDocument(pieces, fixtureOptions(file, fixture))), findings(checkFixture(file, fixture)));
      });

      test(`${name}: the fixes fix, and --fix converges in one pass`, () => {
        const before = checkFixture(file, fixture);
        if (!before.findings.some((f) => f.fixes?.length)) return;
        // Suggestions too: each fix offered in the editor must fix what it claims to.
        const offered = before.findings.map((f) => ({ ...f, fixes: f.fixes?.map((x) => ({ ...x, suggestion: false })) }));
        const fixed = applyFixes(fixture.text, offered).text;
        const after = checkFixture(file, fixture, fixed);
        assert.deepEqual(
          after.findings.filter((f) => f.fixes?.length).map((f) => `${f.rule}: ${wordMessage(f.message)}`),
          [],
          'nothing is left to fix after one pass',
        );
        // A fix may leave a milder finding behind (an inserted section is still empty: a warning where
        // there was an error), so progress means fewer errors, or as many errors and fewer findings.
        const errors = (a: Analysis): number => a.findings.filter((f) => f.severity === 'error').length;
        assert.ok(
          errors(after) < errors(before) || (errors(after) === errors(before) && after.findings.length < before.findings.length),
          'fixing leaves fewer errors, or fewer findings',
        );
      });

      const expectedFix = `${file}.fixed`;
      if (existsSync(expectedFix)) {
        test(`${name}: one --fix gives ${basename(expectedFix)}`, () => {
          const { text } = applyFixes(fixture.text, checkFixture(file, fixture).findings);
          if (process.env.UPDATE) writeFileSync(expectedFix, text);
          else assert.equal(text, readFileSync(expectedFix, 'utf8'));
        });
      }
    }
  });
}

describe('the fixtures as a whole', () => {
  test('every rule has a folder of fixtures, some finding it and some free of it', () => {
    for (const rule of RULES) {
      assert.ok(folders.includes(rule.id), `test/fixtures/rules/${rule.id}/ is missing`);
      const fixtures = filesUnder(join(fixtureRoot, rule.id), '.synth.md').map((f) => readFixture(readFileSync(f, 'utf8'), rule.id));
      assert.ok(fixtures.some((f) => f.expected.some((e) => e.rule === rule.id)), `${rule.id}: no fixture expects a finding`);
      assert.ok(fixtures.some((f) => !f.expected.some((e) => e.rule === rule.id)), `${rule.id}: no fixture is free of it`);
    }
  });

  test('every rule is broken by a Spanish and by a French fixture, with the messages in that language', () => {
    for (const rule of RULES) {
      for (const language of ['es', 'fr'] as const) {
        const fixtures = filesUnder(join(fixtureRoot, rule.id), '.synth.md').map((f) => readFixture(readFileSync(f, 'utf8'), rule.id));
        const breaking = fixtures.filter((f) => parse(f.text).language === language && f.spec.lang === language && f.expected.some((e) => e.rule === rule.id && e.message));
        assert.ok(breaking.length > 0, `${rule.id}: no fixture in ${language} (front matter language: ${language}, header lang: ${language}) expects a finding with its message`);
      }
    }
  });

  test('a typical fixture is short', () => {
    const lengths = filesUnder(fixtureRoot, '.synth.md')
      .map((f) => readFileSync(f, 'utf8').split('\n').length)
      .sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    assert.ok(median <= 20, `the median fixture has ${median} lines`);
  });
});
