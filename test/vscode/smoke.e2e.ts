/**
 * The smoke part: what must work for anyone who installs the extension. It also runs against the
 * packaged .vsix installed into VS Code, so a file missing from the package fails here.
 */
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { getCatalogue } from '../../server/src/core/index.js';
import { api, diagnostics, extension, findingKey, LANGUAGE_ID, newSynthesis, open, ruleOf, sampleUri, screenshot, suite, synthlint, test, waitForDiagnostics } from './harness.js';

/** The text of a completion item's documentation. */
export function docText(item: vscode.CompletionItem): string {
  const d = item.documentation;
  return d === undefined ? '' : typeof d === 'string' ? d : d.value;
}
export function labelText(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('Smoke: the extension in VS Code', () => {
  test('stays inactive until a synthesis is opened', () => {
    assert.equal(extension().isActive, false, 'the extension should activate only for *.synth.md documents');
  });

  test('opening a *.synth.md activates it, with the language synthesis-markdown and a running server', async () => {
    const uri = sampleUri('showcase.synth.md');
    const editor = await open(uri);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    // The first diagnostics are the signal that the client and server are up.
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the first diagnostics');
    assert.equal(extension().isActive, true);
    const synthesis = await api();
    assert.equal(synthesis.client.isRunning(), true, 'the language client should be running');
  });

  test('the showcase sample shows the same problems as synthlint: rule codes and ranges', async () => {
    const uri = sampleUri('showcase.synth.md');
    await open(uri);
    const expected = await synthlint(uri.fsPath, dirname(uri.fsPath));
    assert.ok(expected.length >= 10, `synthlint should find many problems in the showcase, found ${expected.length}`);
    const want = expected.map((f) => findingKey(f.rule, new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1))).sort();
    const keys = (ds: vscode.Diagnostic[]): string[] => ds.map((d) => findingKey(ruleOf(d), d.range)).sort();
    await waitForDiagnostics(uri, (ds) => keys(ds).join() === want.join(), `the ${want.length} findings of synthlint`, 10_000).catch(() => undefined);
    const shown = diagnostics(uri);
    assert.deepEqual(keys(shown), want, 'VS Code should show what synthlint reports');

    const rules = new Set(shown.map(ruleOf));
    for (const rule of ['unknown-target', 'duplicate-target', 'missing-section', 'sources-sum', 'count-mismatch', 'sources-syntax']) {
      assert.ok(rules.has(rule), `expected a '${rule}' diagnostic; found ${[...rules].join(', ')}`);
    }
    for (const d of shown) {
      assert.equal(d.source, 'synthlint', `diagnostic source of '${d.message}'`);
      const code = d.code;
      assert.ok(typeof code === 'object' && code.target.toString().includes(ruleOf(d)), `'${ruleOf(d)}' should link to its documentation`);
    }
    const severities = new Map(expected.map((f) => [`${f.rule}@${f.line - 1}`, f.severity]));
    for (const d of shown) {
      const severity = d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
      assert.equal(severity, severities.get(`${ruleOf(d)}@${d.range.start.line}`), `severity of '${d.message}'`);
    }
    await screenshot('diagnostics', '.squiggly-error', { image: 'diagnostics.png' });
  });

  test('an unknown target is underlined exactly, with a plain-language message', async () => {
    const editor = await newSynthesis(`---\ntitle: Smoke\ncountry: Peru\n---\n\nProgress on SDG 16.11 was slow.\n`, 'smoke');
    const uri = editor.document.uri;
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => ruleOf(x) === 'unknown-target'), 'an unknown-target diagnostic').then(() => diagnostics(uri, 'unknown-target'));
    assert.ok(d);
    assert.equal(editor.document.getText(d.range).replace(/^SDG /, ''), '16.11');
    assert.match(d.message, /16\.11/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('completion after "SDG 16." lists 16.1 … 16.10, 16.a and 16.b with their official texts', async () => {
    const editor = await newSynthesis(`---\ntitle: Completion\ncountry: Peru\n---\n\nThe work served SDG 16.\n`, 'completion');
    await api();
    const position = editor.document.positionAt(editor.document.getText().indexOf('16.') + 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const catalogue = getCatalogue('en');
    const targets = catalogue.targetsOf(16);
    assert.deepEqual(
      targets.map((t) => t.id),
      ['16.1', '16.2', '16.3', '16.4', '16.5', '16.6', '16.7', '16.8', '16.9', '16.10', '16.a', '16.b'],
    );
    const byLabel = new Map(list.items.map((item) => [labelText(item), item]));
    for (const target of targets) {
      const item = byLabel.get(target.id);
      assert.ok(item, `completion should offer ${target.id}; offered ${[...byLabel.keys()].join(', ')}`);
      assert.ok(docText(item).includes(target.title), `the documentation of ${target.id} should give its text`);
    }
    assert.ok(!byLabel.has('16.11'), 'there is no target 16.11');
  });
});
