/**
 * Where a path really leads, and whether that is inside a folder. A path that a document, the
 * project configuration or a workspace setting names must lead inside the project: checked first
 * as written (so `../../etc/passwd` is refused without touching the file system) and then by its
 * real path (so a symbolic link inside the project cannot lead out of it).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `folder` itself or below it (both absolute, in the same form). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

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
