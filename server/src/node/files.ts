/**
 * Reading and writing text files for the CLI, the language server and the Node service host.
 *
 * This is the one seam where files touch the disk: the safe file module (`server/src/node/fs/`,
 * contract 2 of the team plan) replaces these two functions when it lands, with a one-line change
 * in each. Until then they keep its promises that matter to the service: only regular files, the
 * real path inside `within`, a size cap, the byte-order mark and UTF-16 recognised, and text that is
 * not valid UTF-8 refused rather than altered.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isInside, type FileFailure, type ReadResult, type TextEncodingName } from '../core/index.js';

export async function readTextFile(path: string, options: { within?: string; maxBytes: number }): Promise<ReadResult> {
  try {
    const real = await realpath(path);
    if (options.within !== undefined && !inside(await realpath(options.within).catch(() => options.within!), real)) return { ok: false, failure: 'outside-project' };
    const info = await stat(real);
    if (!info.isFile()) return { ok: false, failure: 'not-a-file' };
    if (info.size > options.maxBytes) return { ok: false, failure: 'too-large', detail: `${info.size} bytes` };
    const bytes = await readFile(real);
    const decoded = decode(bytes);
    if (!decoded) return { ok: false, failure: 'not-text' };
    return { ok: true, text: decoded.text, encoding: decoded.encoding, stamp: { size: info.size, mtimeMs: info.mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') } };
  } catch (error) {
    return failureOf(error);
  }
}

/** Writes `text` back in the file's own encoding. */
export async function writeTextFile(path: string, text: string, options: { encoding: TextEncodingName }): Promise<{ ok: true } | { ok: false; failure: FileFailure; detail?: string }> {
  try {
    await writeFile(path, encode(text, options.encoding));
    return { ok: true };
  } catch (error) {
    return failureOf(error);
  }
}

const paths = { basename, dirname, isAbsolute, join, relative, resolve };

function inside(folder: string, path: string): boolean {
  return isInside(paths, folder, path);
}

function decode(bytes: Buffer): { text: string; encoding: TextEncodingName } | undefined {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return undefined;
  }
}

function encode(text: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

function failureOf(error: unknown): { ok: false; failure: FileFailure; detail?: string } {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return { ok: false, failure: 'not-found' };
    case 'EISDIR':
      return { ok: false, failure: 'not-a-file' };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, failure: 'permission' };
    case 'ELOOP':
      return { ok: false, failure: 'io', detail: 'too many symbolic links' };
    case 'ENOTDIR':
      return { ok: false, failure: 'io', detail: 'a part of the path is not a folder' };
    case 'ENOSPC':
      return { ok: false, failure: 'io', detail: 'the disk is full' };
    default:
      return { ok: false, failure: 'io', detail: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
  }
}
