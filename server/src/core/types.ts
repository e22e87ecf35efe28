import type { Message } from './i18n/message.js';

export type { Message } from './i18n/message.js';

/**
 * Plain data shared by every part of the core. Positions are UTF-16 offsets into the document
 * text (what JavaScript strings and LSP use); `LineIndex` turns them into lines and columns.
 */

/** A half-open span `[start, end)` of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';
/** What a user may set per rule: a severity, or `off`. */
export type SeveritySetting = Severity | 'off';

/** One replacement in the document text. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A safe, mechanical correction that a finding carries as data (quick fix, `--fix`). */
export interface Fix {
  /** Short imperative title, e.g. "Insert the section 'Conclusions'", as data (see `Message`). */
  title: Message;
  edits: TextEdit[];
  /**
   * A suggestion that needs the writer's judgement (e.g. the closest valid target to an unknown
   * one): offered as a quick fix in the editor, never applied by `synthlint --fix`.
   */
  suggestion?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** What is wrong, as a key and arguments: `wordMessage` puts it into the user's language. */
  message: Message;
  span: Span;
  /** Safe fixes; the first one is the preferred one. */
  fixes?: Fix[];
}

/** A rule reports findings without rule id and severity; the linter adds them. */
export type Report = Omit<Finding, 'rule' | 'severity'>;

export type Language = 'en' | 'es' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'es', 'fr'];

/** A text (or anything) in each of the three languages. */
export type Localised<T = string> = Readonly<Record<Language, T>>;

/** A message about a file that is not the document itself (e.g. a workspace template). */
export interface FileProblem {
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  message: Message;
}
