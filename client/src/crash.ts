/**
 * What the client does when the language server stops on its own: restart it and tell the user
 * once, in plain words; if it keeps stopping, stop restarting and say how to start it again.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** More stops than this within the window, and the server is left stopped. */
const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export class CrashHandler implements ErrorHandler {
  private recent: number[] = [];
  private told = false;
  /** How many times the server stopped on its own, and how many times the user was told. */
  crashes = 0;
  notices = 0;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few garbled messages are survivable; a stream of them means the connection is broken.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    this.crashes++;
    const now = Date.now();
    this.recent = this.recent.filter((t) => now - t < WINDOW_MS);
    this.recent.push(now);
    if (this.recent.length > MAX_RESTARTS) {
      this.output.error(`The language server stopped ${this.recent.length} times in a few minutes; it is not restarted again.`);
      this.notices++;
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The Synthesis Markdown language server keeps stopping, so documents are no longer checked. Run "Synthesis: Restart Language Server" to try again; the output panel has the details.'),
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.warn('The language server stopped unexpectedly; restarting it.');
    if (!this.told) {
      this.told = true;
      this.notices++;
      void vscode.window.showInformationMessage(vscode.l10n.t('The Synthesis Markdown language server stopped unexpectedly and was restarted. Nothing in your documents was lost.'));
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
