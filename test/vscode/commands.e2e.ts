/**
 * The extension's commands: the skeleton, the preview, the export, validating the workspace and
 * restarting the server.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, find, LANGUAGE_ID, newSynthesis, open, ruleOf, sampleUri, suite, test, waitFor, waitForDiagnostics, workspaceFolder } from './harness.js';

suite('Commands', () => {
  test('"Insert Template Skeleton" builds a synthesis that validates clean', async () => {
    const synthesis = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.insertSkeleton', 'unodc-meta-synthesis');
    assert.ok(uri, 'the command should return the new document');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, LANGUAGE_ID);
    const text = document.getText();
    for (const heading of ['## Background and context', '## Main findings and considerations', '## Conclusions', '## Methodology']) {
      assert.ok(text.includes(heading), `the skeleton should have '${heading}'`);
    }
    assert.match(text, /^### SDG 16\./m, 'the skeleton should have a target section');
    assert.match(text, /```sources/, 'the skeleton should have a sources block');
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no problems in the skeleton');
    // The server's own count for the document agrees.
    const info = await synthesis.client.sendRequest<{ errors: number; warnings: number }>('synthesis/documentInfo', { uri: uri.toString() });
    assert.deepEqual({ errors: info.errors, warnings: info.warnings }, { errors: 0, warnings: 0 }, 'the skeleton should have no problems');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Open Preview to the Side" opens a webview with the rendered brief', async () => {
    const uri = sampleUri('colombia-country-programme.synth.md');
    await open(uri);
    const synthesis = await api();
    await vscode.commands.executeCommand('synthesis.showPreviewToSide', uri);
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('synthesis.preview')),
      vscode.window.tabGroups.onDidChangeTabs,
      'a preview tab',
    );
    assert.match(tab.label, /colombia-country-programme/);
    const html = await waitFor(() => synthesis.previews.html(uri), [vscode.window.tabGroups.onDidChangeTabs, vscode.workspace.onDidChangeTextDocument], 'the preview HTML');
    assert.match(html, /Colombia/);
    assert.match(html, /16\.1/);
  });

  test('"Show Evidence Coverage" maps target sections to the evaluations they cite, in a webview', async () => {
    const uri = sampleUri('colombia-country-programme.synth.md');
    const result = await vscode.commands.executeCommand<{ targets: Array<{ target: string; evaluations: string[] }> } | undefined>('synthesis.showCoverage', uri);
    assert.ok(result, 'the command returns the coverage map');
    const first = result.targets.find((t) => t.target === '16.1');
    assert.ok(first && first.evaluations.length >= 2, `SDG 16.1 rests on the evaluations it cites: ${JSON.stringify(result.targets)}`);
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('synthesis.coverage')),
      vscode.window.tabGroups.onDidChangeTabs,
      'a coverage tab',
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('"Export Brief as HTML" writes a self-contained page', async () => {
    const uri = sampleUri('colombia-country-programme.synth.md');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'colombia-brief.html');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.exportHtml', uri, target);
    assert.equal(written?.toString(), target.toString());
    assert.ok(existsSync(target.fsPath), 'the HTML file should exist');
    const html = readFileSync(target.fsPath, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<style/);
    assert.match(html, /Colombia/);
    assert.doesNotMatch(html, /<script\b[^>]*\bsrc=/i, 'no external scripts');
    // The annexes: the summary matrix, then the evidence coverage with its target × criterion
    // table, counted from the sample's register (samples/colombia-evidence.csv).
    const annex = html.indexOf('<section class="synthesis-annex synthesis-coverage">');
    assert.ok(annex > html.indexOf('Annex: Summary matrix'), 'the coverage annex comes after the summary matrix');
    const coverage = html.slice(annex, html.indexOf('</section>', annex));
    assert.match(coverage, /<h2>Annex: Evidence coverage<\/h2>/);
    const table = coverage.slice(coverage.indexOf('Evaluation criteria by target'));
    const row = (target: string): string[] => {
      const tr = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.replace(/<[^>]+>/g, '').trim().startsWith(target));
      assert.ok(tr, `a row for ${target}`);
      return [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim()).slice(1);
    };
    assert.deepEqual(row('Target'), ['Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']);
    assert.deepEqual(row('16.1'), ['1', '✗', '2', '✗', '1', '✗']);
    assert.deepEqual(row('16.b'), ['1', '✗', '✗', '✗', '2', '✗']);
  });

  test('"Validate All Syntheses in Workspace" reports every sample into the Problems panel', async () => {
    const synthesis = await api();
    const result = await synthesis.validateWorkspace();
    assert.ok(result);
    assert.ok(result.files >= 6, `expected every sample to be checked, got ${result.files} files`);
    assert.ok(result.errors > 0, 'the showcase has errors');
    await waitForDiagnostics(sampleUri('showcase.synth.md'), (ds) => ds.length > 0, 'the showcase problems');
  });

  test('"Restart Language Server" brings the server back, and it answers again', async () => {
    const synthesis = await api();
    await vscode.commands.executeCommand('synthesis.restartServer');
    await synthesis.ready;
    assert.equal(synthesis.client.isRunning(), true);
    const editor = await newSynthesis('---\ntitle: After the restart\ncountry: Peru\n---\n\nProgress on SDG 16.12 was slow.\n', 'restart');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-target'), 'diagnostics from the restarted server');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, find(editor.document, '16.12').translate(0, 3));
    assert.ok(list.items.length > 0, 'completion should work after the restart');
  });

  test('a language server that stops on its own is restarted, and the user is told once', async () => {
    const synthesis = await api();
    await synthesis.ready;
    const pidOf = async (): Promise<number | undefined> => {
      if (!synthesis.client.isRunning()) return undefined;
      return (await synthesis.client.sendRequest<{ pid: number } | null>('synthesis/serverInfo'))?.pid;
    };
    const before = synthesis.crashes();
    for (let round = 1; round <= 2; round++) {
      const pid = await pidOf();
      assert.ok(pid, 'the server answers with its process id');
      process.kill(pid, 'SIGKILL');
      const again = await waitFor(
        async () => {
          const now = await pidOf().catch(() => undefined);
          return now !== undefined && now !== pid ? now : undefined;
        },
        synthesis.client.onDidChangeState,
        `a new server process after killing ${pid}`,
      );
      assert.notEqual(again, pid);
      assert.equal(synthesis.crashes().crashes, before.crashes + round, 'each stop is counted');
    }
    assert.equal(synthesis.crashes().notices, before.notices + 1, 'the user is told once, not at every stop');
    const editor = await newSynthesis('---\ntitle: After a crash\ncountry: Peru\n---\n\nProgress on SDG 16.12 was slow.\n', 'crash');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-target'), 'diagnostics from the restarted server');
  });
});
