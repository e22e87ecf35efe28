/** A file that could not be read, in plain words for a finding or a message. */
import type { FileFailure } from './host.js';

export const MAX_SIDE_FILE_BYTES = 10 * 1024 * 1024;
/** The largest synthesis read from disk (every check runs up to this size). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export function failureText(failure: FileFailure, detail?: string, maxBytes = MAX_SIDE_FILE_BYTES): string {
  // The host's own reason, where it has one, says more: a FIFO rather than a folder, the line
  // that is not UTF-8, how large the file is.
  switch (failure) {
    case 'not-found':
      return 'there is no such file';
    case 'not-a-file':
      return detail ?? 'it is a folder, not a file';
    case 'outside-project':
      return 'it is outside the project, and only files inside the project are read';
    case 'too-large':
      return detail ?? `it is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`;
    case 'permission':
      return 'permission denied';
    case 'not-text':
      return detail ?? 'it is not text (UTF-8 or UTF-16)';
    case 'io':
      return detail ? `it could not be read (${detail})` : 'it could not be read';
  }
}
