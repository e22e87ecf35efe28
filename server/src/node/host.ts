/** The language service's host on Node: the disk through the one safe file module (node/fs). */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { ServiceHost } from '../core/index.js';
import { joinPath, listFolder, readTextFile, relativePath } from './fs/index.js';

// joinPath and relativePath: join() and relative(), without normalising plain absolute paths again (the service asks them for every file it reads).
const paths = { join: joinPath, dirname, basename, resolve, relative: relativePath, isAbsolute };

/**
 * `blocking`: every system call on the calling thread (see `ReadOptions.blocking`), for synthlint,
 * whose threads each read their files one after another and have nothing else to do meanwhile; the
 * language server keeps the thread pool, so that it answers the editor while it reads.
 */
export function createNodeHost(options: { blocking?: boolean } = {}): ServiceHost {
  if (!options.blocking) return { paths, readText: readTextFile, listFolder };
  return {
    paths,
    readText: (path, read) => readTextFile(path, { ...read, blocking: true }),
    listFolder: (path, list) => listFolder(path, { ...list, blocking: true }),
  };
}
