/**
 * Writing a file the one safe way (contract 2 of the plan): `synthlint --fix`, `render`, `coverage`,
 * `codebook` and the language server write text through `writeTextFile`; the Word, PDF and HTML
 * exports and the importer write through `writeBytes`, which keeps the same promises.
 *
 * The new text goes to a temporary file in the same folder, which is flushed to disk and then
 * renamed over the original: a write that fails half-way (a full disk, a file-size limit, a crash)
 * leaves the original as it was, and readers never see a half-written file. The original's mode
 * (and, when run as root, its owner) is kept. A symbolic link is written through to its target
 * only when the target is inside `within`; the link itself stays a link. With `expected`, nothing
 * is written if the file changed since it was read (someone edited it meanwhile).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, lstat, open, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Message } from '../../core/index.js';
import { detail } from './detail.js';
import { encodeText } from './encoding.js';
import { errorCode, errorText, isInside, realFolder } from './paths.js';
import { hashBytes, readBytes } from './read.js';
import type { FileStamp, TextEncodingName, WriteFailure, WriteResult } from './types.js';

export interface WriteOptions {
  /** A folder the written file's real path must stay inside. Omitted only for paths the user gave. */
  within?: string;
  /** The stamp of the file as it was read: the write is refused (`changed`) if the file differs now. */
  expected?: FileStamp;
  /** The encoding the file had when it was read (`utf-8` for a new file). */
  encoding: TextEncodingName;
}

export interface WriteBytesOptions {
  /** A folder the written file's real path must stay inside. Omitted only for paths the user gave. */
  within?: string;
  /** The stamp of the file as it was read: the write is refused (`changed`) if the file differs now. */
  expected?: FileStamp;
  /** Only a new file: refused as `exists` if something is at the path, even if it appeared while writing. */
  exclusive?: boolean;
  /** Readable and writable by its owner only, whatever the file it replaces allowed (a key). */
  private?: boolean;
}

type Failed = { ok: false; failure: WriteFailure; detail?: Message };

export async function writeTextFile(path: string, text: string, options: WriteOptions): Promise<WriteResult> {
  const encoded = encodeText(text, options.encoding);
  if (!encoded.ok) return { ok: false, failure: 'io', detail: encoded.detail };
  return writeBytes(path, encoded.bytes, options);
}

/**
 * Writing bytes (a Word document, a PDF, an imported synthesis) with the same promises as
 * `writeTextFile`: a temporary file renamed over the target, never through a link that leaves
 * `within`, the mode of a replaced file kept. With `exclusive`, the temporary file is linked to the
 * new name instead of renamed, which fails if anything took that name meanwhile.
 */
export async function writeBytes(path: string, bytes: Uint8Array, options: WriteBytesOptions = {}): Promise<WriteResult> {
  const absolute = resolve(path);
  const within = options.within === undefined ? undefined : resolve(options.within);
  if (within !== undefined && !isInside(within, absolute)) return { ok: false, failure: 'outside-project', detail: detail('file.detail.outside') };

  const target = await targetOf(absolute);
  if ('failure' in target) return target;
  if (within !== undefined && !isInside(await realFolder(within), target.path)) {
    return { ok: false, failure: 'outside-project', detail: detail('file.detail.link-outside') };
  }
  let existing: Awaited<ReturnType<typeof lstat>> | undefined;
  try {
    existing = await lstat(target.path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return writeFailed(error);
  }
  if (existing && options.exclusive) return { ok: false, failure: 'exists', detail: detail('file.detail.exists') };
  if (existing && !existing.isFile()) return { ok: false, failure: 'io', detail: detail('file.detail.not-replaced') };
  // Replacing by rename would get past a read-only file: ask the file itself.
  if (existing) {
    try {
      await access(target.path, constants.W_OK);
    } catch (error) {
      return writeFailed(error);
    }
  }
  if (!existing && options.expected) return { ok: false, failure: 'changed', detail: detail('file.detail.gone') };

  const folder = dirname(target.path);
  // A short, unique, hidden name beside the target (file names have a length limit).
  const temp = join(folder, `.${basename(target.path).slice(0, 60)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  let stamp: FileStamp;
  try {
    // O_EXCL: never reuse or follow something already there. Permissions start private.
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), existing || options.private ? 0o600 : 0o666);
    await handle.writeFile(bytes);
    await handle.sync();
    if (existing && !options.private) {
      await handle.chmod(Number(existing.mode) & 0o7777);
      // As root, a rename would hand someone else's file to root: give it back to its owner.
      if (process.getuid?.() === 0) await handle.chown(Number(existing.uid), Number(existing.gid)).catch(() => undefined);
    }
    const info = await handle.stat();
    stamp = { size: bytes.length, mtimeMs: info.mtimeMs, hash: hashBytes(bytes) };
    await handle.close();
    handle = undefined;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    return writeFailed(error);
  }

  // As late as possible: the file must still be the one that was read.
  if (options.expected) {
    const now = await readBytes(target.path, { maxBytes: Math.max(options.expected.size, 0) + 1 });
    if (!now.ok || !sameStamp(now.stamp, options.expected)) {
      await unlink(temp).catch(() => undefined);
      return { ok: false, failure: 'changed', detail: detail('file.detail.changed') };
    }
  }
  try {
    if (options.exclusive) await linkNew(temp, target.path);
    else await rename(temp, target.path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    return writeFailed(error);
  }
  await syncFolder(folder);
  return { ok: true, stamp };
}

/**
 * Gives the temporary file its new name only if nothing has that name: a hard link fails if the name
 * is taken. A file system without hard links (some network and memory-card ones) gets a check and a
 * rename instead, which leaves only a moment for a file to appear in between.
 */
async function linkNew(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    const taken = await lstat(target).then(
      () => true,
      () => false,
    );
    if (taken) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(temp, target);
    return;
  }
  await unlink(temp).catch(() => undefined);
}

/** Whether two stamps describe the same content. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.hash === b.hash;
}

/**
 * The file a write really replaces: the real path of the file (a link is written through to its
 * target, and stays a link), or, for a new file, the real path of its folder and its name.
 */
async function targetOf(absolute: string): Promise<{ path: string } | Failed> {
  try {
    return { path: await realpath(absolute) };
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return writeFailed(error);
  }
  // Not there: either a new file, or a link that leads nowhere (not replaced: it is the user's link).
  try {
    if ((await lstat(absolute)).isSymbolicLink()) return { ok: false, failure: 'io', detail: detail('file.detail.dangling-link') };
  } catch {
    // Nothing at that path: a new file.
  }
  try {
    return { path: join(await realpath(dirname(absolute)), basename(absolute)) };
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? { ok: false, failure: 'io', detail: detail('file.detail.no-folder') } : writeFailed(error);
  }
}

async function syncFolder(folder: string): Promise<void> {
  // So the rename itself survives a power cut; not every system can open a folder for this.
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Best effort.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A failed system call as a write failure and a plain reason. */
export function writeFailed(error: unknown): Failed {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { ok: false, failure: 'no-space', detail: detail('file.detail.disk-full') };
    case 'EFBIG':
      return { ok: false, failure: 'too-large', detail: detail('file.detail.system-limit') };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { ok: false, failure: 'permission' };
    case 'ELOOP':
      return { ok: false, failure: 'io', detail: detail('file.detail.link-swapped') };
    case 'EEXIST':
      return { ok: false, failure: 'exists', detail: detail('file.detail.appeared') };
    default:
      return { ok: false, failure: 'io', detail: detail('file.detail.system', { text: errorText(error) }) };
  }
}
