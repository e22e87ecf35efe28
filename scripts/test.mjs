// The test command (npm test): install the Debian packages the tests need if any is missing
// (scripts/system-packages.mjs), type-check and compile, lint, bundle, run every test file under
// out/test with Node's test runner, then the end-to-end suite in a real VS Code.
// `npm test -- <filter>` runs only files whose path contains the filter (and skips lint and the
// VS Code suite), for a quick loop while working.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureSystemPackages } from './system-packages.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

if (!ensureSystemPackages('test')) process.exit(1);
rmSync(join(root, 'out'), { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.json']);
if (filters.length === 0) run('npx', ['eslint', '--max-warnings', '0', '.']);
run('node', ['scripts/build.mjs']);
const tests = files(join(root, 'out', 'test'))
  .map((p) => relative(root, p))
  .filter((p) => !p.includes('vscode-host') && (filters.length === 0 || filters.some((f) => p.includes(f))))
  .sort();
if (tests.length === 0) {
  console.error('No test file matched.');
  process.exit(1);
}
run('node', ['--test', '--test-reporter=spec', ...tests]);
// The end-to-end suite in a real VS Code (code-server + headless Chromium): the whole run only.
if (filters.length === 0) run('node', ['scripts/test-vscode.mjs']);
