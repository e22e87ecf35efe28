/**
 * The editor and CI must never disagree about a synthesis. Over test/fixtures/workspace-equivalence
 * (nested projects with configuration files, workspace templates, registers in CSV and YAML,
 * English, Spanish and French syntheses), for every file:
 *
 * - the diagnostics the real language server publishes (dist/server.js over stdio, opened as VS Code
 *   opens a folder, with user settings that differ from the configuration files: the files win)
 *   equal `synthlint --format json` on the same folder: rule, range, severity and message;
 * - the preview's problem marks (`synthesis/render`) carry the same findings, on the blocks that
 *   hold them;
 * - the findings on configuration, template and register files agree too.
 *
 * A synthesis without any finding fails the test: two empty lists would prove nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { filesUnder, repoRoot } from '../helpers.js';
import { fromDiagnostics, sortFindings, synthlintFindings, type Finding } from './equivalence-harness.js';
import { LspClient, type PublishDiagnosticsParams } from './lsp-client.js';

const workspace = join(repoRoot, 'test', 'fixtures', 'workspace-equivalence');

/** User settings that would change findings if they were applied inside these projects. */
const USER_SETTINGS = {
  rules: { 'uncited-evidence': 'off', 'sources-sum': 'off', 'count-mismatch': 'off', 'unknown-target': 'warning', 'register-mismatch': 'info', evidence: 'off' },
  defaultTemplate: 'evidence-gap-map',
  templateFolders: ['annual'],
};

const MARK_NAMES: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

const shown = (path: string): string => relative(workspace, path).split(sep).join('/');

/** The preview's marks: per top-level block (its 0-based source line), the "Severity: message" lines of its tooltip. */
function marksOf(html: string): Map<number, string[]> {
  const marks = new Map<number, string[]>();
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*\b([^>]*)>/g)) {
    const attributes = tag[1]!;
    const line = /\sdata-line="(\d+)"/.exec(attributes)?.[1];
    if (line === undefined) continue;
    const title = /\stitle="([^"]*)"/.exec(attributes)?.[1];
    marks.set(Number(line), title === undefined ? [] : decodeHtml(title).split('\n').sort());
  }
  return marks;
}

/** Where the preview should mark each finding: the last block starting at or before it (the first block if none). */
function expectedMarks(findings: readonly Finding[], blocks: readonly number[]): Map<number, string[]> {
  const expected = new Map<number, string[]>(blocks.map((b) => [b, []]));
  for (const f of findings) {
    const line = f.line - 1;
    const block = [...blocks].reverse().find((b) => b <= line) ?? blocks[0]!;
    expected.get(block)!.push(`${MARK_NAMES[f.severity]}: ${f.message}`);
  }
  for (const list of expected.values()) list.sort();
  return expected;
}

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt);/gi, (_, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[code.toLowerCase()]!;
  });
}

describe('the editor, synthlint and the preview agree on every synthesis', () => {
  const syntheses = filesUnder(workspace, '.synth.md');
  let cliFindings = new Map<string, Finding[]>();
  let client: LspClient;
  const published = new Map<string, PublishDiagnosticsParams>();

  before(async () => {
    cliFindings = synthlintFindings(workspace, ['.']);

    client = new LspClient();
    await client.initialize({ rootPath: workspace, settings: USER_SETTINGS, locale: 'en', initializationOptions: { validationDelay: 0 } });
    // Open every synthesis as VS Code does when the user opens it, and wait for its diagnostics.
    for (const path of syntheses) {
      const uri = pathToFileURL(path).href;
      const diagnostics = client.diagnostics(uri, (p) => p.version === 1, 20_000);
      client.open(uri, readFileSync(path, 'utf8'));
      published.set(path, await diagnostics);
    }
  });
  after(() => client?.kill());

  it('the workspace holds English, Spanish and French syntheses in nested projects', () => {
    const languages = syntheses.map((path) => /^language: (\w+)$/m.exec(readFileSync(path, 'utf8'))?.[1] ?? 'from the project');
    assert.ok(syntheses.length >= 5, syntheses.join(', '));
    assert.ok(syntheses.some((p) => shown(p).startsWith('andes/sahel/')), 'a project inside a project inside the workspace');
    assert.ok(languages.length > 0);
  });

  for (const path of syntheses) {
    it(`${shown(path)}: the server publishes exactly what synthlint reports`, () => {
      const expected = sortFindings(cliFindings.get(shown(path)) ?? []);
      assert.ok(expected.length > 0, `${shown(path)} has no findings at all: give it some, or the comparison proves nothing`);
      assert.deepEqual(fromDiagnostics(published.get(path)!), expected);
    });

    it(`${shown(path)}: the preview marks the same findings`, async () => {
      const uri = pathToFileURL(path).href;
      const { html } = await client.request<{ html: string }>('synthesis/render', { uri });
      const marks = marksOf(html);
      assert.ok(marks.size > 0, 'the preview has blocks');
      const expected = expectedMarks(cliFindings.get(shown(path)) ?? [], [...marks.keys()].sort((a, b) => a - b));
      assert.deepEqual(marks, expected);
    });
  }

  it('the configuration, template and register files get the same findings from both', async () => {
    const sideFiles = [...cliFindings.keys()].filter((file) => !file.endsWith('.synth.md'));
    assert.ok(sideFiles.includes('annual/evidence.csv') && sideFiles.includes('andes/sahel/.synthesis/config.yaml'), sideFiles.join(', '));
    for (const file of sideFiles) {
      const uri = pathToFileURL(join(workspace, file)).href;
      const last = client.published(uri).at(-1) ?? (await client.diagnostics(uri));
      assert.deepEqual(fromDiagnostics(last), sortFindings(cliFindings.get(file)!), file);
    }
  });

  it('the user settings that differ from the configuration changed nothing (they would have)', () => {
    const all = [...cliFindings.values()].flat();
    assert.ok(all.some((f) => f.rule === 'uncited-evidence'), 'the user turned uncited-evidence off; the projects did not');
    assert.ok(all.some((f) => f.rule === 'unknown-target' && f.severity === 'error'));
    assert.ok(!all.some((f) => f.rule === 'unknown-template'), 'the configured default template, not the user’s, is used');
  });
});
