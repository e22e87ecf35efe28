// Reliability properties of the analysis core over a few thousand generated documents: arbitrary
// text, arbitrary Markdown and documents in the dialect. `npm run test:fuzz` runs the same
// properties over 100,000 documents (scripts/fuzz.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, analyzeDocument, IncrementalParser, LineIndex, parse, wordMessage } from '../../server/src/core/index.js';
import { fixRepeatedly, PROPERTIES, runsFor } from '../fuzz/properties.js';

/** Inputs in total across the properties; kept small enough for `npm test` on a busy machine. */
const TOTAL = 5000;

// Each property draws its own random seed; fast-check prints it with the shrunk case on a failure.
for (const property of PROPERTIES) {
  test(property.name, () => {
    property.check({ numRuns: runsFor(property, TOTAL) });
  });
}

// Cases the properties found, kept as plain tests so that each stays fixed.
describe('cases found by the properties', () => {
  test('a repeated front-matter field is reported on its second occurrence, with LF and CRLF alike', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'title: A', 'author: ', 'title: B', '---', ''].join(eol);
      const lines = new LineIndex(text);
      const found = analyze(text).findings.filter((f) => f.rule === 'front-matter' && /once/.test(wordMessage(f.message)));
      assert.deepEqual(
        found.map((f) => [lines.positionAt(f.span.start), lines.positionAt(f.span.end)]),
        [[{ line: 3, character: 0 }, { line: 3, character: 5 }]],
        `with ${JSON.stringify(eol)} line breaks`,
      );
    }
  });

  test('--fix on a document that ends inside an unclosed code block or comment converges', () => {
    for (const text of ['---\ntitle: A\n---\n\n```sources\nevaluation reports: 2\n', '---\ntitle: A\n---\n\n<!--\n']) {
      const fixed = fixRepeatedly(text);
      assert.deepEqual(
        analyze(fixed).findings.filter((f) => (f.fixes ?? []).some((x) => !x.suggestion)).map((f) => wordMessage(f.message)),
        [],
      );
      // The missing headings would land inside the open block: they are not inserted at all.
      assert.equal(fixed.split('## Conclusions').length - 1, 0, `nothing is inserted inside the open block:\n${fixed}`);
    }
  });

  test('invalid YAML in the front matter gives the same message with LF and CRLF', () => {
    const lf = '---\ntitle: A\ngoals: ]\nreport: |\n  block\nscope: S\n---\n';
    const messages = (text: string): string[] => analyze(text).findings.filter((f) => f.rule === 'front-matter').map((f) => wordMessage(f.message));
    assert.deepEqual(messages(lf.replace(/\n/g, '\r\n')), messages(lf));
  });

  test('a heading over two lines is named on one line in messages, with LF and CRLF alike', () => {
    const lf = 'SDG 16.1 evaluation\nevaluation\n===\n';
    const messages = (text: string): string[] => analyze(text).findings.filter((f) => f.rule === 'empty-section').map((f) => wordMessage(f.message));
    assert.deepEqual(messages(lf), ["Expected some text in the section 'SDG 16.1 evaluation evaluation', found none"]);
    assert.deepEqual(messages(lf.replace(/\n/g, '\r\n')), messages(lf));
  });

  test('front matter closed by "..." is cut into chunks the way a full parse reads it', () => {
    const text = '---\ntitle: A\n...\n0 evaluation reports\n\n## Executive summary\n\n> ```sources\n> evaluation reports: 1\n';
    assert.deepEqual(analyzeDocument(new IncrementalParser().parse(text)).findings, analyze(text).findings);
  });

  test('an unclosed front matter does not hide the sources block in a later quote', () => {
    // micromark-extension-frontmatter: after a `---` that is never closed, quotes and lists are
    // read as paragraphs (github.com/micromark/micromark-extension-frontmatter/issues/5).
    const doc = parse('---\ntitle: a draft\n\n> ```sources\n> evaluation reports: 2\n> ```\n');
    assert.equal(doc.sourcesBlocks.length, 1);
  });

  test('a fence closed inside a list item, then a longer fence, is not cut into chunks (found by the LSP chaos test)', () => {
    // The chunker took the list item's closing fence for an opening one, and the longer fence after
    // it for its close, so it cut the document inside a code block that runs to the end.
    const text = '# T\n\n- ```\n  x\n  ```\n\n````\n\n## A\n';
    assert.deepEqual(
      new IncrementalParser().parse(text).headings.map((h) => h.text),
      parse(text).headings.map((h) => h.text),
    );
  });
});
