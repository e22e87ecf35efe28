/**
 * The commands that talk to the language server: export the brief as HTML, validate the whole
 * workspace, insert a template skeleton.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewManager } from './preview.js';
import { Requests, type RenderParams, type RenderResult, type SkeletonParams, type SkeletonResult, type TemplateInfo, type TemplatesParams, type ValidateWorkspaceResult } from '../../server/src/lsp/protocol.js';

/** What the commands need from the extension: the client, once it is ready. */
export interface Server {
  readonly client: LanguageClient;
  ready(): Promise<void>;
  readonly output: vscode.LogOutputChannel;
}

export const LANGUAGE_ID = 'synthesis-markdown';

/** The synthesis to act on: the given one, else the active editor's, else the active preview's. */
export async function targetDocument(uri: vscode.Uri | undefined, previews?: PreviewManager): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  const previewed = previews?.activeDocumentUri();
  if (previewed) return vscode.workspace.openTextDocument(previewed);
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a synthesis (a .synth.md file) first.'));
  return undefined;
}

/** Asks the server for the document's HTML; a plain message for the user if that fails. */
export async function render(server: Server, document: vscode.TextDocument, standalone: boolean): Promise<RenderResult> {
  await server.ready();
  const params: RenderParams = { uri: document.uri.toString(), text: document.getText(), ...(standalone ? { standalone: true } : {}) };
  return server.client.sendRequest<RenderResult>(Requests.render, params);
}

/** "Synthesis: Export Brief as HTML". Returns where it wrote the page, or undefined if cancelled. */
export async function exportHtml(server: Server, previews: PreviewManager, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(uri, previews);
  if (!document) return undefined;
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(document),
      filters: { [vscode.l10n.t('Web page')]: ['html'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export the brief as a web page'),
    }));
  if (!destination) return undefined;
  let page: RenderResult;
  try {
    page = await render(server, document, true);
  } catch (error) {
    server.output.error(`Export failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The brief could not be turned into a web page. The output panel has the details.'));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(page.html));
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the brief as {0}.', vscode.workspace.asRelativePath(destination)), vscode.l10n.t('Open in Browser')).then((choice) => {
      if (choice) void vscode.env.openExternal(destination);
    });
  }
  return destination;
}

/** `report.synth.md` → `report.html` next to it; for an unsaved document, in the first workspace folder. */
function defaultExportUri(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, 'brief.html') : undefined;
  }
  const path = document.uri.path;
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.synth\.md$/i, '').replace(/\.md$/i, '');
  return vscode.Uri.joinPath(document.uri, '..', `${base || 'brief'}.html`);
}

/** "Synthesis: Validate All Syntheses in Workspace". */
export async function validateWorkspace(server: Server, tellUser: boolean): Promise<ValidateWorkspaceResult | undefined> {
  let result: ValidateWorkspaceResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking every synthesis in the workspace…') }, async () => {
      await server.ready();
      return server.client.sendRequest<ValidateWorkspaceResult>(Requests.validateWorkspace, {});
    });
  } catch (error) {
    server.output.error(`Validating the workspace failed: ${String(error)}`);
    if (tellUser) void vscode.window.showErrorMessage(vscode.l10n.t('The syntheses in the workspace could not be checked. The output panel has the details.'));
    return undefined;
  }
  if (tellUser) {
    if (result.files === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no synthesis (.synth.md file) in this workspace.'));
    } else {
      const summary = vscode.l10n.t('Checked {0}: {1} and {2}.', syntheses(result.files), errors(result.errors), warnings(result.warnings));
      const clean = result.errors === 0 && result.warnings === 0;
      void vscode.window.showInformationMessage(clean ? vscode.l10n.t('{0} All clear.', summary) : summary, ...(clean ? [] : [vscode.l10n.t('Show Problems')])).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
  }
  return result;
}

function syntheses(n: number): string {
  return n === 1 ? vscode.l10n.t('1 synthesis') : vscode.l10n.t('{0} syntheses', n);
}

/** "1 error", "3 errors" in the display language (the status bar uses them too). */
export function errors(n: number): string {
  return n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n);
}

export function warnings(n: number): string {
  return n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n);
}

/**
 * "Synthesis: Insert Template Skeleton". Fills the active synthesis if it is empty, otherwise opens a
 * new one. `templateId` skips the question (for tests and keybindings). Returns the document. The
 * templates and the skeleton come from the server: those of the active document's project.
 */
export async function insertSkeleton(server: Server, templateId?: string): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor;
  const uri = active?.document.languageId === LANGUAGE_ID && !active.document.isUntitled ? active.document.uri.toString() : undefined;
  let templates: TemplateInfo[];
  try {
    await server.ready();
    templates = await server.client.sendRequest<TemplateInfo[]>(Requests.templates, (uri ? { uri } : {}) satisfies TemplatesParams);
  } catch (error) {
    server.output.error(`Could not list the templates: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The templates could not be listed. The output panel has the details.'));
    return undefined;
  }
  let template: TemplateInfo | undefined;
  if (templateId !== undefined) {
    template = templates.find((t) => t.id === templateId);
    if (!template) {
      void vscode.window.showErrorMessage(vscode.l10n.t("There is no template '{0}'. Templates: {1}.", templateId, templates.map((t) => t.id).join(', ')));
      return undefined;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.title, description: t.origin === 'builtin' ? t.id : `${t.id} · ${vscode.workspace.asRelativePath(t.origin)}`, detail: t.description, template: t })),
      { title: vscode.l10n.t('Insert a template skeleton'), placeHolder: vscode.l10n.t('Which template should the synthesis follow?'), matchOnDescription: true, matchOnDetail: true },
    );
    template = picked?.template;
  }
  if (!template) return undefined;

  let skeleton: SkeletonResult;
  try {
    skeleton = await server.client.sendRequest<SkeletonResult>(Requests.skeleton, { templateId: template.id, snippet: true, ...(uri ? { uri } : {}) } satisfies SkeletonParams);
  } catch (error) {
    server.output.error(`Could not build the skeleton: ${String(error)}`);
    skeleton = null;
  }
  if (!skeleton) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The templates could not be listed. The output panel has the details.'));
    return undefined;
  }
  const snippet = new vscode.SnippetString(skeleton.text);
  if (active && active.document.languageId === LANGUAGE_ID && active.document.getText().trim() === '') {
    const whole = new vscode.Range(new vscode.Position(0, 0), active.document.lineAt(active.document.lineCount - 1).range.end);
    await active.insertSnippet(snippet, whole);
    return active.document.uri;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return document.uri;
}
