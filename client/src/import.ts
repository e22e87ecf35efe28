/**
 * "Synthesis: Import Document as Synthesis": a Word, PDF, HTML, Markdown or text file becomes a
 * synthesis beside it (the language server does the work, lsp/handlers/word.ts), opened beside the
 * original.
 *
 * What the import could not bring in (an equation, a picture, a table's merged cells…) must reach
 * the user, who may never open the output panel: then a warning says how many things need a look,
 * and its button opens them as a read-only page listed in plain sentences (the server's words, in
 * the editor's language), beside the synthesis, where they can be read while the synthesis is
 * compared with the original. The output panel gets the same sentences.
 */
import * as vscode from 'vscode';
import { Requests, type ImportDocumentParams, type ImportDocumentReport, type ImportDocumentResult } from '../../server/src/lsp/protocol.js';
import type { Server } from './commands.js';
import { importNotes } from './import-notes.js';

/** The scheme of the notes pages: read-only documents whose text this module keeps. */
const NOTES_SCHEME = 'synthesis-import-notes';
const pages = new Map<string, string>();
let pageCount = 0;

/** Serves the notes pages (registered once, at activation). */
export function registerImportNotes(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(NOTES_SCHEME, { provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? '' });
}

export async function importAsSynthesis(server: Server, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source =
    uri ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Briefs and reports')]: ['docx', 'pdf', 'html', 'htm', 'md', 'txt'] },
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('Import a document as a synthesis'),
      })
    )?.[0];
  if (!source) return undefined;
  if (source.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Only files on this computer can be imported.'));
    return undefined;
  }
  let result: ImportDocumentResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', vscode.workspace.asRelativePath(source)) }, async () => {
      await server.ready();
      const params: ImportDocumentParams = { path: source.fsPath };
      return server.client.sendRequest<ImportDocumentResult>(Requests.importDocument, params);
    });
  } catch (error) {
    server.output.error(`Import failed: ${String(error)}`);
    result = { ok: false, message: vscode.l10n.t('The import failed. The output panel has the details.') };
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const created = vscode.Uri.file(result.path);
  const { report } = result;
  const name = vscode.workspace.asRelativePath(source);
  const summary = vscode.l10n.t('Imported {0}: {1} sections, {2} target sections; {3} parts left as ordinary Markdown.', name, report.sections.length, report.targets.length, report.left.length);
  const notes = notesOf(report, source, created);
  server.output.info([summary, vscode.l10n.t('The synthesis is {0}.', created.fsPath), ...notes.log].join('\n'));
  // Beside the original: the original (when VS Code can show it) on the left, the synthesis on the right.
  await vscode.window.showTextDocument(created, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const count = notes.notes.length;
  if (count > 0) {
    const show = vscode.l10n.t('Show the notes');
    const message =
      count === 1
        ? vscode.l10n.t('Imported {0}, but 1 thing needs a look: a part of it is missing from the synthesis or may have come out wrong.', name)
        : vscode.l10n.t('Imported {0}, but {1} things need a look: parts of it are missing from the synthesis or may have come out wrong.', name, count);
    void vscode.window.showWarningMessage(message, show).then((choice) => (choice === show ? showNotes(server, notes.title, notes.page) : undefined));
  } else if (notes.kept.length > 0) {
    const show = vscode.l10n.t('Show the details');
    void vscode.window.showInformationMessage(summary, show).then((choice) => (choice === show ? showNotes(server, notes.title, notes.page) : undefined));
  } else {
    void vscode.window.showInformationMessage(summary);
  }
  return created;
}

function notesOf(report: ImportDocumentReport, source: vscode.Uri, created: vscode.Uri): ReturnType<typeof importNotes> & { title: string } {
  const original = fileName(source);
  const title = vscode.l10n.t('Notes on importing {0}', original);
  const notes = importNotes(report, {
    title,
    intro: vscode.l10n.t('The synthesis {0} was written from {1}.', fileName(created), original),
    pictures: (n) => (n === 1 ? vscode.l10n.t('1 picture was not imported; its description was kept.') : vscode.l10n.t('{0} pictures were not imported; their descriptions were kept.', n)),
    needsALook: vscode.l10n.t('What needs a look'),
    needsALookHint: vscode.l10n.t('Each of these is missing from the synthesis or may have come out wrong: compare that part of the synthesis with {0}.', original),
    kept: vscode.l10n.t('Kept as ordinary Markdown'),
    keptHint: vscode.l10n.t('Nothing placed these parts in a section of the template, so they were kept as they were: move each one where it belongs.'),
    noteLine: (note) => vscode.l10n.t('Needs a look: {0}', note),
    keptLine: (part) => vscode.l10n.t('Kept as ordinary Markdown: {0}', part),
  });
  return { ...notes, title };
}

/** The notes as a read-only Markdown page beside the synthesis (closing it asks nothing: it is not a file). */
async function showNotes(server: Server, title: string, page: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: NOTES_SCHEME, path: `/${title}`, query: String(++pageCount) });
  pages.set(uri.toString(), page);
  try {
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  } catch (error) {
    // The same notes are in the output panel: show it rather than nothing.
    server.output.error(`Could not open the import notes: ${String(error)}`);
    server.output.show(true);
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
