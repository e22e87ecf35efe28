/**
 * Shared by the security tests: throwaway folders, and running a piece of code in a child process
 * — under a file-size limit, or as an ordinary user. Tests run as root, and root reads any folder
 * and writes any file whatever its permissions, so what root ignores is tried as `nobody` (through
 * `setpriv`); run by an ordinary user, the child simply runs as that user.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** The compiled fs module, as a URL a child process can import. */
export const FS_MODULE = pathToFileURL(join(repoRoot, 'out', 'server', 'src', 'node', 'fs', 'index.js')).href;

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
