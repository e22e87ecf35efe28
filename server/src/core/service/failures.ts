/** Why a file could not be read, as a message (put into words at the edge, like every message). */
import { msg, type Message } from '../i18n/message.js';
import type { FileFailure } from './host.js';

export const MAX_SIDE_FILE_BYTES = 10 * 1024 * 1024;
/** The largest synthesis read from disk (every check runs up to this size). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * `detail` is what the host found out (which line is not UTF-8, the file's size against the limit,
 * a link that leads outside the project): said instead of the kind's general words when there is one.
 */
export function failureText(failure: FileFailure, detail?: Message, maxBytes = MAX_SIDE_FILE_BYTES): Message {
  // The system's own words for an input/output error, or the host's, inside "it could not be read (…)".
  if (failure === 'io') return detail ? msg('file.io-detail', { detail }) : msg('file.io');
  if (detail) return detail;
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
  }
}
