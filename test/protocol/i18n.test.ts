// The language server speaks the editor's display language: `InitializeParams.locale` decides the
// language of diagnostics, quick-fix titles and hovers' own words, while the SDG texts follow the
// document's `language:`. Spawns dist/server.js (npm test builds it first).
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { LspClient, type PublishDiagnosticsParams } from './lsp-client.js';

const uri = 'untitled:breve.synth.md';
const text = [
  '---',
  'title: Síntesis breve',
  'language: es',
  '---',
  '',
  '## Metodología',
  '',
  'Hallazgos sobre ODS 16.1 y la violencia.',
  '',
  '```sources',
  'informes de evaluación: 15',
  '  nacionales: 9',
  '  regionales: 3',
  '  mundiales: 2',
  '```',
  '',
].join('\n');

/** Starts the server as an editor with display language `locale` would. */
async function start(locale: string | undefined): Promise<LspClient> {
  const client = new LspClient();
  client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => ({})));
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    ...(locale === undefined ? {} : { locale }),
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  client.notify('initialized', {});
  return client;
}

function position(needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle) + delta;
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('the language server in the user’s language', () => {
  let client: LspClient | undefined;
  afterEach(() => client?.kill());

  async function open(locale: string | undefined): Promise<PublishDiagnosticsParams> {
    client = await start(locale);
    const published = client.diagnostics(uri);
    client.open(uri, text);
    return published;
  }

  it('reports in Spanish to a Spanish editor, with Spanish quick fixes and hovers', async () => {
    const published = await open('es-419');
    const sum = published.diagnostics.find((d) => d.code === 'sources-sum');
    assert.equal(sum?.message, 'Se esperaba que informes de evaluación (15) fuera igual a la suma de su desglose, 9 + 3 + 2 = 14');
    const actions = await client!.request<Array<{ title: string }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: sum!.range,
      context: { diagnostics: [sum] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Poner informes de evaluación en 14', 'Desactivar sources-sum en este bloque'],
    );
    const share = await client!.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: position('nacionales') });
    assert.equal(share.contents.value, '**9 de 15 informes de evaluación** (60\u00a0%)');
  });

  it('reports in French to a French editor, while the SDG text stays in the document’s language', async () => {
    const published = await open('fr');
    assert.match(published.diagnostics.find((d) => d.code === 'sources-sum')!.message, /^informes de evaluación : 15 ne correspond pas à la somme de sa ventilation/);
    const tag = await client!.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: position('ODS 16.1', 5) });
    assert.match(tag.contents.value, /\*\*Meta 16\.1\*\*[\s\S]*Reducir significativamente/);
  });

  it('offers the templates and a new synthesis in the editor’s language', async () => {
    client = await start('fr');
    const templates = await client.request<Array<{ id: string; title: string; description: string; sections: Array<{ heading: string }> }>>('synthesis/templates', {});
    const unodc = templates.find((t) => t.id === 'unodc-meta-synthesis')!;
    assert.equal(unodc.title, "Note de méta-synthèse de l'ONUDC");
    assert.match(unodc.description, /^Une note courte qui rassemble/);
    assert.equal(unodc.sections[1]?.heading, 'Principales constatations et considérations');
    const skeleton = await client.request<{ text: string }>('synthesis/skeleton', { templateId: 'unodc-meta-synthesis' });
    assert.match(skeleton.text, /\nlanguage: fr\n[\s\S]*\n## Principales constatations et considérations\n[\s\S]*\n### ODD 16\.1 Réduire nettement/);
    const spanish = await client.request<{ text: string }>('synthesis/skeleton', { templateId: 'unodc-meta-synthesis', language: 'es' });
    assert.match(spanish.text, /\nlanguage: es\n[\s\S]*\n## Antecedentes y contexto\n/);
  });

  it('answers the Word and PDF commands in the editor’s language', async () => {
    client = await start('es');
    const nothing = await client.request<{ ok: boolean; message: string }>('synthesis/exportDocument', {});
    assert.deepEqual(nothing, { ok: false, message: 'No hay nada que exportar: falta el documento o el destino.' });
    client.kill();
    client = await start('fr-CA');
    const notImportable = await client.request<{ ok: boolean; message: string }>('synthesis/importDocument', { path: '/tmp/brief.odt' });
    assert.deepEqual(notImportable, { ok: false, message: 'Seuls les fichiers .docx, .pdf, .html, .md et .txt peuvent être importés.' });
  });

  it('reports in English when the editor names no language it knows', async () => {
    const published = await open('de');
    assert.match(published.diagnostics.find((d) => d.code === 'sources-sum')!.message, /^Expected informes de evaluación \(15\) to equal the sum of its breakdown/);
  });
});
