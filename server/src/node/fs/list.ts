/**
 * Listing folders without losing sight of what could not be listed: `listFolder` answers with a
 * failure instead of an empty list, and `listTree` walks a tree and returns the sub-folders it
 * could not read beside the files it found, so that a caller can say so instead of skipping them.
 *
 * A link to a folder is not followed (a walk could loop); a link to a file is listed as a file (the
 * reader then checks where it leads). Special files (FIFOs, sockets, devices) are listed as files
 * too, so that the reader refuses them with a reason instead of their being skipped in silence.
 */
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { Message } from '../../core/index.js';
import { blocking, pooled, type Calls } from './calls.js';
import { detail } from './detail.js';
import { errorCode, isInside, joinPath, realFolder, resolvePath } from './paths.js';
import { failed } from './read.js';
import type { FileFailure, FolderEntry, ListResult } from './types.js';

export interface ListOptions {
  /** A folder the listed folder's real path must stay inside. */
  within?: string;
  /** The real path of `within`, when the caller has resolved it already (as `ReadOptions.realWithin`). */
  realWithin?: string;
  /** Each system call on the calling thread (as `ReadOptions.blocking`). */
  blocking?: boolean;
}

/** The system calls a listing makes. */
type Listing = Pick<Calls<unknown>, 'realpath' | 'readdir' | 'stat'>;

export async function listFolder(path: string, options: ListOptions = {}): Promise<ListResult> {
  const calls: Listing = options.blocking ? blocking : pooled;
  const absolute = resolvePath(path);
  const within = options.within === undefined ? undefined : resolvePath(options.within);
  if (within !== undefined && !isInside(within, absolute)) return { ok: false, failure: 'outside-project' };
  let dirents;
  try {
    // Nothing there is the common answer (a project's optional folders): told without an error made.
    if ((await calls.stat(absolute)) === undefined) return { ok: false, failure: 'not-found' };
    if (within !== undefined && !isInside(options.realWithin ?? (await realFolder(within, calls.realpath)), await calls.realpath(absolute))) {
      return { ok: false, failure: 'outside-project', detail: detail('file.detail.folder-link-outside') };
    }
    dirents = await calls.readdir(absolute);
  } catch (error) {
    // A file where a folder was expected is not "not found".
    if (errorCode(error) === 'ENOTDIR' && (await statOrNothing(calls, absolute))) return { ok: false, failure: 'not-a-file', detail: detail('file.detail.file-not-folder') };
    return failed(error);
  }
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    if (dirent.isDirectory()) entries.push({ name: dirent.name, kind: 'folder' });
    else if (dirent.isSymbolicLink()) {
      const target = await statOrNothing(calls, joinPath(absolute, dirent.name));
      // A broken link is listed, so that reading it is reported; a link to a folder is not followed.
      if (!target?.isDirectory()) entries.push({ name: dirent.name, kind: 'file' });
    } else entries.push({ name: dirent.name, kind: 'file' });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ok: true, entries };
}

async function statOrNothing(calls: Listing, path: string): Promise<Stats | undefined> {
  try {
    return await calls.stat(path);
  } catch {
    return undefined;
  }
}

export interface TreeOptions {
  within?: string;
  /** Files whose name this accepts are returned. */
  accept: (name: string) => boolean;
  /** Sub-folders whose name this accepts are not entered. */
  skipFolder?: (name: string) => boolean;
  /** At most this many files; `truncated` says when more were left. */
  limit?: number;
}

export interface Tree {
  /** Absolute paths, depth first, in name order within a folder. */
  files: string[];
  /** Folders that could not be listed (the root included), with why. */
  unreadable: Array<{ path: string; failure: FileFailure; detail?: Message }>;
  truncated: boolean;
}

export async function listTree(root: string, options: TreeOptions): Promise<Tree> {
  const tree: Tree = { files: [], unreadable: [], truncated: false };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const visit = async (folder: string): Promise<void> => {
    const listed = await listFolder(folder, options.within === undefined ? {} : { within: options.within });
    if (!listed.ok) {
      tree.unreadable.push({ path: folder, failure: listed.failure, ...(listed.detail ? { detail: listed.detail } : {}) });
      return;
    }
    for (const entry of listed.entries) {
      if (tree.truncated) return;
      const path = joinPath(folder, entry.name);
      if (entry.kind === 'folder') {
        if (!options.skipFolder?.(entry.name)) await visit(path);
      } else if (options.accept(entry.name)) {
        if (tree.files.length >= limit) {
          tree.truncated = true;
          return;
        }
        tree.files.push(path);
      }
    }
  };
  await visit(resolve(root));
  return tree;
}
