// Word export, checked by a real consumer: every sample exported with `synthlint export --to docx`
// and opened by LibreOffice holds every heading, target, count and citation of its source; an
// office's reference document gives the export its heading font, page size and header.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { Document, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyze, parse, parseEvidenceRegister, type SynthesisDocument } from '../../server/src/core/index.js';
import { importDocument } from '../../server/src/core/word.js';
import { repoRoot } from '../helpers.js';
import { convert, libreOfficeText, pdfFonts, pdfInfo, pdfText, soffice, tempDir } from './helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const dir = tempDir('synthesis-export-docx-');
cpSync(join(repoRoot, 'samples'), join(dir, 'samples'), { recursive: true });

function synthlint(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');

/** What a reader must find in the Word document: headings, targets, counts (as the document's language writes them), citations. */
function expectedPieces(document: SynthesisDocument): string[] {
  const format = new Intl.NumberFormat(document.language, { maximumFractionDigits: 0 });
  const pieces = new Set<string>();
  for (const h of document.headings) pieces.add(h.text.replace(/\*\*/g, '').trim());
  for (const tag of document.tags) pieces.add(tag.raw);
  for (const block of document.sourcesBlocks) {
    for (const e of block.all) {
      if (e.count !== undefined) pieces.add(format.format(e.count));
      pieces.add(e.label);
    }
  }
  for (const c of document.proseCounts) pieces.add(`${c.label}`);
  for (const c of document.citations) pieces.add(c.id);
  return [...pieces].map(squash);
}

const SAMPLES = ['colombia-country-programme', 'evaluation-synthesis-report', 'evidence-gap-map', 'country-brief-example', 'es/sintesis-guatemala', 'fr/synthese-senegal'];

describe('Word export opened in LibreOffice', () => {
  // Export every sample, then let one LibreOffice run turn them all into text (each run costs a
  // second or more), and check each against its source.
  const texts = new Map<string, string>();
  before(() => {
    const outputs: string[] = [];
    for (const sample of SAMPLES) {
      const out = join(dir, `${sample.replace('/', '-')}.docx`);
      const r = synthlint(['export', join('samples', `${sample}.synth.md`), '--to', 'docx', '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /^Wrote /);
      outputs.push(out);
    }
    const txt = join(dir, 'txt');
    soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', txt, ...outputs], dir);
    for (const sample of SAMPLES) texts.set(sample, readFileSync(join(txt, `${sample.replace('/', '-')}.txt`), 'utf8'));
  });

  for (const sample of SAMPLES) {
    test(`${sample}: every heading, target, count and citation is in the document's text`, () => {
      const text = squash(texts.get(sample) ?? '');
      const document = parse(readFileSync(join(dir, 'samples', `${sample}.synth.md`), 'utf8'));
      const missing = expectedPieces(document).filter((piece) => !text.includes(piece));
      assert.deepEqual(missing, [], `${sample}: not in the Word document's text`);
      const title = document.frontMatter?.fields.get('title')?.value;
      if (typeof title === 'string') assert.ok(text.includes(squash(title)), 'the title block');
      if (document.language === 'es') assert.match(text, /Índice[\s\S]*Cuadro 1\. Fuentes de datos/);
      if (document.language === 'fr') assert.match(text, /Table des matières[\s\S]*Tableau 1\. Sources de données/);
    });
  }

  test('the Colombia sample: Word heading styles, an annex of the evaluations and the coverage map, A4 pages', () => {
    const docx = join(dir, 'colombia-country-programme.docx');
    assert.ok(existsSync(docx), 'the export above wrote the document');
    const parts = unzipSync(new Uint8Array(readFileSync(docx)));
    const xml = strFromU8(parts['word/document.xml']!);
    for (const style of ['Title', 'Heading1', 'Heading2', 'Caption', 'FigureNumber']) assert.ok(xml.includes(`<w:pStyle w:val="${style}"/>`), `paragraphs in the ${style} style`);
    assert.ok(/TOC \\h \\o &quot;1-3&quot;/.test(xml), 'a table of contents field');
    assert.ok(/w:anchor="_SynEv_\d+"/.test(xml), 'citations link to the annex');
    assert.ok(parts['word/footnotes.xml'], 'a footnotes part');
    const text = squash(libreOfficeText(docx));
    const register = parseEvidenceRegister(readFileSync(join(dir, 'samples', 'colombia-evidence.csv'), 'utf8'), 'colombia-evidence.csv');
    assert.match(text, /Annex: Evaluations reviewed/);
    for (const entry of register.entries) assert.ok(text.includes(entry.title), `the annex lists ${entry.id} (${entry.title})`);
    assert.match(text, /Annex: Evidence coverage/);
    assert.match(text, /16\.1 Significantly reduce all forms of violence/);
    const pdf = convert(docx, 'pdf', 'pdf', join(dir, 'colombia-pdf'));
    const info = pdfInfo(pdf);
    assert.ok(Math.abs(info.width - 595.3) < 1 && Math.abs(info.height - 841.9) < 1, `A4, found ${info.width} x ${info.height}`);
    assert.match(pdfText(pdf), /SDG 16\.6\/16\.a Effective institutions/);
  });

  test("an office's reference document: its heading font, Letter pages and header", async () => {
    // A reference document as an office would keep one: Heading 1 in a serif, US Letter, a header.
    const reference = new Document({
      styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: 'Liberation Serif', size: 36, color: '7B1E1E' } }] },
      sections: [
        {
          properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 } } },
          headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('Office of Evaluation — internal draft')] })] }) },
          children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Reference')] })],
        },
      ],
    });
    const referencePath = join(dir, 'office-reference.docx');
    writeFileSync(referencePath, new Uint8Array(await Packer.toArrayBuffer(reference)));
    const out = join(dir, 'colombia-office.docx');
    const r = synthlint(['export', 'samples/colombia-country-programme.synth.md', '--to', 'docx', '--reference-doc', referencePath, '-o', out]);
    assert.equal(r.status, 0, r.stderr);

    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const styles = strFromU8(parts['word/styles.xml']!);
    const heading1 = /<w:style[^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    assert.match(heading1, /w:ascii="Liberation Serif"/, "the reference's Heading 1 font");
    assert.match(styles, /w:styleId="FigureNumber"/, 'our own styles fill the gaps');
    assert.match(strFromU8(parts['word/document.xml']!), /<w:pgSz w:w="12240" w:h="15840"/);

    const pdf = convert(out, 'pdf', 'pdf', join(dir, 'office-pdf'));
    const info = pdfInfo(pdf);
    assert.ok(Math.abs(info.width - 612) < 1 && Math.abs(info.height - 792) < 1, `Letter, found ${info.width} x ${info.height}`);
    assert.ok(pdfFonts(pdf).some((f) => /LiberationSerif/.test(f)), `the headings are set in Liberation Serif: ${pdfFonts(pdf).join(', ')}`);
    assert.match(pdfText(pdf), /Office of Evaluation — internal draft/, "the reference's header on the pages");
  });

  test("a reference document saved by a Word in another language: its styles are found by name", async () => {
    // A German Word names Heading 1's style id "berschrift1"; its name stays "heading 1".
    const made = new Document({ sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Referenz')] })] }] });
    const parts = unzipSync(new Uint8Array(await Packer.toArrayBuffer(made)));
    const styles = strFromU8(parts['word/styles.xml']!);
    assert.match(styles, /w:styleId="Heading1"/);
    parts['word/styles.xml'] = strToU8(styles.replace(/w:styleId="Heading1"/, 'w:styleId="berschrift1"').replace(/w:styleId="Heading2"/, 'w:styleId="berschrift2"'));
    const german = join(dir, 'german-reference.docx');
    writeFileSync(german, zipSync(parts));
    const out = join(dir, 'colombia-german.docx');
    const r = synthlint(['export', 'samples/colombia-country-programme.synth.md', '--to', 'docx', '--reference-doc', german, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml']!);
    assert.ok(xml.includes('<w:pStyle w:val="berschrift1"/>') && xml.includes('<w:pStyle w:val="berschrift2"/>'), 'headings use the reference\'s style ids');
    assert.ok(!xml.includes('<w:pStyle w:val="Heading1"/>'), 'no paragraph names a style the reference does not have');
  });

  test('a reference document that is not a Word file is refused in one line', () => {
    const bogus = join(dir, 'not-word.docx');
    writeFileSync(bogus, 'plain text, not a zip');
    const r = synthlint(['export', 'samples/colombia-country-programme.synth.md', '--to', 'docx', '--reference-doc', bogus, '-o', join(dir, 'x.docx')]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /cannot use the reference document .*not-word\.docx: it is not a Word document/);
  });

  test('round trip: the Colombia sample exported to Word and imported gives the same sections, targets, sources and citations', async () => {
    const source = readFileSync(join(dir, 'samples', 'colombia-country-programme.synth.md'), 'utf8');
    const docx = join(dir, 'colombia-country-programme.docx');
    const imported = await importDocument(new Uint8Array(readFileSync(docx)), 'docx');
    const before = analyze(source).document;
    const after = analyze(imported.markdown).document;
    const sections = (d: SynthesisDocument): string[] => d.headings.map((h) => `${h.depth} ${h.text}`);
    assert.deepEqual(sections(after), sections(before));
    const targets = (d: SynthesisDocument): string[] => d.headings.filter((h) => h.targetTag).map((h) => h.targetTag!.raw);
    assert.deepEqual(targets(after), targets(before));
    const sources = (d: SynthesisDocument): unknown => d.sourcesBlocks.map((b) => b.all.map((e) => [e.depth, e.key, e.count]));
    assert.deepEqual(sources(after), sources(before));
    assert.deepEqual(after.citations.map((c) => c.id), before.citations.map((c) => c.id));
    for (const field of ['title', 'country', 'period', 'team', 'report']) {
      assert.deepEqual(after.frontMatter?.fields.get(field)?.value, before.frontMatter?.fields.get(field)?.value, field);
    }
    // The parts the export generated are left out, and the report says so.
    assert.deepEqual([...new Set(imported.report.generated.map((g) => g.kind))].sort(), ['caption', 'coverage', 'evidence', 'matrix', 'toc']);
    assert.doesNotMatch(imported.markdown, /Annex|Contents|Table \d/);
  });
});
