/**
 * Everything the language server says about Word and PDF export and import, in one table: each
 * message is a key and its arguments, put into words here and nowhere else. When messages become
 * data put into words in the user's language (stream `messages`), this table is what moves into the
 * catalogues (or the answers carry the key and arguments to the client); the handler keeps calling
 * `say(key, args)`.
 */
import { failureText, type FileFailure } from '../core/index.js';
import { writeFailureText, type WriteFailure } from '../node/fs/index.js';
import type { ReferenceProblem } from '../core/word.js';
import type { BrowserProblem, PrintProblem } from '../node/pdf/index.js';

const MESSAGES = {
  failed: () => 'The request failed; the output panel has the details.',
  nothingToExport: () => 'Nothing to export: no document or no destination.',
  cannotReadSynthesis: () => 'The synthesis could not be read.',
  overSynthesis: () => 'Choose another file: the export would replace the synthesis itself.',
  noBrowser: () =>
    'No Chromium, Chrome or Edge was found to print the PDF. Install one (on Debian or Ubuntu: sudo apt-get install chromium; on macOS or Windows: Google Chrome or Microsoft Edge), or name its program in the setting synthesis.pdf.browser.',
  browserNotFound: (a: { named: string }) => `The browser '${a.named}' was not found or cannot be run. Name the Chromium, Chrome or Edge program itself in synthesis.pdf.browser, for example /usr/bin/chromium.`,
  printFailed: (a: { browser: string; problem: PrintProblem }) => `The PDF could not be printed with ${a.browser}: ${printProblem(a.problem)}.`,
  cannotReadReference: (a: { named: string; failure: FileFailure; detail?: string }) =>
    `The reference document '${a.named}' (referenceDoc in .synthesis/config.yaml) cannot be read: ${failureText(a.failure, a.detail, MAX_REFERENCE_BYTES)}.`,
  cannotUseReference: (a: { named: string; problem: ReferenceProblem }) => `The reference document '${a.named}' cannot be used: ${referenceProblem(a.problem)}.`,
  cannotWrite: (a: { file: string; failure: WriteFailure; detail?: string }) => `${a.file} could not be written: ${writeFailure(a.failure, a.detail)}.`,
  noFile: () => 'No file to import.',
  notImportable: () => 'Only .docx, .pdf, .html, .md and .txt files can be imported.',
  cannotRead: (a: { file: string; failure: FileFailure; detail?: string }) => `${a.file} could not be read: ${failureText(a.failure, a.detail, MAX_IMPORT_BYTES)}.`,
  cannotReadAs: (a: { file: string; detail: string }) => `${a.file} could not be read: ${a.detail}`,
};

/** Larger files are refused: the limits the messages name. */
export const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type WordMessages = typeof MESSAGES;
export type WordMessageKey = keyof WordMessages;

export function say<K extends WordMessageKey>(key: K, ...args: Parameters<WordMessages[K]>): string {
  return (MESSAGES[key] as (...a: Parameters<WordMessages[K]>) => string)(...args);
}

/** Why no browser can print, in the editor's words (a setting, not a command-line option). */
export function browserProblem(problem: BrowserProblem): string {
  return problem.problem === 'no-browser' ? say('noBrowser') : say('browserNotFound', { named: problem.named });
}

function referenceProblem(problem: ReferenceProblem): string {
  switch (problem) {
    case 'not-a-package':
      return 'it is not a Word document (.docx): it cannot be opened as one';
    case 'not-word':
      return 'it is not a Word document (.docx): it has no document or styles part';
    case 'damaged':
      return 'its styles or page settings cannot be read; open it in Word and save it again';
  }
}

function printProblem(problem: PrintProblem): string {
  switch (problem.problem) {
    case 'timeout':
      return `the browser did not finish printing within ${problem.seconds} seconds`;
    case 'not-started':
      return `the browser could not be started (${problem.detail})`;
    case 'exited':
      return `the browser stopped with code ${problem.code}${problem.detail ? ` (${problem.detail})` : ''}`;
    case 'no-pdf':
      return `the browser wrote no PDF${problem.detail ? ` (${problem.detail})` : ''}`;
  }
}

function writeFailure(failure: WriteFailure, detail?: string): string {
  // Import picks a free name, so a taken one means a file appeared between the choice and the write.
  if (failure === 'exists') return 'a file of that name appeared meanwhile; try again';
  return writeFailureText(failure, detail);
}
