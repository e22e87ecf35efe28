// What the Word reader (mammoth) could not bring into a synthesis is said in the user's language:
// each of mammoth's sentences that matters to an evaluator has a catalogue message, a sentence we
// do not know is quoted inside one of ours, and a real .docx that makes mammoth leave things out
// shows the notes in Spanish and French from `synthlint import` and from the language server.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { run } from '../../server/src/cli/run.js';
import { MESSAGES, msg, translator, wordMessage, type Message } from '../../server/src/core/i18n/index.js';
import { mammothNote, type MammothMessage } from '../../server/src/core/import/docx.js';
import { importDocument } from '../../server/src/core/word.js';
import { repoRoot } from '../helpers.js';
import { LspClient } from '../protocol/lsp-client.js';
import { tempDir } from './helpers.js';

const MATH = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** mammoth's own source: every sentence below must be one it can write. */
const mammothSource = ((): string => {
  const root = join(repoRoot, 'node_modules', 'mammoth', 'lib');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  return files.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
})();

/** Each sentence mammoth writes (as it writes it), the fixed part of it in its source, and the note we make of it (none: not said). */
const KNOWN: Array<{ said: MammothMessage; source: string; note: Message | undefined }> = [
  { said: { type: 'warning', message: 'An unrecognised element was ignored: w:ptab' }, source: '"An unrecognised element was ignored: "', note: msg('import.docx.element-left-out', { element: 'w:ptab' }) },
  { said: { type: 'warning', message: 'An unrecognised element was ignored: {urn:example:other}thing' }, source: '"An unrecognised element was ignored: "', note: msg('import.docx.element-left-out', { element: 'thing' }) },
  { said: { type: 'warning', message: `An unrecognised element was ignored: {${MATH}}oMathPara` }, source: '"An unrecognised element was ignored: "', note: msg('import.docx.equation-left-out') },
  { said: { type: 'warning', message: `An unrecognised element was ignored: {${MATH}}oMath` }, source: '"An unrecognised element was ignored: "', note: msg('import.docx.equation-left-out') },
  { said: { type: 'warning', message: 'Unsupported break type: chapter' }, source: '"Unsupported break type: "', note: msg('import.docx.break-left-out', { kind: 'chapter' }) },
  {
    said: { type: 'warning', message: 'A w:sym element with an unsupported character was ignored: char F041 in font Old Symbols' },
    source: '"A w:sym element with an unsupported character was ignored: char " +  char + " in font "',
    note: msg('import.docx.symbol-left-out', { char: 'F041', font: 'Old Symbols' }),
  },
  { said: { type: 'warning', message: 'Could not find image file for a:blip element' }, source: '"Could not find image file for a:blip element"', note: msg('import.docx.picture-left-out') },
  { said: { type: 'warning', message: 'A v:imagedata element without a relationship ID was ignored' }, source: '"A v:imagedata element without a relationship ID was ignored"', note: msg('import.docx.picture-left-out') },
  { said: { type: 'warning', message: 'Ignoring complex field end character without corresponding start character' }, source: '"Ignoring complex field end character without corresponding start character"', note: msg('import.docx.field-damaged') },
  { said: { type: 'warning', message: 'Ignoring complex field separator character without corresponding start character' }, source: '"Ignoring complex field separator character without corresponding start character"', note: msg('import.docx.field-damaged') },
  { said: { type: 'warning', message: 'unexpected non-row element in table, cell merging may be incorrect' }, source: '"unexpected non-row element in table, cell merging may be incorrect"', note: msg('import.docx.table-merging') },
  { said: { type: 'warning', message: 'unexpected non-cell element in table row, cell merging may be incorrect' }, source: '"unexpected non-cell element in table row, cell merging may be incorrect"', note: msg('import.docx.table-merging') },
  // About looks, not content: not said.
  { said: { type: 'warning', message: "Unrecognised paragraph style: 'Office Body' (Style ID: OfficeBody)" }, source: '"Unrecognised " + type + " style: \'"', note: undefined },
  { said: { type: 'warning', message: "Unrecognised run style: 'SDG Tag' (Style ID: SDGTag)" }, source: '"Unrecognised " + type + " style: \'"', note: undefined },
  { said: { type: 'warning', message: 'paragraph style with ID Normal2 was referenced but not defined in the document' }, source: '" style with ID " + styleId + " was referenced but not defined in the document"', note: undefined },
  { said: { type: 'warning', message: 'Image of type image/x-emf is unlikely to display in web browsers' }, source: '"Image of type " + contentType + " is unlikely to display in web browsers"', note: undefined },
  { said: { type: 'warning', message: "Did not understand this style mapping, so ignored it: p =>\nError was at character number 5: Expected element type but got end" }, source: '"Did not understand this style mapping, so ignored it: "', note: undefined },
];

describe('mammoth’s messages as catalogue messages', () => {
  for (const { said, source, note } of KNOWN) {
    test(`${note ? note.key : 'not said'}: "${said.message.split('\n')[0]}"`, () => {
      assert.ok(mammothSource.includes(source), `mammoth no longer writes ${source}: its messages changed, map them again`);
      assert.deepEqual(mammothNote(said), note);
      if (!note) return;
      const english = wordMessage(note, 'en');
      for (const locale of ['es', 'fr'] as const) {
        const words = wordMessage(note, locale);
        assert.notEqual(words, english, `${locale}: translated`);
        assert.doesNotMatch(words, /\{[A-Za-z]+\}/, `${locale}: every placeholder filled in`);
        // The variable part (an element, a font, a kind of break) is in the sentence, in every language.
        for (const value of Object.values(note.args ?? {})) assert.ok(words.includes(String(value)), `${locale}: "${words}" names ${String(value)}`);
      }
    });
  }

  test('every note key is in the catalogues of the three languages', () => {
    const keys = Object.keys(MESSAGES.en).filter((k) => k.startsWith('import.docx.'));
    const used = new Set([...KNOWN.flatMap((k) => (k.note ? [k.note.key] : [])), 'import.docx.reader-note']);
    assert.deepEqual(keys.sort(), [...used].sort(), 'each note key is used, and each used key exists');
  });

  test('a sentence we do not know is quoted as mammoth wrote it, inside a sentence in the user’s language', () => {
    const warning = mammothNote({ type: 'warning', message: 'A w:foo element was skipped' });
    assert.deepEqual(warning, msg('import.docx.reader-note', { note: 'A w:foo element was skipped' }));
    assert.equal(wordMessage(warning!, 'es'), 'el lector de Word (mammoth) informó, en inglés: «A w:foo element was skipped»; compare esa parte de la síntesis con el documento de Word');
    assert.equal(wordMessage(warning!, 'fr'), 'le lecteur de Word (mammoth) a signalé, en anglais : « A w:foo element was skipped » ; comparez cette partie de la synthèse au document Word');
    // mammoth's one error (a picture file that could not be read) has two lines: the note keeps both, on one.
    const error = mammothNote({ type: 'error', message: "could not open external image: 'chart.png' (document directory: '/tmp')\nENOENT: no such file" });
    assert.deepEqual(error, msg('import.docx.reader-note', { note: "could not open external image: 'chart.png' (document directory: '/tmp') ENOENT: no such file" }));
    // Blanks around a line break, and blank lines, make one space; blanks elsewhere stay.
    assert.deepEqual(mammothNote({ type: 'warning', message: ' first  \r\n\n \t second\n' }), msg('import.docx.reader-note', { note: ' first second ' }));
  });
});

/**
 * A Word document (written by the docx library, as Word would) with four things mammoth cannot read
 * (an equation, a chapter break, a symbol of an unknown font and a positional tab) and simple
 * fields, which mammoth would leave out too.
 */
async function documentWithGaps(): Promise<Uint8Array> {
  const made = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Antecedentes del programa en Honduras.')] })] }] });
  const parts = unzipSync(new Uint8Array(await Packer.toArrayBuffer(made)));
  const xml = strFromU8(parts['word/document.xml']!);
  const gaps = [
    '<w:p><w:r><w:t xml:space="preserve">Página </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>',
    // A field whose instruction holds a ">" (allowed in an attribute), and an empty field.
    '<w:p><w:fldSimple w:instr=\' IF 2 > 1 "Honduras" \'><w:r><w:t>Resultado del campo</w:t></w:r></w:fldSimple><w:fldSimple w:instr=" PAGE "/></w:p>',
    '<w:p><m:oMathPara><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></m:oMathPara></w:p>',
    '<w:p><w:r><w:t>antes</w:t><w:br w:type="chapter"/><w:t>después</w:t></w:r></w:p>',
    '<w:p><w:r><w:sym w:font="Old Symbols" w:char="F041"/></w:r></w:p>',
    '<w:p><w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>fin</w:t></w:r></w:p>',
  ].join('');
  assert.ok(xml.includes('xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'), 'the document declares Office Math');
  parts['word/document.xml'] = strToU8(xml.replace('</w:p>', `</w:p>${gaps}`));
  return zipSync(parts);
}

const NOTES: Message[] = [
  msg('import.docx.equation-left-out'),
  msg('import.docx.break-left-out', { kind: 'chapter' }),
  msg('import.docx.symbol-left-out', { char: 'F041', font: 'Old Symbols' }),
  msg('import.docx.element-left-out', { element: 'w:ptab' }),
];

describe('a Word document mammoth cannot read whole', () => {
  const dir = tempDir('synthesis-docx-notes-');
  const pkg = { version: '0.0.0', docsBase: 'file:///docs/', homepage: 'file:///README.md' };
  async function synthlint(args: string[], vars: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { cwd: dir, pkg, vars, out: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) } });
    return { code, stdout, stderr };
  }
  let client: LspClient | undefined;
  after(() => client?.kill());

  test('the import reports what was left out, as messages; the text around it is imported', async () => {
    const bytes = await documentWithGaps();
    writeFileSync(join(dir, 'informe.docx'), bytes);
    const { markdown, report } = await importDocument(bytes, 'docx');
    assert.deepEqual(report.warnings, NOTES);
    // The field's text is imported like any other (mammoth alone leaves the whole field out).
    for (const words of ['Antecedentes del programa en Honduras', 'Página 7', 'Resultado del campo', 'antes', 'después', 'fin']) assert.ok(markdown.includes(words), `"${words}" is imported`);
    assert.doesNotMatch(markdown, /fldSimple|IF 2/, 'no tag or instruction of a field in the text');
  });

  test('a package whose parts say they unpack to gigabytes is not unpacked whole to unwrap its fields', async () => {
    // A picture whose header claims 1 GB (a zip bomb would): the fields stay as mammoth reads them.
    const parts = unzipSync(await documentWithGaps());
    parts['word/media/bomb.png'] = new Uint8Array(16);
    const bytes = zipSync(parts, { level: 0 });
    const name = strToU8('word/media/bomb.png');
    let at = -1;
    for (let i = bytes.length - 46; i >= 0; i--) {
      // The central directory's entry for the picture: its uncompressed size is at offset 24.
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2 && bytes.subarray(i + 46, i + 46 + name.length).every((b, k) => b === name[k])) {
        at = i;
        break;
      }
    }
    assert.ok(at >= 0, 'the picture is in the central directory');
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(at + 24, 1024 * 1024 * 1024, true);
    const { markdown } = await importDocument(bytes, 'docx');
    assert.ok(markdown.includes('Antecedentes del programa en Honduras'), 'the text is imported');
    assert.ok(!markdown.includes('Resultado del campo'), 'the package was not rewritten: mammoth left the field out');
  });

  for (const locale of ['es', 'fr'] as const) {
    test(`${locale}: synthlint import says the notes in the user’s language, in the text report and in JSON`, async () => {
      const byFlag = await synthlint(['import', 'informe.docx', '-o', `informe-${locale}.synth.md`, '--lang', locale]);
      assert.equal(byFlag.code, 0, byFlag.stderr);
      const byEnvironment = await synthlint(['import', 'informe.docx', '-o', `informe-env-${locale}.synth.md`], { LANG: locale === 'es' ? 'es_MX.UTF-8' : 'fr_FR.UTF-8' });
      assert.equal(byEnvironment.code, 0, byEnvironment.stderr);
      for (const stderr of [byFlag.stderr, byEnvironment.stderr]) {
        for (const note of NOTES) {
          const line = translator(locale)('cli.import.report.note', { note: wordMessage(note, locale) });
          assert.ok(stderr.includes(`\n  ${line}\n`), `${locale}: "${line}" in\n${stderr}`);
        }
        assert.doesNotMatch(stderr, /unrecognised|was ignored|Unsupported/, 'none of mammoth’s English');
      }
      const json = await synthlint(['import', 'informe.docx', '-o', `informe-json-${locale}.synth.md`, '--format', 'json', '--lang', locale]);
      assert.equal(json.code, 0, json.stderr);
      assert.deepEqual((JSON.parse(json.stdout) as { warnings: string[] }).warnings, NOTES.map((note) => wordMessage(note, locale)));
    });
  }

  test('en: the same notes in English', async () => {
    const r = await synthlint(['import', 'informe.docx', '-o', 'informe-en.synth.md', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /\n {2}note: a break of a kind the importer does not know \('chapter'\) was left out; the text on both sides of it was imported\n/);
    assert.match(r.stderr, /\n {2}note: a part of the Word document that the importer cannot read \(Word's w:ptab element\) was left out/);
  });

  test('the editor’s import command gets the notes in the editor’s language', async () => {
    client = new LspClient();
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
    await client.request('initialize', { processId: process.pid, rootUri: null, locale: 'es-419', capabilities: { workspace: { configuration: true } } });
    client.notify('initialized', {});
    const result = await client.request<{ ok: boolean; report?: { warnings: string[]; left: Array<{ kind: string; text: string }>; kept: string[] }; message?: string }>('synthesis/importDocument', { path: join(dir, 'informe.docx') });
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(result.report?.warnings, NOTES.map((note) => wordMessage(note, 'es')));
    // The parts kept as ordinary Markdown, in words too: the kind of part in Spanish, then its words as written.
    assert.ok(result.report.left.length > 0 && result.report.left.every((part) => part.kind === 'paragraph'), JSON.stringify(result.report.left));
    assert.deepEqual(result.report.kept, result.report.left.map((part) => `párrafo: ${part.text}`));
  });

  test('a synthesis exported to Word and imported again gets no note (its captions’ numbers are fields)', async () => {
    const exported = join(dir, 'colombia.docx');
    const r = await synthlint(['export', join(repoRoot, 'samples', 'colombia-country-programme.synth.md'), '--to', 'docx', '-o', exported]);
    assert.equal(r.code, 0, r.stderr);
    const bytes = new Uint8Array(readFileSync(exported));
    assert.match(strFromU8(unzipSync(bytes)['word/document.xml']!), /<w:fldSimple w:instr="SEQ Table/);
    const { report } = await importDocument(bytes, 'docx');
    assert.deepEqual(report.warnings, []);
    assert.ok(report.generated.some((g) => g.kind === 'caption'), 'the captions are still left out as generated');
  });

  test('a document whose only oddity is its own styles gets no note', async () => {
    const made = new Document({
      styles: { paragraphStyles: [{ id: 'OfficeBody', name: 'Office Body', run: { font: 'Arial' } }] },
      sections: [{ children: [new Paragraph({ style: 'OfficeBody', children: [new TextRun('Texto en el estilo de la oficina.')] })] }],
    });
    const { markdown, report } = await importDocument(new Uint8Array(await Packer.toArrayBuffer(made)), 'docx');
    assert.match(markdown, /Texto en el estilo de la oficina\./);
    assert.deepEqual(report.warnings, []);
  });
});
