/** The language service's host on Node: the disk through the one safe file module (node/fs). */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ServiceHost } from '../core/index.js';
import { listFolder, readTextFile } from './fs/index.js';

const paths = { join, dirname, basename, resolve, relative, isAbsolute };

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
