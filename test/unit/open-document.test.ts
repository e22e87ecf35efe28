// The server's open documents (lsp/open-document.ts) against vscode-languageserver-textdocument,
// which the server used before: under random changes, the text each change leaves and the offset of
// any position as TextDocument reads them, with line breaks of every kind, ranges given backwards or
// past the end, and text that is not valid UTF-16.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocument } from '../../server/src/lsp/open-document.js';

const piece = fc.oneof(
  fc.constantFrom('\n', '\r', '\r\n', '\n\n', 'a', 'SDG 16.1', ' ', '\uD800', '\uDC00', '😀', 'é', '```'),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
const position = fc.record({ line: fc.integer({ min: -2, max: 14 }), character: fc.integer({ min: -2, max: 40 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

test('an open document has the text and offsets TextDocument gives for the same text, under random changes', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(position, { minLength: 4, maxLength: 4 }), (initial, steps, probes) => {
      const doc = new OpenDocument('file:///a.synth.md', 'synthesis-markdown', 1, initial);
      let expected = initial;
      let version = 1;
      for (const changes of steps) {
        version++;
        // Each change's range is read in the text the changes before it left, as a fresh
        // TextDocument of that text reads it.
        for (const c of changes) {
          if (!('range' in c)) {
            expected = c.text;
            continue;
          }
          const oracle = fresh(expected);
          const [start, end] = [oracle.offsetAt(c.range.start), oracle.offsetAt(c.range.end)].sort((x, y) => x - y) as [number, number];
          expected = expected.slice(0, start) + c.text + expected.slice(end);
        }
        doc.update(changes, version);
        assert.equal(doc.version, version);
        assert.equal(String(doc.text), expected);
        const oracle = fresh(expected);
        for (const p of probes) assert.equal(doc.offsetAt(p), oracle.offsetAt(p), `offset of ${JSON.stringify(p)} in ${JSON.stringify(expected)}`);
      }
    }),
    { numRuns: 600 },
  );
});

test('changes inside the document give the same text and offsets as TextDocument.update', () => {
  // TextDocument.update itself, where its ranges are inside the text (past the end it keeps lines
  // that do not exist).
  const expected = TextDocument.create('file:///a.synth.md', 'synthesis-markdown', 1, 'a\r\nb\rc\nd');
  const doc = new OpenDocument('file:///a.synth.md', 'synthesis-markdown', 1, 'a\r\nb\rc\nd');
  const steps = [
    { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\n' },
    { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 1 } }, text: 'x\r' },
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\r' },
    { range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' },
  ];
  steps.forEach((c, i) => {
    TextDocument.update(expected, [c], i + 2);
    doc.update([c], i + 2);
    assert.equal(String(doc.text), expected.getText());
    for (let line = 0; line <= expected.lineCount; line++) for (let character = 0; character < 4; character++) assert.equal(doc.offsetAt({ line, character }), expected.offsetAt({ line, character }));
  });
});

test('the changes come back as offsets in the text each one was applied to', () => {
  const doc = new OpenDocument('file:///a.synth.md', 'synthesis-markdown', 1, 'one\r\ntwo\nthree');
  const edits = doc.update(
    [
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 0 } }, text: 'TWO' },
      { range: { start: { line: 2, character: 99 }, end: { line: 2, character: 99 } }, text: '!' },
    ],
    2,
  );
  assert.deepEqual(edits, [
    { start: 5, end: 8, text: 'TWO' },
    { start: 14, end: 14, text: '!' },
  ]);
  assert.equal(String(doc.text), 'one\r\nTWO\nthree!');
  assert.equal(doc.update([{ text: 'new' }], 3), undefined, 'a whole-text change has no offsets');
  assert.equal(String(doc.text), 'new');
});

test('a range a hostile client sends backwards or with numbers as strings replaces what lies between its ends', () => {
  const lines = Array.from({ length: 12 }, (_, i) => `l${String(i).padStart(2, '0')}\n`);
  const doc = new OpenDocument('file:///a.synth.md', 'synthesis-markdown', 1, lines.join(''));
  // As strings, '10' comes before '2': the ends are put in order by their offsets.
  const hostile = { start: { line: '10', character: 0 }, end: { line: '2', character: 0 } } as unknown as { start: { line: number; character: number }; end: { line: number; character: number } };
  assert.deepEqual(doc.update([{ range: hostile, text: '' }], 2), [{ start: 8, end: 40, text: '' }]);
  assert.equal(String(doc.text), [...lines.slice(0, 2), ...lines.slice(10)].join(''));
});

test('a document keeps every code unit through many edits, lone surrogates included', () => {
  // Enough edits far apart that the text is kept in many pieces and joined again more than once.
  const line = 'Finding \uD83D\uDE00 with a lone \uD800 and \uDC00 surrogate, café.\r\n';
  const initial = line.repeat(Math.ceil(200_000 / line.length));
  const doc = new OpenDocument('file:///big.synth.md', 'synthesis-markdown', 1, initial);
  let mirror = initial;
  for (let i = 0; i < 150; i++) {
    const at = (i * 7919) % mirror.length;
    const insert = i % 3 === 0 ? '\uDBFF' : i % 3 === 1 ? 'x\n' : '';
    const end = Math.min(mirror.length, at + (i % 4));
    const lines = fresh(mirror);
    const edits = doc.update([{ range: { start: lines.positionAt(at), end: lines.positionAt(end) }, text: insert }], i + 2);
    const applied = edits?.[0];
    assert.ok(applied);
    mirror = mirror.slice(0, applied.start) + insert + mirror.slice(applied.end);
  }
  assert.equal(String(doc.text), mirror);
});

function fresh(text: string): TextDocument {
  return TextDocument.create('file:///oracle', 'synthesis-markdown', 1, text);
}
