// The incremental parser must give exactly what a from-scratch parse gives, for any sequence of
// edits — including edits that open or close constructs reaching across headings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chunkStarts, IncrementalParser, parse, type SynthesisDocument } from '../../server/src/core/parse.js';

/** A comparable copy of the index: line starts instead of the LineIndex, no parent links (cycles). */
function view(doc: SynthesisDocument): unknown {
  const lineStarts = Array.from({ length: doc.lines.lineCount }, (_, k) => doc.lines.lineStart(k));
  return JSON.parse(
    JSON.stringify({ ...doc, lines: lineStarts, frontMatter: doc.frontMatter && { ...doc.frontMatter, fields: [...doc.frontMatter.fields] } }, (key, value: unknown) =>
      key === 'parent' ? undefined : value,
    ),
  );
}

const BLOCKS = [
  '---\ntitle: T\nlanguage: es\n---\n',
  '---\ntitle: T\n',
  '# Title\n',
  '## Background and context\n',
  '### SDG 16.1 Reducing violence\n',
  '### ODS 16.2 Trata\n',
  'Text citing SDG 16.6/16.a and 21 evaluation reports and 3,076 documents.\n',
  '```sources\nevaluation reports: 21\n  country-level: 13\n  regional: 3\n  global: 5\ndocuments: 3 076\n```\n',
  '```\n',
  '~~~sources\nprojects: 22\n',
  '<!--\n',
  '-->\n',
  '<!-- synthlint-disable-next-line count-mismatch -->\n',
  '<script>\n',
  '</script>\n',
  '[ref]: https://example.org\n',
  'See [22 projects][ref].\n',
  '- item SDG 18.2\n  - nested 5 surveys\n',
  '> quote with SDG 16.b\n',
  '| a | b |\n|---|---|\n| SDG 16.3 | 12 secondary documents |\n',
  'Setext heading\n---\n',
  '<div>\n',
  'Cited [@MEX-01; @REG-02] and\r\nCRLF lines\r\n',
  'lone\rCR\r',
  '\n',
  '\n',
];

const documentArb = fc.array(fc.constantFrom(...BLOCKS), { minLength: 1, maxLength: 25 }).map((parts) => parts.join('\n'));

const editArb = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom(...BLOCKS), fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r', '\r\n', '#', '`', '-->', '<!--', ' ')),
});

test('incremental parsing equals a full parse after every edit', () => {
  fc.assert(
    fc.property(documentArb, fc.array(editArb, { maxLength: 12 }), (initial, edits) => {
      const parser = new IncrementalParser();
      let text = initial;
      assert.deepEqual(view(parser.parse(text)), view(parse(text)));
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        assert.deepEqual(view(parser.parse(text)), view(parse(text)));
      }
    }),
    { numRuns: 300 },
  );
});

test('a long report is cut at its headings and paragraphs, not inside a fenced block or comment', () => {
  const text = '---\ntitle: T\n---\n\n## A\n\ntext\n\n```\n\n## not a heading\n```\n\n<!--\n\n## hidden\n-->\n\n## B\n\nmore\n';
  const starts = chunkStarts(text);
  assert.deepEqual(
    starts.map((s) => text.slice(s, s + 4)),
    ['---\n', '## A', 'text', '## B', 'more'],
  );
});

test('a document with a link reference definition is parsed whole', () => {
  assert.deepEqual(chunkStarts('## A\n\n[x]: https://e.org\n\n## B\n'), [0]);
});

test('a byte-order mark does not shift what the index points at', () => {
  const text = '\uFEFF---\ntitle: T\n---\n\n## Methodology\n\nSDG 16.1, 21 evaluation reports.\n\n```sources\nevaluation reports: 21\n===\n```\n';
  for (const doc of [parse(text), new IncrementalParser().parse(text)]) {
    assert.equal(text.slice(doc.frontMatter!.fields.get('title')!.valueSpan.start, doc.frontMatter!.fields.get('title')!.valueSpan.end), 'T');
    assert.equal(text.slice(doc.headings[0]!.span.start, doc.headings[0]!.span.end), '## Methodology');
    assert.equal(text.slice(doc.tags[0]!.span.start, doc.tags[0]!.span.end), 'SDG 16.1');
    assert.equal(text.slice(doc.proseCounts[0]!.span.start, doc.proseCounts[0]!.span.end), '21 evaluation reports');
    assert.equal(text.slice(doc.sourcesBlocks[0]!.problems[0]!.span.start, doc.sourcesBlocks[0]!.problems[0]!.span.end), '===');
  }
});
