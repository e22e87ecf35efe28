/**
 * What an import leaves for the user to look at, laid out for the editor. The server words every
 * note and every kept part in the editor's language (lsp/handlers/word.ts); this module only lists
 * them, under headings the client's l10n bundles translate. The headings come in as `words`, so
 * that it runs without VS Code (test/unit/import-notes.test.ts).
 */
import type { ImportDocumentReport } from '../../server/src/lsp/protocol.js';

/** The client's own words, in the editor's language (client/src/import.ts fills them with vscode.l10n.t). */
export interface ImportNotesWords {
  /** The page's heading: "Notes on importing brief.docx". */
  title: string;
  /** The page's first sentence: which synthesis was written from which file. */
  intro: string;
  /** The sentence about pictures not brought in, for their count (1 or more). */
  pictures: (count: number) => string;
  /** The heading of the notes, and the sentence that says what to do with them. */
  needsALook: string;
  needsALookHint: string;
  /** The heading of the parts kept as ordinary Markdown, and the sentence that says what they are. */
  kept: string;
  keptHint: string;
  /** A line of the output panel for one note, and for one kept part. */
  noteLine: (note: string) => string;
  keptLine: (part: string) => string;
}

export interface ImportNotes {
  /** Each thing that needs a look, one sentence each: the reader's notes, then the pictures left out. */
  notes: string[];
  /** The parts kept as ordinary Markdown, one line each. */
  kept: string[];
  /** The notes and kept parts as a Markdown page, to open read-only. */
  page: string;
  /** The same as lines of the output panel (after the import's summary). */
  log: string[];
}

export function importNotes(report: Pick<ImportDocumentReport, 'warnings' | 'images' | 'kept'>, words: ImportNotesWords): ImportNotes {
  const notes = [...report.warnings, ...(report.images > 0 ? [words.pictures(report.images)] : [])].map(oneLine);
  const kept = report.kept.map(oneLine);
  const page = [`# ${words.title}`, '', words.intro, ''];
  if (notes.length > 0) page.push(`## ${words.needsALook} (${notes.length})`, '', words.needsALookHint, '', ...notes.map((n) => `- ${n}`), '');
  if (kept.length > 0) page.push(`## ${words.kept} (${kept.length})`, '', words.keptHint, '', ...kept.map((k) => `- ${k}`), '');
  return { notes, kept, page: page.join('\n'), log: [...notes.map(words.noteLine), ...kept.map(words.keptLine)] };
}

/**
 * The text on one line, so that each note stays one item of the list: the server's notes are
 * one line already, but a kept part's first words may span lines. Split, not replaced with a
 * regular expression of blanks around the break, whose search is quadratic on a long run of blanks.
 */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
