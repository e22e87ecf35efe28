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

export async function run(): Promise<void> {
  const grep = process.env.SYNTHESIS_E2E_GREP;
  // Format the reporter's lines here: code-server forwards console output without applying '%s'.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'synthesis-e2e', mocha);

  // The test modules register their suites when they load, so they are loaded after 'pre-require'.
  // (esbuild turns these imports into in-bundle module initialisers.)
  await import('../smoke.e2e.js');
  if (process.env.SYNTHESIS_E2E_SUITE !== 'smoke') {
    await import('../editing.e2e.js');
    await import('../features.e2e.js');
    await import('../commands.e2e.js');
    await import('../word.e2e.js');
  }

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
