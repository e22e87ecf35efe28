/**
 * The shapes of contract 2 (PLAN.md). Reading and listing answer with the language service's own
 * host types (`core/service/host.ts`), so a Node host hands them to the service as they are;
 * writing has its own failures, in all of which the file on disk is left as it was.
 */
import type { FileStamp, Message } from '../../core/index.js';

export type { FileFailure, FileStamp, FolderEntry, ListResult, ReadResult, TextEncodingName } from '../../core/index.js';

/** Why a file could not be written. In every case the file on disk is as it was before. */
export type WriteFailure = 'changed' | 'exists' | 'outside-project' | 'no-space' | 'too-large' | 'permission' | 'io';

export type WriteResult = { ok: true; stamp: FileStamp } | { ok: false; failure: WriteFailure; detail?: Message };
