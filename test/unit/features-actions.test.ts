import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFixes, disableRuleFix, parse, wordMessage, type Finding, type Fix } from '../../server/src/core/index.js';

function apply(text: string, fix: Fix): string {
  return applyFixes(text, [{ rule: 'x', severity: 'error', message: { key: '' }, span: { start: 0, end: 0 }, fixes: [fix] }]).text;
}

function finding(text: string, rule: string): Finding {
  const f = analyze(text).findings.find((x) => x.rule === rule);
  assert.ok(f, `a ${rule} finding`);
  return f;
}

const brief = [
  '---',
  'title: T',
  'country: Mexico',
  'period: 2015–2023',
  'team: [Ana Ruiz]',
  '---',
  '',
  '## Sources of data reviewed',
  '',
  '```sources',
  'evaluation reports: 21',
  '  country-level evaluations: 13',
  '  regional evaluations: 3',
  '```',
  '',
].join('\n');

describe('code actions', () => {
  it('applies the fix a finding carries, after which the finding is gone', () => {
    const f = finding(brief, 'sources-sum');
    assert.equal(wordMessage(f.fixes![0]!.title), 'Set evaluation reports to 16');
    const fixed = apply(brief, f.fixes![0]!);
    assert.ok(fixed.includes('evaluation reports: 16\n'));
    assert.ok(!analyze(fixed).findings.some((x) => x.rule === 'sources-sum'));
  });

  it('disables a rule around a sources block, where a comment inside would not count', () => {
    const f = finding(brief, 'sources-sum');
    const fix = disableRuleFix(parse(brief), f)!;
    assert.equal(wordMessage(fix.title), 'Disable sources-sum for this block');
    const silenced = apply(brief, fix);
    assert.ok(silenced.includes('<!-- synthlint-disable sources-sum -->\n```sources'));
    assert.ok(silenced.includes('```\n<!-- synthlint-enable sources-sum -->'));
    assert.ok(!analyze(silenced).findings.some((x) => x.rule === 'sources-sum'));
  });

  it('disables a rule for one line, above the line, keeping the blockquote or indentation', () => {
    const text = 'Intro.\n\n> SDG 16.11 is cited here.\n';
    const doc = parse(text);
    const span = { start: text.indexOf('SDG'), end: text.indexOf('SDG') + 9 };
    const fix = disableRuleFix(doc, { rule: 'unknown-target', span })!;
    assert.equal(wordMessage(fix.title), 'Disable unknown-target for this line');
    assert.equal(apply(text, fix), 'Intro.\n\n> <!-- synthlint-disable-next-line unknown-target -->\n> SDG 16.11 is cited here.\n');
    const silenced = parse(apply(text, fix));
    assert.deepEqual(silenced.suppressions.map((s) => [s.kind, s.rules, s.targetLine]), [['disable-next-line', ['unknown-target'], 3]]);
  });

  it('adds the rule to a next-line comment that is already there', () => {
    const text = '<!-- synthlint-disable-next-line sources-sum -->\nSDG 16.11 here.\n';
    const span = { start: text.indexOf('SDG'), end: text.indexOf('SDG') + 9 };
    const fix = disableRuleFix(parse(text), { rule: 'unknown-target', span })!;
    assert.equal(apply(text, fix), '<!-- synthlint-disable-next-line sources-sum unknown-target -->\nSDG 16.11 here.\n');
  });

  it('wraps a paragraph or table rather than splitting it', () => {
    const text = 'First line of a paragraph\nand SDG 16.11 on its second line.\n\nNext.\n';
    const span = { start: text.indexOf('SDG'), end: text.indexOf('SDG') + 9 };
    const fix = disableRuleFix(parse(text), { rule: 'unknown-target', span })!;
    assert.equal(wordMessage(fix.title), 'Disable unknown-target for this paragraph');
    assert.equal(
      apply(text, fix),
      '<!-- synthlint-disable unknown-target -->\nFirst line of a paragraph\nand SDG 16.11 on its second line.\n<!-- synthlint-enable unknown-target -->\n\nNext.\n',
    );
    const table = '| Target | Reports |\n|---|---|\n| SDG 16.11 | 3 |\n';
    const tfix = disableRuleFix(parse(table), { rule: 'unknown-target', span: { start: table.indexOf('SDG'), end: table.indexOf('SDG') + 9 } })!;
    assert.equal(wordMessage(tfix.title), 'Disable unknown-target for this table');
    assert.ok(apply(table, tfix).startsWith('<!-- synthlint-disable unknown-target -->\n| Target'));
  });

  it('offers no comment inside the front matter, where it cannot go', () => {
    assert.equal(disableRuleFix(parse(brief), { rule: 'front-matter', span: { start: 5, end: 6 } }), undefined);
  });
});
