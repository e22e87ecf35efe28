/**
 * "Synthesis: Export as Word Document" and "Synthesis: Export as PDF": the language server builds
 * the document (lsp/handlers/word.ts); this side asks where to save it, shows progress and reveals
 * the result.
 */
import * as vscode from 'vscode';
import { Requests, type ExportDocumentParams, type ExportDocumentResult } from '../../server/src/lsp/protocol.js';
import { targetDocument, type Server } from './commands.js';
import type { PreviewManager } from './preview.js';

/** Documents longer than this many characters show a progress notification while they export. */
const LONG_DOCUMENT = 20_000;

export async function exportDocument(server: Server, previews: PreviewManager, to: 'docx' | 'pdf', uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(uri, previews);
  if (!document) return undefined;
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultUri(document, to),
      filters: to === 'docx' ? { [vscode.l10n.t('Word document')]: ['docx'] } : { PDF: ['pdf'] },
      saveLabel: vscode.l10n.t('Export'),
      title: to === 'docx' ? vscode.l10n.t('Export the synthesis as a Word document') : vscode.l10n.t('Export the brief as a PDF'),
    }));
  if (!destination) return undefined;
  if (destination.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Exports can only be saved to a file on this computer.'));
    return undefined;
  }
  const settings = vscode.workspace.getConfiguration('synthesis');
  // The browser is a machine setting (a workspace cannot name a program to run).
  const browser = settings.inspect<string>('pdf.browser')?.globalValue?.trim();
  const paper = settings.get<string>('pdf.paper') === 'letter' ? 'letter' : 'a4';
  const ask = async (): Promise<ExportDocumentResult> => {
    await server.ready();
    const params: ExportDocumentParams = { uri: document.uri.toString(), text: document.getText(), to, target: destination.fsPath, paper, ...(browser ? { browser } : {}) };
    return server.client.sendRequest<ExportDocumentResult>(Requests.exportDocument, params);
  };
  let result: ExportDocumentResult;
  try {
    // PDFs start a browser and long documents take a while: say so.
    result =
      to === 'pdf' || document.getText().length > LONG_DOCUMENT
        ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: to === 'docx' ? vscode.l10n.t('Exporting the Word document…') : vscode.l10n.t('Printing the PDF brief…') }, ask)
        : await ask();
  } catch (error) {
    server.output.error(`Export failed: ${String(error)}`);
    result = { ok: false, message: vscode.l10n.t('The export failed. The output panel has the details.') };
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  if (!target) {
    const open = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in Explorer');
    void vscode.commands.executeCommand('revealInExplorer', destination).then(undefined, () => undefined);
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(destination)), open, reveal).then((choice) => {
      if (choice === open) void vscode.env.openExternal(destination);
      if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', destination);
    });
  }
  return destination;
}

/** `report.synth.md` → `report.docx` (or `.pdf`) beside it. */
function defaultUri(document: vscode.TextDocument, to: 'docx' | 'pdf'): vscode.Uri | undefined {
  if (document.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, `brief.${to}`) : undefined;
  }
  const path = document.uri.path;
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.synth\.md$/i, '').replace(/\.md$/i, '');
  return vscode.Uri.joinPath(document.uri, '..', `${base || 'brief'}.${to}`);
}
