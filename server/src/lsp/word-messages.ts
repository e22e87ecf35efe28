/**
 * Everything the language server says about Word and PDF export and import, in the editor's display
 * language (`state.locale`). The words are the catalogue's (`server.word.*`, and the reasons a file
 * cannot be read or a reference document used that the CLI says too), like every message: this
 * module only chooses which, and fills them in.
 */
import { catalogue, failureText, msg, translator, wordMessage, type FileFailure, type Locale, type Message, type Translate } from '../core/index.js';
import type { ReferenceProblem } from '../core/word.js';
import type { WriteFailure } from '../node/fs/index.js';
import type { BrowserProblem, PrintProblem } from '../node/pdf/index.js';
import { printProblem, referenceProblem } from '../node/word-problems.js';

/** Larger files are refused: the limits the messages name. */
export const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

interface Args {
  failed: undefined;
  nothingToExport: undefined;
  cannotReadSynthesis: undefined;
  overSynthesis: undefined;
  noBrowser: undefined;
  browserNotFound: { named: string };
  printFailed: { browser: string; problem: PrintProblem };
  cannotReadReference: { named: string; failure: FileFailure; detail?: Message };
  cannotUseReference: { named: string; problem: ReferenceProblem };
  cannotWrite: { file: string; failure: WriteFailure; detail?: Message };
  noFile: undefined;
  notImportable: undefined;
  cannotRead: { file: string; failure: FileFailure; detail?: Message };
  cannotReadAs: { file: string; detail: string };
}
export type WordMessageKey = keyof Args;

/** The words of each message: the catalogue's, filled in (`a` is the message's arguments). */
type Words = { [K in WordMessageKey]: (t: Translate, a: Args[K] & object, locale: Locale) => string };
const WORDS: Words = {
  failed: (t) => t('server.word.failed'),
  nothingToExport: (t) => t('server.word.nothing-to-export'),
  cannotReadSynthesis: (t) => t('server.word.cannot-read-synthesis'),
  overSynthesis: (t) => t('server.word.over-synthesis'),
  noBrowser: (t) => t('server.word.no-browser'),
  browserNotFound: (t, a) => t('server.word.browser-not-found', { named: a.named }),
  printFailed: (t, a, locale) => t('server.word.print-failed', { browser: a.browser, problem: printProblem(locale, a.problem) }),
  cannotReadReference: (t, a, locale) => t('server.word.cannot-read-reference', { named: a.named, reason: fileReason(locale, a.failure, a.detail, MAX_REFERENCE_BYTES) }),
  cannotUseReference: (t, a, locale) => t('server.word.cannot-use-reference', { named: a.named, problem: referenceProblem(locale, a.problem) }),
  cannotWrite: (t, a, locale) => t('server.word.cannot-write', { file: a.file, reason: writeReason(locale, a.failure, a.detail) }),
  noFile: (t) => t('server.word.no-file'),
  notImportable: (t) => t('server.word.not-importable'),
  cannotRead: (t, a, locale) => t('server.word.cannot-read', { file: a.file, reason: fileReason(locale, a.failure, a.detail, MAX_IMPORT_BYTES) }),
  cannotReadAs: (t, a) => t('server.word.cannot-read-as', { file: a.file, detail: a.detail }),
};

/** One message in the editor's language (English for a language the catalogue does not have). */
export function say<K extends WordMessageKey>(locale: Locale, key: K, ...args: Args[K] extends undefined ? [] : [Args[K]]): string {
  return (WORDS[key] as (t: Translate, a: object, locale: Locale) => string)(translator(locale), args[0] ?? {}, locale);
}

/** Why a file could not be read, as specifically as node/fs found it. */
function fileReason(locale: Locale, failure: FileFailure, detail: Message | undefined, maxBytes: number): string {
  return wordMessage(failureText(failure, detail, maxBytes), locale);
}

/** Why an export or an import could not be written. */
function writeReason(locale: Locale, failure: WriteFailure, detail: Message | undefined): string {
  const t = translator(locale);
  switch (failure) {
    case 'exists':
      return t('server.word.write.exists');
    case 'outside-project':
      return t('server.word.write.outside');
    case 'permission':
      return t('server.word.write.permission');
    case 'io':
      return detail ? wordMessage(detail, locale) : t('server.word.write.io');
    case 'changed':
    case 'no-space':
      return wordMessage(msg(`cli.failure.${failure}`), locale);
    default:
      return wordMessage(failureText(failure, detail), locale);
  }
}

/** Why no browser can print, in the editor's words (a setting, not a command-line option). */
export function browserProblem(locale: Locale, problem: BrowserProblem): string {
  return problem.problem === 'no-browser' ? say(locale, 'noBrowser') : say(locale, 'browserNotFound', { named: problem.named });
}

/**
 * A part the import kept as ordinary Markdown, in the words `synthlint import` lists it with: its
 * kind ("table", "paragraph"…; an unknown kind as it is), then its first words.
 */
export function keptPart(locale: Locale, part: { kind: string; text: string }): string {
  const key = `cli.import.kind.${part.kind.replace(/\s+/g, '-')}`;
  const kind = catalogue(locale).get(key) ?? catalogue('en').get(key) ?? part.kind;
  return translator(locale)('cli.import.report.kept-item', { kind, text: part.text });
}
