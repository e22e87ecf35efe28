/**
 * The entry VS Code loads as `extensionTestsPath` (bundled by scripts/test-vscode.mjs into
 * out-e2e/suite.cjs with Mocha inside): `run()` runs the end-to-end tests in the extension host
 * and settles when they are done, rejecting when any failed — the contract @vscode/test-electron
 * and code-server's test hooks both expect.
 *
 * SYNTHESIS_E2E_SUITE=smoke runs only the smoke part (used against the installed .vsix);
 * SYNTHESIS_E2E_GREP runs the tests whose full title matches.
 */
import { format } from 'node:util';
import Mocha from './mocha.cjs';

/**
 * Every file of the suite, in the order they run. A new `test/vscode/*.e2e.ts` file is added here
 * (scripts/test-vscode.mjs stops when one is missing). esbuild turns these imports into in-bundle
 * module initialisers.
 */
const SMOKE = [() => import('../smoke.e2e.js')];
const FULL = [
  () => import('../editing.e2e.js'),
  () => import('../features.e2e.js'),
  () => import('../commands.e2e.js'),
  () => import('../preview.e2e.js'),
  () => import('../widgets.e2e.js'),
  () => import('../coverage.e2e.js'),
  () => import('../settings.e2e.js'),
  () => import('../word.e2e.js'),
  // Last: it kills the language server.
  () => import('../crash.e2e.js'),
];

export async function run(): Promise<void> {
  const grep = process.env.SYNTHESIS_E2E_GREP;
  // Format the reporter's lines here: code-server forwards console output without applying '%s'.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'synthesis-e2e', mocha);

  // The test modules register their suites when they load, so they are loaded after 'pre-require'.
  for (const load of process.env.SYNTHESIS_E2E_SUITE === 'smoke' ? SMOKE : [...SMOKE, ...FULL]) await load();

  console.log('[synthesis-e2e] start');
  let passed = 0;
  let failed = 0;
  const failures = await new Promise<number>((resolve) => {
    mocha
      .run(resolve)
      .on('pass', () => (passed += 1))
      .on('fail', () => (failed += 1));
  });
  // The runner reads this line for its own closing count.
  console.log(`[synthesis-e2e] ${passed} passed, ${failed} failed`);
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed.`);
}
