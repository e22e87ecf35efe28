// The Debian packages the tests need — the one list. `npm test` (and `npm start`, for what it needs)
// installs the missing ones itself when it can: as root, or with sudo that asks no password, it
// says what it installs and runs `apt-get update` then `apt-get install`, as
// `playwright install --with-deps` does. Otherwise it stops at once with the one command to run.
//
//   node scripts/system-packages.mjs           install what is missing (or print the command)
//   node scripts/system-packages.mjs --check   only say what is missing (exit 1 if anything is)
//   node scripts/system-packages.mjs --list    print the packages, one a line
import { spawnSync } from 'node:child_process';

/** Each package, and what needs it. */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', for: 'test', why: 'the VS Code suite drives VS Code in headless Chromium' },
  { name: 'ripgrep', for: 'start', why: "code-server's install, which cannot download ripgrep" },
  { name: 'libkrb5-dev', for: 'start', why: "code-server's native modules" },
  { name: 'libreoffice-writer-nogui', for: 'test', why: 'Word files are checked by opening them in LibreOffice' },
  { name: 'poppler-utils', for: 'test', why: 'PDF files are read back with poppler' },
  { name: 'fonts-liberation2', for: 'test', why: 'PDF and Word output are measured with known fonts' },
  { name: 'neovim', for: 'test', why: "the language server is tested in Neovim's own client" },
];

/** The packages for `purpose`: 'start' (npm start) or 'test' (npm test, which also needs start's). */
export function packagesFor(purpose) {
  return SYSTEM_PACKAGES.filter((p) => purpose === 'test' || p.for === purpose).map((p) => p.name);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...options });
}

/** Whether dpkg says the package is installed. */
function installed(name) {
  const r = run('dpkg-query', ['-W', '-f=${Status}', name]);
  return r.status === 0 && /\binstall ok installed\b/.test(r.stdout);
}

/** The missing packages, or undefined when this is not a Debian-like system (no dpkg). */
export function missingPackages(purpose = 'test') {
  if (run('sh', ['-c', 'command -v dpkg-query && command -v apt-get']).status !== 0) return undefined;
  return packagesFor(purpose).filter((name) => !installed(name));
}

/** How this process may install: 'root', 'sudo' (no password asked), or undefined. */
function installer() {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return 'root';
  if (run('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return 'sudo';
  return undefined;
}

/**
 * Makes sure the packages for `purpose` are installed. Returns true when they are (now), false when
 * they are not and could not be (a message with the command to run was printed).
 */
export function ensureSystemPackages(purpose = 'test', { log = console.log } = {}) {
  const missing = missingPackages(purpose);
  if (missing === undefined) {
    // Not Debian or Ubuntu: nothing to install with; say what is expected and go on.
    log(`(Not a Debian-like system: make sure the equivalents of these are installed: ${packagesFor(purpose).join(' ')}.)`);
    return true;
  }
  if (missing.length === 0) return true;
  const how = installer();
  const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!how) {
    log(`\nThese Debian packages are needed and not installed: ${missing.join(', ')}.`);
    for (const p of SYSTEM_PACKAGES.filter((x) => missing.includes(x.name))) log(`  ${p.name}: ${p.why}`);
    log(`Install them with:\n\n  ${command}\n\nthen run the command again.`);
    return false;
  }
  log(`Installing the Debian packages the tests need: ${missing.join(' ')} (apt-get, as ${how === 'root' ? 'root' : 'sudo'})…`);
  const prefix = how === 'sudo' ? ['sudo', '-n'] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env });
  };
  // A fresh machine has no package lists yet; a stale one may name versions that are gone.
  const update = apt(['update', '-qq']);
  const install = update.status === 0 ? apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]) : update;
  const still = missingPackages(purpose) ?? [];
  if (install.status !== 0 || still.length > 0) {
    log(`\nInstalling ${still.join(' ') || missing.join(' ')} failed (see apt-get's output above). The command was:\n\n  ${command}\n`);
    return false;
  }
  log(`Installed ${missing.join(' ')}.`);
  return true;
}

// As a command.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const purpose = args.includes('--start') ? 'start' : 'test';
  if (args.includes('--list')) {
    console.log(packagesFor(purpose).join('\n'));
  } else if (args.includes('--check')) {
    const missing = missingPackages(purpose);
    if (missing === undefined) console.log('Not a Debian-like system; nothing checked.');
    else if (missing.length === 0) console.log('Every package is installed.');
    else console.log(`Missing: ${missing.join(' ')}`);
    process.exit(missing && missing.length > 0 ? 1 : 0);
  } else {
    process.exit(ensureSystemPackages(purpose) ? 0 : 1);
  }
}
