/** Why a file could not be read, as a message (put into words at the edge, like every message). */
import { msg, type Message } from '../i18n/message.js';
import type { FileFailure } from './host.js';

export const MAX_SIDE_FILE_BYTES = 10 * 1024 * 1024;
/** The largest synthesis read from disk (every check runs up to this size). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export function failureText(failure: FileFailure, detail?: string, maxBytes = MAX_SIDE_FILE_BYTES): Message {
  switch (failure) {
    case 'not-found':
      return msg('file.not-found');
    case 'not-a-file':
      return msg('file.not-a-file');
    case 'outside-project':
      return msg('file.outside-project');
    case 'too-large':
      return msg('file.too-large', { size: Math.round(maxBytes / (1024 * 1024)) });
    case 'permission':
      return msg('file.permission');
    case 'not-text':
      return msg('file.not-text');
    case 'io':
      // The system's own words for an input/output error are all there is to say.
      return detail ? msg('file.io-detail', { detail }) : msg('file.io');
  }
}
