/**
 * Settings read while the editor runs: `synthesis.templateFolders` and the project's
 * `.synthesis/config.yaml` (and its templates) picked up without a restart.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, createWatchedFolder, newSynthesis, open, ruleOf, setSetting, setText, suite, suiteTeardown, test, waitForDiagnostics, workspaceFolder } from './harness.js';
import { clearProblemsFilter, problemsPanel, STATUS_ITEM_ID, statusItem } from './workbench.js';

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
    await createWatchedFolder(folder);
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

    // The template file changed on disk: its new section is required at once.
    writeFileSync(file.fsPath, `${TEMPLATE}  - id: next-steps\n    heading: Next steps\n    level: 2\n`);
    await waitForDiagnostics(uri, (ds) => missing('Summary')(ds) && missing('Next steps')(ds), 'the section added to the template on disk required');

    // The setting emptied: the template is unknown again.
    await setSetting('templateFolders', []);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-template'), 'the unknown-template problem back');
  });

  test('.synthesis/config.yaml: a change saved in the editor, and one made on disk, changes the Problems panel at once', async () => {
    await api();
    const project = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'configured-project');
    const config = vscode.Uri.joinPath(project, '.synthesis', 'config.yaml');
    const template = vscode.Uri.joinPath(project, '.synthesis', 'templates', 'site-visit.yaml');
    const brief = vscode.Uri.joinPath(project, 'visit.synth.md');
    const siteVisit = (...headings: string[]): string =>
      `${TEMPLATE.replace('id: field-note', 'id: site-visit').replace('title: Field note', 'title: Site visit').replace(/sections:[\s\S]*$/, 'sections:\n')}${headings.map((h) => `  - id: ${h.toLowerCase().replace(/ /g, '-')}\n    heading: ${h}\n    level: 2\n`).join('')}`;
    const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await createWatchedFolder(vscode.Uri.joinPath(project, '.synthesis', 'templates'));
    await write(config, 'defaultTemplate: site-visit\nrules:\n  unknown-target: error\n');
    await write(template, siteVisit('Summary', 'Findings'));
    await write(brief, '---\ntitle: Visit to Cartagena\n---\n\n## Summary\n\nThe visit looked at SDG 16.99 in May.\n');
    await open(brief);

    /** What the Problems panel shows for the brief, once it shows what the diagnostics say. */
    const shown = async (ds: vscode.Diagnostic[]): Promise<string[]> => {
      const severity = (d: vscode.Diagnostic): string => ['Error', 'Warning', 'Info', 'Info'][d.severity]!;
      const rows = (await problemsPanel('visit.synth.md', ds.length)).map((r) => `${r.severity} ${r.code} line ${r.line}`).sort();
      assert.deepEqual(rows, ds.map((d) => `${severity(d)} ${ruleOf(d)} line ${d.range.start.line + 1}`).sort(), 'the Problems panel shows the diagnostics');
      await clearProblemsFilter();
      return rows;
    };
    const target = (level: vscode.DiagnosticSeverity | undefined) => (ds: vscode.Diagnostic[]) =>
      ds.some((d) => ruleOf(d) === 'missing-section') && ds.find((d) => ruleOf(d) === 'unknown-target')?.severity === level;

    const first = await waitForDiagnostics(brief, target(vscode.DiagnosticSeverity.Error), 'the unknown target as an error, as the configuration says');
    assert.deepEqual((await shown(first)).filter((r) => r.includes('unknown-target')), ['Error unknown-target line 7']);

    // Through the editor: the configuration opened, the rule turned off, saved.
    const configEditor = await open(config);
    await configEditor.edit((b) => b.replace(new vscode.Range(0, 0, configEditor.document.lineCount, 0), 'defaultTemplate: site-visit\nrules:\n  unknown-target: off\n'));
    assert.ok(await configEditor.document.save(), 'the configuration was saved');
    const off = await waitForDiagnostics(brief, target(undefined), 'no unknown-target problem once the configuration turns the rule off');
    assert.ok(!(await shown(off)).some((r) => r.includes('unknown-target')), 'the Problems panel no longer lists it');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // On disk, by another program (a git pull, a script): the rule back, as a warning.
    writeFileSync(config.fsPath, 'defaultTemplate: site-visit\nrules:\n  unknown-target: warning\n');
    const warned = await waitForDiagnostics(brief, target(vscode.DiagnosticSeverity.Warning), 'the unknown target as a warning after the file changed on disk');
    assert.deepEqual((await shown(warned)).filter((r) => r.includes('unknown-target')), ['Warning unknown-target line 7']);

    // A template of the project changed on disk: its new section is required at once.
    const nextSteps = (ds: vscode.Diagnostic[]) => ds.some((d) => ruleOf(d) === 'missing-section' && d.message.includes("'Next steps'"));
    assert.ok(!nextSteps(warned));
    writeFileSync(template.fsPath, siteVisit('Summary', 'Findings', 'Next steps'));
    const longer = await waitForDiagnostics(brief, nextSteps, "the template's new section required after the template changed on disk");
    assert.equal((await shown(longer)).filter((r) => r.includes('missing-section')).length, 2, 'the Problems panel lists both missing sections');
  });
  test('.synthesis/config.yaml saved in the editor is picked up in a project folder that VS Code does not watch', async () => {
    await api();
    // VS Code's file watcher may not report a folder: one made inside a folder it was not yet
    // watching, as a clone or an unzip makes them (see createWatchedFolder), one of a workspace too
    // large for the system's watch limit, one the user excluded. Excluded here, so that the watcher
    // surely says nothing about it: a save in the editor must still reach the server.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('watcherExclude', { ...files.get<Record<string, boolean>>('watcherExclude'), '**/e2e/unwatched-project/**': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const project = join(workspaceFolder().fsPath, 'e2e', 'unwatched-project');
      mkdirSync(join(project, '.synthesis'), { recursive: true });
      writeFileSync(join(project, '.synthesis', 'config.yaml'), 'rules:\n  unknown-target: error\n');
      writeFileSync(join(project, 'notes.synth.md'), '---\ntitle: Visit to Cartagena\n---\n\n## Summary\n\nThe visit looked at SDG 16.99 in May.\n');
      const brief = vscode.Uri.file(join(project, 'notes.synth.md'));
      await open(brief);
      await waitForDiagnostics(brief, (ds) => ds.find((d) => ruleOf(d) === 'unknown-target')?.severity === vscode.DiagnosticSeverity.Error, 'the unknown target as an error, as the configuration says');

      const configEditor = await open(vscode.Uri.file(join(project, '.synthesis', 'config.yaml')));
      await setText(configEditor, 'rules:\n  unknown-target: off\n');
      assert.ok(await configEditor.document.save(), 'the configuration was saved');
      const off = await waitForDiagnostics(brief, (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === 'unknown-target'), 'no unknown-target problem once the configuration saved in the editor turns the rule off');
      assert.ok(off.some((d) => ruleOf(d) === 'missing-section'), 'the other problems stay');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await files.update('watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
