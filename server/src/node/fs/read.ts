/**
 * Reading a text file the one safe way (contract 2 of the plan): the CLI, the language server and
 * the service's Node host all read through `readTextFile`.
 *
 * - With `within`, the path must lead inside that folder, as written and by its real path: the real
 *   path of the file opened, asked of the open file itself (so that nothing swapped between a check
 *   and the open can lead out), before a byte is read. A refusal of a path that leads out says
 *   only that, nothing about what is outside.
 * - Only regular files: a folder, a FIFO, a socket or a device is refused after a `stat`, before
 *   any open; the open itself is non-blocking, and the opened file is checked again, so a file
 *   swapped for a FIFO in between cannot hang the reader.
 * - At most `maxBytes` are read, however large the file says it is or grows while it is read.
 * - UTF-8 (with or without a byte-order mark) and UTF-16 with its mark are decoded; anything else is
 *   refused as `not-text`, never decoded with replacement characters.
 */
// hash(): one call, without looking the algorithm up anew as each createHash() does (a thousand files, a thousand hashes).
import { hash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import type { Message } from '../../core/index.js';
import { blocking, pooled, type Calls } from './calls.js';
import { detail } from './detail.js';
import { decodeText } from './encoding.js';
import { errorCode, errorText, isInside, realFolder, resolvePath } from './paths.js';
import type { FileFailure, FileStamp, ReadResult } from './types.js';

export interface ReadOptions {
  /** A folder the file's real path must stay inside: for paths a document, the project configuration or a workspace setting names. Omitted only for paths the user gave. */
  within?: string;
  /** Files larger than this are refused as `too-large`. */
  maxBytes: number;
  /**
   * The real path of `within`, when the caller has resolved it already: a run that reads a thousand
   * files found in one folder resolves that folder once (`realFolder`), not once per file.
   */
  realWithin?: string;
  /**
   * Make each system call on the calling thread, blocking it meanwhile, instead of on Node's thread
   * pool: for a command-line run that reads many small files and has nothing else to do until it
   * has them (in the page cache, a trip through the pool and back costs more than the call).
   */
  blocking?: boolean;
}

/**
 * Open flags: never block on a FIFO or a device, never take a terminal. A link is followed: where
 * the opened file really is gets checked on the file itself.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export async function readTextFile(path: string, options: ReadOptions): Promise<ReadResult> {
  const read = await readBytes(path, options);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { ok: false, failure: 'not-text', detail: decoded.detail };
  return { ok: true, text: decoded.text, encoding: decoded.encoding, stamp: read.stamp };
}

/** A read that failed: the kind of failure and, where there is more to say, why. */
type Failed = { ok: false; failure: FileFailure; detail?: Message };

export type BytesResult = { ok: true; bytes: Buffer; stamp: FileStamp } | Failed;

/** The bytes of a regular file, with the same checks as `readTextFile` except the decoding. */
export function readBytes(path: string, options: ReadOptions): Promise<BytesResult> {
  return options.blocking ? readWith(blocking, path, options) : readWith(pooled, path, options);
}

/** `readBytes` with the system calls given: the thread pool's, the blocking ones, or (in tests) ones that change the disk between two calls. */
export async function readWith<Handle>(calls: Calls<Handle>, path: string, options: ReadOptions): Promise<BytesResult> {
  const absolute = resolvePath(path);
  const within = options.within === undefined ? undefined : resolvePath(options.within);
  if (within !== undefined && !isInside(within, absolute)) return { ok: false, failure: 'outside-project' };
  const bound = within === undefined ? undefined : { within, real: options.realWithin };
  // Refuse special files before opening them: opening some devices has effects of its own.
  try {
    const info = await calls.stat(absolute);
    if (info === undefined) return { ok: false, failure: 'not-found' };
    if (!info.isFile()) return await unlessOutside(calls, absolute, bound, { ok: false, failure: 'not-a-file', detail: kindOf(info) });
  } catch (error) {
    return await unlessOutside(calls, absolute, bound, failed(error));
  }

  let handle: Handle | undefined;
  try {
    handle = await calls.open(absolute, OPEN_FLAGS);
    const info = await calls.fstat(handle);
    // Where the opened file really is, asked of the file itself: a link, or a folder on the way
    // swapped for one since the stat, cannot lead out of the project unseen.
    if (bound !== undefined) {
      const opened = await openedPath(calls, handle, absolute, info);
      // Where it is cannot be told: it is not taken to be inside.
      if (opened === undefined || !isInside(await realFolderOf(calls, bound), opened)) return linkOutside();
    }
    // Checked again on what was opened: the path may have been swapped since the stat.
    if (!info.isFile()) return { ok: false, failure: 'not-a-file', detail: kindOf(info) };
    if (info.size > options.maxBytes) return tooLarge(info.size, options.maxBytes);
    const bytes = await readAtMost(calls, handle, options.maxBytes + 1, info.size);
    if (bytes.length > options.maxBytes) return tooLarge(bytes.length, options.maxBytes);
    return { ok: true, bytes, stamp: { size: bytes.length, mtimeMs: info.mtimeMs, hash: hashBytes(bytes) } };
  } catch (error) {
    return await unlessOutside(calls, absolute, bound, failed(error));
  } finally {
    if (handle !== undefined) {
      try {
        await calls.close(handle);
      } catch {
        // Nothing was written: a failed close loses nothing.
      }
    }
  }
}

function linkOutside(): Failed {
  return { ok: false, failure: 'outside-project', detail: detail('file.detail.link-outside') };
}

/** The folder that bounds a read, and its real path once known. */
interface Bound {
  within: string;
  real: string | undefined;
}

async function realFolderOf(calls: Calls<unknown>, bound: Bound): Promise<string> {
  bound.real ??= await realFolder(bound.within, calls.realpath);
  return bound.real;
}

/**
 * A failure to tell, unless the path leads out of the project: then that is the answer, and nothing
 * is told about a file outside (whether it exists, its kind, its permissions).
 */
async function unlessOutside(calls: Calls<unknown>, absolute: string, bound: Bound | undefined, failure: Failed): Promise<Failed> {
  // Nothing to tell about a file that is not there, wherever its path leads (as before a realpath fails with it).
  if (bound === undefined || failure.failure === 'not-found') return failure;
  let real: string;
  try {
    real = await calls.realpath(absolute);
  } catch {
    // Nothing to resolve (a missing file, a loop): the path as written is inside.
    return failure;
  }
  return isInside(await realFolderOf(calls, bound), real) ? failure : linkOutside();
}

/**
 * The real path of an opened file: the system's own answer for the handle where it gives one
 * (Linux), else the path resolved again and accepted only if it names the very file opened.
 * Undefined when neither can be had.
 */
async function openedPath<Handle>(calls: Calls<Handle>, handle: Handle, absolute: string, opened: Stats): Promise<string | undefined> {
  const own = await calls.pathOf(handle);
  if (own !== undefined) return own;
  try {
    const real = await calls.realpath(absolute);
    const info = await calls.stat(real);
    return info?.dev === opened.dev && info.ino === opened.ino ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Reads until the end of the file or `limit` bytes, whichever comes first (a file may grow, and /proc files say they are empty). */
async function readAtMost<Handle>(calls: Calls<Handle>, handle: Handle, limit: number, sizeHint: number): Promise<Buffer> {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(limit, sizeHint + 1)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const bytesRead = await calls.read(handle, buffer, length, buffer.length - length);
    if (bytesRead === 0) break;
    length += bytesRead;
    // Short of the room asked for, with all the size the file had: that was its end (a file that says
    // it is empty, as /proc's do, is read until a read brings nothing).
    if (length < buffer.length && sizeHint > 0 && length >= sizeHint) break;
  }
  return buffer.subarray(0, length);
}

export function hashBytes(bytes: Uint8Array): string {
  return hash('sha256', bytes);
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): Message {
  if (info.isDirectory()) return detail('file.detail.folder');
  if (info.isFIFO()) return detail('file.detail.fifo');
  if (info.isSocket()) return detail('file.detail.socket');
  if (info.isCharacterDevice() || info.isBlockDevice()) return detail('file.detail.device');
  return detail('file.detail.special');
}

/**
 * A size in megabytes (1 MB = 1,048,576 bytes, as file managers count), as a number written in the
 * user's style: whole from 10 MB, else with one decimal unless it is whole.
 */
function megabytes(bytes: number): { value: number; arg: { number: number; decimals: number } } {
  const mb = bytes / (1024 * 1024);
  const value = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  return { value, arg: { number: value, decimals: Number.isInteger(value) ? 0 : 1 } };
}

function tooLarge(size: number, max: number): { ok: false; failure: 'too-large'; detail: Message } {
  const shown = megabytes(size);
  const limit = megabytes(max);
  // A file just over the limit would read "it is 10 MB; the limit is 10 MB".
  const reason = shown.value === limit.value ? detail('file.detail.over-limit', { limit: limit.arg }) : detail('file.detail.size', { size: shown.arg, limit: limit.arg });
  return { ok: false, failure: 'too-large', detail: reason };
}

/** A failed system call as a failure kind and its reason. */
export function failed(error: unknown): Failed {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, failure: 'not-found' };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, failure: 'permission' };
    case 'EISDIR':
      return { ok: false, failure: 'not-a-file', detail: detail('file.detail.folder') };
    case 'ENXIO':
    case 'ENODEV':
      return { ok: false, failure: 'not-a-file', detail: detail('file.detail.device-or-socket') };
    case 'ELOOP':
      return { ok: false, failure: 'io', detail: detail('file.detail.link-loop') };
    case 'ENAMETOOLONG':
      return { ok: false, failure: 'not-found', detail: detail('file.detail.path-too-long') };
    default:
      // The system's own words are all there is to say.
      return { ok: false, failure: 'io', detail: detail('file.detail.system', { text: errorText(error) }) };
  }
}
