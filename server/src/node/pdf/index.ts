/**
 * Printing the brief to PDF with a Chromium, Chrome or Edge that is already installed (found on
 * the PATH or named by the user), as marp-cli and md-to-pdf do: no browser is downloaded. The page
 * is written to a private temporary folder and printed headless, offline (every host name resolves
 * to nothing) and with a throwaway profile; the browser is stopped if it takes too long.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Names to look for on the PATH, most likely first. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'microsoft-edge-stable', 'msedge'];

/** Where the browsers install themselves when they are not on the PATH (macOS, Windows). */
const KNOWN_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The variables that may name the browser, in order. */
export const BROWSER_VARIABLES = ['SYNTHESIS_BROWSER', 'CHROME_PATH'] as const;

export const NO_BROWSER_MESSAGE =
  'no Chromium, Chrome or Edge was found to print the PDF. Install one (on Debian or Ubuntu: sudo apt-get install chromium; on macOS or Windows: Google Chrome or Microsoft Edge), or name its program with --browser PATH or the SYNTHESIS_BROWSER environment variable (in VS Code: the setting synthesis.pdf.browser).';

export type BrowserLookup = { ok: true; path: string } | { ok: false; message: string };

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to print with: the one named (an option or a setting, then the environment), else
 * the first found on the PATH or in the usual install folders.
 */
export function findBrowser(named: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): BrowserLookup {
  const explicit = named?.trim() || BROWSER_VARIABLES.map((v) => env[v]?.trim()).find(Boolean);
  if (explicit) {
    const path = isAbsolute(explicit) || /[\\/]/.test(explicit) ? explicit : onPath(explicit, env);
    if (path && executable(path)) return { ok: true, path };
    return { ok: false, message: `the browser '${explicit}' was not found or cannot be run; name the Chromium, Chrome or Edge program itself, for example /usr/bin/chromium` };
  }
  for (const name of NAMES) {
    const path = onPath(name, env);
    if (path) return { ok: true, path };
  }
  const known = KNOWN_PATHS.find(executable);
  return known ? { ok: true, path: known } : { ok: false, message: NO_BROWSER_MESSAGE };
}

function onPath(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}

export interface PrintResult {
  ok: boolean;
  bytes?: Uint8Array;
  message?: string;
}

/** Prints a complete HTML page to PDF with the browser at `browser`. Never throws. */
export async function printToPdf(html: string, browser: string, options: { timeoutMs?: number } = {}): Promise<PrintResult> {
  const dir = await mkdtemp(join(tmpdir(), 'synthesis-pdf-'));
  try {
    const page = join(dir, 'brief.html');
    const pdf = join(dir, 'brief.pdf');
    await writeFile(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-sync',
      '--mute-audio',
      // Offline: the brief is self-contained, and printing it must not contact anything.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      '--print-to-pdf-no-header',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    // Chromium's sandbox refuses to start as root (containers, CI); the page has no script anyway.
    if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
    const outcome = await run(browser, args, options.timeoutMs ?? 90_000);
    if (!outcome.ok) return { ok: false, message: outcome.message };
    try {
      const bytes = new Uint8Array(await readFile(pdf));
      if (bytes.length < 5 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') return { ok: false, message: `the browser wrote no PDF (${outcome.stderr || 'no message'})` };
      return { ok: true, bytes };
    } catch {
      return { ok: false, message: `the browser wrote no PDF${outcome.stderr ? `: ${outcome.stderr}` : ''}` };
    }
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ ok: true; stderr: string } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    const finish = (value: { ok: true; stderr: string } | { ok: false; message: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      stop(child.pid);
      finish({ ok: false, message: `the browser did not finish printing within ${Math.round(timeoutMs / 1000)} seconds` });
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => finish({ ok: false, message: `the browser could not be started: ${error.message}` }));
    child.on('close', (code) => {
      // Chromium may leave helper processes behind in its group: end them with it.
      stop(child.pid);
      const last = stderr.trim().split('\n').filter((l) => !/^\[\d+:\d+:/.test(l)).pop() ?? '';
      if (code === 0) finish({ ok: true, stderr: last });
      else finish({ ok: false, message: `the browser stopped with code ${code}${last ? `: ${last}` : ''}` });
    });
  });
}

function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
