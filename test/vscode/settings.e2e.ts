/**
 * Settings read while the editor runs: `synthesis.templateFolders` picked up without a restart.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, newSynthesis, ruleOf, setSetting, suite, suiteTeardown, test, waitForDiagnostics, workspaceFolder } from './harness.js';
import { STATUS_ITEM_ID, statusItem } from './workbench.js';

const TEMPLATE = `id: field-note
title: Field note
description: A short note from a field visit.
requiredFields: [title]
sections:
  - id: summary
    heading: Summary
    level: 2
`;

suite('Settings picked up live', () => {
  suiteTeardown(async () => {
    await setSetting('templateFolders', undefined);
    await closeAllEditors();
  });

  test('synthesis.templateFolders: a folder of team templates is used as soon as it is set, and no longer once it is emptied', async () => {
    await api();
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'team-templates');
    const file = vscode.Uri.joinPath(folder, 'field-note.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(TEMPLATE));
    const editor = await newSynthesis('---\ntitle: Visit to Cartagena\ntemplate: field-note\n---\n\nThe visit took place in May.\n', 'template-folders');
    const uri = editor.document.uri;
    const missing = (heading: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === 'missing-section' && d.message.includes(`'${heading}'`));

    // Not yet a known template.
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-template'), 'an unknown-template problem before the setting');

    // The setting names the folder: the template is known, and its one section is required.
    await setSetting('templateFolders', ['e2e/team-templates']);
    const known = await waitForDiagnostics(uri, (ds) => !ds.some((d) => ruleOf(d) === 'unknown-template') && missing('Summary')(ds), "the template 'field-note' in use");
    assert.deepEqual(known.map(ruleOf), ['missing-section'], 'only the Summary section is missing');
    await statusItem(STATUS_ITEM_ID, '^\\$\\(book\\) Field note ', 'the template in the status bar');

    // (A change to the template file itself is not checked here: code-server, as the suite runs it,
    // passes no file events to extensions — a FileSystemWatcher there sees nothing.)

    // The setting emptied: the template is unknown again.
    await setSetting('templateFolders', []);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-template'), 'the unknown-template problem back');
  });
});
