// `synthlint import`: briefs in Spanish and French, the encodings older tools save, a register's
// codes as citations, a web page exported by synthlint, and the promise that no word is lost.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze, parse } from '../../server/src/core/index.js';
import { importDocument } from '../../server/src/core/word.js';
import { repoRoot } from '../helpers.js';
import { missingWords, referenceText, tempDir } from './helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const dir = tempDir('synthesis-import-cli-');

function synthlint(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A short Spanish brief, in capitals as PDFs of briefs are often laid out (invented content). */
const SPANISH = `SÍNTESIS DE LAS EVALUACIONES DEL PROGRAMA EN HONDURAS

País: Honduras

Duración/alcance: Evaluaciones realizadas entre 2017-2022

Equipo de síntesis: Sra. Marta Díaz, Sr. Óscar Núñez y Sra. Inés Peña

ANTECEDENTES Y CONTEXTO

La oficina de evaluación pidió esta síntesis para preparar el próximo ciclo del programa, que contribuye al ODS 16.

PRINCIPALES HALLAZGOS Y CONSIDERACIONES

ODS 16.1 REDUCIR LA VIOLENCIA: Los observatorios municipales publican cifras comparables de homicidios (HND-01; GLO-02).

ODS 16.3 PROMOVER EL ESTADO DE DERECHO: La defensa pública llegó a zonas rurales por primera vez HND-02.

FUENTES DE DATOS EXAMINADAS

1.250
DOCUMENTOS

310
ENCUESTAS

DERECHOS HUMANOS, IGUALDAD DE GÉNERO E INCLUSIÓN

Los proyectos llegaron a comunidades indígenas en sus propias lenguas.

OTROS TEMAS TRANSVERSALES

Las alianzas con universidades ampliaron el trabajo fuera de la capital.

CONCLUSIONES

El programa apoya bien el ODS 16 y necesita ahora financiación nacional.

METODOLOGÍA

El equipo examinó 9 informes de evaluación (6 evaluaciones nacionales, 1 regional y 2 mundiales) que abarcaron 11 proyectos.
`;

/** Nine evaluations (6 national, 1 regional, 2 global) covering 11 projects, as the brief counts them. */
const REGISTER = `id,title,year,type,country,projects,targets
HND-01,Observatorios municipales,2018,country,Honduras,2,16.1
HND-02,Defensa pública rural,2019,country,Honduras,1,16.3
HND-03,Prevención en escuelas,2019,country,Honduras,1,16.1
HND-04,Gestión penitenciaria,2020,country,Honduras,1,16.3
HND-05,Unidad de inteligencia financiera,2021,country,Honduras,2,16.4
HND-06,Integridad municipal,2022,country,Honduras,1,16.5
REG-01,Programa regional contra la trata,2020,regional,Centroamérica,1,16.2
GLO-01,Programa mundial de control de contenedores,2018,global,Global,1,16.4
GLO-02,Programa mundial de datos,2020,global,Global,1,16.1
`;

function encodeWindows1252(text: string): Uint8Array {
  // Every character of the brief is in Latin-1, where Windows-1252 agrees with Unicode.
  return Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    assert.ok(code < 256, `not in Windows-1252: ${c}`);
    return code;
  }));
}

function encodeUtf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return bytes;
}

describe('synthlint import', () => {
  test('a Spanish brief in UTF-8, UTF-16 and Windows-1252: the same synthesis, the inputs untouched', () => {
    writeFileSync(join(dir, 'registro.csv'), REGISTER);
    const inputs = { 'honduras-utf8.txt': new TextEncoder().encode(SPANISH), 'honduras-utf16.txt': encodeUtf16le(SPANISH), 'honduras-1252.txt': encodeWindows1252(SPANISH) };
    const outputs: string[] = [];
    for (const [name, bytes] of Object.entries(inputs)) {
      writeFileSync(join(dir, name), bytes);
      const r = synthlint(['import', name, '--evidence', 'registro.csv', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(new Uint8Array(readFileSync(join(dir, name))), bytes, `${name} was changed`);
      const report = JSON.parse(r.stdout) as { encoding: string; language: string; targets: string[]; citations: number; output: string; findings: { errors: number } };
      assert.equal(report.encoding, name.includes('utf16') ? 'utf-16le' : name.includes('1252') ? 'windows-1252' : 'utf-8');
      assert.equal(report.language, 'es');
      assert.deepEqual(report.targets, ['16.1', '16.3']);
      assert.equal(report.citations, 3);
      assert.equal(report.findings.errors, 0, readFileSync(join(dir, report.output), 'utf8'));
      outputs.push(readFileSync(join(dir, name.replace('.txt', '.synth.md')), 'utf8'));
    }
    assert.equal(outputs[1], outputs[0]);
    assert.equal(outputs[2], outputs[0]);
    const markdown = outputs[0]!;
    assert.match(markdown, /^### ODS 16\.1 Reducir la violencia$/m);
    assert.match(markdown, /homicidios \[@HND-01; @GLO-02\]\./);
    assert.match(markdown, /por primera vez \[@HND-02\]\./);
    assert.match(markdown, /^evidence: registro\.csv$/m);
    assert.match(markdown, /^language: es$/m);
    const document = parse(markdown);
    assert.deepEqual(document.frontMatter?.fields.get('team')?.value, ['Sra. Marta Díaz', 'Sr. Óscar Núñez', 'Sra. Inés Peña']);
    const [figures, methodology] = document.sourcesBlocks;
    assert.deepEqual(figures?.entries.map((e) => [e.label, e.count]), [['documentos', 1250], ['encuestas', 310]]);
    assert.deepEqual(methodology?.all.map((e) => [e.depth, e.label, e.count]), [[0, 'informes de evaluación', 9], [1, 'country-level', 6], [1, 'regional', 1], [1, 'global', 2], [0, 'proyectos', 11]]);
    assert.deepEqual(missingWords(SPANISH, markdown, ['País', 'Duración', 'alcance', 'Equipo', 'de', 'síntesis']), []);
  });

  test('the text report, an existing output kept unless --force, never over the input', () => {
    writeFileSync(join(dir, 'mexico.txt'), referenceText());
    const first = synthlint(['import', 'mexico.txt']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /^Imported mexico\.txt \(text file, English, guessed\) into mexico\.synth\.md/);
    assert.match(first.stderr, /target sections:\s+16\.1, 16\.2, 16\.3, 16\.4, 16\.5, 16\.6\/16\.a, 16\.b/);
    assert.match(first.stderr, /checks: 0 errors, 0 warnings/);
    const again = synthlint(['import', 'mexico.txt']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /mexico\.synth\.md already exists: choose another name with -o, or add --force to replace it/);
    assert.equal(synthlint(['import', 'mexico.txt', '--force']).status, 0);
    const over = synthlint(['import', 'mexico.txt', '-o', 'mexico.txt']);
    assert.equal(over.status, 2);
    assert.match(over.stderr, /will not write over the file being imported/);
    assert.equal(readFileSync(join(dir, 'mexico.txt'), 'utf8'), referenceText());
    const unknown = synthlint(['import', 'notes.odt']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /cannot import notes\.odt: expected a \.docx, \.pdf, \.html, \.md or \.txt file/);
    const damaged = join(dir, 'damaged.docx');
    writeFileSync(damaged, 'not a zip file');
    const r = synthlint(['import', 'damaged.docx']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^synthlint import: cannot read damaged\.docx as a Word document: /);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  test('a problem in the register named with --evidence is put into words, in the language asked for', () => {
    writeFileSync(join(dir, 'doble.csv'), 'id,title,year,type\nHND-01,Evaluación del programa,2019,country\nHND-01,Otra evaluación,2020,regional\n');
    writeFileSync(join(dir, 'breve.txt'), 'Síntesis breve\n\nLa policía redujo la violencia.\n');
    const r = synthlint(['import', 'breve.txt', '--evidence', 'doble.csv', '-o', 'breve-doble.synth.md', '--lang', 'es']);
    assert.match(r.stderr, /^doble\.csv:3:1: El identificador 'HND-01' ya se usa en la línea 2$/m);
    assert.doesNotMatch(r.stderr, /\[object Object\]/);
  });

  test("a web page exported by synthlint comes back with its title block, targets and sources", async () => {
    cpSync(join(repoRoot, 'samples'), join(dir, 'samples'), { recursive: true });
    const r = synthlint(['export', 'samples/fr/synthese-senegal.synth.md', '--to', 'html', '-o', 'senegal.html']);
    assert.equal(r.status, 0, r.stderr);
    const imported = await importDocument(new Uint8Array(readFileSync(join(dir, 'senegal.html'))), 'html');
    const before = analyze(readFileSync(join(dir, 'samples', 'fr', 'synthese-senegal.synth.md'), 'utf8')).document;
    const after = analyze(imported.markdown).document;
    assert.equal(imported.report.language, 'fr');
    assert.deepEqual(after.headings.filter((h) => h.targetTag).map((h) => h.text), before.headings.filter((h) => h.targetTag).map((h) => h.text));
    assert.deepEqual(after.sourcesBlocks.map((b) => b.all.map((e) => [e.depth, e.key, e.count])), before.sourcesBlocks.map((b) => b.all.map((e) => [e.depth, e.key, e.count])));
    for (const field of ['title', 'country', 'period', 'team']) assert.deepEqual(after.frontMatter?.fields.get(field)?.value, before.frontMatter?.fields.get(field)?.value, field);
  });

  test('no word of the input is lost, whatever the brief holds (property)', async () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,9}$/);
    const sentence = fc.array(fc.oneof(word, fc.constantFrom('SDG 16.1', '3,076', '12', '(13 regional)', 'UNODC', '*', '_', '#', '<b>', '[x]', '@A-1', '\\')), { minLength: 1, maxLength: 14 }).map((w) => `${w.join(' ')}.`);
    const block = fc.oneof(
      sentence,
      fc.constantFrom('BACKGROUND AND CONTEXT', 'MAIN FINDINGS AND CONSIDERATIONS', 'METHODOLOGY', 'Sources of data reviewed', 'CONCLUSIONES', 'MÉTHODOLOGIE'),
      fc.tuple(fc.constantFrom('SDG 16.2', 'SDG 16.6/16.a', 'ODS 16.3', 'ODD 16.b'), fc.array(word, { minLength: 1, maxLength: 4 }), sentence).map(([tag, title, rest]) => `${tag} ${title.join(' ').toUpperCase()}: ${rest}`),
      fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.array(word, { minLength: 1, maxLength: 3 })).map(([n, label]) => `**${n}\n${label.join(' ').toUpperCase()}**`),
      fc.tuple(fc.constantFrom('Country', 'País', 'Pays', 'Synthesis team', 'Duration/scope'), sentence).map(([label, value]) => `${label}: ${value}`),
      fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
    );
    const labels = ['Country', 'País', 'Pays', 'Synthesis', 'team', 'Duration', 'scope'];
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 12 }), async (blocks) => {
        const input = blocks.join('\n\n');
        const { markdown } = await importDocument(new TextEncoder().encode(input), 'txt');
        assert.deepEqual(missingWords(input, markdown, labels), [], `input:\n${input}\n\noutput:\n${markdown}`);
      }),
      { numRuns: Number(process.env.SYNTHESIS_PROPERTY_RUNS ?? 150) },
    );
  });
});
