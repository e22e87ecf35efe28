// The coverage annex of the exported HTML page: the evidence coverage map and the target × criterion
// table of the Word export's coverage annex, from the same core functions, in the document's
// language, with every register and document string escaped; only with an evidence register, and
// neither in the preview nor in the printed brief.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { coverageMatrix, createLanguageService, createMemoryHost, criteriaMatrix, renderStandalonePageOf } from '../../server/src/core/index.js';
import { printPage } from '../../server/src/core/export/print.js';

const REGISTER = ['id,title,year,type,criteria', 'PER-01,Legal aid,2017,country,relevance; effectiveness', 'PER-02,Justice houses,2019,country,sustainability', 'PER-03,Case management,2020,country,'].join('\n');

function brief(language: 'en' | 'es' | 'fr'): string {
  const heading = { en: ['Findings', 'SDG'], es: ['Hallazgos', 'ODS'], fr: ['Constats', 'ODD'] }[language];
  return ['---', 'title: Peru', `language: ${language}`, '---', '', `## ${heading[0]}`, '', `### ${heading[1]} 16.3 Justice`, '', 'Legal aid [@PER-01; @PER-02]. Again [@PER-01].', '', `### ${heading[1]} 16.6 Institutions`, '', 'Case files #efficiency [@PER-03].', ''].join('\n');
}

async function exported(files: Record<string, string>, options: { standalone?: boolean } = {}) {
  const service = createLanguageService(createMemoryHost(files), { ceilings: ['/p'] });
  const text = files['/p/brief.synth.md']!;
  const analysis = await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text, version: 1 });
  return { service, analysis, html: service.render(analysis, { standalone: options.standalone ?? true, showProblems: false }).html };
}

const isElement = (n: RootContent | Root): n is Element => n.type === 'element';
function all(node: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) out.push(child);
    out.push(...all(child, test));
  }
  return out;
}
const textOf = (n: RootContent): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(textOf).join('') : '');
const hasClass = (e: Element, c: string): boolean => Array.isArray(e.properties['className']) && e.properties['className'].includes(c);

/** The annex sections of a page: heading, paragraphs and tables (rows of cell texts). */
function annexes(html: string): Array<{ heading: string; paragraphs: string[]; tables: string[][][] }> {
  return all(fromHtml(html), (e) => e.tagName === 'section' && hasClass(e, 'synthesis-annex')).map((section) => ({
    heading: textOf(all(section, (e) => e.tagName === 'h2')[0]!),
    paragraphs: all(section, (e) => e.tagName === 'p').map(textOf),
    tables: all(section, (e) => e.tagName === 'table').map((t) => all(t, (e) => e.tagName === 'tr').map((r) => r.children.filter(isElement).map(textOf))),
  }));
}

/** The coverage annex of a page (after the summary matrix). */
function coverageOf(html: string): ReturnType<typeof annexes>[number] {
  const found = annexes(html).filter((a) => /Evidence coverage|Cobertura de la evidencia|Couverture des données probantes/.test(a.heading));
  assert.equal(found.length, 1, `one coverage annex in ${html.slice(-2000)}`);
  return found[0]!;
}

describe('the coverage annex of the exported HTML page', () => {
  test('the coverage map and the target × criterion table, with the counts of the core functions and ✗ for uninformed criteria', async () => {
    const { html, analysis } = await exported({ '/p/evidence.csv': REGISTER, '/p/brief.synth.md': brief('en') });
    const [matrix, coverage] = annexes(html);
    assert.equal(matrix!.heading, 'Annex: Summary matrix of findings, evidence and considerations', 'the summary matrix first, as the preview ends with it');
    assert.equal(coverage!.heading, 'Annex: Evidence coverage');
    assert.ok(coverage!.paragraphs.includes('How many times each evaluation is cited in each target section. Target sections resting on fewer than 2 evaluations are marked weak.'));
    assert.ok(coverage!.paragraphs.includes('Evaluations cited in each target section'));
    assert.ok(coverage!.paragraphs.includes('Evaluation criteria by target'));
    const [map, criteria] = coverage!.tables;
    assert.deepEqual(map![0], ['Target', 'PER-01', 'PER-02', 'PER-03', 'Evaluations']);
    assert.match(map![1]![0]!, /^16\.3 \S/, 'the target with its official title');
    assert.deepEqual(map![1]!.slice(1), ['2', '1', '', '2']);
    assert.deepEqual(map![2]!.slice(1), ['', '', '1', '1 (weak)']);
    // The same numbers as the coverage map of the core.
    const source = { file: 'document', document: analysis.document, register: analysis.register!.register };
    assert.deepEqual(coverageMatrix([source]).matrix, [[2, 1, 0], [0, 0, 1]]);

    assert.deepEqual(criteria![0], ['Target', 'Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']);
    const view = criteriaMatrix([source], { language: 'en' });
    const expected = view.rows.map((r) => r.cells.map((ids) => (ids.length === 0 ? '✗' : String(ids.length))));
    assert.deepEqual(expected, [['1', '✗', '1', '✗', '✗', '1'], ['✗', '✗', '✗', '1', '✗', '✗']]);
    assert.deepEqual(criteria!.slice(1).map((r) => r.slice(1)), expected);
    assert.match(criteria![1]![0]!, /^16\.3 /);
  });

  test('in Spanish and French, with the Word export’s words', async () => {
    const es = coverageOf((await exported({ '/p/evidence.csv': REGISTER, '/p/brief.synth.md': brief('es') })).html);
    assert.equal(es.heading, 'Anexo: Cobertura de la evidencia');
    assert.ok(es.paragraphs.includes('Evaluaciones citadas en cada sección de meta'));
    assert.ok(es.paragraphs.includes('Criterios de evaluación por meta'));
    assert.deepEqual(es.tables[0]![0], ['Meta', 'PER-01', 'PER-02', 'PER-03', 'Evaluaciones']);
    assert.equal(es.tables[0]![2]!.at(-1), '1 (débil)');
    assert.deepEqual(es.tables[1]![0], ['Meta', 'Pertinencia', 'Coherencia', 'Eficacia', 'Eficiencia', 'Impacto', 'Sostenibilidad']);

    const fr = coverageOf((await exported({ '/p/evidence.csv': REGISTER, '/p/brief.synth.md': brief('fr') })).html);
    assert.equal(fr.heading, 'Annexe : Couverture des données probantes');
    assert.ok(fr.paragraphs.includes('Critères d’évaluation par cible'));
    assert.deepEqual(fr.tables[0]![0], ['Cible', 'PER-01', 'PER-02', 'PER-03', 'Évaluations']);
    assert.equal(fr.tables[0]![2]!.at(-1), '1 (faible)');
    assert.deepEqual(fr.tables[1]![0], ['Cible', 'Pertinence', 'Cohérence', 'Efficacité', 'Efficience', 'Impact', 'Durabilité']);
    assert.deepEqual(fr.tables[1]![2]!.slice(1), ['✗', '✗', '✗', '1', '✗', '✗']);
  });

  test('hostile strings in the annex stay text: no element, script or attribute reaches the page', async () => {
    // Citation ids cannot hold markup, but the annex must not rely on that: every cell is escaped.
    const { analysis } = await exported({ '/p/evidence.csv': REGISTER, '/p/brief.synth.md': brief('en') });
    const source = { file: 'document', document: analysis.document, register: analysis.register!.register };
    const coverage = coverageMatrix([source]);
    const criteria = criteriaMatrix([source]);
    const label = 'X<img src=x onerror=alert(1)>&amp;"\'';
    const title = '</table></section><script>alert(2)</script><a href="javascript:alert(3)">t</a>';
    coverage.evaluations[0]!.label = label;
    coverage.targets[0]!.title = title;
    criteria.rows[1]!.title = '<style>*{display:none}</style>';
    const { html } = renderStandalonePageOf(analysis, { coverage: { language: 'en', coverage, criteria } });
    const tree = fromHtml(html);
    assert.deepEqual(all(tree, (e) => ['img', 'script', 'a'].includes(e.tagName)), []);
    assert.equal(all(tree, (e) => e.tagName === 'style').length, 1, 'only the page’s own style element');
    assert.deepEqual(all(tree, (e) => Object.keys(e.properties).some((k) => /^on/i.test(k))), []);
    const annex = coverageOf(html);
    assert.equal(annex!.tables[0]![0]![1], label, 'the id shown exactly, as text');
    assert.equal(annex!.tables[0]![1]![0], `16.3 ${title}`);
    assert.equal(annex!.tables[1]![2]![0], '16.6 <style>*{display:none}</style>');
  });

  test('no coverage annex without an evidence register, in the preview, or in the printed brief', async () => {
    const without = await exported({ '/p/brief.synth.md': brief('en') });
    assert.deepEqual(annexes(without.html).map((a) => a.heading), ['Annex: Summary matrix of findings, evidence and considerations']);
    const preview = await exported({ '/p/evidence.csv': REGISTER, '/p/brief.synth.md': brief('en') }, { standalone: false });
    assert.deepEqual(annexes(preview.html).map((a) => a.heading), ['Annex: Summary matrix of findings, evidence and considerations']);
    const printed = printPage(preview.service, preview.analysis, 'a4');
    assert.deepEqual(annexes(printed.html), []);
  });

  test('without any criterion in the register or text, the map only (as in Word)', async () => {
    const register = ['id,title,type', 'PER-01,Legal aid,country', 'PER-02,Justice houses,country'].join('\n');
    const text = ['---', 'title: T', '---', '', '## Findings', '', '### SDG 16.3 Justice', '', 'Text [@PER-01; @PER-02].', ''].join('\n');
    const coverage = coverageOf((await exported({ '/p/evidence.csv': register, '/p/brief.synth.md': text })).html);
    assert.equal(coverage!.heading, 'Annex: Evidence coverage');
    assert.equal(coverage!.tables.length, 1);
    assert.deepEqual(coverage!.tables[0]![1]!.slice(1), ['1', '1', '2']);
  });
});
