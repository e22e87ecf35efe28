/**
 * The Synthesis Markdown extension: starts the language server (dist/server.js) over IPC and adds
 * what only an editor can do — the preview, export, the skeleton command, the status bar. Every
 * check, completion and hover comes from the server; this side stays thin.
 *
 * `activate()` returns the extension's API, so tests (and other extensions) can wait until the
 * server is ready and look at what the extension shows.
 */
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { exportHtml, insertSkeleton, LANGUAGE_ID, validateWorkspace, type Server } from './commands.js';
import { CoverageView } from './coverage.js';
import { CrashHandler } from './crash.js';
import { exportDocument } from './export.js';
import { importAsSynthesis, registerImportNotes } from './import.js';
import { PreviewManager } from './preview.js';
import { StatusBar } from './status.js';
import type { ValidateWorkspaceResult } from '../../server/src/lsp/protocol.js';

export interface SynthesisApi {
  /** The language client (the same object across restarts). */
  readonly client: LanguageClient;
  /** Settles when the language server has started (again, after a restart). */
  readonly ready: Promise<void>;
  /** Restarts the language server; settles when it runs again. */
  restart(): Promise<void>;
  /** Open previews: the URIs of their documents and the HTML each shows now (the server's fragment). */
  readonly previews: { uris(): string[]; html(uri: vscode.Uri | string): string | undefined; page(uri: vscode.Uri | string): string | undefined };
  /** What the status bar item says now ('' when hidden). */
  statusText(): string;
  /** The same as the commands, for tests. */
  validateWorkspace(): Promise<ValidateWorkspaceResult | undefined>;
  /** How often the server stopped on its own, how often the user was told so, and whether it was left stopped. */
  crashes(): { crashes: number; notices: number; gaveUp: boolean };
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): SynthesisApi {
  const output = vscode.window.createOutputChannel('Synthesis Markdown', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const crashes = new CrashHandler(output, () => restart());
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    errorHandler: crashes,
    synchronize: {
      configurationSection: 'synthesis',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.synth.md'),
        vscode.workspace.createFileSystemWatcher('**/.synthesis/templates/*.{yaml,yml}'),
      ],
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  // The id 'synthesis' makes the client read the 'synthesis.trace.server' setting.
  const languageClient = new LanguageClient('synthesis', 'Synthesis Markdown', serverOptions, clientOptions);
  client = languageClient;

  let ready = started(languageClient.start(), output);
  context.subscriptions.push(vscode.workspace.onDidSaveTextDocument((document) => tellSaved(languageClient, document)));
  const server: Server = { client: languageClient, ready: () => ready, output };

  const previews = new PreviewManager(context, server);
  const status = new StatusBar(server);
  context.subscriptions.push(previews, status);

  const restart = async (): Promise<void> => {
    crashes.restarted();
    // A server left stopped after repeated crashes is started; a running one is restarted.
    ready = started(languageClient.isRunning() ? languageClient.restart() : languageClient.start(), output);
    await ready;
    status.refresh();
    previews.refreshAll();
  };

  const command = (id: string, run: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };
  command('synthesis.showPreviewToSide', (uri?: vscode.Uri) => previews.showToSide(uri));
  command('synthesis.exportHtml', (uri?: vscode.Uri, target?: vscode.Uri) => exportHtml(server, previews, uri, target));
  command('synthesis.exportDocx', (uri?: vscode.Uri, target?: vscode.Uri) => exportDocument(server, previews, 'docx', uri, target));
  command('synthesis.exportPdf', (uri?: vscode.Uri, target?: vscode.Uri) => exportDocument(server, previews, 'pdf', uri, target));
  command('synthesis.importDocument', (uri?: vscode.Uri) => importAsSynthesis(server, uri));
  context.subscriptions.push(registerImportNotes());
  command('synthesis.validateWorkspace', () => validateWorkspace(server, true));
  command('synthesis.insertSkeleton', (templateId?: string) => insertSkeleton(server, templateId));
  const coverage = new CoverageView(server);
  context.subscriptions.push(coverage);
  command('synthesis.showCoverage', (uri?: vscode.Uri) => coverage.show(uri));
  command('synthesis.restartServer', async () => {
    await restart();
    vscode.window.setStatusBarMessage(vscode.l10n.t('Synthesis Markdown: the language server was restarted.'), 3000);
  });

  return {
    client: languageClient,
    get ready() {
      return ready;
    },
    restart,
    previews: { uris: () => previews.uris(), html: (uri) => previews.html(uri), page: (uri) => previews.page(uri) },
    statusText: () => status.text(),
    validateWorkspace: () => validateWorkspace(server, false),
    crashes: () => ({ crashes: crashes.crashes, notices: crashes.notices, gaveUp: crashes.gaveUp }),
  };
}

export async function deactivate(): Promise<void> {
  if (client?.needsStop()) await client.stop();
  client = undefined;
}

/**
 * A configuration, template or register file saved in the editor is told to the server at once,
 * besides VS Code's file watcher: that watcher (VS Code 1.100 on Linux) never sees a folder made
 * inside a folder it was not yet watching, as a clone or an unzip makes them, and then reports
 * nothing in it for the whole session, so the Problems panel kept what the old configuration said.
 * A file also reported by the watcher is just checked twice.
 */
function tellSaved(languageClient: LanguageClient, document: vscode.TextDocument): void {
  if (document.uri.scheme !== 'file' || !/\.(ya?ml|csv)$/i.test(document.uri.path) || !languageClient.isRunning()) return;
  const uri = languageClient.code2ProtocolConverter.asUri(document.uri);
  void languageClient.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] }).catch(() => undefined);
}

/** The start (or restart) promise, with a plain message for the user when it fails. */
function started(start: Promise<void>, output: vscode.LogOutputChannel): Promise<void> {
  start.catch((error: unknown) => {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Synthesis Markdown could not start its language server, so documents are not checked. The output panel has the details.'), vscode.l10n.t('Show Output'))
      .then((choice) => {
        if (choice) output.show();
      });
  });
  return start;
}
