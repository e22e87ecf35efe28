// The importer marks the considerations it recognises in a brief written without our dialect: a
// plain label made bold, and the sentences of a target paragraph that open as considerations do,
// moved to a paragraph of their own under the language's label. The result is read back by the
// same reading the checks use, so what is marked is a consideration for the matrix and the rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService, createMemoryHost, parse, recogniseConsideration, targetFindings } from '../../server/src/core/index.js';
import { importDocument } from '../../server/src/core/word.js';
import { referenceText } from '../word/helpers.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('recognising a consideration in plain text', () => {
  const cases: Array<[string, 'en' | 'es' | 'fr', ReturnType<typeof recogniseConsideration>]> = [
    ['Training reached 8,600 people. Consideration could be given to train-the-trainer models.', 'en', { kind: 'consideration', start: 31, label: 'Consideration:' }],
    ['Courts improved. Future efforts should prioritize handbooks.', 'en', { kind: 'consideration', start: 17, label: 'Consideration:' }],
    ['Los tribunales mejoraron. Se recomienda financiar la asistencia.', 'es', { kind: 'recommendation', start: 26, label: 'Recomendación:' }],
    ['Les tribunaux ont progressé. Il conviendrait d’élargir la formation.', 'fr', { kind: 'consideration', start: 29, label: 'Considération\u00a0:' }],
    ['Recommendation 2: fund legal aid in stages.', 'en', { kind: 'recommendation', start: 0, labelEnd: 18, label: 'Recommendation 2:' }],
    ['Recomendación: financiar por etapas.', 'fr', { kind: 'recommendation', start: 0, labelEnd: 15, label: 'Recomendación\u00a0:' }],
  ];
  for (const [text, language, expected] of cases) {
    test(text, () => assert.deepEqual(recogniseConsideration(text, language), expected));
  }

  test('findings, and sentences that only mention a recommendation, are not considerations', () => {
    for (const text of [
      'Projects should have reached more provinces.',
      'The recommendations of earlier evaluations were followed. Courts improved.',
      'Note: the figures are estimates.',
      'It was recommended by the board in 2019; courts did so.',
      'Recommendation:',
    ]) {
      assert.equal(recogniseConsideration(text, 'en'), undefined, text);
    }
  });
});

describe('importing a brief', () => {
  test('the reference brief: its considerations are marked in their target sections, no word lost', async () => {
    const imported = await importDocument(bytes(referenceText()), 'txt');
    const document = parse(imported.markdown);
    const sections = targetFindings(document);
    const capacity = sections.find((s) => s.targets.includes('16.6'));
    assert.ok(capacity, imported.markdown.slice(0, 2000));
    assert.equal(capacity.considerations.length, 1);
    const consideration = capacity.considerations[0]!;
    assert.equal(consideration.label, 'Consideration');
    assert.match(document.text.slice(consideration.textSpan.start, consideration.textSpan.end), /^Consideration could be given to further orienting the focus of training sessions to train-the-trainer models/);
    // The finding before it stays a finding.
    assert.match(capacity.findings.map((f) => f.prose).join('\n'), /Over 8,600 persons were reported to have been trained/);
    assert.ok(imported.report.considerations.length >= 2, JSON.stringify(imported.report.considerations));
    assert.equal(imported.report.considerations.length, sections.reduce((n, s) => n + s.considerations.length, 0));
  });

  test('a Spanish text brief: a plain label made bold, a recommending sentence split off', async () => {
    const text = ['MATRIZ', '', 'ODS 16.3 ESTADO DE DERECHO: Los tribunales adoptaron el sistema. Se recomienda financiar la asistencia jurídica.', '', 'ODS 16.6 INSTITUCIONES: Se formó a 2.000 funcionarios.', '', 'Consideración: acreditar los cursos.', ''].join('\n');
    const imported = await importDocument(bytes(text), 'txt', { language: 'es' });
    assert.match(imported.markdown, /Los tribunales adoptaron el sistema\.\n\n\*\*Recomendación:\*\* Se recomienda financiar la asistencia jurídica\./);
    assert.match(imported.markdown, /\n\*\*Consideración:\*\* acreditar los cursos\./);
    const sections = targetFindings(parse(imported.markdown));
    assert.deepEqual(sections.map((s) => s.considerations.map((c) => c.kind)), [['recommendation'], ['consideration']]);
  });

  test('a consideration already in bold is left as it is', async () => {
    const text = '## Findings\n\n### SDG 16.3 Courts\n\nCourts improved [@A].\n\n**Consideration:** Consideration could be given to funding.\n';
    const imported = await importDocument(bytes(text), 'md');
    assert.equal(imported.markdown.match(/\*\*Consideration:\*\*/g)?.length, 1, imported.markdown);
    assert.deepEqual(imported.report.considerations, []);
  });

  test("our exported web page comes back without its matrix and coverage annexes, its considerations kept", async () => {
    const text = ['---', 'title: Peru', '---', '', '## Main findings and considerations', '', '### SDG 16.3 Rule of law', '', 'Legal aid reached provinces [@PER-01].', '', '**Consideration:** Courts could fund legal aid.', ''].join('\n');
    const host = createMemoryHost({ '/p/brief.synth.md': text, '/p/evidence.csv': 'id,title,year,type\nPER-01,Legal aid,2017,country\n' });
    const service = createLanguageService(host, { ceilings: ['/p'] });
    const analysis = await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text, version: 1 });
    const page = service.render(analysis, { standalone: true }).html;
    assert.match(page, /<section class="synthesis-annex">/);
    const imported = await importDocument(bytes(page), 'html');
    assert.deepEqual(imported.report.generated.map((g) => g.kind), ['matrix', 'coverage']);
    assert.doesNotMatch(imported.markdown, /Summary matrix|Evidence coverage/);
    assert.match(imported.markdown, /\*\*Consideration:\*\* Courts could fund legal aid\./);
  });
});
