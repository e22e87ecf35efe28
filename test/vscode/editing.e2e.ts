/**
 * Editing a synthesis: problems appear and clear as the text changes, the onSave mode waits for a
 * save, quick fixes repair the document, settings take effect without a restart.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnostics, find, newSynthesis, ruleOf, sampleUri, setSetting, setText, staysTrue, suite, suiteSetup, suiteTeardown, test, waitForDiagnostics } from './harness.js';

/** A clean synthesis (the Colombia sample, with its evidence register) with a sentence naming SDG 16.3 added at the end. */
let CLEAN = '';

suite('Editing a synthesis', () => {
  suiteSetup(async () => {
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri('colombia-country-programme.synth.md')));
    // The copies live in an e2e/ folder beside the sample, so the register is one folder up.
    CLEAN = `${sample.trimEnd().replace('evidence: colombia-evidence.csv', 'evidence: ../colombia-evidence.csv')}\n\nProgress on SDG 16.3 was uneven.\n`;
  });
  suiteTeardown(async () => {
    await setSetting('validate', undefined);
    await setSetting('rules', undefined);
  });

  test('fixing the text clears its diagnostic, breaking it again brings it back', async () => {
    const editor = await newSynthesis(CLEAN.replace('SDG 16.3 was', 'SDG 16.13 was'), 'fix');
    const uri = editor.document.uri;
    await api();
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-target'), 'an unknown-target diagnostic');

    const at = find(editor.document, '16.13 was');
    await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 5)), '16.3'));
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics after the fix');

    await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 4)), '16.99'));
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => ruleOf(x) === 'unknown-target'), 'the diagnostic again').then(() => diagnostics(uri, 'unknown-target'));
    assert.equal(editor.document.getText(d?.range).replace(/^SDG /, ''), '16.99');
  });

  test('in onSave mode, problems are checked again only when the document is saved', async () => {
    // code-server saves after a delay by default; this test saves by itself.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    const editor = await newSynthesis(CLEAN.replace('SDG 16.3 was', 'SDG 16.77 was'), 'on-save');
    const uri = editor.document.uri;
    const unknown = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === 'unknown-target' && d.severity === severity);
    await waitForDiagnostics(uri, unknown(vscode.DiagnosticSeverity.Error), 'an unknown-target error');

    // The second setting turns the error into a warning: once the warning shows, the server has
    // read the settings, including the first one.
    await setSetting('validate', 'onSave');
    await setSetting('rules', { 'unknown-target': 'warning' });
    await waitForDiagnostics(uri, unknown(vscode.DiagnosticSeverity.Warning), 'the settings to reach the server');

    const at = find(editor.document, '16.77 was');
    await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 5)), '16.7'));
    // The fix is not checked while unsaved: the warning stays for several times the onType delay (200 ms).
    await staysTrue(() => unknown(vscode.DiagnosticSeverity.Warning)(diagnostics(uri)), [vscode.languages.onDidChangeDiagnostics], 'the warning to stay until the save', 1500, () =>
      diagnostics(uri).map((d) => `${ruleOf(d)} ${d.severity} ${d.message}`),
    );

    assert.equal(editor.document.isDirty, true, 'the document should still be unsaved');
    await editor.document.save();
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics after saving');

    await setSetting('validate', 'onType');
    await setSetting('rules', undefined);
    await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 4)), '16.42'));
    await waitForDiagnostics(uri, unknown(vscode.DiagnosticSeverity.Error), 'the error while typing, without a save, once onType is back');
  });

  test('a quick fix inserts a missing section and its diagnostic disappears', async () => {
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri('colombia-country-programme.synth.md')));
    const withoutConclusions = sample.replace(/^## Conclusions\n[\s\S]*?(?=^## )/m, '').replace('evidence: colombia-evidence.csv', 'evidence: ../colombia-evidence.csv');
    assert.notEqual(withoutConclusions, sample, 'the Colombia sample should have a Conclusions section');
    const editor = await newSynthesis(withoutConclusions, 'quick-fix');
    const uri = editor.document.uri;
    const [missing] = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'missing-section'), 'a missing-section diagnostic').then(() =>
      diagnostics(uri, 'missing-section'),
    );
    assert.ok(missing);
    assert.match(missing.message, /Conclusions/);
    assert.deepEqual(
      diagnostics(uri).map(ruleOf),
      ['missing-section'],
      'the Colombia sample without its conclusions should have only this problem',
    );

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => /Conclusions/.test(a.title) && a.edit !== undefined);
    assert.ok(insert, `a quick fix should insert the section; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => /disable/i.test(a.title)), 'a quick fix should offer to disable the rule for the line');
    assert.equal(await vscode.workspace.applyEdit(insert.edit as vscode.WorkspaceEdit), true);

    await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'missing-section'), 'the missing-section diagnostic to go');
    const text = editor.document.getText();
    assert.match(text, /^## Conclusions$/m);
    assert.ok(text.indexOf('## Conclusions') > text.indexOf('## Other cross-cutting themes'), 'inserted at its template position');
    assert.ok(text.indexOf('## Conclusions') < text.indexOf('## Methodology'), 'inserted at its template position');
  });

  test('turning a rule off in the settings removes its diagnostics, turning it back on restores them', async () => {
    const editor = await newSynthesis(CLEAN.replace('SDG 16.3 was', 'SDG 16.77 was'), 'settings');
    const uri = editor.document.uri;
    await api();
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-target'), 'an unknown-target diagnostic');

    await setSetting('rules', { 'unknown-target': 'off' });
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'unknown-target'), 'the diagnostic to go with the rule off');

    await setSetting('rules', { 'unknown-target': 'warning' });
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => ruleOf(d) === 'unknown-target' && d.severity === vscode.DiagnosticSeverity.Warning), 'a warning');
    assert.equal(ds.filter((d) => ruleOf(d) === 'unknown-target').length, 1);

    await setSetting('rules', undefined);
    await waitForDiagnostics(uri, (all) => all.some((d) => ruleOf(d) === 'unknown-target' && d.severity === vscode.DiagnosticSeverity.Error), 'an error again');
    await setText(editor, CLEAN);
    await waitForDiagnostics(uri, (all) => all.length === 0, 'no diagnostics');
  });
});
