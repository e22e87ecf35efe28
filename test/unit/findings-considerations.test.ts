// Considerations in the dialect: which bold labels mark one, in three languages, and how a target
// section's paragraphs split into findings and considerations.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse, readLabel, targetFindings, type SynthesisDocument } from '../../server/src/core/index.js';

function brief(body: string, language = 'en'): SynthesisDocument {
  return parse(`---\ntitle: T\nlanguage: ${language}\n---\n\n## Main findings and considerations\n\n${body}\n`);
}

const slice = (doc: SynthesisDocument, span: { start: number; end: number }): string => doc.text.slice(span.start, span.end);

describe('consideration labels', () => {
  const accepted: Array<[string, string, 'consideration' | 'recommendation']> = [
    ['Consideration:', '', 'consideration'],
    ['Considerations:', '', 'consideration'],
    ['Recommendation:', '', 'recommendation'],
    ['Recommendations:', '', 'recommendation'],
    ['Consideration', ': text', 'consideration'],
    ['Consideration.', '', 'consideration'],
    ['CONSIDERATION:', '', 'consideration'],
    ['Consideración:', '', 'consideration'],
    ['Consideracion:', '', 'consideration'],
    ['Consideraciones:', '', 'consideration'],
    ['Recomendación:', '', 'recommendation'],
    ['Recomendaciones:', '', 'recommendation'],
    ['Considération :', '', 'consideration'],
    ['Considération\u00a0:', '', 'consideration'],
    ['Considération\u202f:', '', 'consideration'],
    ['Considérations', ' : texte', 'consideration'],
    ['Recommandation :', '', 'recommendation'],
    ['Recommandations :', '', 'recommendation'],
    ['Recommendation 2:', '', 'recommendation'],
    ['Recomendación 3b:', '', 'recommendation'],
  ];
  for (const [strong, after, kind] of accepted) {
    test(`**${strong}**${after} is a ${kind}`, () => {
      assert.equal(readLabel(strong, after)?.kind, kind);
    });
  }

  test('a number after the word is kept as written', () => {
    assert.equal(readLabel('Recommendation 2:', '')?.number, '2');
    assert.equal(readLabel('Recomendación 3b:', '')?.number, '3b');
    assert.equal(readLabel('Consideration:', '')?.number, undefined);
    assert.equal(readLabel('Recommendations:', '')?.plural, true);
  });

  const refused: Array<[string, string]> = [
    ['Recommendations', ' from earlier evaluations were followed'],
    ['Consideration', ''],
    ['Key consideration:', ''],
    ['Recommended:', ''],
    ['Finding:', ''],
    ['Consideration of gender:', ''],
  ];
  for (const [strong, after] of refused) {
    test(`**${strong}**${after} is not a label`, () => {
      assert.equal(readLabel(strong, after), undefined);
    });
  }
});

describe('findings and considerations of target sections', () => {
  test('a paragraph that opens with a label is a consideration; the others are findings', () => {
    const doc = brief(
      [
        '### SDG 16.1 Reducing violence',
        '',
        'Observatories publish comparable figures [@A-1; @A-2].',
        '',
        'Victim support reached more districts [@A-3].',
        '',
        '**Consideration:** Link support to municipal planning.',
        '',
        '### SDG 16.2 Ending trafficking',
        '',
        'Joint protocols are in use [@B-1].',
      ].join('\n'),
    );
    const [first, second] = targetFindings(doc);
    assert.deepEqual(first!.targets, ['16.1']);
    assert.equal(first!.heading, 'SDG 16.1 Reducing violence');
    assert.deepEqual(first!.findings.map((f) => slice(doc, f.span)), ['Observatories publish comparable figures [@A-1; @A-2].', 'Victim support reached more districts [@A-3].']);
    assert.deepEqual(first!.findings.map((f) => f.citations.map((c) => c.id)), [['A-1', 'A-2'], ['A-3']]);
    assert.equal(first!.considerations.length, 1);
    const c = first!.considerations[0]!;
    assert.equal(c.kind, 'consideration');
    assert.equal(c.label, 'Consideration');
    assert.equal(slice(doc, c.labelSpan), '**Consideration:**');
    assert.equal(slice(doc, c.textSpan), 'Link support to municipal planning.');
    assert.equal(second!.considerations.length, 0);
    assert.deepEqual(second!.findings.map((f) => slice(doc, f.span)), ['Joint protocols are in use [@B-1].']);
  });

  test('the colon may stand outside the bold, and French puts a space before it', () => {
    const doc = brief(['### ODD 16.3 État de droit', '', '**Recommandation** : maintenir la formation en présentiel.', '', '**Considération\u00a0:** actualiser les guides.'].join('\n'), 'fr');
    const [section] = targetFindings(doc);
    assert.deepEqual(section!.findings, []);
    assert.deepEqual(section!.considerations.map((c) => [c.kind, c.label, slice(doc, c.labelSpan), slice(doc, c.textSpan)]), [
      ['recommendation', 'Recommandation', '**Recommandation** :', 'maintenir la formation en présentiel.'],
      ['consideration', 'Considération', '**Considération\u00a0:**', 'actualiser les guides.'],
    ]);
  });

  test('Spanish labels, with and without accents, singular or plural', () => {
    const doc = brief(['### ODS 16.5 Corrupción', '', 'Los comités de vigilancia funcionaron [@C-1].', '', '**Recomendaciones:** unificar la cartera.', '', '**Consideracion:** medir el uso.'].join('\n'), 'es');
    const [section] = targetFindings(doc);
    assert.deepEqual(section!.considerations.map((c) => [c.kind, c.label]), [['recommendation', 'Recomendaciones'], ['consideration', 'Consideracion']]);
    assert.equal(section!.findings.length, 1);
  });

  test('a label paragraph followed by a list makes each item a consideration', () => {
    const doc = brief(['### SDG 16.6 Institutions', '', 'Training reached 6,900 officials [@D-1; @D-2].', '', '**Recommendations:**', '', '- Train trainers.', '- Accredit the courses', '  with national schools.', '', 'A closing finding [@D-3].'].join('\n'));
    const [section] = targetFindings(doc);
    assert.deepEqual(section!.considerations.map((c) => [c.kind, c.label, slice(doc, c.textSpan)]), [
      ['recommendation', 'Recommendations', 'Train trainers.'],
      ['recommendation', 'Recommendations', 'Accredit the courses\n  with national schools.'],
    ]);
    assert.deepEqual(section!.findings.map((f) => slice(doc, f.span)), ['Training reached 6,900 officials [@D-1; @D-2].', 'A closing finding [@D-3].']);
  });

  test('a list item that opens with a label is a consideration; other items are findings', () => {
    const doc = brief(['### SDG 16.3 Rule of law', '', '- Courts adopted case management [@E-1].', '- **Recommendation 1:** keep in-person training.', '', '  It protects the gains.', '- Guides aged quickly [@E-2].'].join('\n'));
    const [section] = targetFindings(doc);
    assert.deepEqual(section!.considerations.map((c) => [c.label, c.number]), [['Recommendation 1', '1']]);
    assert.match(slice(doc, section!.considerations[0]!.span), /^- \*\*Recommendation 1:\*\* keep in-person training\.\n\n {2}It protects the gains\.$/);
    assert.deepEqual(section!.findings.map((f) => [slice(doc, f.span), f.inList]), [['Courts adopted case management [@E-1].', true], ['Guides aged quickly [@E-2].', true]]);
  });

  test('bold that is not a label, code and quotes are read as they are', () => {
    const doc = brief(['### SDG 16.4 Illicit flows', '', '**Recommendations** from earlier evaluations were followed [@F-1].', '', '`**Consideration:** not prose`', '', '> **Consideration:** quoted, still a consideration.', '', '```text', '**Consideration:** in code', '```'].join('\n'));
    const [section] = targetFindings(doc);
    assert.deepEqual(section!.findings.map((f) => slice(doc, f.span)), ['**Recommendations** from earlier evaluations were followed [@F-1].', '`**Consideration:** not prose`']);
    assert.deepEqual(section!.considerations.map((c) => slice(doc, c.textSpan)), ['quoted, still a consideration.']);
  });

  test('subsections belong to their target section; a nested target section keeps its own paragraphs', () => {
    const doc = brief(['### SDG 16.6/16.a Institutions', '', 'Outer finding [@G-1].', '', '#### Details', '', 'Detail finding [@G-2].', '', '**Consideration:** outer.', '', '#### SDG 16.a Cooperation', '', 'Inner finding [@G-3].'].join('\n'));
    const [outer, inner] = targetFindings(doc);
    assert.deepEqual(outer!.targets, ['16.6', '16.a']);
    assert.deepEqual(outer!.findings.map((f) => slice(doc, f.span)), ['Outer finding [@G-1].', 'Detail finding [@G-2].']);
    assert.equal(outer!.considerations.length, 1);
    // As in the coverage map, the outer section's citations include its subsections'.
    assert.deepEqual(outer!.citations.map((c) => c.id), ['G-1', 'G-2', 'G-3']);
    assert.deepEqual(inner!.findings.map((f) => slice(doc, f.span)), ['Inner finding [@G-3].']);
  });

  test('prose blanks out code, link targets and markup, keeping offsets', () => {
    const doc = brief(['### SDG 16.1 Violence', '', 'Results were *consistently* good, see [the report](https://example.org/consistently) and `consistently` [@H-1].'].join('\n'));
    const [section] = targetFindings(doc);
    const finding = section!.findings[0]!;
    assert.equal(finding.prose.length, finding.span.end - finding.span.start);
    assert.equal(finding.prose.match(/consistently/g)?.length, 1);
    assert.match(finding.prose, /\[@H-1\]\.$/);
  });

  test('a paragraph cut at a blank line is read the same after an edit elsewhere (cached per section text)', () => {
    const before = brief(['### SDG 16.1 Violence', '', 'First [@I-1].', '', '### SDG 16.2 Trafficking', '', 'Second [@I-2].'].join('\n'));
    const after = parse(before.text.replace('Second', 'Second, longer'));
    assert.deepEqual(targetFindings(after)[0]!.findings.map((f) => f.span), targetFindings(before)[0]!.findings.map((f) => f.span));
    assert.equal(slice(after, targetFindings(after)[1]!.findings[0]!.span), 'Second, longer [@I-2].');
  });
});
