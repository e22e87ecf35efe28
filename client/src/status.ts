/**
 * The status bar item for the active synthesis: its template and how many errors and warnings it
 * has. Clicking it opens the Problems panel.
 */
import * as vscode from 'vscode';
import { errors as errorCount, LANGUAGE_ID, warnings as warningCount, type Server } from './commands.js';
import { Requests, type DocumentInfo, type DocumentInfoParams } from '../../server/src/lsp/protocol.js';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('synthesis.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Counts each refresh, so an older answer never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly server: Server) {
    this.item.name = 'Synthesis Markdown';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('synthesis')) this.refresh();
      }),
    );
    this.refresh();
  }

  /** What the item shows now ('' when hidden). */
  text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  refresh(): void {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      this.visible = false;
      return;
    }
    void this.update(document, generation);
  }

  private async update(document: vscode.TextDocument, generation: number): Promise<void> {
    let info: DocumentInfo | undefined;
    try {
      await this.server.ready();
      const params: DocumentInfoParams = { uri: document.uri.toString() };
      info = await this.server.client.sendRequest<DocumentInfo>(Requests.documentInfo, params);
    } catch (error) {
      this.server.output.debug(`No document information for the status bar: ${String(error)}`);
    }
    if (generation !== this.generation) return;
    // The counts are those of the Problems panel, so the two always agree.
    const diagnostics = this.server.client.diagnostics?.get(document.uri) ?? [];
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;

    const template = info ? (info.templateTitle ?? vscode.l10n.t("unknown template '{0}'", info.templateId)) : vscode.l10n.t('Synthesis');
    const counts = errors === 0 && warnings === 0 ? '$(check)' : `$(error) ${errors} $(warning) ${warnings}`;
    this.item.text = `$(book) ${template} ${counts}`;
    // Without this, a screen reader reads the icon names and the tooltip's Markdown escapes.
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Synthesis Markdown: {0}, {1} and {2}', template, errorCount(errors), warningCount(warnings)),
      role: 'button',
    };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(info ? `${vscode.l10n.t('Template: {0} ({1})', info.templateTitle ?? vscode.l10n.t('not found'), info.templateId)}\n\n` : '');
    tooltip.appendText(vscode.l10n.t('{0} and {1} in this synthesis. Click to open the Problems panel.', errorCount(errors), warningCount(warnings)));
    this.item.tooltip = tooltip;
    this.item.backgroundColor = info && !info.templateTitle ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
