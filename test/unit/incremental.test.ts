// The incremental parser must give exactly what a from-scratch parse gives, for any sequence of
// edits — including edits that change the block above them, open or close constructs reaching
// across headings, or add and remove definitions that references elsewhere resolve against.
// test/differential/ holds the larger differential tests (the specifications' examples, real files).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeDocument } from '../../server/src/core/lint.js';
import { IncrementalParser, parse, type OffsetEdit, type SynthesisDocument } from '../../server/src/core/parse.js';
import { PieceText } from '../../server/src/core/pieces.js';
import { LineIndex } from '../../server/src/core/text.js';

/** A comparable copy of the index: line starts instead of the LineIndex, no parent links (cycles). */
function view(doc: SynthesisDocument): unknown {
  const lineStarts = Array.from({ length: doc.lines.lineCount }, (_, k) => doc.lines.lineStart(k));
  return JSON.parse(
    JSON.stringify({ ...doc, lines: lineStarts, frontMatter: doc.frontMatter && { ...doc.frontMatter, fields: [...doc.frontMatter.fields] } }, (key, value: unknown) =>
      key === 'parent' ? undefined : value,
    ),
  );
}

/** Parses `text` with `parser` and checks the result against a parse from scratch. */
function same(parser: IncrementalParser, text: string): SynthesisDocument {
  const doc = parser.parse(text);
  assert.deepEqual(view(doc), view(parse(text)));
  return doc;
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
  'Title\n===\n',
  '<div>\n',
  '<div>\n```\n</div>\n',
  '<!-- a -->\n<!-- b -->\n',
  'Cited [@MEX-01; @REG-02] and\r\nCRLF lines\r\n',
  'lone\rCR\r',
  '\u00a0\n',
  '\u2003 \n',
  '[multi\nline]:\n  https://example.org\n  "a title"\n',
  '> [quoted]: https://q.org\n',
  '- [listed]: https://l.org\n',
  'References [multi line], [quoted], [listed] and [@COL-01].\n',
  '[@col-01]: https://example.org\n',
  '- ```\n  fenced in a list\n',
  '> ## SDG 16.3 quoted heading\n',
  '- ## SDG 16.4 listed heading\n',
  '## Notes[^1]\n',
  '[^1]: A footnote with SDG 16.5\n',
  '    indented code SDG 16.9\n',
  '    indented code\n    over two lines\n',
  // Empty list items: after one and a blank line (parts are joined by one), micromark reads a
  // line that does not go on with the list as a lazy line of it.
  '-\n',
  '*\n',
  '1.\n',
  '2)\n',
  '2)\n\n    code after an empty item\n    more code\n2)\n',
  '> # Quoted\n    lazy code\n    more code\n',
  '> | a |\n> | - |\n| b |\n| - |\n',
  'lazy continuation\n',
  '\n',
  '\n',
];

const documentArb = fc.array(fc.constantFrom(...BLOCKS), { minLength: 1, maxLength: 25 }).map((parts) => parts.join('\n'));

const editArb = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.constantFrom(...BLOCKS), fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r', '\r\n', '#', '`', '-->', '<!--', ' ', '===', '> ', '- ', ']', '[', ':')),
});

test('incremental parsing equals a full parse after every edit', () => {
  fc.assert(
    fc.property(documentArb, fc.array(editArb, { maxLength: 12 }), (initial, edits) => {
      const parser = new IncrementalParser();
      let text = initial;
      same(parser, text);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        same(parser, text);
      }
    }),
    { numRuns: 300 },
  );
});

/** A report of many sections, each a heading and a few paragraphs. */
function longReport(sections: number): string {
  const parts = ['---\ntitle: T\n---\n'];
  for (let k = 0; k < sections; k++) {
    parts.push(`## Section ${k}\n\nThe team reviewed ${k + 2} evaluation reports on SDG 16.${(k % 10) + 1} [@COL-0${k % 9}].\nA second line of the same paragraph.\n\nAnother paragraph, with a list:\n\n- one\n- two\n`);
  }
  return parts.join('\n');
}

test('a keystroke in a long report re-reads a few blocks around it, not the document', () => {
  const parser = new IncrementalParser();
  let text = longReport(300);
  same(parser, text);
  assert.ok(parser.lastTokenized >= text.length, "a document opened whole is read whole");
  const at = text.indexOf('Another paragraph', text.length >> 1) + 8;
  for (const ch of 'sus') {
    text = text.slice(0, at) + ch + text.slice(at);
    same(parser, text);
    assert.ok(parser.lastTokenized < 1500, `re-read ${parser.lastTokenized} of ${text.length} characters`);
  }
});

test('a setext underline typed under a paragraph turns it into a heading, and back', () => {
  const parser = new IncrementalParser();
  const before = longReport(20);
  const at = before.indexOf('Another paragraph', 1000);
  const lineEnd = before.indexOf('\n', at) + 1;
  same(parser, before);
  let text = before;
  for (const [k, ch] of [...'===\n'].entries()) {
    text = text.slice(0, lineEnd + k) + ch + text.slice(lineEnd + k);
    const doc = same(parser, text);
    assert.equal(doc.headings.some((h) => h.text === 'Another paragraph, with a list:'), true);
  }
  const doc = same(parser, before);
  assert.equal(doc.headings.some((h) => h.text.startsWith('Another')), false);
});

test('deleting the blank line after a quote makes the next line its lazy continuation', () => {
  const parser = new IncrementalParser();
  const text = '## A\n\n> A quote about SDG 16.1\n\nA paragraph of 3 evaluation reports.\n\n## B\n';
  same(parser, text);
  const joined = text.replace('16.1\n\n', '16.1\n');
  const doc = same(parser, joined);
  assert.equal(doc.sections[0]!.hasContent, true);
  same(parser, text);
});

test('a fence opened in the middle hides the headings after it until it is closed', () => {
  const parser = new IncrementalParser();
  const text = longReport(30);
  const headings = same(parser, text).headings.length;
  const at = text.indexOf('## Section 10');
  const open = `${text.slice(0, at)}\`\`\`\n${text.slice(at)}`;
  assert.equal(same(parser, open).headings.length, 10);
  const close = `${open}\n\`\`\`\n`;
  assert.equal(same(parser, close).headings.length, 10);
  const end = open.indexOf('## Section 12');
  const closedEarly = `${open.slice(0, end)}\`\`\`\n\n${open.slice(end)}`;
  assert.equal(same(parser, closedEarly).headings.length, headings - 2);
  assert.equal(same(parser, text).headings.length, headings);
});

test('a link definition added at the end turns a citation at the start into a link, and back', () => {
  const parser = new IncrementalParser();
  const text = longReport(40);
  const cited = same(parser, text).citations.filter((c) => c.id === 'COL-01').length;
  assert.ok(cited > 0);
  // `[@COL-01]` is then a reference to that definition: a link, whose text is not a citation.
  let withDefinition = `${text}\n[@col-01]:`;
  assert.equal(same(parser, withDefinition).citations.filter((c) => c.id === 'COL-01').length, cited, 'no definition yet: a label without destination');
  withDefinition += ' https://example.org\n';
  assert.equal(same(parser, withDefinition).citations.filter((c) => c.id === 'COL-01').length, 0);
  assert.equal(same(parser, text).citations.filter((c) => c.id === 'COL-01').length, cited);
});

test('a footnote defined far below changes the text of a heading that calls it', () => {
  const parser = new IncrementalParser();
  const text = `## Notes[^1]\n\n${longReport(30)}`;
  assert.equal(same(parser, text).headings[0]!.text, 'Notes[^1]');
  const defined = `${text}\n[^1]: The footnote.\n`;
  assert.equal(same(parser, defined).headings[0]!.text, 'Notes');
  assert.equal(same(parser, text).headings[0]!.text, 'Notes[^1]');
});

test('a front matter closed far below takes in everything above the closing line', () => {
  const parser = new IncrementalParser();
  const text = `---\ntitle: T\n\n${longReport(20).replace(/^---\ntitle: T\n---\n/, '')}`;
  const open = same(parser, text);
  assert.equal(open.frontMatter, undefined);
  const at = text.indexOf('## Section 3');
  const closed = same(parser, `${text.slice(0, at)}---\n${text.slice(at)}`);
  assert.ok(closed.frontMatter);
  assert.equal(closed.headings[0]!.text, 'Section 3');
  same(parser, text);
});

test('a heading typed above the front matter makes it text, and deleting it makes it front matter again', () => {
  const parser = new IncrementalParser();
  const text = '---\ntitle: T\nlanguage: es\n---\n\n## A\n\nODS 16.1\n';
  assert.equal(same(parser, text).language, 'es');
  const above = same(parser, `## Heading\n${text}`);
  assert.equal(above.frontMatter, undefined);
  assert.equal(above.language, 'en');
  assert.equal(above.headings.length, 3, 'the closing --- makes the lines above it a setext heading');
  assert.equal(same(parser, text).frontMatter?.fields.get('title')?.value, 'T');
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

test('text typed after an unclosed fence or comment at the end is inside it: the index says so', () => {
  for (const [text, open] of [
    ['## A\n\n```\ncode\n', true],
    ['## A\n\n```\ncode\n```\n', false],
    ['## A\n\n<!-- a comment\n', true],
    ['## A\n\n<!-- a comment -->\n', false],
    ['## A\n\n<div>\n', false],
    ['## A\n\n> ```\n> code\n', false],
  ] as const) {
    assert.equal(parse(text).endsOpen, open, JSON.stringify(text));
    const parser = new IncrementalParser();
    parser.parse('## A\n\n');
    assert.equal(parser.parse(text).endsOpen, open, JSON.stringify(text));
  }
});

/**
 * An editor's event as the offsets it tells the parser: each change in the text the ones before it
 * left, which `apply` edits, returning the new length.
 */
function tell(event: ReadonlyArray<{ at: number; remove: number; insert: string }>, length: number, apply: (start: number, end: number, insert: string) => number): OffsetEdit[] {
  const told: OffsetEdit[] = [];
  let current = length;
  for (const e of event) {
    const start = e.at % (current + 1);
    const end = Math.min(current, start + e.remove);
    told.push({ start, end, text: e.insert });
    current = apply(start, end, e.insert);
  }
  return told;
}

test("told an editor's changes (several per event, each in the text the ones before it left), the parser gives a full parse", () => {
  fc.assert(
    fc.property(documentArb, fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (initial, events) => {
      const parser = new IncrementalParser();
      let text = initial;
      same(parser, text);
      for (const event of events) {
        const told = tell(event, text.length, (start, end, insert) => (text = text.slice(0, start) + insert + text.slice(end)).length);
        const doc = parser.parse(text, told);
        assert.deepEqual(view(doc), view(parse(text)));
      }
    }),
    { numRuns: 300 },
  );
});

test("an editor's versions kept as pieces of the one before (as the language server keeps them) give a full parse", () => {
  fc.assert(
    fc.property(documentArb, fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), (initial, events) => {
      const parser = new IncrementalParser();
      let text = PieceText.of(initial);
      parser.parse(text);
      for (const event of events) {
        const told = tell(event, text.length, (start, end, insert) => (text = text.edit(start, end, insert)).length);
        const doc = parser.parse(text, told);
        const whole = parse(String(text));
        // `source` is pieces on one side and a string on the other; everything else is the same.
        assert.deepEqual(view({ ...doc, source: '' }), view({ ...whole, source: '' }));
      }
    }),
    { numRuns: 300 },
  );
});

test('a block right after an indented code block is read with it, where micromark reads an empty list item as text', () => {
  // micromark still holds the code block open while it looks at the next line, so a container
  // starting there counts as interrupting it: the "-" line is the first line of a setext heading.
  const text = '    code SDG 16.9\n-\ntle: T\nlanguage: es\n---\n';
  const heading = text.indexOf('-\n');
  assert.deepEqual(parse(text).headings.map((h) => h.span.start), [heading]);
  // A definition found later makes the parser read the block again: still with the code before it.
  const defined = `${text.replace('tle: T', 'tle: [ref]')}\n[ref]: /u\n`;
  assert.deepEqual(parse(defined).headings.map((h) => h.span.start), [heading]);
  // An edit after the "-" line: the parse starts again before the code block, not at the "-".
  const parser = new IncrementalParser();
  parser.parse(text);
  const at = text.indexOf('language');
  const edited = `${text.slice(0, at + 1)}---\ntitle: T\n${text.slice(at + 1)}`;
  const doc = parser.parse(edited, [{ start: at + 1, end: at + 1, text: '---\ntitle: T\n' }]);
  assert.deepEqual(view(doc), view(parse(edited)));
  assert.deepEqual(doc.headings.map((h) => h.span.start), [heading]);
});

test('changes that do not lead to the new text are not trusted: the texts are compared', () => {
  const parser = new IncrementalParser();
  parser.parse('## A\n\nSDG 16.1 text.\n');
  const text = '## A\n\nSDG 16.1 text.\n\n## B SDG 16.2\n';
  // Says one character was typed at the start; the text grew by 17 at the end.
  const doc = parser.parse(text, [{ start: 0, end: 0, text: 'x' }]);
  assert.deepEqual(view(doc), view(parse(text)));
  assert.deepEqual(doc.headings.map((h) => h.text), ['A', 'B SDG 16.2']);
});

test("a project's language reads tags in documents whose front matter names none, in one parse and after edits", () => {
  const text = '## ODS 16.1 Violencia\n\nTexto.\n';
  assert.equal(parse(text).tags.length, 0, 'English by default: ODS is not a tag prefix');
  assert.equal(parse(text, { language: 'es' }).tags.length, 1);
  const parser = new IncrementalParser({ language: 'es' });
  assert.equal(parser.parse(text).language, 'es');
  const edited = `${text}\n## ODS 16.2 Trata\n`;
  const doc = parser.parse(edited);
  assert.deepEqual(view(doc), view(parse(edited, { language: 'es' })));
  assert.equal(doc.tags.length, 2);
  // The front matter still wins over the project.
  assert.equal(parse(`---\nlanguage: fr\n---\n${text}`, { language: 'es' }).language, 'fr');
});

test('an unclosed fence in a footnote definition ends with its last line, however the parse reached it', () => {
  // Found by the property above: the fence's end depended on whether the parse went on past it.
  for (const [initial, edits] of [
    ['[^1]: A footnote with SDG 16.5\n', [{ start: 5, end: 7, text: '\n' }, { start: 5, end: 9, text: '-->' }, { start: 5, end: 5, text: '~~~sources\nprojects: 22\n' }]],
  ] as const) {
    const parser = new IncrementalParser();
    let text: string = initial;
    parser.parse(text);
    for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    assert.deepEqual(view(parser.parse(text, edits)), view(parse(text)));
  }
});

// Features keep what they read from a block under its identity (the findings checks keep its
// paragraphs): a block whose text an edit changed must get a new one, one it only moved must not.
test('a keystroke gives the edited block a new identity and keeps those of blocks it only moved', () => {
  const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says something.\n`);
  const text = `# Title\n\n${paragraphs.join('\n')}`;
  const parser = new IncrementalParser();
  const before = same(parser, text);
  const at = text.indexOf('Paragraph 6') + 'Paragraph 6'.length;
  const edited = `${text.slice(0, at)}x${text.slice(at)}`;
  const after = parser.parse(edited, [{ start: at, end: at, text: 'x' }]);
  assert.deepEqual(view(after), view(parse(edited)));
  const blockOf = (doc: SynthesisDocument, source: string, words: string) => doc.blocks.find((b) => source.slice(b.start, b.end).startsWith(words))!;
  const old = new Set(before.blocks.map((b) => b.identity));
  assert.ok(!old.has(blockOf(after, edited, 'Paragraph 6x').identity));
  assert.equal(blockOf(after, edited, '# Title').identity, blockOf(before, text, '# Title').identity);
  const moved = blockOf(after, edited, 'Paragraph 11');
  assert.equal(moved.start, blockOf(before, text, 'Paragraph 11').start + 1);
  assert.equal(moved.identity, blockOf(before, text, 'Paragraph 11').identity);
});

test('the line index after any edits of a long text equals one made from scratch', () => {
  // Thousands of lines, so that edits fall in the middle of the index's chunks, on their borders,
  // and across several of them; line breaks of all three kinds, so that an edit can split a \r\n.
  const piece = fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\n\n', 'text\n'.repeat(40), '\n'.repeat(700));
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 0, max: 3000 }), insert: fc.array(piece, { maxLength: 4 }) });
  fc.assert(
    fc.property(fc.array(piece, { minLength: 20, maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (pieces, edits) => {
      let text = pieces.join('');
      let lines = new LineIndex(text);
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        const end = Math.min(text.length, start + e.length);
        const next = text.slice(0, start) + e.insert.join('') + text.slice(end);
        lines = LineIndex.afterEdit(lines, next, start, text.length - end);
        text = next;
        const fresh = new LineIndex(text);
        assert.equal(lines.lineCount, fresh.lineCount);
        for (let l = 0; l < fresh.lineCount; l++) assert.equal(lines.lineStart(l), fresh.lineStart(l), `line ${l}`);
        for (let o = 0; o <= text.length; o += 97) assert.deepEqual(lines.positionAt(o), fresh.positionAt(o));
      }
    }),
    { numRuns: 150 },
  );
});

test('after edits elsewhere and in its own paragraph, an unknown target is reported where it is now, as a whole parse reports it', () => {
  const parser = new IncrementalParser();
  const findings = (doc: SynthesisDocument): string[] => analyzeDocument(doc).findings.filter((f) => f.rule === 'unknown-target').map((f) => `${f.span.start}-${f.span.end}`);
  let text = '# Summary\n\nProgress on SDG 16.1 was steady.\n\nA gap on SDG 16.99 remains.\n\nMore on SDG 16.2.\n';
  const steps: Array<[string, string]> = [
    ['Progress', 'Real progress'],
    ['SDG 16.99', 'SDG 16.9'],
    ['More on', 'Even more on'],
    ['SDG 16.9 ', 'SDG 16.98 '],
    ['# Summary', '# Summary of the evidence'],
  ];
  assert.deepEqual(findings(parser.parse(text)), findings(parse(text)));
  for (const [from, to] of steps) {
    const at = text.indexOf(from);
    const edits = [{ start: at, end: at + from.length, text: to }];
    text = text.slice(0, at) + to + text.slice(at + from.length);
    assert.deepEqual(findings(parser.parse(text, edits)), findings(parse(text)), `after "${to}"`);
  }
  assert.equal(findings(parse(text)).length, 1, 'SDG 16.98 is unknown at the end');
});

test('a line such as `-` that goes on a paragraph after link definitions is read with it after an edit below', () => {
  // Found by the property test above: read again from its own line, `-` was an empty list item.
  const parser = new IncrementalParser();
  let text = '[ref]:\n*\n-\n\nReducing violence\n\n### SDG 16.1 Reducing violence\n';
  same(parser, text);
  const at = text.indexOf('educing');
  text = `${text.slice(0, at)} ${text.slice(at)}`;
  const doc = parser.parse(text, [{ start: at, end: at, text: ' ' }]);
  assert.deepEqual(view(doc), view(parse(text)));
  assert.equal(doc.blocks[1]!.last, 'content', 'the `-` line is paragraph text, not a list');
});

test('a quote after a list with a fenced block starts its own block on its own line, and an edit above it reads it once', () => {
  // Found by the property test: the quote's block started back at the list's line, so a re-read
  // from there counted the list's code block twice.
  const parser = new IncrementalParser();
  let text = '\n\n- ```\n  fenced in a list\n\n> quote with SDG 16.b\n\n---\ntitle: T\nlanguage: es\n---\n';
  same(parser, text);
  const at = 28;
  text = `${text.slice(0, at)}\n${text.slice(at)}`;
  const doc = parser.parse(text, [{ start: at, end: at, text: '\n' }]);
  assert.deepEqual(view(doc), view(parse(text)));
  assert.equal(doc.codeBlocks.length, 1);
});

test('a table or setext heading that goes on after a paragraph or link definitions is read with it after an edit below', () => {
  // Read again from its own line, `2)` or `-` was a list, not the table's head row or the heading's text.
  for (const [text, edited] of [
    ['# T\n\nCourts\n2)\n| --- |\n| a |\n| b |\n| c |\n', '| c |'],
    ['[ref]: https://example.org\n-\n===\nReducing violence\n', 'Reducing'],
  ] as const) {
    const parser = new IncrementalParser();
    same(parser, text);
    const at = text.indexOf(edited) + 2;
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const doc = parser.parse(next, [{ start: at, end: at, text: 'x' }]);
    assert.deepEqual(view(doc), view(parse(next)));
    assert.ok(doc.blocks.some((b) => b.last === 'table' || b.last === 'setextHeading'));
  }
});

test('a line `-` that goes on a paragraph after link definitions and refers to one is read with it', () => {
  // Read again alone because it refers to a definition (which is only known after a first read),
  // `-` was an empty list item.
  const text = '[aid]: https://example.org/aid\n-\nSee [aid].\n';
  const doc = parse(text);
  assert.deepEqual(
    doc.blocks.map((b) => [text.slice(b.start, b.end), b.last]),
    [
      ['[aid]: https://example.org/aid\n', 'content'],
      ['-\nSee [aid].\n', 'content'],
    ],
  );
});

test('a block that micromark began on a lazy line of the list or quote above it is read with them after an edit', () => {
  // After an empty list item and a blank line, or after a quote, micromark reads a line that does
  // not go on with the container as a lazy line of it, and only then closes the container: an
  // indented code block begun on that line ends with it, and the next code line starts another.
  // Read again from the code block's own line, the two were one code block.
  for (const text of [
    '# T\n\n2)\n\n    indented code\n    more code\n    more\n2)\n\nend\n',
    '# T\n\n> # Quoted\n    indented code\n    more code\n    more\n\nend\n',
  ]) {
    const parser = new IncrementalParser();
    assert.equal(same(parser, text).blocks.filter((b) => b.last === 'codeIndented').length, 2);
    const at = text.lastIndexOf('more');
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const doc = parser.parse(next, [{ start: at, end: at, text: 'x' }]);
    assert.deepEqual(view(doc), view(parse(next)), JSON.stringify(next));
    assert.equal(doc.blocks.filter((b) => b.last === 'codeIndented').length, 2);
  }
  // A definition below makes the parser read the first code block again, once it knows the
  // definition: with the list or quote before it, as micromark read it the first time.
  for (const text of ['-\n\n    code [r]\n    more\n\n[r]: /u\n', '> # h\n    code [r]\n    more\n\n[r]: /u\n']) {
    assert.equal(parse(text).blocks.filter((b) => b.last === 'codeIndented').length, 2, JSON.stringify(text));
  }
});

test('a line after a table in a quote, with no blank line between, is read with the quote after an edit', () => {
  // micromark reads `| b |` there as a lazy line with the quote's table still its latest block: it
  // refuses it as a row and reads a paragraph. Read again from its own line, it heads a table.
  const text = '# T\n\n> | a |\n> | - |\n| b |\n| - |\n| c |\n| d |\n\nend\n';
  const parser = new IncrementalParser();
  assert.equal(same(parser, text).blocks.some((b) => b.last === 'table' && text.slice(b.start).startsWith('| b')), false);
  const at = text.indexOf('d |');
  const next = `${text.slice(0, at)}x${text.slice(at)}`;
  assert.deepEqual(view(parser.parse(next, [{ start: at, end: at, text: 'x' }])), view(parse(next)), JSON.stringify(next));
});

test('after a list and a blank line, an edit in the paragraph below is read from that paragraph on', () => {
  // micromark reads the paragraph's first line as a lazy line of the list, but after a blank line
  // that changes nothing unless the paragraph is indented code: the list need not be read again.
  const list = Array.from({ length: 200 }, (_, k) => `- Item ${k} of a long list of evaluation reports.\n`).join('');
  const text = `# T\n\n${list}\nA paragraph after the list,\nover three lines,\nthe last one edited.\n\nend\n`;
  const parser = new IncrementalParser();
  same(parser, text);
  const at = text.indexOf('last one edited');
  const next = `${text.slice(0, at)}x${text.slice(at)}`;
  assert.deepEqual(view(parser.parse(next, [{ start: at, end: at, text: 'x' }])), view(parse(next)));
  assert.ok(parser.lastTokenized < list.length / 2, `read ${parser.lastTokenized} characters again, the list is ${list.length}`);
});

test('a quote or list right after a paragraph is read with it after an edit below', () => {
  // Found by the property test above once it wrote empty list items: micromark reads the first
  // line of a quote or list that interrupts a paragraph with the paragraph still open, so an empty
  // list item in it (`-`) is paragraph text, and the next line goes on with that paragraph. Read
  // again from its own line, `-` was an empty list item and `]` a paragraph after the quote.
  for (const text of ['# T\n\nCourts\n> -\n]\n\nend\n', '# T\n\nCourts\n- -\n]\n\nend\n', '# T\n\n[aid]: /aid\n> -\n]\n\nend\n']) {
    const parser = new IncrementalParser();
    same(parser, text);
    const at = text.indexOf('end') + 1;
    const next = `${text.slice(0, at)}x${text.slice(at)}`;
    const doc = parser.parse(next, [{ start: at, end: at, text: 'x' }]);
    assert.deepEqual(view(doc), view(parse(next)), JSON.stringify(next));
    assert.ok(doc.blocks.some((b) => /^[->] -\n\]/.test(next.slice(b.start, b.end))), 'the `]` line is in the quote or list');
  }
});

test('the spaces of a blank line at the end of a list are the list’s, not a block of their own', () => {
  // Found by the property test above: micromark moves a list's end before the blank lines after it,
  // and the spaces on them with it, so they stood in the document as a block the parser could
  // start at, where they were a blank line and the code block after them went on.
  const text = '# T\n\n2)\n\n    indented code\n    more code\n\nend\n';
  const parser = new IncrementalParser();
  same(parser, text);
  const at = text.indexOf('2)\n') + 3;
  const next = `${text.slice(0, at)} ${text.slice(at)}`;
  const doc = parser.parse(next, [{ start: at, end: at, text: ' ' }]);
  assert.deepEqual(view(doc), view(parse(next)), JSON.stringify(next));
  assert.deepEqual(
    doc.blocks.map((b) => b.last),
    ['atxHeading', 'listOrdered', 'codeIndented', 'codeIndented', 'content'],
  );
});
