// Considerations, the summary matrix, the flow and the evidence base where users see them: the
// preview and the exported page, the outline, completion, the hover of a target heading. Each is
// asked through the language service over its in-memory host, as the server and synthlint ask it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { complete, createLanguageService, createMemoryHost, documentSymbols, hover, type OutlineSymbol } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';
import { analysedInMemory, peruBrief, PERU_REGISTER, type BriefLanguage } from './findings-fixture.js';
import { printPage } from '../../server/src/core/word.js';

const HEADINGS = { en: 'Main findings', es: 'Hallazgos', fr: 'Constats' } as const;
const brief = (language: BriefLanguage): string => peruBrief(language, HEADINGS[language], true);

describe('considerations and the flow in the preview', () => {
  test('a consideration paragraph, its label and the items of an announced list are marked', async () => {
    const { service, analysis } = await analysedInMemory(brief('en'));
    const { html } = service.render(analysis);
    assert.match(html, /<p class="synthesis-consideration"[^>]*><strong class="synthesis-consideration-label">Consideration:<\/strong> Courts could fund/);
    assert.match(html, /<p class="synthesis-consideration"[^>]*><strong class="synthesis-consideration-label">Recommendations:<\/strong><\/p>/);
    assert.equal(html.match(/<li class="synthesis-consideration-item"/g)?.length, 2);
    // A finding is not marked.
    assert.match(html, /<p data-line="10">Mobile legal aid/);
    // The flow block is drawn as a diagram, not as tiles.
    assert.match(html, /<table class="synthesis-flow[ "]/);
    assert.doesNotMatch(html, /sources-tiles/);
  });

  test('a bold label outside a target section is ordinary bold text', async () => {
    const { service, analysis } = await analysedInMemory('## Background\n\n**Consideration:** not in a target section.\n');
    assert.doesNotMatch(service.render(analysis).html, /synthesis-consideration/);
  });

  test('the consideration style is in the page styles', async () => {
    const { service, analysis } = await analysedInMemory(brief('en'));
    const page = service.render(analysis, { standalone: true }).html;
    assert.match(page, /\.synthesis-consideration \{ border-left/);
  });
});

describe('the summary matrix as an annex of the HTML export', () => {
  const cases = [
    { language: 'en', sdg: 'SDG', heading: 'Annex: Summary matrix of findings, evidence and considerations', target: 'Target', confidence: 'confidence: high', evidence: '3 evaluations: 2 country-level, 1 regional; 2017–2021', one: '1 evaluation: 1 country-level; 2020' },
    { language: 'es', sdg: 'ODS', heading: 'Anexo: Matriz de resumen de hallazgos, evidencia y consideraciones', target: 'Meta', confidence: 'confianza: alta', evidence: '3 evaluaciones: 2 de país, 1 regional; 2017–2021', one: '1 evaluación: 1 de país; 2020' },
    { language: 'fr', sdg: 'ODD', heading: 'Annexe : Matrice de synthèse des constats, des données probantes et des considérations', target: 'Cible', confidence: 'confiance\u00a0: élevée', evidence: '3 évaluations\u00a0: 2 de pays, 1 régionale\u00a0; 2017–2021', one: '1 évaluation\u00a0: 1 de pays\u00a0; 2020' },
  ] as const;
  for (const c of cases) {
    test(`in the document's language (${c.language})`, async () => {
      const { service, analysis } = await analysedInMemory(brief(c.language));
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

  for (const c of cases) {
    test(`the preview ends with the same annex as the export (${c.language})`, async () => {
      const { service, analysis } = await analysedInMemory(brief(c.language));
      const preview = service.render(analysis).html;
      const page = service.render(analysis, { standalone: true }).html;
      const annexOf = (html: string): string => {
        const start = html.indexOf('<section class="synthesis-annex">');
        assert.ok(start >= 0, `an annex in ${html.slice(-400)}`);
        return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
      };
      const annex = annexOf(preview);
      assert.equal(annex, annexOf(page), 'one annex for the preview and the export');
      // Last in the preview, after the document's own text.
      assert.ok(preview.endsWith(annex));
      // One row per target section: its heading, the evidence counted by kind, its considerations.
      const rows = annex.slice(annex.indexOf('<tbody>')).split('<tr>').slice(1);
      assert.equal(rows.length, 2, annex);
      assert.ok(rows[0]!.startsWith(`<th>${c.sdg} 16.3 Rule of law</th>`), rows[0]);
      assert.ok(rows[0]!.includes(c.evidence), rows[0]);
      assert.ok(rows[0]!.includes('Courts could fund legal aid in stages.'), rows[0]);
      assert.ok(rows[1]!.startsWith(`<th>${c.sdg} 16.6 Institutions</th>`), rows[1]);
      assert.ok(rows[1]!.includes(c.one), rows[1]);
      assert.match(rows[1]!, /<ul><li>Train the trainers\.<\/li><li>Accredit the courses\.<\/li><\/ul>/);
      assert.ok(annex.includes(`<h2>${c.heading}</h2>`));
    });
  }

  test('the preview has no annex without target sections, nor when annexes are turned off', async () => {
    const notes = await analysedInMemory('# Notes\n\nText.\n');
    assert.doesNotMatch(notes.service.render(notes.analysis).html, /synthesis-annex/);
    const { service, analysis } = await analysedInMemory(brief('en'));
    assert.doesNotMatch(service.render(analysis, { annexes: false }).html, /synthesis-annex/);
  });

  test('the printed PDF brief leaves the annex out', async () => {
    const { service, analysis } = await analysedInMemory(brief('en'));
    assert.doesNotMatch(printPage(service, analysis, 'a4').html, /<section class="synthesis-annex"/);
  });

  test('a document without target sections has no annex', async () => {
    const { service, analysis } = await analysedInMemory('# Notes\n\nText.\n');
    assert.doesNotMatch(service.render(analysis, { standalone: true }).html, /<section class="synthesis-annex"/);
  });

  test('text in the annex is escaped, never markup', async () => {
    const { service, analysis } = await analysedInMemory('## F\n\n### SDG 16.1 V\n\nA <script>alert(1)</script> & `<b>` finding [@PER-01].\n\n**Consideration:** <img src=x onerror=alert(1)> here.\n');
    const page = service.render(analysis, { standalone: true }).html;
    const annex = page.slice(page.indexOf('<section class="synthesis-annex"'));
    assert.doesNotMatch(annex, /<script|<img/);
    assert.ok(annex.includes('&#x3C;img src=x'));
    assert.ok(annex.includes('<code>&#x3C;b></code>'), annex);
  });
});

/** The document and context the server's handlers use, from the service. */
async function contextOf(text: string, files: Record<string, string> = { '/p/evidence.csv': PERU_REGISTER }): Promise<Awaited<ReturnType<ReturnType<typeof createLanguageService>['context']>>> {
  const host = createMemoryHost({ ...files, '/p/brief.synth.md': text });
  const service = createLanguageService(host, { ceilings: ['/p'] });
  return service.context({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text, version: 1 });
}

describe('considerations in the outline', () => {
  test('each consideration sits under its target section, named by its label, in the order of the text', async () => {
    const { document } = await contextOf(brief('fr'));
    const find = (symbols: readonly OutlineSymbol[], name: string): OutlineSymbol | undefined => symbols.map((s) => (s.name === name ? s : find(s.children, name))).find((s) => s !== undefined);
    const rule = find(documentSymbols(document), 'ODD 16.3 Rule of law')!;
    assert.deepEqual(rule.children.map((c) => [c.kind, c.name, c.detail]), [['consideration', 'Considération', 'Courts could fund legal aid in stages.']]);
    const institutions = find(documentSymbols(document), 'ODD 16.6 Institutions')!;
    assert.deepEqual(
      institutions.children.map((c) => [c.kind, c.name, c.detail]),
      [
        ['consideration', 'Recommandations', 'Train the trainers.'],
        ['consideration', 'Recommandations', 'Accredit the courses.'],
        ['sources', 'sources', 'total 28'],
      ],
    );
    // Each selection lies inside its symbol, as editors require.
    for (const c of [...rule.children, ...institutions.children]) assert.ok(c.span.start <= c.selectionSpan.start && c.selectionSpan.end <= c.span.end, c.name);
    assert.equal(document.text.slice(rule.children[0]!.selectionSpan.start, rule.children[0]!.selectionSpan.end), '**Considération :**');
  });

  test('a bold label outside a target section is not in the outline', async () => {
    const { document } = await contextOf('## Background\n\n**Consideration:** no.\n');
    assert.deepEqual(documentSymbols(document)[0]!.children, []);
  });
});

describe('completion of a consideration label', () => {
  const at = (text: string, marker = '|'): { text: string; offset: number } => ({ text: text.replace(marker, ''), offset: text.indexOf(marker) });

  test("after ** at the start of a paragraph of a target section, the labels of the document's language", async () => {
    const { text, offset } = at('---\nlanguage: es\n---\n\n## Hallazgos\n\n### ODS 16.3 Justicia\n\nLa asistencia llegó [@PER-01].\n\n**Rec|\n');
    const context = await contextOf(text);
    const items = complete(context.document, offset, { templates: context.templates });
    assert.deepEqual(items.map((i) => i.insertText), ['**Consideración:** ', '**Recomendación:** ', '**Recomendaciones:**\n\n- ']);
    // What the user typed is replaced.
    assert.deepEqual(items[0]!.replace, { start: offset - 5, end: offset });
    // Accepting it makes a consideration the checks read.
    const accepted = text.slice(0, items[1]!.replace.start) + items[1]!.insertText + 'Financiar por etapas.' + text.slice(items[1]!.replace.end);
    const after = await contextOf(accepted);
    const symbols = documentSymbols(after.document).flatMap(function all(s): OutlineSymbol[] {
      return [s, ...s.children.flatMap(all)];
    });
    assert.ok(symbols.some((s) => s.kind === 'consideration' && s.name === 'Recomendación'));
  });

  test('in a list item, with the closing ** an editor added, and in French', async () => {
    const { text, offset } = at('---\nlanguage: fr\n---\n\n## Constats\n\n### ODD 16.3 Justice\n\n- **Con|**\n');
    const context = await contextOf(text);
    const items = complete(context.document, offset, { templates: context.templates });
    assert.equal(items[0]!.insertText, '**Considération\u00a0:** ');
    assert.deepEqual(items[0]!.replace, { start: offset - 5, end: offset + 2 });
  });

  test('nothing outside target sections, in code, or in the middle of a line', async () => {
    for (const marked of ['## Background\n\n**|\n', '## F\n\n### SDG 16.1 V\n\n```\n**|\n```\n', '## F\n\n### SDG 16.1 V\n\nSome **|\n']) {
      const { text, offset } = at(marked);
      const context = await contextOf(text);
      assert.deepEqual(complete(context.document, offset, { templates: context.templates }).filter((i) => i.insertText.startsWith('**')), [], marked);
    }
  });

  test('the snippet of each language, expanded with each of its labels, makes a consideration', async () => {
    const snippets = JSON.parse(readFileSync(join(repoRoot, 'snippets', 'synthesis.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    for (const [name, prefix] of [['Consideration (en)', 'consideration'], ['Consideración (es)', 'consideracion'], ['Considération (fr)', 'consideration']] as const) {
      const snippet = snippets[name]!;
      assert.ok(snippet.prefix.includes(prefix), name);
      const choices = /\$\{1\|([^|]*)\|\}/.exec(snippet.body.join('\n'))![1]!.split(',');
      assert.equal(choices.length, 2);
      for (const choice of choices) {
        const body = snippet.body.join('\n').replace(/\$\{1\|[^}]*\|\}/, choice).replace(/\$\{2:([^}]*)\}/, '$1').replace('$0', '');
        const { document } = await contextOf(`## F\n\n### SDG 16.1 V\n\nA finding [@PER-01].\n\n${body}\n`);
        const outline = documentSymbols(document)[0]!.children[0]!;
        assert.equal(outline.children[0]?.kind, 'consideration', choice);
      }
    }
  });
});

describe('the evidence base in the hover of a target heading', () => {
  const options = (context: Awaited<ReturnType<typeof contextOf>>): Parameters<typeof hover>[2] => ({ templates: context.templates, defaultTemplate: context.config.defaultTemplate, evidence: { register: context.register?.register, minimum: context.config.coverageMinimum } });

  test('on the heading text: the evaluations by kind and year, and the considerations', async () => {
    const text = brief('en');
    const context = await contextOf(text);
    const info = hover(context.document, text.indexOf('Rule of law'), options(context))!;
    assert.equal(info.contents, '**Evidence base**: 3 evaluations: 2 country-level, 1 regional; 2017–2021\n\n`PER-01`, `PER-02`, `REG-01`\n\n1 consideration');
  });

  test('on the SDG tag: the official text, then the evidence base, with a thin section marked', async () => {
    const text = brief('es');
    const context = await contextOf(text);
    const info = hover(context.document, text.indexOf('ODS 16.6') + 1, options(context))!;
    assert.match(info.contents, /^\*\*Meta 16\.6\*\*/);
    assert.match(info.contents, /\n\n---\n\n\*\*Base de evidencia\*\*: 1 evaluación: 1 de país; 2020\n\n`PER-03`\n\n⚠ menos de 2 evaluaciones\n\n2 consideraciones$/);
  });

  test('the project minimum counts, and without a register the ids are counted only', async () => {
    const text = brief('en');
    const raised = await contextOf(text, { '/p/evidence.csv': PERU_REGISTER, '/p/.synthesis/config.yaml': 'coverage:\n  minimum: 4\n' });
    assert.match(hover(raised.document, text.indexOf('Rule of law'), options(raised))!.contents, /⚠ fewer than 4 evaluations/);
    const bare = await contextOf(text, {});
    const info = hover(bare.document, text.indexOf('Rule of law'), options(bare))!;
    assert.match(info.contents, /^\*\*Evidence base\*\*: 3 evaluations\n\n/);
    assert.doesNotMatch(info.contents, /⚠/);
  });

  test('not on an ordinary heading, and not without the evidence option', async () => {
    const text = brief('en');
    const context = await contextOf(text);
    assert.doesNotMatch(hover(context.document, text.indexOf('Main findings'), options(context))?.contents ?? '', /Evidence base/);
    assert.equal(hover(context.document, text.indexOf('Rule of law'), { templates: context.templates }), undefined);
  });
});
