// Evaluation criteria: the inline tags, the register column, and the target × criterion view of the
// coverage map that marks the criteria no evaluation informs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService, createMemoryHost, criteriaMatrix, criteriaToCsv, criteriaToMarkdown, parse, parseEvidenceRegister, readCriteria, scanCriterionTags, wordMessage } from '../../server/src/core/index.js';
import { coverageHtml } from '../../client/src/coverage-html.js';

describe('criterion tags', () => {
  test('#effectiveness and its Spanish and French names, in any case, with or without accents', () => {
    const text = 'Good #Effectiveness, #eficacia and #efficacité; also #efficacite, #durabilité and #IMPACT.';
    assert.deepEqual(scanCriterionTags(text, 10).map((t) => [t.criterion, text.slice(t.span.start - 10, t.span.end - 10)]), [
      ['effectiveness', '#Effectiveness'],
      ['effectiveness', '#eficacia'],
      ['effectiveness', '#efficacité'],
      ['effectiveness', '#efficacite'],
      ['sustainability', '#durabilité'],
      ['impact', '#IMPACT'],
    ]);
  });

  test('other words, words inside words and web addresses are not tags', () => {
    assert.deepEqual(scanCriterionTags('#results, issue#impact, https://example.org/page#impact, ##impact, #impacts, #1 priority', 0), []);
  });

  test('register values: separated by ; or , and reported when unknown', () => {
    assert.deepEqual(readCriteria('Relevance; coherencia, pertinence , viabilité'), { criteria: ['relevance', 'coherence', 'sustainability'], problems: [] });
    assert.deepEqual(readCriteria('impact; value for money').problems.map((p) => wordMessage(p)), ["Expected an evaluation criterion (relevance, coherence, effectiveness, efficiency, impact or sustainability; in Spanish or French too), found 'value for money'"]);
    assert.deepEqual(readCriteria(''), { criteria: [], problems: [] });
  });
});

describe('the target × criterion view', () => {
  const register = parseEvidenceRegister(['id,type,criteria', 'A-1,country,relevance; effectiveness', 'A-2,country,', 'A-3,global,sustainability'].join('\n'), 'evidence.csv');
  const document = parse(
    [
      '---',
      'title: T',
      '---',
      '',
      '## Findings',
      '',
      '### SDG 16.2 Trafficking #coherence',
      '',
      'Protocols in use [@A-2].',
      '',
      '### SDG 16.1 Violence',
      '',
      'Figures published [@A-1]. #efficiency',
      '',
      'Shelters opened #impact [@A-2; @A-3].',
      '',
      'Untagged text citing A-2 again [@A-2].',
      '',
    ].join('\n'),
  );
  const matrix = criteriaMatrix([{ file: 'a.synth.md', document, register }]);

  test('an evaluation informs a criterion through its register row, its paragraph’s tag or the heading’s tag', () => {
    assert.equal(matrix.informed, true);
    assert.deepEqual(matrix.rows.map((r) => r.target), ['16.1', '16.2'], 'in the official order');
    const [violence, trafficking] = matrix.rows;
    assert.deepEqual(violence!.cells, [['A-1'], [], ['A-1'], ['A-1'], ['A-2', 'A-3'], ['A-3']]);
    assert.deepEqual(violence!.uninformed, ['coherence']);
    assert.deepEqual(trafficking!.cells, [[], ['A-2'], [], [], [], []]);
    assert.deepEqual(trafficking!.uninformed, ['relevance', 'effectiveness', 'efficiency', 'impact', 'sustainability']);
    assert.match(violence!.title!, /^Significantly reduce all forms of violence/);
  });

  test('Markdown marks criteria no evaluation informs with ✗ and lists them', () => {
    const md = criteriaToMarkdown(matrix);
    assert.match(md, /\| Target \| Relevance \| Coherence \| Effectiveness \| Efficiency \| Impact \| Sustainability \|\n\|---\|:-:\|:-:\|:-:\|:-:\|:-:\|:-:\|/);
    assert.match(md, /\| 16\.1 \| 1 \| ✗ \| 1 \| 1 \| 2 \| 1 \|/);
    assert.match(md, /- 16\.2: relevance, effectiveness, efficiency, impact, sustainability/);
    const es = criteriaToMarkdown(matrix, 'es');
    assert.match(es, /\| Meta \| Pertinencia \| Coherencia \| Eficacia \| Eficiencia \| Impacto \| Sostenibilidad \|/);
    const fr = criteriaToMarkdown(matrix, 'fr');
    assert.match(fr, /\| Cible \| Pertinence \| Cohérence \| Efficacité \| Efficience \| Impact \| Durabilité \|/);
  });

  test('CSV has the ids of the informing evaluations in each cell', () => {
    const rows = criteriaToCsv(matrix).split('\r\n');
    assert.equal(rows[0], 'target,title,relevance,coherence,effectiveness,efficiency,impact,sustainability,not informed');
    assert.match(rows[1]!, /^16\.1,Significantly reduce all forms of violence[^,]*,A-1,,A-1,A-1,A-2; A-3,A-3,coherence$/);
  });

  test('without a criteria column or tags, the Markdown says how to link evaluations to criteria', () => {
    const bare = criteriaMatrix([{ file: 'b.synth.md', document: parse('## F\n\n### SDG 16.1 V\n\nText [@X].\n') }]);
    assert.equal(bare.informed, false);
    assert.match(criteriaToMarkdown(bare), /add a `criteria` column to the evidence register, or tag paragraphs such as `#effectiveness`/);
    assert.match(criteriaToMarkdown(criteriaMatrix([])), /No target sections/);
  });

  test('rows for one target from several documents are merged', () => {
    const other = parse('## F\n\n### SDG 16.1 V\n\nMore #coherence [@B-1].\n');
    const merged = criteriaMatrix([{ file: 'a.synth.md', document, register }, { file: 'b.synth.md', document: other }]);
    const violence = merged.rows.find((r) => r.target === '16.1')!;
    assert.deepEqual(violence.files, ['a.synth.md', 'b.synth.md']);
    assert.deepEqual(violence.cells[1], ['B-1']);
    assert.deepEqual(violence.uninformed, []);
  });
});

describe("the target × criterion view in the editor's coverage page", () => {
  const register = ['id,type,criteria', 'A-1,country,relevance; effectiveness', 'A-2,country,', 'A-3,global,sustainability'].join('\n');
  const text = '---\nlanguage: es\n---\n\n## Hallazgos\n\n### ODS 16.1 Violencia\n\nCifras publicadas [@A-1]. #eficiencia\n\n### ODS 16.2 Trata\n\nProtocolos en uso [@A-2; @A-3].\n';

  async function page(files: Record<string, string>, language: 'en' | 'es' | 'fr', synthesis = text): Promise<string> {
    const service = createLanguageService(createMemoryHost({ ...files, '/p/a.synth.md': synthesis }), { ceilings: ['/p'] });
    const result = await service.coverage([{ key: 'file:///p/a.synth.md', path: '/p/a.synth.md', text: synthesis, version: 1 }], { criteria: { language } });
    return coverageHtml(result, { nonce: 'n' });
  }

  test("under the map: a row per target, a count per criterion with the codes as tooltip, ✗ where none informs, in the display language", async () => {
    const html = await page({ '/p/evidence.csv': register }, 'fr');
    const section = html.slice(html.indexOf('<h2>Critères d’évaluation par cible</h2>'));
    assert.ok(html.indexOf('<table class="criteria">') > html.indexOf('<td class="cited"'), 'after the map of evaluations');
    assert.match(section, /<th scope="col">Pertinence<\/th><th scope="col">Cohérence<\/th><th scope="col">Efficacité<\/th><th scope="col">Efficience<\/th><th scope="col">Impact<\/th><th scope="col">Durabilité<\/th>/);
    const row = (target: string): string[] => [...(new RegExp(`<tr><th scope="row"[^>]*>${target.replace('.', '\\.')}</th>(.*?)</tr>`).exec(section)?.[1] ?? '').matchAll(/<td class="(\w+)" title="([^"]*)">([^<]*)<\/td>/g)].map((m) => `${m[1]} ${m[3]} ${m[2]}`);
    assert.deepEqual(row('16.1'), ['informed 1 16.1 · Pertinence: A-1', 'gap ✗ 16.1 · Cohérence', 'informed 1 16.1 · Efficacité: A-1', 'informed 1 16.1 · Efficience: A-1', 'gap ✗ 16.1 · Impact', 'gap ✗ 16.1 · Durabilité']);
    assert.deepEqual(row('16.2'), ['gap ✗ 16.2 · Pertinence', 'gap ✗ 16.2 · Cohérence', 'gap ✗ 16.2 · Efficacité', 'gap ✗ 16.2 · Efficience', 'gap ✗ 16.2 · Impact', 'informed 1 16.2 · Durabilité: A-3']);
    assert.match(section, /Non renseignés: 16\.1 \(Cohérence, Impact, Durabilité\); 16\.2 \(Pertinence, Cohérence, Efficacité, Efficience, Impact\)/);
  });

  test('without criteria in the register or tags, a note says how to link them, and no table', async () => {
    const html = await page({ '/p/evidence.csv': 'id,type\nA-1,country\n' }, 'es', text.replace(' #eficiencia', ''));
    assert.doesNotMatch(html, /<table class="criteria">/);
    assert.match(html, /<h2>Criterios de evaluación por meta<\/h2>\n<p class="note">Ninguna evaluación está vinculada aún a un criterio: añada una columna criteria al registro/);
  });

  test('the map alone when the criteria are not asked for (synthlint coverage --format json is unchanged)', async () => {
    const service = createLanguageService(createMemoryHost({ '/p/a.synth.md': text }), { ceilings: ['/p'] });
    const result = await service.coverage([{ key: '/p/a.synth.md', path: '/p/a.synth.md', text, version: 1 }]);
    assert.equal('criteria' in result, false);
  });
});
