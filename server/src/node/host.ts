/** The language service's host on Node: the disk through the one safe file module (node/fs). */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ServiceHost } from '../core/index.js';
import { listFolder, readTextFile } from './fs/index.js';

const paths = { join, dirname, basename, resolve, relative, isAbsolute };

export function createNodeHost(): ServiceHost {
  return { paths, readText: readTextFile, listFolder };
}
