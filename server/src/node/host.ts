/** The language service's host on Node: the disk through files.ts, paths through node:path. */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isInside, type FolderEntry, type ListResult, type ServiceHost } from '../core/index.js';
import { readTextFile } from './files.js';

const paths = { join, dirname, basename, resolve, relative, isAbsolute };

export function createNodeHost(): ServiceHost {
  return {
    paths,
    readText: readTextFile,
    async listFolder(path, options): Promise<ListResult> {
      let dirents: Dirent[];
      try {
        if (options?.within !== undefined) {
          const [real, within] = await Promise.all([realpath(path), realpath(options.within).catch(() => options.within!)]);
          if (!isInside(paths, within, real)) return { ok: false, failure: 'outside-project' };
        }
        dirents = await readdir(path, { withFileTypes: true });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'ENOENT') return { ok: false, failure: 'not-found' };
        if (code === 'ENOTDIR') return { ok: false, failure: 'not-a-file' };
        if (code === 'EACCES' || code === 'EPERM') return { ok: false, failure: 'permission' };
        return { ok: false, failure: 'io', detail: String((error as Error).message ?? error).split('\n')[0]! };
      }
      const entries: FolderEntry[] = [];
      for (const dirent of dirents) {
        if (dirent.isDirectory()) entries.push({ name: dirent.name, kind: 'folder' });
        else if (!dirent.isSymbolicLink()) entries.push({ name: dirent.name, kind: 'file' });
        else {
          // A link to a folder is never followed (a walk could loop); a broken link is listed as a
          // file, so that reading it reports the problem instead of losing it silently.
          const target = await stat(join(path, dirent.name)).catch(() => undefined);
          if (!target?.isDirectory()) entries.push({ name: dirent.name, kind: 'file' });
        }
      }
      return { ok: true, entries };
    },
  };
}
