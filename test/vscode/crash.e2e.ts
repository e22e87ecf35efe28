/**
 * A language server that keeps crashing: restarted the documented number of times, then left
 * stopped with one clear message whose Restart button brings it back. The suite kills the server's
 * process itself. Last in the suite: it leaves a freshly restarted server behind.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, newSynthesis, repoRoot, ruleOf, suite, test, waitFor, waitForDiagnostics } from './harness.js';
import { page } from './page.js';
import { clearNotifications, toasts, toastsNow } from './workbench.js';

/** "restarts it up to N times in M minutes", as docs/extension.md tells users. */
function documentedLimit(): { restarts: number; minutes: number } {
  const docs = readFileSync(join(repoRoot(), 'docs', 'extension.md'), 'utf8');
  const found = /restarts it up to (\d+) times in (\d+) minutes/.exec(docs);
  if (!found) throw new Error("docs/extension.md no longer says how often the server is restarted ('restarts it up to N times in M minutes')");
  return { restarts: Number(found[1]), minutes: Number(found[2]) };
}

suite('A server that keeps crashing', () => {
  test('is restarted the documented number of times, then left stopped with one message whose Restart button brings it back', async () => {
    const synthesis = await api();
    const { restarts } = documentedLimit();
    // Earlier stops (another test kills the server too) no longer count once the user restarts it.
    await vscode.commands.executeCommand('synthesis.restartServer');
    await synthesis.ready;
    await clearNotifications();
    const pidOf = async (): Promise<number | undefined> => {
      if (!synthesis.client.isRunning()) return undefined;
      return (await synthesis.client.sendRequest<{ pid: number } | null>('synthesis/serverInfo').catch(() => null))?.pid;
    };
    const before = synthesis.crashes().crashes;
    for (let round = 1; round <= restarts + 1; round++) {
      const pid = await waitFor(pidOf, synthesis.client.onDidChangeState, `the server's process id (round ${round})`);
      process.kill(pid, 'SIGKILL');
      if (round <= restarts) {
        // Restarted: a new process answers.
        await waitFor(async () => {
          const now = await pidOf();
          return now !== undefined && now !== pid ? now : undefined;
        }, synthesis.client.onDidChangeState, `a new server after kill ${round} of ${restarts + 1}`);
        assert.equal(synthesis.crashes().gaveUp, false, `still restarted after ${round} stops`);
      }
    }
    // The last stop: left stopped.
    await waitFor(() => synthesis.crashes().gaveUp && !synthesis.client.isRunning(), synthesis.client.onDidChangeState, 'the client to give up');
    assert.equal(synthesis.crashes().crashes, before + restarts + 1, 'every stop was counted');

    // One clear message, with a way back.
    const shown = await toasts('keeps stopping', 'the message that the server keeps stopping');
    assert.equal(shown.length, 1, 'one message, not one per stop');
    assert.equal(shown[0]!.severity, 'error');
    assert.match(shown[0]!.message, /documents are no longer checked/);
    assert.deepEqual(shown[0]!.buttons, ['Restart']);
    // Nothing else comes back by itself.
    const editor = await newSynthesis('---\ntitle: After giving up\ncountry: Peru\n---\n\nProgress on SDG 16.12 was slow.\n', 'gave-up');
    assert.equal(synthesis.client.isRunning(), false, 'the server stays stopped');
    assert.equal((await toastsNow('keeps stopping')).length, 1, 'still one message');

    await page.click('.notifications-toasts .notification-list-item:has-text("keeps stopping") .monaco-button:has-text("Restart")');
    await waitFor(() => synthesis.client.isRunning(), synthesis.client.onDidChangeState, 'the server to run again after Restart');
    assert.equal(synthesis.crashes().gaveUp, false);
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => ruleOf(d) === 'unknown-target'), 'diagnostics from the restarted server');
  });
});
