/**
 * The shapes of contract 2 (PLAN.md): what reading, writing and listing a file answer. They are the
 * same shapes as the language service's host (`core/service/host.ts`), so a Node host can hand
 * these results to the service as they are.
 */

/** Why a file or folder could not be read. */
export type FileFailure = 'not-found' | 'not-a-file' | 'outside-project' | 'too-large' | 'permission' | 'not-text' | 'io';

/** Enough to tell whether a file changed since it was read: its size, its modification time and a hash of its bytes. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** How a text file is encoded on disk, so that it is written back the same way. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type ReadResult = { ok: true; text: string; stamp: FileStamp; encoding: TextEncodingName } | { ok: false; failure: FileFailure; detail?: string };

/** Why a file could not be written. In every case the file on disk is as it was before. */
export type WriteFailure = 'changed' | 'outside-project' | 'no-space' | 'too-large' | 'permission' | 'io';

export type WriteResult = { ok: true; stamp: FileStamp } | { ok: false; failure: WriteFailure; detail?: string };

export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder';
}

export type ListResult = { ok: true; entries: FolderEntry[] } | { ok: false; failure: FileFailure; detail?: string };
