/**
 * Files on disk, read and written the one safe way (contract 2 of the plan). The CLI, the language
 * server and the service's Node host use only this module for the files a user works on.
 */
export { decodeText, encodeText } from './encoding.js';
export { listFolder, listTree, type Tree, type TreeOptions } from './list.js';
export { megabytes, readBytes, readTextFile, type BytesResult, type ReadOptions } from './read.js';
export type { FileFailure, FileStamp, FolderEntry, ListResult, ReadResult, TextEncodingName, WriteFailure, WriteResult } from './types.js';
export { sameStamp, writeBytes, writeTextFile, type WriteBytesOptions, type WriteOptions } from './write.js';
import type { WriteFailure } from './types.js';

/** Why a file could not be written, in plain words for "cannot write <file>: <reason>". The file is always left as it was. */
export function writeFailureText(failure: WriteFailure, detail?: string): string {
  const reason = ((): string => {
    switch (failure) {
      case 'changed':
        return detail ?? 'it changed on disk since it was read';
      case 'exists':
        return detail ?? 'it already exists';
      case 'outside-project':
        return detail ?? 'it is outside the project folder';
      case 'no-space':
        return detail ?? 'the disk is full';
      case 'too-large':
        return detail ?? 'the file would be larger than this system allows';
      case 'permission':
        return detail ?? 'permission denied';
      case 'io':
        return detail ?? 'the system could not write it';
    }
  })();
  return `${reason}; the file was left as it was`;
}
