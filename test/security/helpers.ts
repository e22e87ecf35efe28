/**
 * Shared by the security tests: throwaway folders, and running a piece of code in a child process
 * — under a file-size limit, or as an ordinary user. Tests run as root, and root reads any folder
 * and writes any file whatever its permissions, so what root ignores is tried as `nobody` (through
 * `setpriv`); run by an ordinary user, the child simply runs as that user.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after } from 'node:test';
import { repoRoot } from '../helpers.js';

const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A new empty folder that every user may enter (so that a child run as `nobody` can work in it). */
export function tempDir(prefix = 'synthesis-security-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  temps.push(dir);
  return dir;
}

/**
 * The built code a child run as `nobody` loads, copied to a folder every user may read: the clone
 * itself may sit in a folder only its owner can enter (`mktemp -d` makes one), which `nobody`
 * cannot reach. The fs module imports only Node's own modules, and the bundles in dist/ are whole.
 */
function readableCopy(from: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthesis-build-'));
  temps.push(dir);
  const to = join(dir, name);
  mkdirSync(to);
  cpSync(from, to, { recursive: true, filter: (source) => !source.endsWith('.map') });
  const open = (path: string): void => {
    const directory = statSync(path).isDirectory();
    chmodSync(path, directory ? 0o755 : 0o644);
    if (directory) for (const entry of readdirSync(path)) open(join(path, entry));
  };
  open(dir);
  return to;
}

/** The compiled fs module, as a URL a child process (run as `nobody` too) can import. */
export const FS_MODULE = pathToFileURL(join(readableCopy(join(repoRoot, 'out', 'server', 'src', 'node', 'fs'), 'fs'), 'index.js')).href;

let dist: string | undefined;
/** dist/ (synthlint and the language server), where a child run as `nobody` can read it. */
export function readableDist(): string {
  dist ??= readableCopy(join(repoRoot, 'dist'), 'dist');
  return dist;
}

export const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;

export interface ChildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The JSON the script printed last, if any. */
  result: unknown;
}

/**
 * Runs an ES module's source in a new Node process. `asNobody`: as user and group 65534 when the
 * tests run as root. `fileSizeLimitBlocks`: the shell's `ulimit -f` (blocks of 1,024 bytes), which
 * sets RLIMIT_FSIZE for the child. The script prints its result as JSON on its last line.
 */
export function runChild(source: string, options: { asNobody?: boolean; fileSizeLimitBlocks?: number; timeoutMs?: number; cwd?: string } = {}): ChildRun {
  const dir = tempDir('synthesis-child-');
  const script = join(dir, 'child.mjs');
  writeFileSync(script, source);
  chmodSync(script, 0o644);
  let command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`;
  if (options.fileSizeLimitBlocks !== undefined) command = `ulimit -f ${options.fileSizeLimitBlocks} && ${command}`;
  const argv = options.asNobody && isRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'bash', '-c', command] : ['bash', '-c', command];
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: options.timeoutMs ?? 20_000, cwd: options.cwd ?? dir });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  let result: unknown;
  try {
    result = JSON.parse(last);
  } catch {
    result = undefined;
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, result };
}
