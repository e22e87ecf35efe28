/**
 * Protocol tests of the evidence features: registers found beside a synthesis or named by its
 * front matter, their problems shown on the register file, citation completion, hover,
 * go-to-definition and references, reloading on a watched change, and `synthesis/coverage`.
 * Each test works on its own copy of test/fixtures/evidence.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers.js';
import { cursor, LspClient, type PublishDiagnosticsParams } from './lsp-client.js';

interface Position {
  line: number;
  character: number;
}
interface Location {
  uri: string;
  range: { start: Position; end: Position };
}
interface CoverageResult {
  minimum: number;
  targets: Array<{ target: string; evaluations: string[]; weak: boolean; files: string[] }>;
  evaluations: Array<{ id: string; title?: string }>;
  matrix: number[][];
  files: string[];
  criteria?: { rows: Array<{ target: string; uninformed: string[] }>; informed: boolean; words: { title: string } };
}

function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' is in the text`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

// This file is about reading registers and citations; the rules that weigh a register's evidence
// (thin-evidence, missing-consideration…: docs/findings.md) have tests of their own and are left out here.
const WEIGHING = new Set(['thin-evidence', 'overclaim', 'missing-consideration', 'screening-flow']);
const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code)).filter((c) => !WEIGHING.has(c));

describe('evidence in the language server', () => {
  let dir: string;
  let client: LspClient;
  const path = (...parts: string[]): string => join(dir, ...parts);
  const uriOf = (...parts: string[]): string => pathToFileURL(path(...parts)).href;
  const read = (...parts: string[]): string => readFileSync(path(...parts), 'utf8');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synthesis-evidence-'));
    cpSync(join(repoRoot, 'test', 'fixtures', 'evidence'), dir, { recursive: true });
    client = new LspClient();
    await client.initialize({ rootPath: dir });
  });
  afterEach(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a synthesis of the copy (with other text, if given) and waits for its diagnostics. */
  async function open(file: string[], text = read(...file)): Promise<{ uri: string; text: string; published: PublishDiagnosticsParams }> {
    const uri = uriOf(...file);
    const published = client.diagnostics(uri);
    client.open(uri, text);
    return { uri, text, published: await published };
  }

  it("checks citations against the register beside the synthesis and the one its front matter names", async () => {
    const north = await open(['north', 'north.synth.md']);
    assert.deepEqual(codes(north.published), []);
    const south = await open(['south', 'south.synth.md'], read('south', 'south.synth.md').replace('[@STH-01]', '[@STH-09]'));
    assert.deepEqual(codes(south.published), ['uncited-evidence', 'unknown-evidence']);
    const unknown = south.published.diagnostics.find((d) => d.code === 'unknown-evidence')!;
    assert.match(unknown.message, /Unknown evaluation 'STH-09': it is not in the evidence register \(register\.yaml\)/);
    assert.deepEqual(unknown.range.start, positionOf(south.text, '@STH-09'));
  });

  it('shows a malformed register row on the register file, at its line', async () => {
    writeFileSync(path('north', 'evidence.csv'), `${read('north', 'evidence.csv')}NTH-06,Late addition,20x,country,Norland,1,16.1,\n`);
    const register = client.diagnostics(uriOf('north', 'evidence.csv'));
    await open(['north', 'north.synth.md']);
    const p = await register;
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0]!;
    assert.deepEqual([d.code, d.severity, d.source, d.message], ['evidence', 1, 'synthlint', "Expected a year such as 2021, found '20x'"]);
    assert.deepEqual(d.range, { start: { line: 6, character: 21 }, end: { line: 6, character: 48 } });
  });

  it('reads the register again when it changes on disk', async () => {
    const { uri, text } = await open(['north', 'north.synth.md'], read('north', 'north.synth.md').replace('[@NTH-03]', '[@NTH-06]'));
    assert.deepEqual(codes(client.published(uri).at(-1)!), ['uncited-evidence', 'unknown-evidence']);
    writeFileSync(path('north', 'evidence.csv'), read('north', 'evidence.csv').replace(/^NTH-03,/m, 'NTH-06,'));
    const again = client.diagnostics(uri);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('north', 'evidence.csv'), type: 2 }] });
    assert.deepEqual(codes(await again), []);
    assert.ok(text.includes('[@NTH-06]'));
  });

  it('says on the front matter when the register it names cannot be read', async () => {
    const text = read('south', 'south.synth.md').replace('evidence: register.yaml', 'evidence: missing.csv');
    const { published } = await open(['south', 'south.synth.md'], text);
    const d = published.diagnostics.find((x) => x.code === 'evidence')!;
    assert.equal(d.message, "The evidence register 'missing.csv' cannot be read: there is no such file. Name a CSV or YAML file relative to this synthesis.");
    assert.deepEqual(d.range.start, positionOf(text, 'missing.csv'));
  });

  it('completes evaluation ids after "[@" and "; @", with titles', async () => {
    const { text, position } = cursor(read('north', 'north.synth.md').replace('[@NTH-01; @NTH-02]', () => '[@NTH-01; @$$CURSOR$$]'));
    const uri = uriOf('north', 'north.synth.md');
    client.open(uri, text);
    const list = await client.request<{ items: Array<{ label: string; detail?: string; kind: number; documentation?: { value: string } }> }>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: '@' },
    });
    assert.deepEqual(list.items.map((i) => i.label), ['NTH-01', 'NTH-02', 'NTH-03', 'NTH-04', 'NTH-05']);
    assert.equal(list.items[1]!.detail, 'Homicide data system · 2019 · country');
    assert.equal(list.items[1]!.kind, 18);
    assert.match(list.items[1]!.documentation!.value, /SDG targets: 16\.1/);
  });

  it('shows the evaluation on hover over a citation', async () => {
    const { uri, text } = await open(['north', 'north.synth.md']);
    const h = await client.request<{ contents: { kind: string; value: string }; range: Location['range'] }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(text, '@NTH-01', 2),
    });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /\*\*NTH-01\*\* — Community policing pilot/);
    assert.match(h.contents.value, /Year: 2018[\s\S]*Type: country[\s\S]*Country or region: Norland[\s\S]*Projects covered: 2/);
    assert.match(h.contents.value, /https:\/\/evaluation\.example\.org\/norland\/nth-01/);
    assert.deepEqual(h.range, { start: positionOf(text, '@NTH-01'), end: positionOf(text, '@NTH-01', 7) });
  });

  it('goes to the register row of a cited evaluation, in CSV and in YAML', async () => {
    const north = await open(['north', 'north.synth.md']);
    const csv = await client.request<Location>('textDocument/definition', { textDocument: { uri: north.uri }, position: positionOf(north.text, '@NTH-04', 3) });
    assert.deepEqual(csv, { uri: uriOf('north', 'evidence.csv'), range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } } });
    const south = await open(['south', 'south.synth.md']);
    const yaml = await client.request<Location>('textDocument/definition', { textDocument: { uri: south.uri }, position: positionOf(south.text, '@STH-02', 1) });
    assert.equal(yaml.uri, uriOf('south', 'register.yaml'));
    assert.equal(read('south', 'register.yaml').split('\n')[yaml.range.start.line], '  - id: STH-02');
    const none = await client.request('textDocument/definition', { textDocument: { uri: north.uri }, position: positionOf(north.text, 'Community policing') });
    assert.equal(none, null);
  });

  it('finds the citations of an evaluation across the syntheses that share its register', async () => {
    // A second synthesis beside north (same register, on disk only) and one in south (another register).
    writeFileSync(path('north', 'annex.synth.md'), '# Annex\n\nMore on data [@NTH-02].\n');
    writeFileSync(path('south', 'other.synth.md'), '---\nevidence: register.yaml\n---\n\n# Other\n\nAn id of another register [@NTH-02].\n');
    await client.request('synthesis/validateWorkspace', null, 30_000);
    const { uri, text } = await open(['north', 'north.synth.md']);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionOf(text, '@NTH-02', 1),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((r) => [r.uri.slice(r.uri.lastIndexOf('/', r.uri.lastIndexOf('/') - 1) + 1), r.range.start.line]),
      [
        ['north/evidence.csv', 2],
        ['north/north.synth.md', positionOf(text, '@NTH-02]').line],
        ['north/north.synth.md', positionOf(text, 'see @NTH-02').line],
        ['north/annex.synth.md', 2],
      ],
    );
    const without = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(text, '@NTH-02', 1), context: { includeDeclaration: false } });
    assert.equal(without.length, 3);
  });

  it('answers synthesis/coverage for the workspace and for one synthesis', async () => {
    const all = await client.request<CoverageResult>('synthesis/coverage', {});
    assert.deepEqual(all.files, [uriOf('north', 'north.synth.md'), uriOf('south', 'south.synth.md')]);
    assert.deepEqual(
      all.targets.map((t) => [t.target, t.evaluations.length, t.weak]),
      [
        ['16.1', 2, false],
        ['16.2', 1, true],
        ['16.3', 4, false],
        ['16.5', 1, true],
      ],
    );
    assert.equal(all.evaluations.find((e) => e.id === 'STH-03')?.title, 'Global programme on justice statistics');
    // With the target × criterion view for the coverage page: same targets, no criteria linked in these registers.
    assert.deepEqual(all.criteria?.rows.map((r) => [r.target, r.uninformed.length]), [['16.1', 6], ['16.2', 6], ['16.3', 6], ['16.5', 6]]);
    assert.equal(all.criteria?.informed, false);
    assert.equal(all.criteria?.words.title, 'Evaluation criteria by target');

    // One document, with its unsaved text, and another minimum.
    const { uri } = await open(['south', 'south.synth.md'], read('south', 'south.synth.md').replace('[@STH-01]', '[@STH-01; @STH-03]'));
    const one = await client.request<CoverageResult>('synthesis/coverage', { uri, minimum: 3 });
    assert.deepEqual(one.files, [uri]);
    assert.deepEqual(
      one.targets.map((t) => [t.target, t.evaluations, t.weak]),
      [
        ['16.3', ['STH-02', 'STH-03'], true],
        ['16.5', ['STH-01', 'STH-03'], true],
      ],
    );
    assert.deepEqual(one.matrix, [[0, 1, 1], [1, 0, 1]]);
  });

  it("ends the preview with the summary matrix, from the register on disk and the editor's text", async () => {
    const text = read('north', 'north.synth.md').replace(
      'Victim support grew but stayed in the capital [@NTH-03].',
      'Victim support grew but stayed in the capital [@NTH-03].\n\n**Consideration:** Open a second office in the north.',
    );
    const { uri } = await open(['north', 'north.synth.md'], text);
    const { html } = await client.request<{ html: string }>('synthesis/render', { uri });
    const start = html.indexOf('<section class="synthesis-annex">');
    assert.ok(start > html.indexOf('Partnerships with universities'), 'the annex comes after the document');
    const rows = html.slice(html.indexOf('<tbody>', start)).split('<tr>').slice(1);
    const cells = rows.map((r) => [...r.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')));
    assert.deepEqual(
      cells.map((c) => [c[0], c[2]]),
      [
        ['SDG 16.1 Reducing violence', '2 evaluations: 2 country-level; 2018–2019'],
        ['SDG 16.2 Protecting children from abuse', '1 evaluation: 1 country-level; 2020 ⚠ fewer than 2 evaluations'],
        ['SDG 16.3 Rule of law', '2 evaluations: 2 country-level; 2019–2021'],
      ],
    );
    assert.equal(cells[1]![3], 'Consideration: Open a second office in the north.');
    // The exported page ends with the same annex.
    const page = await client.request<{ html: string }>('synthesis/render', { uri, standalone: true });
    const annex = (h: string): string => h.slice(h.indexOf('<section class="synthesis-annex">'), h.indexOf('</section>', h.indexOf('<section class="synthesis-annex">')));
    assert.equal(annex(html), annex(page.html));
  });
});
