// npm run test:electron: the same end-to-end suite in desktop VS Code, the standard
// @vscode/test-electron way, for machines that can download VS Code (it cannot run where only the
// npm registry is reachable; scripts/test-vscode.mjs is the route there).
// @vscode/test-electron, mocha and playwright-core come from the VS Code test host folder
// (test/vscode-host), so the extension's own package.json needs none of them. The page driver
// (page queries: what the workbench shows) connects to VS Code's window through its debugging port.
// On Linux without a display, run it under xvfb-run.
// VSCODE_VERSION=<x.y.z|stable|insiders> picks the VS Code (default: 1.100.3, the oldest the
// extension supports).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSuite, ensureHost, freePort, repoRoot, runNode } from '../test/vscode-host/host.mjs';
import { servePageQueries } from '../test/vscode-host/page-queries.mjs';

const paths = ensureHost();
if (runNode(['scripts/build.mjs']) !== 0) process.exit(1);
const work = mkdtempSync(join(tmpdir(), 'synthesis-electron-'));
const workspace = join(work, 'workspace');
const signals = join(work, 'signals');
const artifacts = join(repoRoot, '.test-artifacts', 'electron');
mkdirSync(signals, { recursive: true });
mkdirSync(artifacts, { recursive: true });
cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
const suiteFile = await bundleSuite(paths, work);
const load = createRequire(join(paths.modules, 'noop.js'));
const { runTests } = load('@vscode/test-electron');
const { chromium } = load('playwright-core');
const debugPort = await freePort();

// The page driver: connects once VS Code's window is up, and answers the suite's page queries.
let running = true;
const driver = (async () => {
  while (running) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
      for (const context of browser.contexts()) {
        const page = context.pages().find((p) => /workbench/.test(p.url()));
        if (page) return servePageQueries({ page, context, signals, artifacts, prefix: 'electron', imagesDir: join(repoRoot, 'docs', 'images'), log: console.log });
      }
      await browser.close();
    } catch {
      // VS Code is not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
})();

let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteFile,
    extensionTestsEnv: { SYNTHESIS_E2E_REPO: repoRoot, SYNTHESIS_E2E_SUITE: 'full', SYNTHESIS_E2E_SIGNALS: signals },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--remote-debugging-port=${debugPort}`],
  });
  code = 0;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(message)) {
    console.error(
      '\nDesktop VS Code could not be downloaded (' + message.split('\n')[0] + ').\n' +
        'This route needs internet access to update.code.visualstudio.com. Where only the npm registry is\n' +
        'reachable, run the same suite in code-server instead: node scripts/test-vscode.mjs (part of npm test).',
    );
  } else {
    console.error(`\nThe end-to-end suite failed in desktop VS Code: ${message}`);
  }
} finally {
  running = false;
  await (await driver)?.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
