/**
 * The system calls the reads and listings make, in two forms with the same answers: on Node's
 * thread pool, or on the calling thread (`blocking`: a command-line run that reads many small
 * files and has nothing else to do until it has them; in the page cache, a trip through the pool
 * and back costs more than the call).
 */
import { closeSync, fstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { open, readdir, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { errorCode } from './paths.js';

export interface Calls<Handle> {
  realpath(path: string): Promise<string> | string;
  /** A path's status, following links; undefined when there is nothing at the path (ENOENT), which needs no error made. */
  stat(path: string): Promise<Stats | undefined> | Stats | undefined;
  readdir(path: string): Promise<Dirent[]> | Dirent[];
  open(path: string, flags: number): Promise<Handle> | Handle;
  fstat(handle: Handle): Promise<Stats> | Stats;
  read(handle: Handle, buffer: Buffer, offset: number, length: number): Promise<number> | number;
  close(handle: Handle): Promise<void> | void;
  /** The real path of an open file as the system gives it (Linux's /proc/self/fd), or undefined where it gives none. */
  pathOf(handle: Handle): Promise<string | undefined> | string | undefined;
}

/** Where Linux tells the path of an open descriptor. */
const FD_LINKS = process.platform === 'linux' ? '/proc/self/fd/' : undefined;

export const pooled: Calls<FileHandle> = {
  realpath: (path) => realpath(path),
  stat: (path) => stat(path).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? undefined : Promise.reject(error))),
  readdir: (path) => readdir(path, { withFileTypes: true }),
  open: (path, flags) => open(path, flags),
  fstat: (handle) => handle.stat(),
  read: async (handle, buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead,
  close: (handle) => handle.close(),
  pathOf: (handle) => (FD_LINKS === undefined ? undefined : readlink(FD_LINKS + String(handle.fd)).catch(() => undefined)),
};

export const blocking: Calls<number> = {
  // The system's realpath, as the thread pool's is (Node's own realpathSync walks the path in JavaScript).
  realpath: (path) => realpathSync.native(path),
  stat: (path) => statSync(path, { throwIfNoEntry: false }),
  readdir: (path) => readdirSync(path, { withFileTypes: true }),
  open: (path, flags) => openSync(path, flags),
  fstat: (fd) => fstatSync(fd),
  read: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: (fd) => closeSync(fd),
  pathOf: (fd) => {
    if (FD_LINKS === undefined) return undefined;
    try {
      return readlinkSync(FD_LINKS + String(fd));
    } catch {
      return undefined;
    }
  },
};
