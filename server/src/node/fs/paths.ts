/**
 * Where a path really leads, and whether that is inside a folder. A path that a document, the
 * project configuration or a workspace setting names must lead inside the project: checked first
 * as written (so `../../etc/passwd` is refused without touching the file system) and then by its
 * real path (so a symbolic link inside the project cannot lead out of it).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Whether `path` is `folder` itself or below it (both absolute, in the same form). */
export function isInside(folder: string, path: string): boolean {
  if (plainPaths(folder, path)) return path === folder || path.startsWith(folder === '/' ? '/' : `${folder}/`);
  const rel = relative(folder, path);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * `relative(folder, path)`, quicker where it can be: where both are plain absolute POSIX paths
 * (what resolve() and the system give) and the path is below the folder, the rest of its characters
 * (relative() would resolve both again, for each file of a run).
 */
export function relativePath(folder: string, path: string): string {
  if (plainPaths(folder, path)) {
    if (path === folder) return '';
    const start = folder === '/' ? 1 : folder.length + 1;
    if (path.startsWith(folder === '/' ? '/' : `${folder}/`)) return path.slice(start);
  }
  return relative(folder, path);
}

/** `resolve(path)`, without its work for a path that is plain and absolute already (as the system and a listing give them). */
export function resolvePath(path: string): string {
  return sep === '/' && isPlain(path) ? path : resolve(path);
}

/** `join(...parts)`, quicker for a plain absolute folder and one name in it (a listing's entries). */
export function joinPath(...parts: string[]): string {
  if (parts.length === 2 && sep === '/') {
    const [folder, name] = parts as [string, string];
    if (isPlain(folder) && name !== '' && name !== '.' && name !== '..' && !name.includes('/')) return folder === '/' ? `/${name}` : `${folder}/${name}`;
  }
  return join(...parts);
}

function plainPaths(a: string, b: string): boolean {
  return sep === '/' && isPlain(a) && isPlain(b);
}

/** An absolute POSIX path with no `.` or `..` step, no empty step and no slash at the end (the root aside). */
function isPlain(path: string): boolean {
  if (path.charCodeAt(0) !== SLASH || (path.length > 1 && path.charCodeAt(path.length - 1) === SLASH) || path.includes('//')) return false;
  // A step of `.` or `..`: a slash, one or two dots, then a slash or the end.
  for (let i = path.indexOf('/.'); i !== -1; i = path.indexOf('/.', i + 2)) {
    const dots = path.charCodeAt(i + 2) === DOT ? 2 : 1;
    if (i + 1 + dots === path.length || path.charCodeAt(i + 1 + dots) === SLASH) return false;
  }
  return true;
}

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * The real path of a folder that bounds reads and writes; the folder as written when it cannot be
 * resolved. `resolveReal`: how (the thread pool's realpath, or a blocking one).
 */
export async function realFolder(folder: string, resolveReal: (path: string) => Promise<string> | string = realpath): Promise<string> {
  try {
    return await resolveReal(resolve(folder));
  } catch {
    return resolve(folder);
  }
}

/** A Node error's code, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The first line of an error's message, without the path Node puts in it (it may be absolute). */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? '';
  // "ENOSPC: no space left on device, write" → "no space left on device"
  const m = /^[A-Z0-9]+: ([^,]+)/.exec(first);
  return m ? m[1]! : first;
}
