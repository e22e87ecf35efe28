import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  citationAt,
  citationDefinition,
  citationHover,
  citationsOf,
  completeCitation,
  entryAtLine,
  parse,
  parseEvidenceRegister,
  type Completion,
} from '../../server/src/core/index.js';

const register = parseEvidenceRegister(
  [
    'id,title,year,type,country,projects,targets,url',
    'COL-01,Municipal crime observatories project,2015,country,Colombia,2,16.1,https://evaluation.example.org/col-01',
    'COL-02,Victimisation survey support,2016,country,Colombia,1,16.1; 16.2,',
    'REG-01,Regional programme [phase *two*],2019,regional,Andean region,1,16.2,javascript:alert(1)',
  ].join('\n'),
  'evidence.csv',
);

/** Completions at the `$$CURSOR$$` marker, and the text with a proposal applied. */
function completeAt(textWithCursor: string, withRegister = true): { items: Completion[] | undefined; apply: (item: Completion) => string } {
  const offset = textWithCursor.indexOf('$$CURSOR$$');
  assert.ok(offset >= 0);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + '$$CURSOR$$'.length);
  const items = completeCitation(parse(text), offset, withRegister ? register : undefined);
  return { items, apply: (item) => text.slice(0, item.replace.start) + item.insertText + text.slice(item.replace.end) };
}

describe('citation completion', () => {
  it('offers every evaluation of the register after "[@", with its title, year and type', () => {
    const { items, apply } = completeAt('Observatories helped [@$$CURSOR$$');
    assert.deepEqual(items?.map((i) => i.label), ['COL-01', 'COL-02', 'REG-01']);
    assert.equal(items![0]!.detail, 'Municipal crime observatories project · 2015 · country');
    assert.match(items![0]!.documentation!, /Municipal crime observatories project/);
    assert.equal(apply(items![1]!), 'Observatories helped [@COL-02');
  });

  it('works after "; @" and "[see @", and replaces the part of the id already typed', () => {
    const { items, apply } = completeAt('Both [@COL-01; @CO$$CURSOR$$]');
    assert.equal(items?.length, 3);
    assert.equal(apply(items![1]!), 'Both [@COL-01; @COL-02]');
    const after = completeAt('As shown [see @$$CURSOR$$]');
    assert.equal(after.items?.length, 3);
    // The whole id is replaced when the cursor is in its middle.
    const middle = completeAt('Here [@CO$$CURSOR$$L-01]');
    assert.equal(middle.apply(middle.items![2]!), 'Here [@REG-01]');
  });

  it('stays out of e-mail addresses, plain prose, closed brackets and sources blocks', () => {
    assert.equal(completeAt('Write to [team@$$CURSOR$$').items, undefined);
    assert.equal(completeAt('An @$$CURSOR$$').items, undefined);
    assert.equal(completeAt('[@COL-01] and @$$CURSOR$$').items, undefined);
    assert.equal(completeAt('```sources\n[@$$CURSOR$$\n```\n').items, undefined);
  });

  it('knows code blocks as the parser does: in a list item, yes; a fence line inside an HTML block, no', () => {
    assert.equal(completeAt('- item\n\n  ```\n  [@$$CURSOR$$\n  ```\n').items, undefined, 'a fenced block in a list item');
    assert.equal(completeAt('> ```\n> [@$$CURSOR$$\n').items, undefined, 'an unclosed fenced block in a quote');
    // The ``` line belongs to the HTML block: no code block is open after it.
    assert.equal(completeAt('<div>\n```\n</div>\n\nSee [@$$CURSOR$$\n').items?.length, 3);
  });

  it('offers nothing (but claims the place) when there is no register', () => {
    assert.deepEqual(completeAt('See [@$$CURSOR$$', false).items, []);
  });
});

const text = [
  '## Main findings and considerations',
  '',
  '### SDG 16.1 Reducing violence',
  '',
  'Observatories gave comparable figures [@COL-01; @COL-02], and later [see @COL-01].',
  'A missing one [@COL-09] and a mistyped one [@COL-1].',
  'An e-mail, team@example.org, is not a citation.',
  '',
].join('\n');
const doc = parse(text);
const offsetOf = (needle: string, delta = 1): number => text.indexOf(needle) + delta;

describe('citation hover, definition and references', () => {
  it('finds the citation under the cursor, its end included', () => {
    assert.equal(citationAt(doc, offsetOf('@COL-02'))?.id, 'COL-02');
    assert.equal(citationAt(doc, offsetOf('@COL-02', '@COL-02'.length))?.id, 'COL-02');
    assert.equal(citationAt(doc, offsetOf('e-mail')), undefined);
  });

  it('shows the title, year, type, country, projects, targets and a link to the report', () => {
    const h = citationHover(doc, offsetOf('@COL-01'), register)!;
    assert.equal(text.slice(h.span.start, h.span.end), '@COL-01');
    assert.match(h.contents, /\*\*COL-01\*\* — Municipal crime observatories project/);
    assert.match(h.contents, /Year: 2015/);
    assert.match(h.contents, /Type: country/);
    assert.match(h.contents, /Country or region: Colombia/);
    assert.match(h.contents, /Projects covered: 2/);
    assert.match(h.contents, /SDG targets: 16\.1 \(Significantly reduce all forms of violence/);
    assert.match(h.contents, /\[https:\/\/evaluation\.example\.org\/col-01\]\(https:\/\/evaluation\.example\.org\/col-01\)/);
    assert.match(h.contents, /Evidence register: evidence\.csv, line 2/);
  });

  it('escapes Markdown in register text and links only to web addresses', () => {
    const cited = parse('Regional work [@REG-01].');
    const h = citationHover(cited, 'Regional work [@'.length, register)!;
    assert.match(h.contents, /Regional programme \\\[phase \\\*two\\\*\\\]/);
    assert.doesNotMatch(h.contents, /javascript:/);
  });

  it('says when an id is not in the register, suggesting a near one, and when there is no register', () => {
    assert.match(citationHover(doc, offsetOf('@COL-09'), register)!.contents, /\*\*COL-09\*\* is not in the evidence register \(evidence\.csv\)/);
    assert.match(citationHover(doc, offsetOf('@COL-1]'), register)!.contents, /Did you mean \*\*COL-01\*\*\?/);
    assert.match(citationHover(doc, offsetOf('@COL-01'), undefined)!.contents, /no evidence register was found/);
    assert.equal(citationHover(doc, offsetOf('Observatories'), register), undefined);
  });

  it('goes to the register row of a cited evaluation', () => {
    assert.equal(citationDefinition(doc, offsetOf('@COL-02'), register)?.line, 3);
    assert.equal(citationDefinition(doc, offsetOf('@COL-09'), register), undefined);
    assert.equal(citationDefinition(doc, offsetOf('@COL-02'), undefined), undefined);
    assert.equal(entryAtLine(register, 4)?.id, 'REG-01');
    assert.equal(entryAtLine(register, 1), undefined);
  });

  it('lists every citation of one evaluation', () => {
    const spans = citationsOf(doc, 'COL-01').map((c) => text.slice(c.span.start, c.span.end));
    assert.deepEqual(spans, ['@COL-01', '@COL-01']);
    assert.deepEqual(citationsOf(doc, 'REG-01'), []);
  });
});
