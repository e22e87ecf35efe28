// The first import test: the reference brief (../shared/reference/), as plain text, as a Word
// document and as a PDF made from it by LibreOffice, becomes a synthesis with no errors.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, parse, renderPreview, wordMessage } from '../../server/src/core/index.js';
import { importDocument, type ImportResult } from '../../server/src/core/word.js';
import { convert, missingWords, referenceText, tempDir } from './helpers.js';

const TEAM = ['Ms. Ann Sutherland', 'Ms. Xiomara Chavez', 'Ms. Ashley Hollister', 'Ms. Elise Wall'];
const TARGETS = ['16.1', '16.2', '16.3', '16.4', '16.5', '16.6/16.a', '16.b'];
/** The title block's labels, which become front-matter keys. */
const LABELS = ['Country', 'Duration/scope', 'Synthesis team', 'Full report'];

/** What the issue asks of the imported reference, whatever format it came in. */
function assertReference(result: ImportResult, format: string): void {
  const { markdown, report } = result;
  const analysis = analyze(markdown);
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => `${f.rule}: ${wordMessage(f.message)}`), [], `${format}: the imported brief has errors:\n${markdown}`);
  const document = analysis.document;
  const field = (name: string): unknown => document.frontMatter?.fields.get(name)?.value;
  assert.equal(field('country'), 'Mexico', format);
  assert.equal(field('period'), '2016-2023', format);
  assert.deepEqual(field('team'), TEAM, format);
  assert.equal(field('report'), 'https://www.unodc.org/evaluation-based-knowledge-products', format);
  assert.match(String(field('title')), /^Meta-synthesis of the work of UNODC in Mexico$/, format);

  const targets = document.headings.filter((h) => h.targetTag).map((h) => h.targetTag!.refs.map((r) => r.id).join('/'));
  assert.deepEqual(targets, TARGETS, `${format}: target sections`);
  assert.deepEqual(report.targets, TARGETS);
  // Titles in sentence case, as an author would write them.
  assert.ok(document.headings.some((h) => h.text === 'SDG 16.2 Ending abuse, exploitation and human trafficking'), `${format}: ${document.headings.map((h) => h.text).join(' | ')}`);

  const [figures, methodology] = document.sourcesBlocks;
  assert.ok(figures && methodology, `${format}: expected two sources blocks, found ${document.sourcesBlocks.length}`);
  assert.deepEqual(figures.entries.map((e) => [e.label, e.count]), [['documents', 3076], ['surveys', 697], ['interview and focus group participants', 419]], format);
  const counts = (entries: typeof methodology.entries): unknown => entries.map((e) => [e.label, e.count, counts(e.children)]);
  assert.deepEqual(
    counts(methodology.entries),
    [
      ['evaluation reports', 21, [['country-level', 13, []], ['regional', 3, []], ['global', 5, []]]],
      ['projects', 22, []],
      ['secondary documents', 12, []],
    ],
    format,
  );
  const sections = report.sections.map((s) => s.id);
  assert.deepEqual(sections, ['background', 'findings', 'sources-of-data', 'human-rights-gender', 'cross-cutting', 'conclusions', 'methodology'], format);
  assert.deepEqual(report.left, [], `${format}: nothing should be left unplaced`);
}

describe('importing the reference brief', () => {
  const text = referenceText();
  const dir = tempDir('synthesis-import-reference-');

  test('as text: a synthesis with no errors, its front matter, seven target sections and both sources blocks', async () => {
    const result = await importDocument(new TextEncoder().encode(text), 'txt');
    assertReference(result, 'txt');
    assert.equal(result.report.language, 'en');
    // The period keeps what the brief said around it, as a comment.
    assert.match(result.markdown, /^period: 2016-2023 # Evaluations conducted between 2016-2023$/m);
    assert.deepEqual(missingWords(text, result.markdown, LABELS), []);
  });

  test('as a Word document and as a PDF made by LibreOffice', async () => {
    // A Word file as an office would have it: the capitalised section titles as Heading 2, the
    // title as Heading 1, the rest as the reference's paragraphs.
    const fragment = renderPreview(text, { showProblems: false }).html;
    let first = true;
    const html = fragment.replace(/<p data-line="\d+">([^<]*)<\/p>/g, (whole, inner: string) => {
      const plain = inner.trim();
      if (!/^[^a-z]{6,100}$/.test(plain) || /^\d/.test(plain) || /^SDG /.test(plain)) return whole;
      const tag = first ? 'h1' : 'h2';
      first = false;
      return `<${tag}>${plain}</${tag}>`;
    });
    const source = join(dir, 'brief.html');
    writeFileSync(source, `<!doctype html><html><head><meta charset="utf-8"><title>Brief</title></head><body>${html}</body></html>`);
    const docx = convert(source, 'docx:MS Word 2007 XML', 'docx', join(dir, 'docx'));
    const fromDocx = await importDocument(new Uint8Array(readFileSync(docx)), 'docx');
    assertReference(fromDocx, 'docx');
    assert.deepEqual(missingWords(text, fromDocx.markdown, [...LABELS, 'https', 'www', 'unodc', 'org']), [], 'docx: words lost');

    const pdf = convert(docx, 'pdf', 'pdf', join(dir, 'pdf'));
    const fromPdf = await importDocument(new Uint8Array(readFileSync(pdf)), 'pdf');
    assertReference(fromPdf, 'pdf');
    // The PDF has the link's text, not its address.
    assert.deepEqual(missingWords(text, fromPdf.markdown, [...LABELS, 'https', 'www', 'unodc', 'org', 'evaluation', 'based', 'knowledge', 'products']), [], 'pdf: words lost');
    // What the reader said about the source stays true of the result: parsing it again agrees.
    assert.equal(parse(fromPdf.markdown).sourcesBlocks.length, 2);
  });
});
