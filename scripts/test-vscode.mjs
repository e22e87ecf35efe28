// The end-to-end suite in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, driven through
// Debian's Chromium with playwright-core), in two runs:
//   1. the extension under development (the repository, loaded through the workbench URL's payload)
//      with the whole suite in test/vscode;
//   2. the packaged .vsix, installed into a fresh extensions folder, with the smoke part only — so a
//      file missing from the package fails here.
// Prints mocha's output, keeps screenshots and logs in .test-artifacts/vscode/, ends with
// "N passed, N failed" and exits non-zero when anything failed.
//
// Environment:
//   SYNTHESIS_E2E_GREP=text     run only the tests whose title contains text
//   SYNTHESIS_E2E_SKIP_VSIX=1   skip the .vsix run
//   SYNTHESIS_E2E_BREAK=name    test a deliberately broken copy of the extension (see
//                               test/vscode-host/breaks.mjs: server, badge-colours, sanitizer, …),
//                               to show that the tests fail when what a user sees is broken
//   SYNTHESIS_E2E_UPDATE_IMAGES=1  also rewrite the README images (docs/images/*.png)
//   SYNTHESIS_VSCODE_CACHE=dir  where the VS Code test host is installed (default ~/.cache/…)
//   SYNTHESIS_E2E_LOG=trace     VS Code's log level (--log): its file watcher, the protocol trace
//   SYNTHESIS_E2E_TRACE=verbose synthesis.trace.server (default messages, logged at 'trace')
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSuite, ensureHost, repoRoot, startCodeServer, workbenchUrl } from '../test/vscode-host/host.mjs';
import { buildBroken } from '../test/vscode-host/breaks.mjs';
import { servePageQueries } from '../test/vscode-host/page-queries.mjs';

const STAGE_TIMEOUT = { development: 5 * 60_000, vsix: 3 * 60_000 };
const artifacts = join(repoRoot, '.test-artifacts', 'vscode');
const began = Date.now();
const cleanups = [];
let passed = 0;
let failed = 0;

function cleanup() {
  while (cleanups.length > 0) {
    try {
      cleanups.pop()();
    } catch {
      // keep cleaning
    }
  }
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

function seconds() {
  return `${Math.round((Date.now() - began) / 1000)} s`;
}
function step(message) {
  console.log(`\n[vscode-e2e ${seconds()}] ${message}`);
}
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}
function tmp(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The .vsix, built in production mode the way `npm run package` builds it. */
function packageVsix(dir) {
  const vsix = join(dir, 'synthesis-markdown.vsix');
  run(process.execPath, ['scripts/build.mjs', '--production']);
  run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return vsix;
}

/**
 * Keeps the extension's own log (the "Synthesis Markdown" output channel: the client, the server's
 * messages and the protocol trace) as `<stage>-server.log`, and VS Code's whole log folder as
 * `<stage>-logs/`, before the throwaway profile folder is removed.
 */
function keepLogs(userData, name) {
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return;
  cpSync(logs, join(artifacts, `${name}-logs`), { recursive: true });
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'Synthesis Markdown.log' || entry.name.endsWith('-Synthesis Markdown.log')) found.push(path);
    }
  };
  walk(logs);
  if (found.length > 0) writeFileSync(join(artifacts, `${name}-server.log`), found.map((f) => readFileSync(f, 'utf8')).join('\n'));
}

/** One run of the suite in code-server + Chromium. Resolves with {passed, failed, exitCode}. */
async function runStage({ name, paths, suiteFile, extensionDevelopmentPath, extensionsDir, suitePart }) {
  const workspace = tmp(`synthesis-e2e-${name}-ws-`);
  cpSync(join(repoRoot, 'samples'), workspace, { recursive: true });
  const signals = tmp(`synthesis-e2e-${name}-signals-`);
  const userData = tmp(`synthesis-e2e-${name}-user-`);
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'files.autoSave': 'off',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'chat.disableAIFeatures': true,
        'chat.commandCenter.enabled': false,
        'git.enabled': false,
        'window.zoomLevel': 0,
        // The protocol's traffic in the server's log (kept below): which notifications came, in
        // which order; SYNTHESIS_E2E_TRACE=verbose adds their contents.
        'synthesis.trace.server': process.env.SYNTHESIS_E2E_TRACE ?? 'messages',
      },
      null,
      2,
    ),
  );
  const serverLog = join(artifacts, `${name}-code-server.log`);
  writeFileSync(serverLog, '');

  const env = {
    SYNTHESIS_E2E_REPO: repoRoot,
    SYNTHESIS_E2E_SIGNALS: signals,
    SYNTHESIS_E2E_SUITE: suitePart,
    ...(process.env.SYNTHESIS_E2E_GREP ? { SYNTHESIS_E2E_GREP: process.env.SYNTHESIS_E2E_GREP } : {}),
  };
  Object.assign(process.env, env); // code-server passes its environment on to the extension host
  const server = await startCodeServer({
    paths,
    userDataDir: userData,
    extensionsDir,
    // VS Code's log level (its file watcher, the extension host; the client's protocol trace is
    // logged at 'trace'): SYNTHESIS_E2E_LOG=trace, when a run needs explaining.
    ...(process.env.SYNTHESIS_E2E_LOG ? { extraArgs: ['--log', process.env.SYNTHESIS_E2E_LOG] } : {}),
    log: (text) => appendFileSync(serverLog, text),
  });
  cleanups.push(server.stop);

  const { chromium } = createRequire(join(paths.modules, 'noop.js'))('playwright-core');
  const browserData = tmp(`synthesis-e2e-${name}-chromium-`);
  const context = await chromium.launchPersistentContext(browserData, {
    executablePath: process.env.SYNTHESIS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => void context.close().catch(() => {}));
  const page = context.pages()[0] ?? (await context.newPage());
  const pageLog = join(artifacts, `${name}-browser.log`);
  writeFileSync(pageLog, '');
  page.on('console', (m) => appendFileSync(pageLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(pageLog, `[pageerror] ${e.message}\n`));

  let stagePassed;
  let stageFailed;
  const exit = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  // The workbench forwards its log and the extension host's console here; mocha's lines are shown
  // from the suite's start marker on, everything goes to the log file.
  let suiteStarted = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    appendFileSync(pageLog, `[workbench ${type}] ${text}\n`);
    if (text.includes('[synthesis-e2e] start')) {
      suiteStarted = true;
      return;
    }
    const summary = /\[synthesis-e2e\] (\d+) passed, (\d+) failed/.exec(text);
    if (summary) {
      stagePassed = Number(summary[1]);
      stageFailed = Number(summary[2]);
      return;
    }
    if (!suiteStarted || /ENOTFOUND open-vsx\.org|telemetry/i.test(text)) return;
    for (const line of text.replace(/\n$/, '').split('\n')) console.log(`  ${line}`);
  });

  // Page queries: the suite asks about what the page shows (webviews, widgets) and for screenshots.
  const driver = servePageQueries({
    page,
    context,
    signals,
    artifacts,
    prefix: name,
    imagesDir: join(repoRoot, 'docs', 'images'),
    log: (line) => console.log(line),
  });

  const url = workbenchUrl({
    url: server.url,
    port: server.port,
    folder: workspace,
    extensionDevelopmentPath,
    extensionTestsPath: suiteFile,
  });
  await page.goto(url);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STAGE_TIMEOUT[name]);
  });
  const outcome = await Promise.race([exit, timeout]);
  clearTimeout(timer);
  await driver.stop();
  try {
    await page.screenshot({ path: join(artifacts, `${name}-final.png`) });
  } catch {
    // the page may be gone
  }
  await context.close().catch(() => {});
  server.stop();
  keepLogs(userData, name);

  if (outcome === 'timeout') {
    console.log(`\n  The ${name} run did not finish within ${STAGE_TIMEOUT[name] / 60_000} minutes. Logs: ${pageLog}, ${serverLog}`);
    return { passed: stagePassed ?? 0, failed: Math.max(stageFailed ?? 0, 1) };
  }
  if (stagePassed === undefined) {
    // The suite never reported: it could not be loaded or crashed before mocha ran.
    console.log(`\n  The ${name} run ended (exit ${outcome}) without running the suite. Logs: ${pageLog}, ${serverLog}`);
    return { passed: 0, failed: 1 };
  }
  if (outcome !== 0 && stageFailed === 0) return { passed: stagePassed, failed: 1 };
  return { passed: stagePassed, failed: stageFailed };
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  step('VS Code test host (code-server 4.100.3)');
  const paths = ensureHost();

  const skipVsix = process.env.SYNTHESIS_E2E_SKIP_VSIX === '1' || process.env.SYNTHESIS_E2E_BREAK !== undefined;
  let vsix;
  if (!skipVsix) {
    step('Packaging the extension (.vsix, production build)');
    vsix = packageVsix(tmp('synthesis-e2e-vsix-'));
  }
  // Every test file must be listed in the suite's index, or it would silently never run.
  const index = readFileSync(join(repoRoot, 'test', 'vscode', 'suite', 'index.ts'), 'utf8');
  const unlisted = readdirSync(join(repoRoot, 'test', 'vscode')).filter((f) => f.endsWith('.e2e.ts') && !index.includes(`'../${f.replace(/\.ts$/, '.js')}'`));
  if (unlisted.length > 0) throw new Error(`${unlisted.join(', ')} not listed in test/vscode/suite/index.ts (SMOKE or FULL), so it would never run`);

  step('Building the extension and the suite');
  run(process.execPath, ['scripts/build.mjs']);
  const suiteFile = await bundleSuite(paths, tmp('synthesis-e2e-suite-'));

  let extensionDevelopmentPath = repoRoot;
  const breakName = process.env.SYNTHESIS_E2E_BREAK;
  if (breakName) {
    // A deliberately broken copy of the extension (test/vscode-host/breaks.mjs).
    extensionDevelopmentPath = tmp(`synthesis-e2e-broken-${breakName}-`);
    const brk = buildBroken(breakName, repoRoot, extensionDevelopmentPath);
    console.log(`  SYNTHESIS_E2E_BREAK=${breakName}: testing a copy in which ${brk.what}${brk.fails ? `; expected to fail: tests matching '${brk.fails}'` : ''}`);
  }

  step('Run 1: the extension under development, whole suite');
  const dev = await runStage({ name: 'development', paths, suiteFile, extensionDevelopmentPath, suitePart: 'full' });
  passed += dev.passed;
  failed += dev.failed;

  if (vsix) {
    step('Run 2: the packaged .vsix installed into VS Code, smoke suite');
    const extensionsDir = tmp('synthesis-e2e-extensions-');
    const install = spawnSync(process.execPath, [paths.codeServer, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: tmp('synthesis-e2e-config-') },
    });
    if (install.status !== 0 || !readdirSync(extensionsDir).some((d) => d.startsWith('synthesis-markdown.synthesis-markdown-'))) {
      console.log(`  Installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
      failed += 1;
    } else {
      // The workbench runs extensionTestsPath only in extension-development mode, so an empty
      // extension (no code, no contributions) is "developed"; the one under test is the installed one.
      const empty = tmp('synthesis-e2e-empty-extension-');
      writeFileSync(
        join(empty, 'package.json'),
        JSON.stringify({ name: 'e2e-host', publisher: 'synthesis-e2e', version: '0.0.0', engines: { vscode: '^1.100.0' } }),
      );
      const installed = await runStage({ name: 'vsix', paths, suiteFile, extensionsDir, extensionDevelopmentPath: empty, suitePart: 'smoke' });
      passed += installed.passed;
      failed += installed.failed;
    }
  }
}

try {
  await main();
} catch (error) {
  console.error(`\n[vscode-e2e] ${error instanceof Error ? error.message : String(error)}`);
  failed += 1;
} finally {
  cleanup();
}
console.log(`\nVS Code end-to-end suite: ${seconds()}, screenshots and logs in ${artifacts}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
