// The logic of thin-evidence, overclaim and missing-consideration, as pure functions; the
// configuration key that extends the strong wording; sentences.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findMissingConsiderations,
  findOverclaims,
  findThinEvidence,
  IncrementalParser,
  parse,
  parseConfig,
  parseEvidenceRegister,
  sentences,
  type SynthesisDocument, wordMessage } from '../../server/src/core/index.js';

const register = parseEvidenceRegister(['id,type', 'A-1,country', 'A-2,country', 'A-3,regional', 'A-4,global'].join('\n'), 'evidence.csv');

function brief(body: string, language = 'en'): SynthesisDocument {
  return parse(`---\ntitle: T\nlanguage: ${language}\n---\n\n## Main findings and considerations\n\n${body}\n\n## Methodology\n\nAll evaluations were read consistently.\n`);
}
const at = (doc: SynthesisDocument, span: { start: number; end: number }): string => doc.text.slice(span.start, span.end);

describe('thin-evidence', () => {
  const doc = brief(
    [
      '### SDG 16.1 Violence',
      '',
      'Well supported [@A-1; @A-2].',
      '',
      '### SDG 16.2 Trafficking',
      '',
      'One source [@A-3]. The same again [@A-3].',
      '',
      '### SDG 16.3 Rule of law',
      '',
      'No citation at all.',
      '',
      '### SDG 16.4 Flows',
      '',
    ].join('\n'),
  );

  test('reports target sections citing fewer distinct evaluations than the minimum, at the heading text', () => {
    const thin = findThinEvidence(doc, { register });
    assert.deepEqual(thin.map((t) => [at(doc, t.span), t.evaluations, t.minimum]), [
      ['SDG 16.2 Trafficking', ['A-3'], 2],
      ['SDG 16.3 Rule of law', [], 2],
    ]);
  });

  test('takes the minimum from the options (coverage.minimum)', () => {
    assert.deepEqual(findThinEvidence(doc, { register, minimum: 3 }).map((t) => t.heading), ['SDG 16.1 Violence', 'SDG 16.2 Trafficking', 'SDG 16.3 Rule of law']);
    assert.deepEqual(findThinEvidence(doc, { register, minimum: 1 }).map((t) => t.heading), ['SDG 16.3 Rule of law']);
    assert.deepEqual(findThinEvidence(doc, { register, minimum: 0 }), []);
  });

  test('says nothing without a register, and leaves empty sections to empty-section', () => {
    assert.deepEqual(findThinEvidence(doc, { register: undefined }), []);
    assert.ok(!findThinEvidence(doc, { register }).some((t) => t.heading.includes('16.4')));
  });
});

describe('overclaim', () => {
  test('strong wording in a sentence citing one evaluation or none; not where it cites two', () => {
    const doc = brief(
      [
        '### SDG 16.1 Violence',
        '',
        'Evaluations consistently praised the observatories [@A-1]. All evaluations found gains [@A-1; @A-2]. Training clearly demonstrated its value.',
      ].join('\n'),
    );
    const found = findOverclaims(doc, { register });
    assert.deepEqual(found.map((o) => [at(doc, o.span), o.phrase, o.evaluations, at(doc, o.sentence)]), [
      ['consistently', 'consistently', ['A-1'], 'Evaluations consistently praised the observatories [@A-1].'],
      ['clearly demonstrated', 'clearly demonstrat*', [], 'Training clearly demonstrated its value.'],
    ]);
  });

  test('a citation after the full stop belongs to the sentence before it', () => {
    const doc = brief(['### SDG 16.1 Violence', '', 'Results were invariably positive. [@A-1; @A-2] Next sentence here.'].join('\n'));
    assert.deepEqual(findOverclaims(doc, { register }), []);
  });

  test('abbreviations do not end a sentence', () => {
    const doc = brief(['### SDG 16.1 Violence', '', 'Projects (e.g. in Cali) consistently improved data, cf. the survey [@A-1; @A-2].'].join('\n'));
    assert.deepEqual(findOverclaims(doc, { register }), []);
  });

  test('Spanish and French wording, with or without accents, in documents of that language', () => {
    const es = brief(['### ODS 16.1 Violencia', '', 'Todas las evaluaciones coinciden [@A-1]. Los proyectos mejoraron sistematicamente los datos.'].join('\n'), 'es');
    assert.deepEqual(findOverclaims(es, { register }).map((o) => [at(es, o.span), o.phrase]), [['Todas las evaluaciones', 'todas las evaluaciones'], ['sistematicamente', 'sistemáticamente']]);
    const fr = brief(['### ODD 16.1 Violence', '', 'Les projets ont systématiquement amélioré les données [@A-1]. Cela est clairement démontré par une étude.'].join('\n'), 'fr');
    assert.deepEqual(findOverclaims(fr, { register }).map((o) => at(fr, o.span)), ['systématiquement', 'clairement démontré']);
  });

  test('a phrase may run over a line break, and words match whole words only', () => {
    const doc = brief(['### SDG 16.1 Violence', '', 'In all the', 'evaluations it held. Inconsistently reported figures remain [@A-1].'].join('\n'));
    assert.deepEqual(findOverclaims(doc, { register }).map((o) => at(doc, o.span)), ['all the\nevaluations']);
  });

  test('only findings are read: not considerations, code, link targets or other sections', () => {
    const doc = brief(
      [
        '### SDG 16.1 Violence',
        '',
        'Observatories work, see [the consistently updated site](https://example.org) and `consistently` [@A-1].',
        '',
        '**Consideration:** Funding should consistently follow municipal plans.',
      ].join('\n'),
    );
    const found = findOverclaims(doc, { register });
    assert.deepEqual(found.map((o) => at(doc, o.span)), ['consistently'], 'the link text is prose; the code and the consideration are not');
    assert.ok(found[0]!.span.start < doc.text.indexOf('https://'));
  });

  test('a reference image or footnote is read as one wherever its definition stands, also after edits', () => {
    const image = '![All evaluations agree on the trend][trend]';
    const body = ['### SDG 16.1 Violence', '', image, '', 'Observatories work [@A-1] [^note].', '', '### SDG 16.2 Trafficking', '', 'Text [@A-2].'].join('\n');
    const definitions = '\n[trend]: trend.png\n\n[^note]: A note.\n';
    const strong = (doc: SynthesisDocument): string[] => findOverclaims(doc, { register }).map((o) => at(doc, o.span));
    // Without its definition the image is text a reader reads, and says "All evaluations".
    const without = brief(body);
    assert.deepEqual(strong(without), ['All evaluations']);
    // Defined in another section (after the last one), it is an image: its alt text is not prose.
    const withText = `${without.text}${definitions}`;
    assert.deepEqual(strong(parse(withText)), []);
    // The same through the editor's parser: the definition typed in and deleted again.
    const parser = new IncrementalParser();
    assert.deepEqual(strong(parser.parse(without.text)), ['All evaluations']);
    assert.deepEqual(strong(parser.parse(withText, [{ start: without.text.length, end: without.text.length, text: definitions }])), []);
    assert.deepEqual(strong(parser.parse(without.text, [{ start: without.text.length, end: withText.length, text: '' }])), ['All evaluations']);
  });

  test('a block of any length is read as Markdown: code in a list of 250,000 characters is not prose', () => {
    const items = Array.from({ length: 3_000 }, (_, i) => `- Court ${i} adopted case management and legal aid in its district [@A-1; @A-2].`);
    items.push('- The phrase `All evaluations` is quoted as code; courts consistently agreed [@A-3].');
    const doc = brief(['### SDG 16.3 Rule of law', '', ...items].join('\n'));
    assert.ok(doc.blocks.some((b) => b.end - b.start > 200_000), 'the list is one block');
    assert.deepEqual(findOverclaims(doc, { register }).map((o) => at(doc, o.span)), ['consistently']);
  });

  test('a team extends the list, * standing for any ending', () => {
    const doc = brief(['### SDG 16.1 Violence', '', 'The reports firmly establishes this. Results were robust across the board [@A-1].'].join('\n'));
    assert.deepEqual(findOverclaims(doc, { register }), []);
    const found = findOverclaims(doc, { register, strongWords: ['firmly establish*', 'across the board'] });
    assert.deepEqual(found.map((o) => [at(doc, o.span), o.phrase]), [['firmly establishes', 'firmly establish*'], ['across the board', 'across the board']]);
  });

  test('says nothing without a register', () => {
    const doc = brief(['### SDG 16.1 Violence', '', 'Evaluations consistently praised it.'].join('\n'));
    assert.deepEqual(findOverclaims(doc, { register: undefined }), []);
    assert.equal(findOverclaims(doc, { register }).length, 1);
  });
});

describe('missing-consideration', () => {
  const doc = brief(
    ['### SDG 16.1 Violence', '', 'A finding [@A-1].', '', '**Consideration:** more of it.', '', '### SDG 16.2 Trafficking', '', 'Another finding [@A-2].', '', '### SDG 16.3 Rule of law', ''].join('\n'),
  );

  test('reports target sections with text and no consideration, when the template requires one', () => {
    assert.deepEqual(findMissingConsiderations(doc, { required: true }).map((m) => at(doc, m.span)), ['SDG 16.2 Trafficking']);
  });

  test('says nothing when the template does not require considerations', () => {
    assert.deepEqual(findMissingConsiderations(doc, { required: false }), []);
  });

  test('a numbered line right after an indented code block is a paragraph, as micromark reads it', () => {
    // The code block is still open when micromark reads the next line, so a list numbered from 2
    // cannot start there: "2. **Consideration:** …" is a paragraph that opens with "2.", no consideration.
    const code = brief(['### SDG 16.1 Violence', '', 'A finding [@A-1].', '', '    interview excerpt', '2. **Consideration:** more of it.'].join('\n'));
    assert.deepEqual(findMissingConsiderations(code, { required: true }).map((m) => at(code, m.span)), ['SDG 16.1 Violence']);
    const list = brief(['### SDG 16.1 Violence', '', 'A finding [@A-1].', '', '2. **Consideration:** more of it.'].join('\n'));
    assert.deepEqual(findMissingConsiderations(list, { required: true }), [], 'without the code block, a list item that opens with the label');
  });
});

describe('the overclaim.words configuration key', () => {
  test('reads a list of phrases, reporting empty or overlong ones at the item', () => {
    const long = 'x'.repeat(101);
    const file = parseConfig(`overclaim:\n  words:\n    - invariably\n    - ""\n    - ${long}\n    - "all the reports"\n`);
    assert.deepEqual(file.config.overclaimWords, ['invariably', 'all the reports']);
    assert.deepEqual(file.problems.map((p) => wordMessage(p.message)), ["Expected a phrase, found an empty text", 'Expected a phrase of at most 100 characters, found one of 101; it is not used']);
  });

  test('a value that is not a list is reported and has no effect', () => {
    const file = parseConfig('overclaim:\n  words: invariably\n');
    assert.equal(file.config.overclaimWords, undefined);
    assert.match(wordMessage(file.problems[0]!.message), /^Expected 'words' to be a list of phrases/);
  });
});

describe('sentences', () => {
  test('end at . ! ? … before a capital, keep abbreviations and initials, and take a trailing citation', () => {
    const prose = 'Ms. Ruiz led it. Was it useful? Yes! The U.N. system agreed… It ended. [@A-1] Then a 2nd phase began.';
    assert.deepEqual(
      sentences(prose, 100).map((s) => prose.slice(s.start - 100, s.end - 100)),
      ['Ms. Ruiz led it.', 'Was it useful?', 'Yes!', 'The U.N. system agreed…', 'It ended. [@A-1]', 'Then a 2nd phase began.'],
    );
  });

  test('a full stop before a small letter does not end a sentence', () => {
    const prose = 'Figures rose by approx. ten per cent in 2019. and fell later.';
    assert.equal(sentences(prose, 0).length, 1);
  });
});
