// npm start: build the extension, then open samples/ in a real VS Code with it loaded.
//   - desktop VS Code (`code` on PATH): code --extensionDevelopmentPath=<repo> samples
//   - otherwise: VS Code in the browser (code-server 4.100.3, installed into a cache folder on first
//     use), listening on 127.0.0.1 only; the URL to open is printed. Ctrl+C stops it.
// PORT=<n> picks the port of the browser VS Code (default: a free one).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, ensureHost, repoRoot, startCodeServer, workbenchUrl } from '../test/vscode-host/host.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const samples = join(repoRoot, 'samples');
const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim() !== '';
if (hasCode && process.env.SYNTHESIS_BROWSER !== '1') {
  console.log('Opening samples/ in VS Code with the extension loaded from this folder…');
  const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, samples], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // The browser VS Code builds native modules when it installs: their Debian packages first.
  if (!ensureSystemPackages('start')) process.exit(1);
  const paths = ensureHost();
  // The profile lives in the cache folder, so settings and open editors survive a restart.
  const profile = join(cacheDir(), 'start-profile');
  mkdirSync(profile, { recursive: true });
  const server = await startCodeServer({
    paths,
    userDataDir: join(profile, 'user-data'),
    extensionsDir: join(profile, 'extensions'),
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
  });
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', () => server.stop());
  server.child.on('exit', (code) => {
    console.log(`The browser VS Code stopped (exit ${code}).`);
    process.exit(code ?? 1);
  });
  const url = workbenchUrl({ url: server.url, port: server.port, folder: samples, extensionDevelopmentPath: repoRoot });
  console.log('\nVS Code (in the browser) is running with the Synthesis Markdown extension and the samples:\n');
  console.log(`  ${url}\n`);
  console.log('Open that address in a browser on this machine. Press Ctrl+C to stop.');
}
