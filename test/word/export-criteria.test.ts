// The target × criterion view in the Word export's coverage annex, as LibreOffice reads it: the
// same counts as `synthlint coverage --by criterion`, ✗ where no evaluation informs a criterion,
// in the document's language; left out with the annex on import.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createLanguageService, createMemoryHost, criteriaMatrix } from '../../server/src/core/index.js';
import { exportDocx, exportSourceOf, importDocument } from '../../server/src/core/word.js';
import { soffice, tempDir } from './helpers.js';

const REGISTER = ['id,title,year,type,criteria', 'PER-01,Legal aid,2017,country,relevance; effectiveness', 'PER-02,Justice houses,2019,country,sustainability', 'PER-03,Case management,2020,country,'].join('\n');
const TEXT = ['---', 'title: Peru', 'language: fr', '---', '', '## Constats', '', '### ODD 16.3 Justice', '', 'Aide juridique [@PER-01; @PER-02].', '', '### ODD 16.6 Institutions', '', 'Gestion des dossiers #efficience [@PER-03].', ''].join('\n');

describe('the target × criterion view in the Word export', () => {
  test('a table in the coverage annex with the counts of the view, opened in LibreOffice; an import leaves it out', async () => {
    const service = createLanguageService(createMemoryHost({ '/p/evidence.csv': REGISTER, '/p/brief.synth.md': TEXT }), { ceilings: ['/p'] });
    const analysis = await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text: TEXT, version: 1 });
    const result = await exportDocx(exportSourceOf(analysis));
    assert.ok(result.ok);
    const dir = tempDir('synthesis-word-criteria-');
    writeFileSync(join(dir, 'brief.docx'), result.bytes);
    soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, 'brief.docx')], dir);
    const lines = readFileSync(join(dir, 'brief.txt'), 'utf8').split(/\r?\n/).map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim()).filter(Boolean);
    const at = lines.indexOf('Tableau 3. Critères d’évaluation par cible');
    assert.ok(at > lines.indexOf('Annexe : Couverture des données probantes'), `the table in the coverage annex: ${lines.join(' | ')}`);
    assert.deepEqual(lines.slice(at + 1, at + 8), ['Cible', 'Pertinence', 'Cohérence', 'Efficacité', 'Efficience', 'Impact', 'Durabilité']);
    const view = criteriaMatrix([{ file: 'brief', document: analysis.document, register: analysis.register!.register }], { language: 'fr' });
    const cells = view.rows.flatMap((r) => [r.target, ...r.cells.map((ids) => (ids.length === 0 ? '✗' : String(ids.length)))]);
    assert.deepEqual(cells, ['16.3', '1', '✗', '1', '✗', '✗', '1', '16.6', '✗', '✗', '✗', '1', '✗', '✗']);
    const shown = lines.slice(at + 8, at + 8 + cells.length).map((l) => (/^16\.\d /.test(l) ? l.slice(0, 4) : l));
    assert.deepEqual(shown, cells);
    const imported = await importDocument(result.bytes, 'docx');
    assert.doesNotMatch(imported.markdown, /Critères d’évaluation|Pertinence/);
  });
});
