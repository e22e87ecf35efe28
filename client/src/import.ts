/**
 * "Synthesis: Import Document as Synthesis": a Word, PDF, HTML, Markdown or text file becomes a
 * synthesis beside it (the language server does the work, lsp/handlers/word.ts), opened beside the
 * original.
 */
import * as vscode from 'vscode';
import { Requests, type ImportDocumentParams, type ImportDocumentResult } from '../../server/src/lsp/protocol.js';
import type { Server } from './commands.js';

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
  server.output.info(`Imported ${source.fsPath} into ${result.path}: ${JSON.stringify(report)}`);
  // Beside the original: the original (when VS Code can show it) on the left, the synthesis on the right.
  await vscode.window.showTextDocument(created, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Imported {0}: {1} sections, {2} target sections; {3} parts left as ordinary Markdown.', vscode.workspace.asRelativePath(source), report.sections.length, report.targets.length, report.left.length),
  );
  return created;
}
