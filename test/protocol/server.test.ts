/**
 * Protocol tests: the bundled server (dist/server.js) over stdio, spoken to in raw LSP.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers.js';
import { cursor, LspClient, type PublishDiagnosticsParams } from './lsp-client.js';

const fixture = readFileSync(join(repoRoot, 'test', 'protocol', 'fixtures', 'brief.synth.md'), 'utf8');
const RULE_DOCS = 'https://github.com/synthesis-markdown/synthesis-markdown/blob/main/docs/rules/';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface TextEdit {
  range: Range;
  newText: string;
}

function offsetAt(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' is in the text`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

let counter = 0;
function docUri(name = 'doc'): string {
  return `file:///virtual/${name}-${++counter}.synth.md`;
}

describe('language server over stdio', () => {
  let client: LspClient;
  let initializeResult: { capabilities: unknown; serverInfo?: { name: string } };

  before(async () => {
    client = new LspClient();
    initializeResult = (await client.initialize()) as typeof initializeResult;
  });
  after(() => client.kill());

  it('answers initialize with exactly these capabilities', () => {
    assert.deepEqual(initializeResult.capabilities, {
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      completionProvider: { triggerCharacters: [' ', '.', '#', ':', '/', '@'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
    });
    assert.equal(initializeResult.serverInfo?.name, 'synthesis-markdown-language-server');
  });

  it('registers file watchers for syntheses and templates', async () => {
    // The registration is a request from the server; wait until it has been seen.
    await client.request('workspace/symbol', { query: '' });
    assert.ok(client.serverRequests.includes('client/registerCapability'));
  });

  it('publishes diagnostics for an opened document, with rule code, link and version', async () => {
    const uri = docUri();
    const published = client.diagnostics(uri);
    client.open(uri, fixture);
    const p = await published;
    assert.equal(p.version, 1);
    assert.deepEqual(codes(p), ['sources-sum']);
    const d = p.diagnostics[0]!;
    const at = positionOf(fixture, 'evaluation reports: 21', 'evaluation reports: '.length);
    assert.deepEqual(d.range, { start: at, end: { line: at.line, character: at.character + 2 } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'synthlint');
    assert.deepEqual(d.codeDescription, { href: `${RULE_DOCS}sources-sum.md` });
    assert.match(d.message, /Expected evaluation reports \(21\) to equal the sum of its breakdown/);
    assert.deepEqual(d.data, { rule: 'sources-sum', version: 1 });
  });

  it('offers completion of the targets of a goal at the cursor', async () => {
    const uri = docUri();
    const { text, position } = cursor(fixture.replace('### SDG 16.3 Access to justice', () => '### SDG 16.$$CURSOR$$'));
    client.open(uri, text);
    const list = await client.request<{ items: Array<{ label: string; documentation?: { value: string }; textEdit?: TextEdit }> }>('textDocument/completion', {
      textDocument: { uri },
      position,
    });
    const labels = list.items.map((i) => i.label);
    assert.equal(labels[0], '16.1');
    assert.ok(labels.includes('16.10') && labels.includes('16.a') && labels.includes('16.b'));
    assert.equal(labels.length, 12);
    const first = list.items[0]!;
    assert.match(first.documentation!.value, /Significantly reduce all forms of violence/);
    // The edit replaces what was typed of the id ("16.") with the full id.
    assert.equal(applyEdits(text, [first.textEdit!]).includes('### SDG 16.1\n'), true);
  });

  it('offers the goals after "SDG " and the template sections at a heading start', async () => {
    const uri = docUri();
    const { text, position } = cursor('See SDG $$CURSOR$$\n');
    client.open(uri, text);
    const goals = await client.request<{ items: Array<{ label: string; detail: string }> }>('textDocument/completion', { textDocument: { uri }, position });
    assert.equal(goals.items.length, 17);
    assert.equal(goals.items.find((i) => i.label === '16')?.detail, 'Peace, justice and strong institutions');

    const uri2 = docUri();
    const start = cursor('---\ntitle: T\n---\n\n## Background and context\n\nText.\n\n#$$CURSOR$$\n');
    client.open(uri2, start.text);
    const headings = await client.request<{ items: Array<{ label: string; textEdit: TextEdit; sortText: string }> }>('textDocument/completion', {
      textDocument: { uri: uri2 },
      position: start.position,
    });
    const sorted = [...headings.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0]!.label, 'Main findings and considerations');
    assert.equal(sorted[0]!.textEdit.newText, '## Main findings and considerations');
    // The section already present comes after the missing ones.
    const present = sorted.findIndex((i) => i.label === 'Background and context');
    const conclusions = sorted.findIndex((i) => i.label === 'Conclusions');
    assert.ok(conclusions < present);
  });

  it('shows the official text on hover over a tag and the share of a sources line', async () => {
    const uri = docUri();
    client.open(uri, fixture);
    const tag = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(fixture, 'SDG 16.1 Reducing', 5),
    });
    assert.equal(tag.contents.kind, 'markdown');
    assert.match(tag.contents.value, /Significantly reduce all forms of violence/);
    assert.match(tag.contents.value, /16\.1\.1/);
    const line = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(fixture, 'country-level evaluations: 13', 3),
    });
    assert.match(line.contents.value, /13 of 21 evaluation reports\*\* \(62%\)/);
    const heading = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(fixture, 'Sources of data reviewed', 2),
    });
    assert.match(heading.contents.value, /Needs a `sources` block/);
  });

  it('applies the quick fix of a finding, after which the diagnostic is gone', async () => {
    const uri = docUri();
    const first = client.diagnostics(uri);
    client.open(uri, fixture);
    const diagnostic = (await first).diagnostics.find((d) => d.code === 'sources-sum')!;
    const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Set evaluation reports to 20', true],
        ['Disable sources-sum for this block', false],
      ],
    );
    const edits = actions[0]!.edit.changes[uri]!;
    const fixed = applyEdits(fixture, edits);
    const second = client.diagnostics(uri, (p) => p.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    assert.deepEqual(codes(await second), []);
    // The server's copy matches ours: the symbols see the corrected count.
    assert.ok(fixed.includes('evaluation reports: 20'));

    // The "disable" action also silences the finding.
    const uri2 = docUri();
    const again = client.diagnostics(uri2);
    client.open(uri2, fixture);
    const d2 = (await again).diagnostics[0]!;
    const actions2 = await client.request<Array<{ title: string; edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
      textDocument: { uri: uri2 },
      range: d2.range,
      context: { diagnostics: [d2] },
    });
    const disable = actions2.find((a) => a.title.startsWith('Disable'))!;
    const silenced = applyEdits(fixture, disable.edit.changes[uri2]!);
    const next = client.diagnostics(uri2, (p) => p.version === 2);
    client.notify('textDocument/didChange', { textDocument: { uri: uri2, version: 2 }, contentChanges: [{ text: silenced }] });
    assert.deepEqual(codes(await next), []);
  });

  it('returns the outline, folding ranges and the report link', async () => {
    const uri = docUri();
    client.open(uri, fixture);
    type Sym = { name: string; kind: number; detail?: string; children?: Sym[] };
    const symbols = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Front matter', 'Background and context', 'Main findings and considerations', 'Sources of data reviewed', 'Human rights, gender equality and inclusivity', 'Other cross-cutting themes', 'Conclusions', 'Methodology'],
    );
    const findings = symbols[2]!;
    assert.deepEqual(
      findings.children!.map((c) => [c.name, c.kind]),
      [
        ['SDG 16.1 Reducing violence', 20],
        ['SDG 16.3 Access to justice', 20],
      ],
    );
    const sources = symbols[3]!.children!.find((c) => c.name === 'sources')!;
    assert.equal(sources.detail, 'total 56');
    assert.deepEqual(sources.children!.map((c) => `${c.name}: ${c.detail}`), ['evaluation reports: 21', 'projects: 35']);

    const folding = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folding.some((f) => f.startLine === 0 && f.endLine === 7), 'front matter folds');
    const fence = positionOf(fixture, '```sources').line;
    assert.ok(folding.some((f) => f.startLine === fence && f.endLine === fence + 6), 'sources block folds');
    const findingsLine = positionOf(fixture, '## Main findings').line;
    assert.ok(folding.some((f) => f.startLine === findingsLine && f.endLine === positionOf(fixture, 'Training of justice').line), 'section folds');

    const links = await client.request<Array<{ target: string; range: Range }>>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => l.target), ['https://example.org/reports/mexico-meta-synthesis.pdf']);
  });

  it('reports the template and counts of a document for the status bar', async () => {
    const uri = docUri();
    const published = client.diagnostics(uri);
    client.open(uri, fixture);
    await published;
    const info = await client.request('synthesis/documentInfo', { uri });
    assert.deepEqual(info, { templateId: 'unodc-meta-synthesis', templateTitle: 'UNODC meta-synthesis brief', errors: 1, warnings: 0 });
  });

  it('lists the templates with their sections, required fields, goals and labels', async () => {
    const templates = await client.request<Array<{ id: string; sections: Array<{ heading: string }>; requiredFields: string[][]; goals: number[]; sourceLabels: string[] }>>(
      'synthesis/templates',
      null,
    );
    const ids = templates.map((t) => t.id);
    assert.ok(ids.includes('unodc-meta-synthesis') && ids.includes('evaluation-synthesis-report') && ids.includes('evidence-gap-map'));
    const unodc = templates.find((t) => t.id === 'unodc-meta-synthesis')!;
    assert.equal(unodc.sections[0]!.heading, 'Background and context');
    assert.deepEqual(unodc.requiredFields, [['title'], ['country', 'scope'], ['period'], ['team']]);
    assert.deepEqual(unodc.goals, [16]);
    assert.ok(unodc.sourceLabels.includes('evaluation reports'));
  });

  it('renders an open document for the preview and as a standalone page', async () => {
    const uri = docUri();
    const published = client.diagnostics(uri);
    client.open(uri, fixture);
    await published;
    const fragment = await client.request<{ html: string; title: string }>('synthesis/render', { uri });
    assert.match(fragment.html, /class="sdg-badge[^"]*sdg-goal-16/);
    assert.doesNotMatch(fragment.html, /<html/i);
    const page = await client.request<{ html: string; title: string }>('synthesis/render', { uri, standalone: true });
    assert.match(page.html, /^<!doctype html>/i);
    assert.match(page.html, /Content-Security-Policy/);
    assert.doesNotMatch(page.html, /<script/i);
  });

  it('publishes at most 1,000 diagnostics, and says how many more there are', async () => {
    const uri = docUri();
    const published = client.diagnostics(uri);
    client.open(uri, `${fixture}\n${'SDG 18.2 '.repeat(1500)}\n`);
    const p = await published;
    assert.equal(p.diagnostics.length, 1001);
    const last = p.diagnostics[1000]!;
    assert.equal(last.severity, 3);
    assert.match(last.message, /^50\d more problems in this document are not shown here/);
  });

  it('gives empty answers for unknown documents and malformed requests, and keeps serving', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere/missing.synth.md' }, position: { line: 0, character: 0 } };
    assert.equal(await client.request('textDocument/hover', unknown), null);
    assert.equal(await client.request('textDocument/completion', unknown), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', unknown), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', unknown), []);
    assert.deepEqual(await client.request('textDocument/documentLink', unknown), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { ...unknown, range: { start: unknown.position, end: unknown.position }, context: { diagnostics: [] } }), []);
    assert.equal(await client.request('synthesis/documentInfo', { uri: 'file:///nowhere/missing.synth.md' }), null);
    // A request with missing parameters is answered (empty), not fatal.
    assert.equal(await client.request('textDocument/hover', {}), null);
    // Positions far outside the document are clamped.
    const uri = docUri();
    client.open(uri, fixture);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } }), null);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
  });
});

describe('validation timing', () => {
  it('never publishes an older version after rapid edits, and the last publish matches the final text', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ initializationOptions: { validationDelay: 0 } });
      const uri = docUri();
      const opened = client.diagnostics(uri);
      client.open(uri, fixture);
      await opened;
      let text = fixture;
      const at = positionOf(fixture, 'Projects on violence');
      // 20 single-character edits, sent without waiting; the last one corrects the sum.
      for (let v = 2; v <= 20; v++) {
        const edit = { range: { start: at, end: at }, text: 'x' };
        text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
        client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [edit] });
      }
      const count = positionOf(text, 'evaluation reports: 21', 'evaluation reports: '.length);
      const fix = { range: { start: count, end: { line: count.line, character: count.character + 2 } }, text: '20' };
      client.notify('textDocument/didChange', { textDocument: { uri, version: 21 }, contentChanges: [fix] });
      const final = await client.diagnostics(uri, (p) => p.version === 21);
      assert.deepEqual(codes(final), []);
      const versions = client.published(uri).map((p) => p.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `published versions in order: ${versions.join(', ')}`);
      assert.equal(versions[versions.length - 1], 21);
    } finally {
      client.kill();
    }
  });

  it('in onSave mode publishes only after didSave', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ settings: { validate: 'onSave' }, initializationOptions: { validationDelay: 0 } });
      const uri = docUri();
      const opened = client.diagnostics(uri);
      client.open(uri, fixture);
      assert.deepEqual(codes(await opened), ['sources-sum']);
      const count = positionOf(fixture, 'evaluation reports: 21', 'evaluation reports: '.length);
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: count, end: { line: count.line, character: count.character + 2 } }, text: '20' }],
      });
      // Two full round trips: a zero-delay validation, had one been scheduled, would have run.
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
      assert.equal(client.published(uri).length, 1, 'nothing published on change');
      const saved = client.diagnostics(uri, (p) => p.version === 2);
      client.notify('textDocument/didSave', { textDocument: { uri } });
      assert.deepEqual(codes(await saved), []);
    } finally {
      client.kill();
    }
  });
});

describe('settings', () => {
  it('applies a rule set to off without a restart', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const uri = docUri();
      const opened = client.diagnostics(uri);
      client.open(uri, fixture);
      assert.deepEqual(codes(await opened), ['sources-sum']);
      client.currentSettings = { rules: { 'sources-sum': 'off' } };
      const next = client.diagnostics(uri);
      client.notify('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(codes(await next), []);
      // And back to a warning.
      client.currentSettings = { rules: { 'sources-sum': 'warning' } };
      const back = client.diagnostics(uri);
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await back;
      assert.deepEqual(codes(p), ['sources-sum']);
      assert.equal(p.diagnostics[0]!.severity, 2);
    } finally {
      client.kill();
    }
  });

  it('uses the configured default template for documents that name none', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ settings: { defaultTemplate: 'evidence-gap-map' } });
      const uri = docUri();
      const opened = client.diagnostics(uri);
      client.open(uri, '# A map\n\nText.\n');
      await opened;
      const info = await client.request<{ templateId: string }>('synthesis/documentInfo', { uri });
      assert.equal(info.templateId, 'evidence-gap-map');
    } finally {
      client.kill();
    }
  });

  it('falls back to the default for a malformed value and says so in the log', async () => {
    const client = new LspClient();
    try {
      const logged = client.waitFor<{ message: string }>('window/logMessage', (p) => p.message.includes('synthesis.validate'));
      await client.initialize({ settings: { validate: 'sometimes', rules: { 'sources-sum': 'loud' } } });
      assert.match((await logged).message, /should be 'onType' or 'onSave'/);
      const uri = docUri();
      const opened = client.diagnostics(uri);
      client.open(uri, fixture);
      // The malformed severity is ignored: the rule keeps its default (error).
      assert.equal((await opened).diagnostics[0]!.severity, 1);
    } finally {
      client.kill();
    }
  });
});

describe('project configuration told by the client', () => {
  // What the extension sends when a configuration is saved in the editor, whether or not VS Code's
  // file watcher saw the folder: the open documents are checked again with the file as it is now.
  it('re-checks an open document when its configuration is reported changed, including a .synthesis folder that appeared after the first check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthesis-lsp-config-'));
    const client = new LspClient();
    try {
      mkdirSync(join(dir, 'visit'));
      const path = join(dir, 'visit', 'notes.synth.md');
      const text = '---\ntitle: Visit to Cartagena\n---\n\n## Summary\n\nThe visit looked at SDG 16.99 in May.\n';
      writeFileSync(path, text);
      const uri = pathToFileURL(path).href;
      await client.initialize({ rootPath: dir });
      const severityOf = (p: PublishDiagnosticsParams, rule: string): number | undefined => p.diagnostics.find((d) => d.code === rule)?.severity;
      const first = client.diagnostics(uri);
      client.open(uri, text);
      assert.equal(severityOf(await first, 'unknown-target'), 1, 'an unknown target is an error by default');

      // The project's configuration appears (a clone or an unzip finishing) and is saved: a warning.
      const config = join(dir, 'visit', '.synthesis', 'config.yaml');
      mkdirSync(join(dir, 'visit', '.synthesis'));
      writeFileSync(config, 'rules:\n  unknown-target: warning\n');
      const warned = client.diagnostics(uri, (p) => severityOf(p, 'unknown-target') === 2, 5_000);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      await warned;

      // Saved again, with the rule off: gone, the other problems kept.
      writeFileSync(config, 'rules:\n  unknown-target: off\n');
      const off = client.diagnostics(uri, (p) => severityOf(p, 'unknown-target') === undefined, 5_000);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      const published = await off;
      assert.ok(published.diagnostics.length > 0, 'the other problems are still reported');
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workspace', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'synthesis-lsp-'));
    mkdirSync(join(dir, '.synthesis', 'templates'), { recursive: true });
    mkdirSync(join(dir, 'reports', 'node_modules'), { recursive: true });
    writeFileSync(join(dir, '.synthesis', 'templates', 'broken.yaml'), 'id: broken\ntitle: Broken\nsections:\n  - heading: [oops\n');
    writeFileSync(
      join(dir, '.synthesis', 'templates', 'short-note.yaml'),
      'id: short-note\ntitle: Short note\ndescription: A one-section note.\nsections:\n  - id: notes\n    heading: Notes\n    level: 2\nsourceLabels:\n  - field visits\n',
    );
    writeFileSync(join(dir, 'reports', 'a.synth.md'), fixture);
    writeFileSync(join(dir, 'reports', 'b.synth.md'), fixture.replace('evaluation reports: 21', 'evaluation reports: 20').replace('### SDG 16.3 Access to justice', '### SDG 16.6 Effective institutions'));
    writeFileSync(join(dir, 'reports', 'node_modules', 'ignored.synth.md'), fixture);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows a malformed template problem on the template file and keeps serving with the valid ones', async () => {
    const client = new LspClient();
    try {
      const brokenUri = pathToFileURL(join(dir, '.synthesis', 'templates', 'broken.yaml')).href;
      const templateProblems = client.diagnostics(brokenUri);
      await client.initialize({ rootPath: dir });
      const p = await templateProblems;
      assert.ok(p.diagnostics.length > 0);
      assert.equal(p.diagnostics[0]!.severity, 1);
      assert.ok(p.diagnostics.every((d) => d.source === 'synthlint'));

      const templates = await client.request<Array<{ id: string }>>('synthesis/templates', null);
      assert.ok(templates.some((t) => t.id === 'short-note'));
      assert.ok(!templates.some((t) => t.id === 'broken'));

      // A document of the workspace that uses the workspace template is checked against it.
      const uri = pathToFileURL(join(dir, 'reports', 'note.synth.md')).href;
      const opened = client.diagnostics(uri);
      const { text, position } = cursor('---\ntitle: A note\ntemplate: short-note\n---\n\n## Notes\n\nSome notes.\n\n```sources\n$$CURSOR$$\n```\n');
      client.open(uri, text);
      assert.ok(!codes(await opened).includes('unknown-template'));
      const info = await client.request<{ templateTitle: string }>('synthesis/documentInfo', { uri });
      assert.equal(info.templateTitle, 'Short note');
      // Labels: the template's vocabulary first.
      const labels = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri }, position });
      assert.equal(labels.items[0]!.label, 'field visits');

      // Fixing the file clears its diagnostics once the watcher reports the change.
      writeFileSync(join(dir, '.synthesis', 'templates', 'broken.yaml'), 'id: broken\ntitle: Broken\nsections:\n  - id: only\n    heading: Only\n');
      const cleared = client.diagnostics(brokenUri);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: brokenUri, type: 2 }] });
      assert.deepEqual((await cleared).diagnostics, []);
      const reloaded = await client.request<Array<{ id: string }>>('synthesis/templates', null);
      assert.ok(reloaded.some((t) => t.id === 'broken'));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  it('validates every synthesis of the workspace and finds target sections across files', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ rootPath: dir });
      const aUri = pathToFileURL(join(dir, 'reports', 'a.synth.md')).href;
      const bUri = pathToFileURL(join(dir, 'reports', 'b.synth.md')).href;
      const aPublished = client.diagnostics(aUri);
      const bPublished = client.diagnostics(bUri);
      const result = await client.request('synthesis/validateWorkspace', null, 30_000);
      assert.deepEqual(result, { files: 2, errors: 1, warnings: 0 });
      assert.deepEqual(codes(await aPublished), ['sources-sum']);
      assert.deepEqual(codes(await bPublished), []);
      const symbols = await client.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: '16.6' });
      assert.deepEqual(
        symbols.map((s) => [s.name, s.location.uri]),
        [['SDG 16.6 Effective institutions', bUri]],
      );
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});
