/**
 * Files on disk, read and written the one safe way (contract 2 of the plan). The CLI, the language
 * server and the service's Node host use only this module for the files a user works on.
 */
export { decodeText, encodeText, hasByteOrderMark } from './encoding.js';
export { listFolder, listTree, type ListOptions, type Tree, type TreeOptions } from './list.js';
export { joinPath, realFolder, relativePath } from './paths.js';
export { readBytes, readTextFile, type BytesResult, type ReadOptions } from './read.js';
export type { FileFailure, FileStamp, FolderEntry, ListResult, ReadResult, TextEncodingName, WriteFailure, WriteResult } from './types.js';
export { sameStamp, writeBytes, writeTextFile, type WriteBytesOptions, type WriteOptions } from './write.js';
