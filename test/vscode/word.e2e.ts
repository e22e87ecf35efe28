/**
 * Word and PDF in the editor: "Export as Word Document" and "Export as PDF" write files that
 * LibreOffice and poppler read back, and "Import Document as Synthesis" turns a text brief into a
 * synthesis, opened beside, that the server checks without errors, and says what a Word document
 * lost in the import: a warning whose button opens the notes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Document, Header, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as vscode from 'vscode';
import type { Dom } from './dom.js';
import { api, open, sampleUri, setSetting, suite, suiteSetup, test, waitFor, workspaceFolder } from './harness.js';
import { page, screenshot } from './page.js';
import { clearNotifications, toasts, toastsNow } from './workbench.js';

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

/** A one-pixel PNG: a picture for the Word document below. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * A Word document (written by the docx library, as Word would) whose sections and target the
 * importer recognises, with three things it cannot bring in: a chart (a picture with its
 * description), an equation and a symbol of a font with no ordinary letter for it.
 */
async function wordBriefWithGaps(): Promise<Uint8Array> {
  const made = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Justice in Honduras', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Background and context', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('The office asked for this synthesis before the next programme.')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: Buffer.from(PIXEL, 'base64'), transformation: { width: 40, height: 40 }, altText: { name: 'Chart', title: 'Chart', description: 'Legal aid cases by year' } })] }),
          new Paragraph({ text: 'Main findings and considerations', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('SDG 16.3 Promoting the rule of law: legal aid reached rural districts.')] }),
        ],
      },
    ],
  });
  const parts = unzipSync(new Uint8Array(await Packer.toArrayBuffer(made)));
  const xml = strFromU8(parts['word/document.xml']!);
  const gaps = '<w:p><m:oMathPara><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></m:oMathPara></w:p><w:p><w:r><w:sym w:font="Old Symbols" w:char="F041"/></w:r></w:p>';
  // Before the section's properties, which close the body.
  parts['word/document.xml'] = strToU8(xml.replace('<w:sectPr', `${gaps}<w:sectPr`));
  return zipSync(parts);
}

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
    await clearNotifications();
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
    // A clean import: its counts, as information, and no warning.
    const [shown] = await toasts('^Imported e2e/paraguay-brief\\.txt: ', 'the message that the brief was imported');
    assert.equal(shown!.severity, 'info');
    assert.match(shown!.message, /^Imported e2e\/paraguay-brief\.txt: \d+ sections, 1 target sections; 0 parts left as ordinary Markdown\.$/);
    assert.deepEqual(shown!.buttons, [], 'nothing more to show');
    assert.deepEqual(await toastsNow('need.? a look'), [], 'no warning');
  });

  test('"Import Document as Synthesis" warns how many things of a Word document need a look, and its button shows them', async () => {
    await api();
    await clearNotifications();
    const source = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'honduras-brief.docx');
    await vscode.workspace.fs.writeFile(source, await wordBriefWithGaps());
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('synthesis.importDocument', source);
    assert.ok(created, 'the command returns the new synthesis');
    await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.path === created.path), vscode.window.onDidChangeVisibleTextEditors, 'the imported synthesis in an editor');

    const [warning] = await toasts('honduras-brief\\.docx, but', 'the warning that parts of the Word document need a look');
    assert.equal(warning!.severity, 'warning');
    assert.equal(warning!.message, 'Imported e2e/honduras-brief.docx, but 3 things need a look: parts of it are missing from the synthesis or may have come out wrong.');
    assert.deepEqual(warning!.buttons, ['Show the notes']);
    assert.deepEqual(await toastsNow('^Imported e2e/honduras-brief\\.docx: '), [], 'the warning instead of the information, not both');
    await screenshot('import-notes-warning', '.notifications-toasts .notification-list-item');

    await page.click('.notifications-toasts .notification-list-item:has-text("honduras-brief.docx, but") .monaco-button:has-text("Show the notes")');
    const notes = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'synthesis-import-notes'),
      vscode.window.onDidChangeVisibleTextEditors,
      'the notes in an editor',
    );
    const text = notes.document.getText();
    assert.match(text, /^# Notes on importing honduras-brief\.docx$/m);
    assert.match(text, /^The synthesis honduras-brief\.synth\.md was written from honduras-brief\.docx\.$/m);
    assert.match(text, /^## What needs a look \(3\)$/m);
    // The server's sentences, one per line, not JSON.
    assert.match(text, /^- an equation was left out \(equations are not imported\): if it matters, write it into the synthesis by hand$/m);
    assert.match(text, /^- a symbol of the font Old Symbols \(character F041\) has no ordinary letter to stand for it and was left out/m);
    assert.match(text, /^- 1 picture was not imported; its description was kept\.$/m);
    assert.doesNotMatch(text, /[{}"]|import\.docx\./, 'no JSON, no message keys');
    assert.equal(notes.document.languageId, 'markdown');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.path === created.path), 'the synthesis stays in sight beside the notes');
    // On screen: the notes' tab, and their first note in its editor (lines wrap in a narrow group, and
    // lines below the group's bottom are not drawn: a word of the first note, not its sentence).
    await page.waitFor(
      undefined,
      () => {
        const { document } = globalThis as unknown as Dom;
        const tab = [...document.querySelectorAll('.tabs-container .tab')].some((t) => (t.textContent ?? '').includes('Notes on importing honduras-brief.docx'));
        const words = [...document.querySelectorAll('.view-line')].map((l) => l.textContent ?? '').join(' ');
        return tab && words.includes('equation');
      },
      null,
      'the notes on screen: their tab and their first note',
    );
    await screenshot('import-notes-page');
    assert.ok(readFileSync(created.fsPath, 'utf8').includes('Legal aid cases by year'), "the picture's description is in the synthesis");
  });
});
