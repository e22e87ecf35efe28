/**
 * What the client does when the language server stops on its own: restart it and tell the user
 * once, in plain words; if it keeps stopping, stop restarting it, say so once, and offer to start it
 * again (docs/extension.md gives the numbers; the end-to-end suite reads them there).
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** At most this many restarts within the window; the next stop leaves the server stopped. */
export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

export class CrashHandler implements ErrorHandler {
  private recent: number[] = [];
  private told = false;
  /** How many times the server stopped on its own, and how many times the user was told. */
  crashes = 0;
  notices = 0;
  /** The server kept stopping and was left stopped (until the user restarts it). */
  gaveUp = false;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    /** Starts the server again, as the "Restart Language Server" command does. */
    private readonly restart: () => Promise<void>,
  ) {}

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
      this.gaveUp = true;
      this.output.error(`The language server stopped ${this.recent.length} times within ${WINDOW_MS / 60_000} minutes; it is not restarted again.`);
      this.notices++;
      const restart = vscode.l10n.t('Restart');
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('The Synthesis Markdown language server keeps stopping, so documents are no longer checked. Click Restart, or later run "Synthesis: Restart Language Server", to try again; the output panel has the details.'),
          restart,
        )
        .then((choice) => {
          if (choice === restart) void this.restart();
        });
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

  /** The user started the server again: earlier stops no longer count against it. */
  restarted(): void {
    this.recent = [];
    this.gaveUp = false;
  }
}
