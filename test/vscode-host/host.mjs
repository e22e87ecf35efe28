// The machinery shared by scripts/test-vscode.mjs, scripts/start.mjs and scripts/test-electron.mjs:
// installing the VS Code host (code-server + playwright-core + mocha) into a cache folder outside
// the extension's own dependencies, bundling the end-to-end suite, starting code-server on
// 127.0.0.1 with throwaway folders, and building the workbench URL that loads an extension under
// development (and a test suite) through the `payload` query parameter.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const hostDir = new URL('.', import.meta.url).pathname.replace(/\/$/, '');
export const repoRoot = resolve(hostDir, '..', '..');

/** Where the host packages are installed: one folder per version of the lock file. */
export function cacheDir() {
  const lock = readFileSync(join(hostDir, 'package-lock.json'));
  const key = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const base = process.env.SYNTHESIS_VSCODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'synthesis-markdown', 'vscode-host');
  return join(base, key);
}

// code-server 4.100.3 bundles VS Code 1.100.3, whose @vscode/ripgrep 1.15.11 downloads ripgrep from
// GitHub in its postinstall. That cannot be reached here, so its download cache is seeded with
// Debian's rg (the package looks in <tmpdir>/vscode-ripgrep-cache-<its version>/ first).
const RIPGREP_PACKAGE = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function seedRipgrep(log) {
  const cache = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE}`);
  const asset = join(cache, RIPGREP_ASSET);
  if (existsSync(asset)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) {
    log('ripgrep (rg) is not installed; code-server may fail to install without internet (node scripts/system-packages.mjs installs it).');
    return;
  }
  const staging = mkdtempSync(join(tmpdir(), 'synthesis-rg-'));
  copyFileSync(rg, join(staging, 'rg'));
  mkdirSync(cache, { recursive: true });
  const r = spawnSync('tar', ['czf', asset, '-C', staging, 'rg'], { stdio: 'inherit' });
  rmSync(staging, { recursive: true, force: true });
  if (r.status !== 0) throw new Error('could not prepare the ripgrep cache for code-server');
}

/** Paths inside an installed host folder. */
export function hostPaths(dir = cacheDir()) {
  const modules = join(dir, 'node_modules');
  return {
    dir,
    modules,
    codeServer: join(modules, 'code-server', 'out', 'node', 'entry.js'),
    vscodeOut: join(modules, 'code-server', 'lib', 'vscode', 'out'),
    marker: join(dir, '.installed'),
  };
}

/**
 * Installs the host packages into the cache folder unless they are already there (then it returns
 * at once). Throws with a plain message when the install fails.
 */
export function ensureHost({ log = console.log, quiet = false } = {}) {
  const paths = hostPaths();
  if (existsSync(paths.marker) && existsSync(paths.codeServer) && existsSync(paths.vscodeOut)) return paths;
  const started = Date.now();
  log(`Installing the VS Code test host (code-server 4.100.3, playwright-core, mocha) into ${paths.dir} …`);
  rmSync(paths.dir, { recursive: true, force: true });
  mkdirSync(paths.dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(hostDir, f), join(paths.dir, f));
  seedRipgrep(log);
  const env = {
    ...process.env,
    // As root, npm otherwise runs code-server's postinstall as "nobody", which cannot write its folder.
    npm_config_unsafe_perm: 'true',
    // node-pty's install asks before running npx.
    npm_config_yes: 'true',
    // The test drives Debian's Chromium; playwright must not try to download its own browsers.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const r = spawnSync('npm', ['ci', '--foreground-scripts', '--no-audit', '--no-fund'], {
    cwd: paths.dir,
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0 || !existsSync(paths.codeServer) || !existsSync(paths.vscodeOut)) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}\n${r.stderr ?? ''}`.slice(-20000));
    throw new Error(
      'Installing code-server failed (see the npm output above). It needs the npm registry and the Debian packages ' +
        'that node scripts/system-packages.mjs installs (libkrb5-dev and ripgrep among them).',
    );
  }
  writeFileSync(paths.marker, `${new Date().toISOString()}\n`);
  log(`Installed the VS Code test host in ${Math.round((Date.now() - started) / 1000)} s.`);
  return paths;
}

/**
 * Bundles the end-to-end suite (test/vscode, with mocha from the host folder) into one CommonJS
 * file in `outDir` that the extension host can load as extensionTestsPath. A folder of its own, so
 * that a concurrent `npm test` (which empties out/) cannot remove it mid-run.
 */
export async function bundleSuite(paths, outDir) {
  const { build } = await import('esbuild');
  const outfile = join(outDir, 'suite.cjs');
  await build({
    entryPoints: [join(repoRoot, 'test', 'vscode', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    nodePaths: [paths.modules],
    logLevel: 'error',
    absWorkingDir: repoRoot,
  });
  return outfile;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with its own throwaway profile folders (or the ones given).
 * Returns {url, port, child, stop(), output()}; stop() kills the whole process group by id.
 */
export async function startCodeServer({ paths, folder, userDataDir, extensionsDir, port: wanted, extraArgs = [], log = () => {} }) {
  const port = wanted ?? (await freePort());
  const work = mkdtempSync(join(tmpdir(), 'synthesis-code-server-'));
  const config = join(work, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    paths.codeServer,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir ?? join(work, 'user-data'),
    '--extensions-dir', extensionsDir ?? join(work, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  let output = '';
  const child = spawn(process.execPath, args, {
    detached: true, // its own process group, so stop() reaches the extension host and the server too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: join(work, 'config'), XDG_DATA_HOME: join(work, 'data') },
  });
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    log(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`code-server stopped before it was ready:\n${output}`);
    }
    try {
      const res = await globalThis.fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, child, stop, output: () => output, work };
}

/** The workbench URL that opens `folder` and loads an extension (and tests) via the payload. */
export function workbenchUrl({ url, port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [`folder=${encodeURIComponent(folder)}`];
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${url}/?${query.join('&')}`;
}

/** Runs node with a script and returns its status (stdio inherited). */
export function runNode(args, options = {}) {
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  return r.status ?? 1;
}
