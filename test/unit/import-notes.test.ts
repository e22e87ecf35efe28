// What the editor shows after an import: the server's notes and kept parts listed one per line, on
// a page and in the output panel, under the client's headings; and the kept parts in the server's
// words, in the editor's language.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importNotes, type ImportNotesWords } from '../../client/src/import-notes.js';
import { keptPart } from '../../server/src/lsp/word-messages.js';

const WORDS: ImportNotesWords = {
  title: 'Notes on importing informe.docx',
  intro: 'The synthesis informe.synth.md was written from informe.docx.',
  pictures: (n) => (n === 1 ? '1 picture was not imported.' : `${n} pictures were not imported.`),
  needsALook: 'What needs a look',
  needsALookHint: 'Compare.',
  kept: 'Kept as ordinary Markdown',
  keptHint: 'Move them.',
  noteLine: (note) => `Needs a look: ${note}`,
  keptLine: (part) => `Kept as ordinary Markdown: ${part}`,
};

const EQUATION = 'an equation was left out (equations are not imported): if it matters, write it into the synthesis by hand';
const MERGED = 'a table holds something other than rows and cells, so its merged cells may come out wrong: check the table against the Word document';

describe('the notes of an import, as the editor lists them', () => {
  test('each note and each picture count is one thing that needs a look, listed on the page and in the output panel', () => {
    const notes = importNotes({ warnings: [EQUATION, MERGED], images: 2, kept: ['table: Country | Budget'] }, WORDS);
    assert.deepEqual(notes.notes, [EQUATION, MERGED, '2 pictures were not imported.']);
    assert.deepEqual(notes.kept, ['table: Country | Budget']);
    assert.equal(
      notes.page,
      [
        '# Notes on importing informe.docx',
        '',
        'The synthesis informe.synth.md was written from informe.docx.',
        '',
        '## What needs a look (3)',
        '',
        'Compare.',
        '',
        `- ${EQUATION}`,
        `- ${MERGED}`,
        '- 2 pictures were not imported.',
        '',
        '## Kept as ordinary Markdown (1)',
        '',
        'Move them.',
        '',
        '- table: Country | Budget',
        '',
      ].join('\n'),
    );
    assert.deepEqual(notes.log, [`Needs a look: ${EQUATION}`, `Needs a look: ${MERGED}`, 'Needs a look: 2 pictures were not imported.', 'Kept as ordinary Markdown: table: Country | Budget']);
    assert.doesNotMatch(notes.log.join('\n'), /[{}[\]"]/, 'sentences, not JSON');
  });

  test('a clean import has nothing that needs a look, and its page has no empty list', () => {
    const clean = importNotes({ warnings: [], images: 0, kept: [] }, WORDS);
    assert.deepEqual(clean.notes, []);
    assert.deepEqual(clean.log, []);
    assert.doesNotMatch(clean.page, /##/);
    const keptOnly = importNotes({ warnings: [], images: 0, kept: ['paragraph: Annex'] }, WORDS);
    assert.deepEqual(keptOnly.notes, [], 'a part kept as Markdown is still in the synthesis: not a thing that was lost');
    assert.match(keptOnly.page, /## Kept as ordinary Markdown \(1\)/);
    assert.doesNotMatch(keptOnly.page, /What needs a look/);
  });

  test('one picture is said in the singular', () => {
    assert.deepEqual(importNotes({ warnings: [], images: 1, kept: [] }, WORDS).notes, ['1 picture was not imported.']);
  });

  test('a kept part whose first words span lines stays one item of the list', () => {
    const notes = importNotes({ warnings: [], images: 0, kept: ['list: first item\n  \n second item  '] }, WORDS);
    assert.deepEqual(notes.kept, ['list: first item second item']);
    assert.match(notes.page, /^- list: first item second item$/m);
  });
});

describe('the kept parts in the editor’s language', () => {
  test('the kind of part is translated, its words are kept as written', () => {
    const part = { kind: 'code block', text: 'x = 1' };
    assert.equal(keptPart('en', part), 'code block: x = 1');
    assert.equal(keptPart('es', part), 'bloque de código: x = 1');
    assert.equal(keptPart('fr', { kind: 'table', text: 'Pays | Budget' }), 'tableau : Pays | Budget');
  });

  test('a kind the catalogue does not know is said as it is', () => {
    assert.equal(keptPart('es', { kind: 'mystery', text: 'abc' }), 'mystery: abc');
  });
});
