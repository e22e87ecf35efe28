// The screening flow drawn as a diagram in the Word export, as LibreOffice reads it back: bordered
// boxes in the order of the flow with their figures, arrows between them, the exclusions and their
// reasons beside; a box the block does not give drawn dashed. The same document exported as a web
// page and printed to PDF draws the same boxes. And the diagram comes back as the block on import.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { createLanguageService, createMemoryHost, type DocumentAnalysis } from '../../server/src/core/index.js';
import { exportDocx, exportSourceOf, importDocument, printPage } from '../../server/src/core/word.js';
import { repoRoot } from '../helpers.js';
import { pdfText, soffice, tempDir } from './helpers.js';

const FLOWS = {
  en: {
    lines: ['evaluations identified: 64', '  evaluation database: 52', '  other sources: 12', 'duplicates removed: 4', 'evaluations screened: 60', 'excluded at screening: 31', 'reports not retrieved: 2', 'reports assessed for eligibility: 27', 'reports excluded: 8', '  outside the period: 5', '  no country component: 3', 'evaluations included: 19'],
    sought: 'Reports sought',
    caption: 'Table 1. How the evaluations were selected',
    phases: ['Identification', 'Screening', 'Included'],
  },
  es: {
    lines: ['evaluaciones identificadas: 64', '  base de evaluaciones: 52', '  otras fuentes: 12', 'duplicados eliminados: 4', 'evaluaciones cribadas: 60', 'excluidas en el cribado: 31', 'informes no obtenidos: 2', 'informes valorados: 27', 'informes excluidos: 8', '  fuera del periodo: 5', '  sin componente de país: 3', 'evaluaciones incluidas: 19'],
    sought: 'Informes solicitados',
    caption: 'Cuadro 1. Cómo se seleccionaron las evaluaciones',
    phases: ['Identificación', 'Cribado', 'Inclusión'],
  },
  fr: {
    lines: ['évaluations identifiées : 64', '  base des évaluations : 52', '  autres sources : 12', 'doublons supprimés : 4', 'évaluations présélectionnées : 60', 'exclues à la présélection : 31', 'rapports non obtenus : 2', "rapports évalués pour l'éligibilité : 27", 'rapports exclus : 8', '  hors période : 5', '  sans volet pays : 3', 'évaluations incluses : 19'],
    sought: 'Rapports demandés',
    caption: 'Tableau 1. Comment les évaluations ont été retenues',
    phases: ['Identification', 'Sélection', 'Inclusion'],
  },
} as const;
type Language = keyof typeof FLOWS;
const LANGUAGES = Object.keys(FLOWS) as Language[];

function brief(language: Language): string {
  return ['---', 'title: Selection', `language: ${language}`, '---', '', '## Methodology', '', '```sources flow', ...FLOWS[language].lines, '```', '', 'After the flow.', ''].join('\n');
}

/** What each box of the diagram must say, top to bottom and left to right: "label (n = N)", reasons after their box. */
function expectedBoxes(language: Language): string[] {
  const { lines, sought } = FLOWS[language];
  const box = (line: string): string => {
    const [, label, count] = /^\s*(.*?)\s*:\s*(\d+)$/.exec(line)!;
    return `${label} (n = ${count})`;
  };
  const out = lines.map(box);
  // "Reports sought" is worked out (screened − excluded at screening) and drawn before "not retrieved".
  out.splice(6, 0, `${sought} (n = 29)`);
  return out;
}

const dir = tempDir('synthesis-word-flow-');
const squash = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function analysed(language: Language): Promise<{ service: ReturnType<typeof createLanguageService>; analysis: DocumentAnalysis }> {
  const text = brief(language);
  const host = createMemoryHost({ '/p/brief.synth.md': text });
  const service = createLanguageService(host, { ceilings: ['/p'] });
  return { service, analysis: await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text, version: 1 }) };
}

describe('the screening flow as a diagram in the Word export, opened in LibreOffice', () => {
  const texts = new Map<Language, string[]>();
  const flat = new Map<Language, string>();
  const resaved = new Map<Language, Uint8Array>();
  before(async () => {
    const files: string[] = [];
    for (const language of LANGUAGES) {
      const { analysis } = await analysed(language);
      assert.deepEqual(analysis.findings.filter((f) => f.rule === 'screening-flow'), [], 'the flow adds up');
      const result = await exportDocx(exportSourceOf(analysis));
      assert.ok(result.ok);
      const file = join(dir, `flow-${language}.docx`);
      writeFileSync(file, result.bytes);
      files.push(file);
    }
    soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', join(dir, 'txt'), ...files], dir);
    soffice(['--convert-to', 'fodt', '--outdir', join(dir, 'fodt'), ...files], dir);
    // Saved again by LibreOffice as Word: what a colleague sends back after opening it there.
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'resaved'), ...files], dir);
    for (const language of LANGUAGES) {
      texts.set(language, readFileSync(join(dir, 'txt', `flow-${language}.txt`), 'utf8').split(/\r?\n/).map(squash).filter(Boolean));
      flat.set(language, readFileSync(join(dir, 'fodt', `flow-${language}.fodt`), 'utf8'));
      resaved.set(language, new Uint8Array(readFileSync(join(dir, 'resaved', `flow-${language}.docx`))));
    }
  });

  for (const language of LANGUAGES) {
    test(`the boxes in order with their figures, arrows between, under a numbered caption (${language})`, () => {
      const lines = texts.get(language)!;
      const start = lines.indexOf(squash(FLOWS[language].caption));
      assert.ok(start >= 0, `the caption '${FLOWS[language].caption}' in ${lines.join(' | ')}`);
      const diagram = lines.slice(start + 1, lines.indexOf('After the flow.'));
      // Each box and reason on a line of its own ("•" starts a reason), in the flow's order.
      assert.deepEqual(
        diagram.filter((l) => /\(n = [\d?]+\)$/.test(l)).map((l) => l.replace(/^•\s*/, '')),
        expectedBoxes(language).map(squash),
      );
      assert.deepEqual(
        diagram.filter((l) => l.startsWith('•')).map((l) => l.slice(1).trim()),
        expectedBoxes(language).filter((_, i) => [1, 2, 10, 11].includes(i)).map(squash),
        'the sources and the reasons for excluding are the lists inside their boxes',
      );
      assert.equal(diagram.filter((l) => l === '↓').length, 4, 'a down arrow between each two of the five stages');
      assert.equal(diagram.filter((l) => l === '→').length, 4, 'an arrow to each box of what was taken out');
      const phases = FLOWS[language].phases.map((p) => diagram.indexOf(p));
      assert.ok(phases.every((p, i) => p >= 0 && (i === 0 || p > phases[i - 1]!)), `the phases in order: ${diagram.join(' | ')}`);
    });

    test(`the boxes are bordered table cells, the worked-out one dashed, the arrows without a border (${language})`, () => {
      const fodt = flat.get(language)!;
      const styles = new Map([...fodt.matchAll(/<style:style style:name="([^"]+)" style:family="table-cell"[^>]*>\s*<style:table-cell-properties([^>]*)>/g)].map((m) => [m[1]!, m[2]!]));
      const cellOf = (words: string): string => {
        for (const m of fodt.matchAll(/<table:table-cell table:style-name="([^"]+)"[^>]*>([\s\S]*?)<\/table:table-cell>/g)) {
          if (squash(m[2]!.replace(/<[^>]+>/g, ' ')).includes(words)) return styles.get(m[1]!) ?? '';
        }
        assert.fail(`no table cell holds '${words}'`);
      };
      const [identified, , , removed] = expectedBoxes(language);
      const border = /fo:border(?:-top)?="([^"]*)"/;
      assert.match(border.exec(cellOf(identified!.replace(/ \(n = .*/, '')))?.[1] ?? '', /solid #00689d/i, 'a stage: a solid box in the accent colour');
      assert.match(border.exec(cellOf(removed!.replace(/ \(n = .*/, '')))?.[1] ?? '', /solid #888888/i, 'what was taken out: a grey box');
      assert.match(border.exec(cellOf(FLOWS[language].sought))?.[1] ?? '', /dashed/i, 'the worked-out box: dashed');
      assert.doesNotMatch(cellOf('↓'), /fo:border(?:-top)?="[^"n]*solid/, 'an arrow has no box');
    });

    test(`saved again by LibreOffice and imported, the diagram is the sources flow block again (${language})`, async () => {
      const imported = await importDocument(resaved.get(language)!, 'docx');
      const block = /```sources flow\n([\s\S]*?)\n```/.exec(imported.markdown);
      assert.ok(block, imported.markdown);
      assert.deepEqual(block[1]!.split('\n'), FLOWS[language].lines.map((l) => l.replace(/\s+:\s+/, ': ')));
    });
  }

  test('the web page and the printed brief draw the same boxes', async () => {
    const { service, analysis } = await analysed('en');
    for (const html of [service.render(analysis, { standalone: true }).html, printPage(service, analysis, 'a4').html]) {
      const table = /<table class="synthesis-flow[ "][\s\S]*?<\/table>/.exec(html)?.[0];
      assert.ok(table, 'a flow diagram');
      const boxes = [...table.matchAll(/<td class="synthesis-flow-(?:box|side)[^"]*">([\s\S]*?)<\/td>/g)].flatMap((m) => m[1]!.split(/<br>|<li>/).map((b) => squash(b.replace(/<[^>]+>/g, ''))));
      assert.deepEqual(boxes, expectedBoxes('en'));
      assert.equal(table.match(/>↓</g)?.length, 4);
    }
  });

  test('the PDF printed by Chromium shows the boxes in the order of the flow, with arrows between', () => {
    writeFileSync(join(dir, 'flow.synth.md'), brief('en'));
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'export', 'flow.synth.md', '--to', 'pdf', '-o', 'flow.pdf'], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    assert.equal(r.status, 0, r.stderr);
    const text = squash(pdfText(join(dir, 'flow.pdf')));
    // Between two down arrows, one row of the diagram: its stage and, beside it, what was taken out
    // there (side by side, so poppler may read their lines interleaved).
    const rows = text.slice(text.indexOf('evaluations identified'), text.indexOf('After the flow.')).split('↓');
    const boxes = expectedBoxes('en');
    const expected = [boxes.slice(0, 4), boxes.slice(4, 6), boxes.slice(6, 8), boxes.slice(8, 12), boxes.slice(12)];
    assert.equal(rows.length, expected.length, text);
    expected.forEach((row, i) => {
      for (const box of row) assert.ok(rows[i]!.includes(box), `row ${i + 1} shows '${box}': ${rows[i]}`);
    });
    assert.equal(text.match(/↓/g)?.length, 4, text);
  });
});
