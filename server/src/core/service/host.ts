/**
 * What the language service needs from the world, and nothing more: reading a text file, listing a
 * folder, and path arithmetic. The core does no I/O; the host (Node in `server/src/node/host.ts`,
 * memory in `memory-host.ts` for tests) does every read.
 */
import type { Message } from '../i18n/message.js';

/** Why a file or folder could not be read, in terms a message can put into words. */
export type FileFailure = 'not-found' | 'not-a-file' | 'outside-project' | 'too-large' | 'permission' | 'not-text' | 'io';

/** Enough to tell whether a file changed since it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** How a text file is encoded on disk, so that it can be written back the same way. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** A failure's `detail` is what the host found out (which line is not UTF-8, the size against the limit), as a message. */
export type ReadResult = { ok: true; text: string; stamp: FileStamp; encoding: TextEncodingName } | { ok: false; failure: FileFailure; detail?: Message };

export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder';
}

export type ListResult = { ok: true; entries: FolderEntry[] } | { ok: false; failure: FileFailure; detail?: Message };

export interface HostPaths {
  join(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string): string;
  resolve(...parts: string[]): string;
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
}

export interface ServiceHost {
  /**
   * `within`: a folder the file's real path must stay inside (for paths a document, a project's
   * configuration or a workspace setting names); omitted only for paths the user gave (command-line
   * arguments, file dialogs).
   */
  readText(path: string, options: { within?: string; maxBytes: number }): Promise<ReadResult>;
  /**
   * The entries of a folder. A link to a folder is not listed (walking it could loop); a link to a
   * file is listed as a file.
   */
  listFolder(path: string, options?: { within?: string }): Promise<ListResult>;
  readonly paths: HostPaths;
}

/** Whether `path` is `folder` or inside it, in the host's path arithmetic. */
export function isInside(paths: HostPaths, folder: string, path: string): boolean {
  const rel = paths.relative(folder, path);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith('../') && !rel.startsWith('..\\') && !paths.isAbsolute(rel);
}
