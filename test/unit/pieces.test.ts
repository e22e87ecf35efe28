// A version of a text kept as pieces of the one before it (core/pieces.ts) reads as the string it
// stands for: under random edits, the same length, characters, slices, searches and whole text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { indexIn, MAX_PIECES, PieceText } from '../../server/src/core/pieces.js';

const piece = fc.oneof(fc.constantFrom('---', '\n', '\r\n', 'x', '\uD800', '😀', 'é'), fc.string({ maxLength: 8 }), fc.constant('long '.repeat(300)));
const insert = fc.array(piece, { maxLength: 4 }).map((xs) => xs.join(''));
const edit = fc.record({ a: fc.nat(), b: fc.nat(), insert });

test('a piece text reads as the string it stands for, under random edits', () => {
  fc.assert(
    fc.property(insert, fc.array(edit, { maxLength: 120 }), fc.array(fc.tuple(fc.integer({ min: -3, max: 3000 }), fc.integer({ min: -3, max: 3000 })), { minLength: 6, maxLength: 6 }), (initial, edits, probes) => {
      let text = PieceText.of(initial);
      let expected = initial;
      for (const { a, b, insert: ins } of edits) {
        const start = Math.min(a, b) % (expected.length + 1);
        const end = Math.min(expected.length, start + (Math.max(a, b) % 7));
        text = text.edit(start, end, ins);
        expected = expected.slice(0, start) + ins + expected.slice(end);
        assert.equal(text.length, expected.length);
      }
      for (const [x, y] of probes) {
        const from = Math.min(Math.max(0, x), expected.length);
        const to = Math.min(Math.max(from, y), expected.length);
        assert.equal(text.slice(from, to), expected.slice(from, to), `slice(${from}, ${to})`);
        assert.equal(text.slice(from), expected.slice(from));
        assert.ok(Object.is(text.charCodeAt(x), expected.charCodeAt(x)), `charCodeAt(${x})`);
        assert.equal(indexIn(text, '---', from), expected.indexOf('---', from));
      }
      assert.equal(text.toString(), expected);
      assert.equal(String(text), expected);
    }),
    { numRuns: 400 },
  );
});

test('typing in one place adds no pieces, and edits far apart are joined into one string again', () => {
  const base = 'word '.repeat(100_000);
  let text = PieceText.of(base);
  let expected = base;
  for (let i = 0; i < 500; i++) {
    text = text.edit(250_000 + i, 250_000 + i, 'x');
    expected = expected.slice(0, 250_000 + i) + 'x' + expected.slice(250_000 + i);
  }
  assert.equal(text.pieceCount, 3, 'the typed characters stay one piece between the two parts of the text');
  for (let i = 0; i < MAX_PIECES; i++) {
    const at = 10_000 * (i + 1);
    text = text.edit(at, at + 1, 'Y');
    expected = expected.slice(0, at) + 'Y' + expected.slice(at + 1);
    assert.ok(text.pieceCount <= MAX_PIECES, `${text.pieceCount} pieces after ${i + 1} edits`);
  }
  assert.equal(text.toString(), expected);
});

test('a search finds a match that spans two stretches of a long piece text', () => {
  const long = 'a'.repeat(64 * 1024 - 1);
  const text = PieceText.of(long).edit(long.length, long.length, '---').edit(10, 11, 'b');
  assert.equal(indexIn(text, '---', 0), long.length);
  assert.equal(indexIn(text, '---', long.length + 1), -1);
});
