// Considerations, the summary matrix, the flow and the evidence base where users see them: the
// preview and the exported page, the outline, completion, the hover of a target heading. Each is
// asked through the language service over its in-memory host, as the server and synthlint ask it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService, createMemoryHost, type DocumentAnalysis } from '../../server/src/core/index.js';
import { printPage } from '../../server/src/core/word.js';

const REGISTER = ['id,title,year,type,quality', 'PER-01,Legal aid,2017,country,very good', 'PER-02,Justice houses,2019,country,good', 'REG-01,Andean cooperation,2021,regional,good', 'PER-03,Case management,2020,country,fair'].join('\n');

function brief(language: 'en' | 'es' | 'fr'): string {
  const words = {
    en: { sdg: 'SDG', label: 'Consideration:', list: 'Recommendations:', h: 'Main findings' },
    es: { sdg: 'ODS', label: 'Consideración:', list: 'Recomendaciones:', h: 'Hallazgos' },
    fr: { sdg: 'ODD', label: 'Considération :', list: 'Recommandations :', h: 'Constats' },
  }[language];
  return [
    '---',
    'title: Peru',
    `language: ${language}`,
    'country: Peru',
    '---',
    '',
    `## ${words.h}`,
    '',
    `### ${words.sdg} 16.3 Rule of law`,
    '',
    'Mobile legal aid reached *remote* provinces [@PER-01; @PER-02; @REG-01].',
    '',
    `**${words.label}** Courts could fund legal aid in stages.`,
    '',
    `### ${words.sdg} 16.6 Institutions`,
    '',
    'Courts adopted case management [@PER-03].',
    '',
    `**${words.list}**`,
    '',
    '- Train the trainers.',
    '- Accredit the courses.',
    '',
    '```sources flow',
    'evaluations identified: 10',
    'duplicates removed: 2',
    'evaluations screened: 8',
    'excluded at screening: 4',
    'evaluations included: 4',
    '```',
    '',
  ].join('\n');
}

async function analysed(text: string, files: Record<string, string> = { '/p/evidence.csv': REGISTER }): Promise<{ service: ReturnType<typeof createLanguageService>; analysis: DocumentAnalysis }> {
  const host = createMemoryHost({ ...files, '/p/brief.synth.md': text });
  const service = createLanguageService(host, { ceilings: ['/p'] });
  const analysis = await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text, version: 1 });
  return { service, analysis };
}

describe('considerations and the flow in the preview', () => {
  test('a consideration paragraph, its label and the items of an announced list are marked', async () => {
    const { service, analysis } = await analysed(brief('en'));
    const { html } = service.render(analysis);
    assert.match(html, /<p class="synthesis-consideration"[^>]*><strong class="synthesis-consideration-label">Consideration:<\/strong> Courts could fund/);
    assert.match(html, /<p class="synthesis-consideration"[^>]*><strong class="synthesis-consideration-label">Recommendations:<\/strong><\/p>/);
    assert.equal(html.match(/<li class="synthesis-consideration-item"/g)?.length, 2);
    // A finding is not marked.
    assert.match(html, /<p data-line="10">Mobile legal aid/);
    // The flow block is drawn as a diagram, not as tiles.
    assert.match(html, /<table class="synthesis-flow[ "]/);
    assert.doesNotMatch(html, /sources-tiles/);
    // The preview has no annex: it is for the exports.
    assert.doesNotMatch(html, /<section class="synthesis-annex"/);
  });

  test('a bold label outside a target section is ordinary bold text', async () => {
    const { service, analysis } = await analysed('## Background\n\n**Consideration:** not in a target section.\n');
    assert.doesNotMatch(service.render(analysis).html, /synthesis-consideration/);
  });

  test('the consideration style is in the page styles', async () => {
    const { service, analysis } = await analysed(brief('en'));
    const page = service.render(analysis, { standalone: true }).html;
    assert.match(page, /\.synthesis-consideration \{ border-left/);
  });
});

describe('the summary matrix as an annex of the HTML export', () => {
  const cases = [
    { language: 'en', heading: 'Annex: Summary matrix of findings, evidence and considerations', target: 'Target', confidence: 'confidence: high', evidence: '3 evaluations: 2 country-level, 1 regional; 2017–2021' },
    { language: 'es', heading: 'Anexo: Matriz de resumen de hallazgos, evidencia y consideraciones', target: 'Meta', confidence: 'confianza: alta', evidence: '3 evaluaciones: 2 de país, 1 regional; 2017–2021' },
    { language: 'fr', heading: 'Annexe : Matrice de synthèse des constats, des données probantes et des considérations', target: 'Cible', confidence: 'confiance\u00a0: élevée', evidence: '3 évaluations\u00a0: 2 de pays, 1 régionale\u00a0; 2017–2021' },
  ] as const;
  for (const c of cases) {
    test(`in the document's language (${c.language})`, async () => {
      const { service, analysis } = await analysed(brief(c.language));
      const page = service.render(analysis, { standalone: true }).html;
      const annex = page.slice(page.indexOf('<section class="synthesis-annex">'));
      assert.ok(annex.length > 0 && page.includes('<section class="synthesis-annex">'), 'the page has the annex');
      assert.ok(annex.includes(`<h2>${c.heading}</h2>`), annex.slice(0, 300));
      assert.ok(annex.includes(`<th>${c.target}</th>`));
      assert.ok(annex.includes(c.confidence), annex);
      assert.ok(annex.includes(c.evidence), annex);
      // The finding keeps its emphasis; the list under one label is one list.
      assert.ok(annex.includes('<em>remote</em>'));
      assert.match(annex, /<ul><li>Train the trainers\.<\/li><li>Accredit the courses\.<\/li><\/ul>/);
      // The annex comes after the document, at the end of the page.
      assert.ok(page.indexOf('Mobile legal aid') < page.indexOf('<section class="synthesis-annex"'));
    });
  }

  test('the printed PDF brief leaves the annex out', async () => {
    const { service, analysis } = await analysed(brief('en'));
    assert.doesNotMatch(printPage(service, analysis, 'a4').html, /<section class="synthesis-annex"/);
  });

  test('a document without target sections has no annex', async () => {
    const { service, analysis } = await analysed('# Notes\n\nText.\n');
    assert.doesNotMatch(service.render(analysis, { standalone: true }).html, /<section class="synthesis-annex"/);
  });

  test('text in the annex is escaped, never markup', async () => {
    const { service, analysis } = await analysed('## F\n\n### SDG 16.1 V\n\nA <script>alert(1)</script> & `<b>` finding [@PER-01].\n\n**Consideration:** <img src=x onerror=alert(1)> here.\n');
    const page = service.render(analysis, { standalone: true }).html;
    const annex = page.slice(page.indexOf('<section class="synthesis-annex"'));
    assert.doesNotMatch(annex, /<script|<img/);
    assert.ok(annex.includes('&#x3C;img src=x'));
    assert.ok(annex.includes('<code>&#x3C;b></code>'), annex);
  });
});
