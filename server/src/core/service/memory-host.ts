/**
 * A host that keeps its files in memory, with POSIX paths: the service's tests run on it, and any
 * caller that has the texts at hand (no disk) can use it. Folders exist where files are put.
 */
import type { FileFailure, HostPaths, ListResult, ReadResult, ServiceHost } from './host.js';
import { isInside } from './host.js';

export interface MemoryHost extends ServiceHost {
  /** Puts (or replaces) a file. */
  write(path: string, text: string): void;
  remove(path: string): void;
  /** Makes reading `path` fail the given way (a file that exists but cannot be read). */
  fail(path: string, failure: FileFailure): void;
  /** Every read, in order: which paths the service asked for and within what. */
  readonly reads: ReadonlyArray<{ path: string; within?: string }>;
}

export const posixPaths: HostPaths = {
  join: (...parts) => normalise(parts.filter((p) => p !== '').join('/') || '.'),
  dirname(path) {
    const n = normalise(path);
    const at = n.lastIndexOf('/');
    if (at < 0) return '.';
    return at === 0 ? '/' : n.slice(0, at);
  },
  basename: (path) => {
    const n = normalise(path);
    return n === '/' ? '' : n.slice(n.lastIndexOf('/') + 1);
  },
  resolve(...parts) {
    let out = '/';
    for (const part of parts) {
      if (part === '') continue;
      out = part.startsWith('/') ? part : `${out}/${part}`;
    }
    return normalise(out);
  },
  relative(from, to) {
    const a = split(posixPaths.resolve(from));
    const b = split(posixPaths.resolve(to));
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
  },
  isAbsolute: (path) => path.startsWith('/'),
};

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** A memory host holding `files` (absolute POSIX path → text). */
export function createMemoryHost(files: Readonly<Record<string, string>> = {}): MemoryHost {
  const texts = new Map<string, string>();
  const failures = new Map<string, FileFailure>();
  const reads: Array<{ path: string; within?: string }> = [];
  const key = (path: string): string => posixPaths.resolve(path);
  for (const [path, text] of Object.entries(files)) texts.set(key(path), text);

  const isFolder = (path: string): boolean => {
    const prefix = path === '/' ? '/' : `${path}/`;
    for (const file of texts.keys()) if (file.startsWith(prefix)) return true;
    return false;
  };

  return {
    paths: posixPaths,
    reads,
    write: (path, text) => void texts.set(key(path), text),
    remove: (path) => void texts.delete(key(path)),
    fail: (path, failure) => void failures.set(key(path), failure),
    async readText(path, options): Promise<ReadResult> {
      const at = key(path);
      reads.push({ path: at, ...(options.within !== undefined ? { within: options.within } : {}) });
      if (options.within !== undefined && !isInside(posixPaths, key(options.within), at)) return { ok: false, failure: 'outside-project' };
      const failure = failures.get(at);
      if (failure) return { ok: false, failure };
      const text = texts.get(at);
      if (text === undefined) return { ok: false, failure: isFolder(at) ? 'not-a-file' : 'not-found' };
      const size = new TextEncoder().encode(text).length;
      if (size > options.maxBytes) return { ok: false, failure: 'too-large' };
      return { ok: true, text, encoding: 'utf-8', stamp: { size, mtimeMs: 0, hash: String(hash(text)) } };
    },
    async listFolder(path, options): Promise<ListResult> {
      const at = key(path);
      if (options?.within !== undefined && !isInside(posixPaths, key(options.within), at)) return { ok: false, failure: 'outside-project' };
      if (texts.has(at)) return { ok: false, failure: 'not-a-file' };
      if (!isFolder(at)) return { ok: false, failure: 'not-found' };
      const prefix = at === '/' ? '/' : `${at}/`;
      const entries = new Map<string, 'file' | 'folder'>();
      for (const file of texts.keys()) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash < 0) entries.set(rest, 'file');
        else entries.set(rest.slice(0, slash), 'folder');
      }
      return { ok: true, entries: [...entries].map(([name, kind]) => ({ name, kind })) };
    },
  };
}

/** FNV-1a over UTF-16 code units: a stamp that changes with the text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
