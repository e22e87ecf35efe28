/**
 * Files on disk, read and written the one safe way (contract 2 of the plan). The CLI, the language
 * server and the service's Node host use only this module for the files a user works on.
 */
export { decodeText, encodeText } from './encoding.js';
export { listFolder, listTree, type Tree, type TreeOptions } from './list.js';
export { isInside } from './paths.js';
export { megabytes, readTextFile, type ReadOptions } from './read.js';
export type { FileFailure, FileStamp, FolderEntry, ListResult, ReadResult, TextEncodingName, WriteFailure, WriteResult } from './types.js';
export { sameStamp, writeTextFile, type WriteOptions } from './write.js';
import type { FileFailure, WriteFailure } from './types.js';

/** The most a register or a template may weigh (issue 13). */
export const MAX_REGISTER_BYTES = 10 * 1024 * 1024;
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** The most a document may weigh: every check runs up to 50 MB (issue 15). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Why a file could not be read, in a few plain words for "cannot read <file>: <reason>". */
export function readFailureText(failure: FileFailure, detail?: string): string {
  if (detail) return detail;
  switch (failure) {
    case 'not-found':
      return 'there is no such file';
    case 'not-a-file':
      return 'it is not a regular file';
    case 'outside-project':
      return 'it is outside the project folder';
    case 'too-large':
      return 'it is too large';
    case 'permission':
      return 'permission denied';
    case 'not-text':
      return 'it is not UTF-8 text';
    case 'io':
      return 'the system could not read it';
  }
}

/** Why a file could not be written, in plain words for "cannot write <file>: <reason>". The file is always left as it was. */
export function writeFailureText(failure: WriteFailure, detail?: string): string {
  const reason = ((): string => {
    switch (failure) {
      case 'changed':
        return detail ?? 'it changed on disk since it was read';
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
