/**
 * "Synthesis: Open Preview to the Side": a webview showing the HTML the language server renders from
 * the same parse as the diagnostics. It updates as the document changes and, when
 * `synthesis.preview.scrollSync` is on, follows the editor's scroll position.
 *
 * Security: the page has a strict Content-Security-Policy — no inline styles, no scripts except our
 * own media/preview.js with a fresh nonce, no image or style from the web — so nothing in a document
 * can run code or fetch anything, even though the server's HTML is already sanitized. Pictures are
 * shown from the document's workspace folder only (preview-images.ts).
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, render, type Server } from './commands.js';
import { localImages } from './preview-images.js';

/** Wait this long after the last change before rendering again. */
const RENDER_DELAY_MS = 250;

/** Messages to the page (media/preview.js). */
type ToPage = { type: 'update'; html: string } | { type: 'scroll'; line: number };
/** Messages from the page. */
interface FromPage {
  type: 'reveal';
  line: number;
}

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, Preview>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: Server,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.panels.get(e.document.uri.toString())?.scheduleRender()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        // Problems are marked in the preview; in on-save mode they change without a text change.
        for (const uri of e.uris) this.panels.get(uri.toString())?.scheduleRender();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('synthesis')) this.refreshAll();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.panels.get(e.textEditor.document.uri.toString())?.followEditor(e.textEditor)),
    );
  }

  /** Opens (or reveals) the preview of `uri`, or of the active synthesis. */
  async showToSide(uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || (!uri && document.languageId !== LANGUAGE_ID)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a synthesis (a .synth.md file) to preview it.'));
      return undefined;
    }
    const key = document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing.panel;
    }
    const preview = new Preview(this.context, this.server, document, () => this.panels.delete(key));
    this.panels.set(key, preview);
    await preview.renderNow();
    return preview.panel;
  }

  uris(): string[] {
    return [...this.panels.keys()];
  }

  html(uri: vscode.Uri | string): string | undefined {
    return this.panels.get(uri.toString())?.fragment;
  }

  /** The whole page the webview shows now, policy included. */
  page(uri: vscode.Uri | string): string | undefined {
    return this.panels.get(uri.toString())?.panel.webview.html;
  }

  /** The document of the preview the user is looking at, if any. */
  activeDocumentUri(): vscode.Uri | undefined {
    for (const preview of this.panels.values()) if (preview.panel.active) return preview.document.uri;
    return undefined;
  }

  refreshAll(): void {
    for (const preview of this.panels.values()) preview.scheduleRender();
  }

  dispose(): void {
    for (const preview of [...this.panels.values()]) preview.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

class Preview {
  readonly panel: vscode.WebviewPanel;
  /** The body HTML shown now, as the server rendered it. */
  fragment: string | undefined;
  private title = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The fragment inside the page last written to `webview.html` (what a reloaded webview shows). */
  private pageFragment: string | undefined;
  /** The page has loaded and accepts messages; until then, updates rewrite the whole page. */
  private pageLoaded = false;
  private lastLine = 0;
  private renderCount = 0;
  /** Closed by the user: a render still waiting for the server must not touch the panel (it throws). */
  private disposed = false;
  /** The workspace folder whose files the preview may show as pictures. */
  private readonly folder: vscode.Uri | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: Server,
    readonly document: vscode.TextDocument,
    onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    // The document's own pictures: files of its workspace folder, nothing outside it.
    this.folder = document.uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(document.uri)?.uri : undefined;
    this.panel = vscode.window.createWebviewPanel('synthesis.preview', vscode.l10n.t('Preview {0}', basename(document.uri)), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: this.folder ? [media, this.folder] : [media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor) this.lastLine = editor.visibleRanges[0]?.start.line ?? 0;

    const subscriptions = [
      this.panel.webview.onDidReceiveMessage((message: FromPage | { type: 'loaded' }) => this.onMessage(message)),
      this.panel.onDidChangeViewState(() => {
        // A hidden webview is unloaded; shown again, it reloads the page last written to it, which
        // lacks the updates sent as messages since.
        if (!this.panel.visible) this.pageLoaded = false;
        else if (this.fragment !== this.pageFragment) this.setPage();
      }),
    ];
    this.panel.onDidDispose(() => {
      this.disposed = true;
      if (this.timer) clearTimeout(this.timer);
      for (const s of subscriptions) s.dispose();
      onDispose();
    });
  }

  scheduleRender(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renderNow(), RENDER_DELAY_MS);
  }

  async renderNow(): Promise<void> {
    this.timer = undefined;
    const count = ++this.renderCount;
    let fragment: string;
    try {
      const result = await render(this.server, this.document, false);
      fragment = this.folder && !this.disposed ? await this.withLocalImages(result.html, this.folder) : result.html;
      this.title = result.title;
    } catch (error) {
      this.server.output.error(`The preview could not be rendered: ${String(error)}`);
      fragment = '<p class="synthesis-preview-error">The preview could not be shown. The output panel (Synthesis Markdown) has the details.</p>';
    }
    // The preview was closed while the server rendered (the panel throws "Webview is disposed"
    // now), or a newer render started while this one waited and its answer wins.
    if (this.disposed || count !== this.renderCount) return;
    this.fragment = fragment;
    if (!this.panel.visible) {
      // Written when the panel shows again.
    } else if (this.pageLoaded) {
      this.post({ type: 'update', html: fragment });
    } else {
      this.setPage();
    }
  }

  private withLocalImages(fragment: string, folder: vscode.Uri): Promise<string> {
    return localImages(fragment, {
      documentPath: this.document.uri.fsPath,
      folder: folder.fsPath,
      toUri: (path) => this.panel.webview.asWebviewUri(vscode.Uri.file(path)).toString(),
      refused: (alt, address) => vscode.l10n.t('Image outside the workspace folder not shown: {0}', alt ? `${alt} (${address})` : address),
    });
  }

  followEditor(editor: vscode.TextEditor): void {
    if (this.disposed) return;
    this.lastLine = editor.visibleRanges[0]?.start.line ?? 0;
    if (scrollSync() && this.pageLoaded) this.post({ type: 'scroll', line: this.lastLine });
  }

  private onMessage(message: FromPage | { type: 'loaded' }): void {
    if (message.type === 'loaded') {
      this.pageLoaded = true;
    } else if (message.type === 'reveal' && Number.isInteger(message.line)) {
      // Double-click in the preview: show that line in the editor.
      const line = Math.max(0, Math.min(message.line, this.document.lineCount - 1));
      const position = new vscode.Position(line, 0);
      void vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    }
  }

  private post(message: ToPage): void {
    void this.panel.webview.postMessage(message);
  }

  /** Writes the whole page (first time, or after the panel was hidden). */
  private setPage(): void {
    this.pageFragment = this.fragment;
    this.pageLoaded = false;
    this.panel.title = vscode.l10n.t('Preview {0}', basename(this.document.uri));
    this.panel.webview.html = page(this.panel.webview, this.context.extensionUri, this.fragment ?? '', this.title, scrollSync() ? this.lastLine : -1);
  }
}

function scrollSync(): boolean {
  return vscode.workspace.getConfiguration('synthesis').get<boolean>('preview.scrollSync', true);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The preview page around the server's HTML fragment. */
export function page(webview: vscode.Webview, extensionUri: vscode.Uri, fragment: string, title: string, initialLine: number): string {
  const nonce = makeNonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.js'));
  // Nothing from the web: the server puts a line of text where a document has a remote image, and
  // this policy blocks whatever else would reach out. Images only from the extension or inline.
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css.toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body class="synthesis-preview" data-initial-line="${initialLine}">
<main id="synthesis-content">${fragment}</main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
