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
import { Document, Header, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { api, open, sampleUri, setSetting, suite, suiteSetup, test, waitFor, workspaceFolder } from './harness.js';

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

/** The size of a PDF's pages in points, as poppler reads it. */
async function pageSize(file: string): Promise<{ width: number; height: number }> {
  const info = (await run('pdfinfo', [file], { encoding: 'utf8' })).stdout;
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { width: Math.round(Number(size?.[1])), height: Math.round(Number(size?.[2])) };
}

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

  test("in a project: its configuration's referenceDoc and pdf.paper, over the editor's setting", async () => {
    await api();
    // A project of its own, whose configuration names the office's reference (Letter pages, a
    // header) and A4 briefs; the user's setting asks for Letter briefs.
    const project = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'office');
    const write = (path: string, bytes: Uint8Array): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(project, path), bytes);
    const reference = new Document({
      sections: [
        {
          properties: { page: { size: { width: 12240, height: 15840 } } },
          headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('Paraguay Evaluation Office')] })] }) },
          children: [new Paragraph({ children: [new TextRun('Reference')] })],
        },
      ],
    });
    await write('styles/office.docx', new Uint8Array(await Packer.toArrayBuffer(reference)));
    await write('.synthesis/config.yaml', new TextEncoder().encode('referenceDoc: styles/office.docx\npdf:\n  paper: a4\n'));
    await write('brief.synth.md', new TextEncoder().encode('---\ntitle: Justice in Paraguay\ncountry: Paraguay\n---\n\n## Main findings and considerations\n\n### SDG 16.3 Promoting the rule of law\n\nLegal aid reached rural districts.\n'));
    const brief = vscode.Uri.joinPath(project, 'brief.synth.md');
    await setSetting('pdf.paper', 'letter');
    try {
      const docx = vscode.Uri.joinPath(project, 'brief.docx');
      assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.exportDocx', brief, docx))?.toString(), docx.toString());
      const parts = unzipSync(new Uint8Array(readFileSync(docx.fsPath)));
      assert.match(strFromU8(parts['word/document.xml']!), /<w:pgSz w:w="12240" w:h="15840"/, "the reference's Letter page");
      assert.ok(Object.keys(parts).some((p) => /^word\/reference-header\d+\.xml$/.test(p) && strFromU8(parts[p]!).includes('Paraguay Evaluation Office')), "the reference's header");

      // The project's pdf.paper decides inside it; outside a configured project (the samples), the setting does.
      const inside = vscode.Uri.joinPath(project, 'brief.pdf');
      assert.ok(await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.exportPdf', brief, inside));
      assert.deepEqual(await pageSize(inside.fsPath), { width: 595, height: 842 }, 'A4, as the project says');
      const outside = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'colombia-letter.pdf');
      assert.ok(await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.exportPdf', sampleUri('colombia-country-programme.synth.md'), outside));
      assert.deepEqual(await pageSize(outside.fsPath), { width: 612, height: 792 }, 'Letter, as the setting says');
    } finally {
      await setSetting('pdf.paper', undefined);
    }
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
