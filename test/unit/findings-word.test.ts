// The Word export of a synthesis with considerations, opened by LibreOffice as a reader's office
// suite would: the summary matrix annex in the document's language, and considerations in a
// paragraph style of their own. The export is made from the language service's analysis over its
// in-memory host, as synthlint and the editor make it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { exportDocx, exportSourceOf, importDocument } from '../../server/src/core/word.js';
import { soffice, tempDir } from '../word/helpers.js';
import { analysedInMemory, peruBrief } from './findings-fixture.js';

const WORDS = {
  en: { sdg: 'SDG', label: 'Consideration:', list: 'Recommendations:', annex: 'Annex: Summary matrix of findings, evidence and considerations', columns: 'Target Findings Evidence Considerations', evidence: '3 evaluations: 2 country-level, 1 regional; 2017–2021', confidence: 'confidence: high', caption: 'Table 3. Summary matrix' },
  es: { sdg: 'ODS', label: 'Consideración:', list: 'Recomendaciones:', annex: 'Anexo: Matriz de resumen de hallazgos, evidencia y consideraciones', columns: 'Meta Hallazgos Evidencia Consideraciones', evidence: '3 evaluaciones: 2 de país, 1 regional; 2017–2021', confidence: 'confianza: alta', caption: 'Cuadro 3. Matriz de resumen' },
  fr: { sdg: 'ODD', label: 'Considération :', list: 'Recommandations :', annex: 'Annexe : Matrice de synthèse des constats, des données probantes et des considérations', columns: 'Cible Constats Données probantes Considérations', evidence: '3 évaluations : 2 de pays, 1 régionale ; 2017–2021', confidence: 'confiance : élevée', caption: 'Tableau 3. Matrice de synthèse' },
} as const;
type Language = keyof typeof WORDS;
const LANGUAGES = Object.keys(WORDS) as Language[];

const squash = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');
const dir = tempDir('synthesis-findings-word-');

async function exported(language: Language): Promise<Uint8Array> {
  const { analysis } = await analysedInMemory(peruBrief(language, 'Findings'));
  const result = await exportDocx(exportSourceOf(analysis));
  assert.ok(result.ok);
  return result.bytes;
}

describe('the Word export opened in LibreOffice', () => {
  const texts = new Map<Language, string>();
  const flat = new Map<Language, string>();
  const bytes = new Map<Language, Uint8Array>();
  before(async () => {
    const files: string[] = [];
    for (const language of LANGUAGES) {
      const b = await exported(language);
      bytes.set(language, b);
      const file = join(dir, `brief-${language}.docx`);
      writeFileSync(file, b);
      files.push(file);
    }
    // One LibreOffice run per format for the three documents (each run costs seconds).
    soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', join(dir, 'txt'), ...files], dir);
    soffice(['--convert-to', 'fodt', '--outdir', join(dir, 'fodt'), ...files], dir);
    for (const language of LANGUAGES) {
      texts.set(language, squash(readFileSync(join(dir, 'txt', `brief-${language}.txt`), 'utf8')));
      flat.set(language, readFileSync(join(dir, 'fodt', `brief-${language}.fodt`), 'utf8'));
    }
  });

  for (const language of LANGUAGES) {
    test(`the summary matrix annex, in the document's language (${language})`, () => {
      const w = WORDS[language];
      const text = texts.get(language)!;
      const annex = text.slice(text.lastIndexOf(squash(w.annex)));
      assert.ok(text.includes(squash(w.annex)), `the annex heading: ${text.slice(-1500)}`);
      assert.ok(annex.includes(squash(w.caption)), `its numbered caption: ${annex}`);
      assert.ok(annex.includes(squash(w.columns)), `its columns: ${annex}`);
      assert.ok(annex.includes('Mobile legal aid reached remote provinces [@PER-01; @PER-02; @REG-01].'), annex);
      assert.ok(annex.includes(squash(w.evidence)), `the section's evidence: ${annex}`);
      assert.ok(annex.includes(squash(w.confidence)), `a finding's confidence: ${annex}`);
      assert.ok(annex.includes('Courts could fund legal aid in stages.'));
      // The announced list: its label once, then its items.
      assert.ok(annex.includes(`${squash(w.list)} • Train the trainers. • Accredit the courses.`), annex);
    });

    test(`considerations are in the Consideration paragraph style (${language})`, () => {
      const fodt = flat.get(language)!;
      // LibreOffice keeps the Word style by name; paragraphs may use it through an automatic style.
      assert.match(fodt, /<style:style style:name="Consideration"[^>]*style:family="paragraph"[\s\S]*?fo:border-left="[^"]*solid[^"]*#00689d"/i);
      const automatic = [...fodt.matchAll(/<style:style style:name="(P\d+)" style:family="paragraph" style:parent-style-name="Consideration"/g)].map((m) => m[1]!);
      const names = ['Consideration', ...automatic].join('|');
      const paragraph = (words: string): RegExp => new RegExp(`<text:p text:style-name="(?:${names})"[^>]*>(?:(?!</text:p>).)*${words}`, 's');
      assert.match(fodt, paragraph('Courts could fund legal aid'), 'the labelled paragraph');
      assert.match(fodt, paragraph('Train the trainers'), 'an item announced by a label paragraph');
      assert.doesNotMatch(fodt, paragraph('Mobile legal aid reached'), 'a finding is not a consideration');
      // The style is defined in the .docx itself, for Word.
      const styles = strFromU8(unzipSync(bytes.get(language)!)['word/styles.xml']!);
      assert.match(styles, /w:styleId="Consideration"/);
    });
  }

  test('importing the export leaves the matrix annex out and keeps the considerations', async () => {
    const result = await importDocument(bytes.get('en')!, 'docx');
    assert.ok(result.report.generated.some((g) => g.kind === 'matrix'), JSON.stringify(result.report.generated));
    assert.doesNotMatch(result.markdown, /Summary matrix/);
    assert.match(result.markdown, /\*\*Consideration:\*\* Courts could fund legal aid in stages\./);
  });
});
