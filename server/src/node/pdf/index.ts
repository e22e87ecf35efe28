/**
 * Printing the brief to PDF with a Chromium, Chrome or Edge that is already installed (found on
 * the PATH or named by the user), as marp-cli and md-to-pdf do: no browser is downloaded. The page
 * is written to a private temporary folder and printed headless, offline (every host name resolves
 * to nothing) and with a throwaway profile; the browser is stopped if it takes too long.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBytes, writeBytes } from '../fs/index.js';

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

/** Why no browser can print: data, put into words by each adapter (the CLI and the server say different things). */
export type BrowserProblem = { problem: 'no-browser' } | { problem: 'browser-not-found'; named: string };
export type BrowserLookup = { ok: true; path: string } | ({ ok: false } & BrowserProblem);

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
    return { ok: false, problem: 'browser-not-found', named: explicit };
  }
  for (const name of NAMES) {
    const path = onPath(name, env);
    if (path) return { ok: true, path };
  }
  const known = KNOWN_PATHS.find(executable);
  return known ? { ok: true, path: known } : { ok: false, problem: 'no-browser' };
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

/** Why printing failed, as data; `detail` is the browser's own last line, when it said one. */
export type PrintProblem =
  | { problem: 'timeout'; seconds: number }
  | { problem: 'not-started'; detail: string }
  | { problem: 'exited'; code: number | null; detail: string }
  | { problem: 'no-pdf'; detail: string };
export type PrintResult = { ok: true; bytes: Uint8Array } | ({ ok: false } & PrintProblem);

/** The largest PDF read back from the browser: far above any brief. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** Prints a complete HTML page to PDF with the browser at `browser`. Never throws. */
export async function printToPdf(html: string, browser: string, options: { timeoutMs?: number } = {}): Promise<PrintResult> {
  // A private folder of our own (mode 0700): the page, the PDF and the browser's throwaway profile.
  const dir = await mkdtemp(join(tmpdir(), 'synthesis-pdf-'));
  try {
    const page = join(dir, 'brief.html');
    const pdf = join(dir, 'brief.pdf');
    const written = await writeBytes(page, new TextEncoder().encode(html), { exclusive: true });
    if (!written.ok) return { ok: false, problem: 'not-started', detail: `the page could not be written to ${dir} (${written.failure})` };
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
    if (!outcome.ok) return outcome;
    const read = await readBytes(pdf, { within: dir, maxBytes: MAX_PDF_BYTES });
    if (!read.ok) return { ok: false, problem: 'no-pdf', detail: outcome.stderr };
    const { bytes } = read;
    if (bytes.length < 5 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') return { ok: false, problem: 'no-pdf', detail: outcome.stderr };
    return { ok: true, bytes };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

type RunOutcome = { ok: true; stderr: string } | ({ ok: false } & PrintProblem);

function run(command: string, args: string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    const finish = (value: RunOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      stop(child.pid);
      finish({ ok: false, problem: 'timeout', seconds: Math.round(timeoutMs / 1000) });
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => finish({ ok: false, problem: 'not-started', detail: error.message }));
    child.on('close', (code) => {
      // Chromium may leave helper processes behind in its group: end them with it.
      stop(child.pid);
      const last = stderr.trim().split('\n').filter((l) => !/^\[\d+:\d+:/.test(l)).pop() ?? '';
      if (code === 0) finish({ ok: true, stderr: last });
      else finish({ ok: false, problem: 'exited', code, detail: last });
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
