import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, parse } from '../../server/src/core/index.js';

function hoverAt(text: string, needle: string, delta = 0): ReturnType<typeof hover> {
  const at = text.indexOf(needle);
  assert.ok(at >= 0);
  return hover(parse(text), at + delta);
}

const doc = [
  '## Main findings and considerations',
  '',
  '### SDG 16.1 Reducing violence',
  '',
  'Work on SDG 16 and SDG 16.3.2, and on SDG 16.6/16.a.',
  '',
  '## Sources of data reviewed',
  '',
  '```sources',
  'evaluation reports: 21',
  '  country-level evaluations: 13',
  '  regional evaluations: 3',
  '  global evaluations: 5',
  'projects: 35',
  '```',
  '',
].join('\n');

describe('hover', () => {
  it('shows a target with its official text and its indicators', () => {
    const h = hoverAt(doc, 'SDG 16.1 Reducing', 4)!;
    assert.match(h.contents, /\*\*Target 16\.1\*\*/);
    assert.match(h.contents, /Significantly reduce all forms of violence/);
    assert.match(h.contents, /- \*\*16\.1\.1\*\*/);
    assert.equal(doc.slice(h.span.start, h.span.end), 'SDG 16.1');
  });

  it('shows a goal and an indicator', () => {
    assert.match(hoverAt(doc, 'SDG 16 and')!.contents, /Goal 16: Peace, justice and strong institutions/);
    assert.match(hoverAt(doc, 'SDG 16.3.2')!.contents, /\*\*Indicator 16\.3\.2\*\*/);
  });

  it('shows the reference under the cursor in a multi-target tag', () => {
    const h = hoverAt(doc, '16.a.', 1)!;
    assert.match(h.contents, /Target 16\.a/);
    assert.equal(doc.slice(h.span.start, h.span.end), '16.a');
  });

  it('answers in the document language', () => {
    const es = '---\nlanguage: es\n---\n\nODS 16.1 en el texto.\n';
    assert.match(hoverAt(es, 'ODS 16.1')!.contents, /Meta 16\.1.*\n\nReducir significativamente/);
  });

  it('shows the share of a sources line of its parent, and of the block total for a top-level line', () => {
    assert.match(hoverAt(doc, 'country-level evaluations')!.contents, /13 of 21 evaluation reports\*\* \(62%\)/);
    const top = hoverAt(doc, 'evaluation reports: 21')!.contents;
    assert.match(top, /21 of the 56 sources counted at the top of this block \(38%\)/);
    assert.match(top, /Breakdown: 13 \+ 3 \+ 5 = 21 ✓/);
  });

  it('says what the template expects under a section heading', () => {
    const findings = hoverAt(doc, 'Main findings')!.contents;
    assert.match(findings, /Required by the template/);
    assert.match(findings, /Holds the SDG target sections, as level-3 headings/);
    assert.match(hoverAt(doc, 'Sources of data')!.contents, /Needs a `sources` block/);
  });

  it('has nothing to say about plain prose', () => {
    assert.equal(hoverAt(doc, 'Work on', 1), undefined);
  });
});
