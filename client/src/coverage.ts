/**
 * "Synthesis: Show Evidence Coverage": the evidence gap map of the workspace (or of one synthesis)
 * in a webview — which evaluations each SDG target section cites, the target sections resting on
 * fewer than `synthesis.coverage.minimum` evaluations highlighted. The server computes the map
 * (`synthesis/coverage`); the page is static HTML with no script.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { LANGUAGE_ID, type Server } from './commands.js';
import { Requests, type CoverageParams, type CoverageResult } from '../../server/src/lsp/protocol.js';
import { coverageHtml, type CoverageLabels } from './coverage-html.js';

export class CoverageView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The HTML shown now, for tests. */
  html = '';

  constructor(private readonly server: Server) {}

  /**
   * Shows the map of `uri`, or — asking when a synthesis is open — of the active synthesis or the
   * whole workspace. Returns what the server answered, or undefined if cancelled or failed.
   */
  async show(uri?: vscode.Uri | 'workspace'): Promise<CoverageResult | undefined> {
    let scope = uri;
    const active = vscode.window.activeTextEditor?.document;
    if (scope === undefined && active?.languageId === LANGUAGE_ID) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Whole workspace'), description: vscode.l10n.t('every synthesis in the workspace'), scope: 'workspace' as const },
          { label: vscode.l10n.t('This synthesis'), description: vscode.workspace.asRelativePath(active.uri), scope: active.uri },
        ],
        { title: vscode.l10n.t('Show evidence coverage'), placeHolder: vscode.l10n.t('Which syntheses should the map cover?') },
      );
      if (!picked) return undefined;
      scope = picked.scope;
    }
    // The minimum is the server's to choose: the project's configuration, else the user's setting.
    const params: CoverageParams = scope instanceof vscode.Uri ? { uri: scope.toString() } : {};
    let result: CoverageResult;
    try {
      result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Mapping the evidence…') }, async () => {
        await this.server.ready();
        return this.server.client.sendRequest<CoverageResult>(Requests.coverage, params);
      });
    } catch (error) {
      this.server.output.error(`Evidence coverage failed: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The evidence coverage could not be worked out. The output panel has the details.'));
      return undefined;
    }
    this.render(result, scope instanceof vscode.Uri ? scope : undefined);
    return result;
  }

  private render(result: CoverageResult, document: vscode.Uri | undefined): void {
    const title = document
      ? vscode.l10n.t('Evidence coverage: {0}', document.path.slice(document.path.lastIndexOf('/') + 1))
      : vscode.l10n.t('Evidence coverage');
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('synthesis.coverage', title, vscode.ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.title = title;
      this.panel.reveal();
    }
    this.html = coverageHtml(result, {
      nonce: randomBytes(16).toString('base64'),
      fileName: (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)),
      labels: labels(),
      lang: vscode.env.language,
    });
    this.panel.webview.html = this.html;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function labels(): CoverageLabels {
  return {
    title: vscode.l10n.t('Evidence coverage'),
    summary: (targets, files) =>
      vscode.l10n.t(
        '{0} in {1}.',
        targets === 1 ? vscode.l10n.t('1 target section') : vscode.l10n.t('{0} target sections', targets),
        files === 1 ? vscode.l10n.t('1 synthesis') : vscode.l10n.t('{0} syntheses', files),
      ),
    weakSummary: (weak, minimum) => {
      const evaluations = minimum === 1 ? vscode.l10n.t('1 evaluation') : vscode.l10n.t('{0} evaluations', minimum);
      if (weak === 0) return vscode.l10n.t('Every target rests on at least {0}.', evaluations);
      return weak === 1 ? vscode.l10n.t('1 target rests on fewer than {0} (marked ⚠).', evaluations) : vscode.l10n.t('{0} targets rest on fewer than {1} (marked ⚠).', weak, evaluations);
    },
    target: vscode.l10n.t('Target'),
    evaluations: vscode.l10n.t('Evaluations'),
    weak: vscode.l10n.t('fewer evaluations than the minimum'),
    empty: vscode.l10n.t('No target sections (headings such as “### SDG 16.1 …”) were found, so there is nothing to map.'),
    evaluationList: vscode.l10n.t('Evaluations'),
    notInTargets: vscode.l10n.t('not cited in any target section'),
    notRegistered: vscode.l10n.t('not in the evidence register'),
    files: vscode.l10n.t('Syntheses'),
  };
}
