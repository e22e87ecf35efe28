// `synthlint export --to html`: the exported page carries the Word export's coverage annex (the
// evidence coverage map and the target × criterion table) when the document has an evidence
// register, in the document's language.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers.js';
import { tempDir } from './helpers.js';

const REGISTER = ['id,title,year,type,criteria', 'PER-01,Legal aid,2017,country,relevance; effectiveness', 'PER-02,Justice houses,2019,country,sustainability', 'PER-03,Case management,2020,country,'].join('\n');
const TEXT = ['---', 'title: Perú', 'language: es', '---', '', '## Hallazgos', '', '### ODS 16.3 Justicia', '', 'Asistencia jurídica [@PER-01; @PER-02].', '', '### ODS 16.6 Instituciones', '', 'Gestión de expedientes #eficiencia [@PER-03].', ''].join('\n');

describe('synthlint export --to html', () => {
  test('the page has the coverage annex with the target × criterion table; ✗ where no evaluation informs a criterion', () => {
    const dir = tempDir('synthesis-export-html-coverage-');
    writeFileSync(join(dir, 'evidence.csv'), REGISTER);
    writeFileSync(join(dir, 'brief.synth.md'), TEXT);
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'export', 'brief.synth.md', '--to', 'html', '-o', 'brief.html'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(join(dir, 'brief.html'), 'utf8');
    const annex = /<section class="synthesis-annex synthesis-coverage"><h2>Anexo: Cobertura de la evidencia<\/h2>(.*?)<\/section>/s.exec(html)?.[1];
    assert.ok(annex, `a coverage annex in ${html.slice(-3000)}`);
    const tables = [...annex.matchAll(/<table class="synthesis-matrix">(.*?)<\/table>/gs)].map((t) =>
      [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) => [...row[1]!.matchAll(/<t[hd]>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, ''))),
    );
    assert.equal(tables.length, 2);
    assert.deepEqual(tables[0]![0], ['Meta', 'PER-01', 'PER-02', 'PER-03', 'Evaluaciones']);
    assert.deepEqual(tables[0]!.slice(1).map((row) => row.slice(1)), [['1', '1', '', '2'], ['', '', '1', '1 (débil)']]);
    assert.deepEqual(tables[1]![0], ['Meta', 'Pertinencia', 'Coherencia', 'Eficacia', 'Eficiencia', 'Impacto', 'Sostenibilidad']);
    assert.deepEqual(tables[1]!.slice(1).map((row) => row.slice(1)), [['1', '✗', '1', '✗', '✗', '1'], ['✗', '✗', '✗', '1', '✗', '✗']]);
    assert.match(annex, /Criterios de evaluación por meta/);
    // After the summary matrix, at the end of the page.
    assert.ok(html.indexOf('Anexo: Matriz de resumen') > 0 && html.indexOf('Anexo: Matriz de resumen') < html.indexOf('Anexo: Cobertura de la evidencia'));
  });
});
