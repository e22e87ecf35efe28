/**
 * The system calls the reads and listings make, in two forms with the same answers: on Node's
 * thread pool, or on the calling thread (`blocking`: a command-line run that reads many small
 * files and has nothing else to do until it has them; in the page cache, a trip through the pool
 * and back costs more than the call).
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';

export interface Calls<Handle> {
  realpath(path: string): Promise<string> | string;
  stat(path: string): Promise<Stats> | Stats;
  readdir(path: string): Promise<Dirent[]> | Dirent[];
  open(path: string, flags: number): Promise<Handle> | Handle;
  fstat(handle: Handle): Promise<Stats> | Stats;
  read(handle: Handle, buffer: Buffer, offset: number, length: number): Promise<number> | number;
  close(handle: Handle): Promise<void> | void;
}

export const pooled: Calls<FileHandle> = {
  realpath: (path) => realpath(path),
  stat: (path) => stat(path),
  readdir: (path) => readdir(path, { withFileTypes: true }),
  open: (path, flags) => open(path, flags),
  fstat: (handle) => handle.stat(),
  read: async (handle, buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead,
  close: (handle) => handle.close(),
};

export const blocking: Calls<number> = {
  // The system's realpath, as the thread pool's is (Node's own realpathSync walks the path in JavaScript).
  realpath: (path) => realpathSync.native(path),
  stat: (path) => statSync(path),
  readdir: (path) => readdirSync(path, { withFileTypes: true }),
  open: (path, flags) => openSync(path, flags),
  fstat: (fd) => fstatSync(fd),
  read: (fd, buffer, offset, length) => readSync(fd, buffer, offset, length, null),
  close: (fd) => closeSync(fd),
};
