/**
 * The key that vouches for the entries of synthlint's cache. A cache file is data a repository can
 * hold: a pull request could bring a `.synthesis-cache` whose entries say its documents have no
 * findings, and a CI job that runs `synthlint --cache` on the checkout would believe it. Each
 * entry's key is therefore an HMAC made with a random key that lives outside every project, in the
 * user's own cache folder: entries made elsewhere (another machine, another user, a repository)
 * never match, and those files are checked.
 *
 * The key is made on first use (32 random bytes, written as hex, readable by its owner only). Where
 * it cannot be read or kept, the run uses a key of its own, so that nothing from the cache is
 * believed, and says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { Message } from '../core/index.js';
import { readBytes, writeBytes, type FileFailure, type WriteFailure } from '../node/fs/index.js';

const KEY_BYTES = 32;
const HEX_KEY = /^[0-9a-f]{64}$/;

/**
 * Where the key is kept: `$XDG_CACHE_HOME/synthlint/cache-key` (else `~/.cache/…`) on Linux and the
 * like, `~/Library/Caches/synthlint/cache-key` on macOS, `%LOCALAPPDATA%\synthlint\cache-key` on
 * Windows. Only the user's environment chooses it, never a project or a document.
 */
export function cacheKeyFile(vars: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const own = (name: string): string | undefined => {
    const value = vars[name];
    return value !== undefined && isAbsolute(value) ? value : undefined;
  };
  const base = platform === 'win32' ? (own('LOCALAPPDATA') ?? join(home, 'AppData', 'Local')) : platform === 'darwin' ? join(home, 'Library', 'Caches') : (own('XDG_CACHE_HOME') ?? join(home, '.cache'));
  return join(base, 'synthlint', 'cache-key');
}

/** The key, or why it could not be had (reading or writing `file`) and a key of this run's own. */
export type CacheKey = { ok: true; key: Buffer } | { ok: false; key: Buffer; file: string } & ({ reading: FileFailure; detail?: Message } | { writing: WriteFailure; detail?: Message });

/** The key kept at `file`, made there if there is none (or only a damaged one). */
export async function cacheKey(file: string): Promise<CacheKey> {
  const read = await readKey(file);
  if (!('missing' in read)) return read;
  // O_EXCL: two first runs at once each try; the one that loses reads the winner's key.
  const fresh = randomBytes(KEY_BYTES).toString('hex');
  // The folder is the user's own, made private like the key.
  await mkdir(dirname(file), { recursive: true, mode: 0o700 }).catch(() => undefined);
  const written = await writeBytes(file, Buffer.from(fresh, 'latin1'), { exclusive: !read.damaged, private: true });
  if (written.ok) return { ok: true, key: Buffer.from(fresh, 'hex') };
  if (written.failure === 'exists') {
    const again = await readKey(file);
    if (!('missing' in again)) return again;
  }
  return { ok: false, key: randomBytes(KEY_BYTES), file, writing: written.failure, ...(written.detail ? { detail: written.detail } : {}) };
}

/** The key, why it cannot be read, or that there is none to read (`damaged`: only a file that is not one). */
type KeyRead = CacheKey | { missing: true; damaged: boolean };

async function readKey(file: string): Promise<KeyRead> {
  const read = await readBytes(file, { maxBytes: 1024 });
  if (read.ok) {
    const text = read.bytes.toString('latin1').trim();
    return HEX_KEY.test(text) ? { ok: true, key: Buffer.from(text, 'hex') } : { missing: true, damaged: true };
  }
  if (read.failure === 'not-found') return { missing: true, damaged: false };
  return { ok: false, key: randomBytes(KEY_BYTES), file, reading: read.failure, ...(read.detail ? { detail: read.detail } : {}) };
}
