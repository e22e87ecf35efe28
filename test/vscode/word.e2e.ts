/**
 * Word and PDF in the editor: "Export as Word Document" and "Export as PDF" write files that
 * LibreOffice and poppler read back, and "Import Document as Synthesis" turns a text brief into a
 * synthesis, opened beside, that the server checks without errors.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { api, open, sampleUri, suite, suiteSetup, test, waitFor, workspaceFolder } from './harness.js';

/** A short brief as an office writes one in a text file (invented content). */
const BRIEF = `META-SYNTHESIS OF THE PROGRAMME IN PARAGUAY

Country: Paraguay

Duration/scope: Evaluations conducted between 2018-2024

Synthesis team: Ms. Rosa Benítez, Mr. Tomás Ortiz

BACKGROUND AND CONTEXT

The evaluation office asked for this synthesis before the next programme, which works towards SDG 16.

MAIN FINDINGS AND CONSIDERATIONS

SDG 16.3 PROMOTING THE RULE OF LAW: Legal aid reached rural districts for the first time.

SOURCES OF DATA REVIEWED

**540
DOCUMENTS**

HUMAN RIGHTS, GENDER EQUALITY AND INCLUSIVITY

Projects worked with Indigenous organisations in their own languages.

OTHER CROSS-CUTTING THEMES

Partnerships with universities carried the work beyond the capital.

CONCLUSIONS

The programme supports SDG 16 and now needs national funding.

METHODOLOGY

The team reviewed 6 evaluation reports covering 7 projects.
`;

const run = promisify(execFile);

/** What LibreOffice reads out of a document (run without blocking the extension host). */
async function libreOfficeText(file: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'synthesis-e2e-lo-'));
  return (await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--cat', file], { encoding: 'utf8', timeout: 120_000 })).stdout;
}

suite('Word and PDF', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceFolder(), 'e2e'));
  });

  test('"Export as Word Document" writes a .docx that LibreOffice reads with its targets and annex', async () => {
    await api();
    const uri = sampleUri('colombia-country-programme.synth.md');
    await open(uri);
    const target = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'colombia.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.exportDocx', uri, target);
    assert.equal(written?.toString(), target.toString());
    const bytes = readFileSync(target.fsPath);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip package');
    const text = await libreOfficeText(target.fsPath);
    assert.match(text, /Meta-synthesis of the country programme in Colombia/);
    assert.match(text, /SDG 16\.6\/16\.a Effective institutions and capacity building/);
    assert.match(text, /Annex: Evaluations reviewed/);
  });

  test('"Export as PDF" prints the brief with the local Chromium', async () => {
    await api();
    const uri = sampleUri('colombia-country-programme.synth.md');
    const target = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'colombia.pdf');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.exportPdf', uri, target);
    assert.equal(written?.toString(), target.toString());
    assert.equal(readFileSync(target.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');
    const text = (await run('pdftotext', [target.fsPath, '-'], { encoding: 'utf8' })).stdout.replace(/\s+/g, ' ');
    assert.match(text, /META-SYNTHESIS OF THE COUNTRY PROGRAMME IN COLOMBIA/);
    assert.match(text, /SDG 16\.1 Reducing violence/);
  });

  test('"Import Document as Synthesis" opens the synthesis beside the original, with no errors', async () => {
    await api();
    const source = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'paraguay-brief.txt');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(BRIEF));
    const original = await open(source);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.importDocument', source);
    assert.ok(created, 'the command returns the new synthesis');
    assert.equal(created.path, vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'paraguay-brief.synth.md').path);
    assert.ok(existsSync(source.fsPath) && readFileSync(source.fsPath, 'utf8') === BRIEF, 'the original is untouched');
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.path === created.path), vscode.window.onDidChangeVisibleTextEditors, 'the imported synthesis in an editor');
    assert.notEqual(editor.viewColumn, original.viewColumn, 'beside the original');
    const text = editor.document.getText();
    assert.match(text, /^country: Paraguay$/m);
    assert.match(text, /^### SDG 16\.3 Promoting the rule of law$/m);
    assert.match(text, /```sources\ndocuments: 540\n```/);
    const synthesis = await api();
    const info = await synthesis.client.sendRequest<{ templateId: string; errors: number }>('synthesis/documentInfo', { uri: created.toString() });
    assert.equal(info.templateId, 'unodc-meta-synthesis');
    assert.equal(info.errors, 0, 'the server finds no errors in the imported synthesis');
  });
});
