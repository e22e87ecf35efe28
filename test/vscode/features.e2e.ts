/**
 * What the language server offers beyond diagnostics, seen through VS Code's own commands: hover,
 * outline symbols and snippets (widgets.e2e.ts checks how the editor shows them).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getCatalogue } from '../../server/src/core/index.js';
import { api, find, LANGUAGE_ID, newSynthesis, open, sampleUri, suite, test, waitFor } from './harness.js';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('Language features', () => {
  test('hovering an SDG tag shows the official text of the target', async () => {
    const editor = await open(sampleUri('colombia-country-programme.synth.md'));
    await api();
    const position = find(editor.document, 'SDG 16.2').translate(0, 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hoverText(hovers);
    const target = getCatalogue('en').target('16.2');
    assert.ok(target);
    assert.ok(text.includes(target.title), `the hover should give the text of 16.2; it says: ${text}`);
  });

  test('the outline lists the sections, with the target sections inside the findings', async () => {
    const editor = await open(sampleUri('colombia-country-programme.synth.md'));
    await api();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children)]);
    const names = all(symbols).map((s) => s.name);
    for (const section of ['Background and context', 'Main findings and considerations', 'Sources of data reviewed', 'Conclusions', 'Methodology']) {
      assert.ok(names.includes(section), `the outline should list '${section}'; it has ${names.join(', ')}`);
    }
    const findings = all(symbols).find((s) => s.name === 'Main findings and considerations');
    const targets = findings?.children.map((s) => s.name) ?? [];
    assert.ok(targets.some((n) => n.startsWith('SDG 16.1')), `the findings should hold SDG 16.1; they hold ${targets.join(', ')}`);
    assert.ok(targets.some((n) => n.startsWith('SDG 16.b')), 'the findings should hold SDG 16.b');
    const line = find(editor.document, '### SDG 16.1').line;
    assert.equal(findings?.children.find((s) => s.name.startsWith('SDG 16.1'))?.selectionRange.start.line, line);
  });

  test('the target-section snippet inserts a heading for an SDG target and a paragraph', async () => {
    const editor = await newSynthesis('---\ntitle: Snippets\ncountry: Peru\n---\n\n## Main findings and considerations\n\n', 'snippet');
    await api();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: LANGUAGE_ID, name: 'Target section (en)' });
    const text = await waitFor(() => (editor.document.getText().includes('### SDG 16.') ? editor.document.getText() : undefined), vscode.workspace.onDidChangeTextDocument, 'the snippet');
    assert.match(text, /^### SDG 16\.1 \S/m, 'a level-3 heading with a target of goal 16');
    assert.match(text, /^### SDG 16\.1 .+\n\n\S.+/m, 'a paragraph under the heading');
  });
});
