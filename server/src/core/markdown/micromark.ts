/**
 * The one reader of Markdown: micromark (CommonMark + GFM, YAML front matter), the same tokenizer
 * remark uses to build the tree the preview renders. The index is built from its events directly
 * (see blocks.ts), without building remark's syntax tree.
 *
 * A document is tokenized a stretch at a time (see document.ts). Each stretch starts at the start
 * of a line where a top-level block of an earlier tokenization began, and is given the real
 * position of that line, so every offset in the events is an offset into the whole document.
 */
import { parse as createParser, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, Event, Extension, ParseContext } from 'micromark-util-types';

/** What a stretch of text is tokenized with besides the text itself. */
export interface TokenizeOptions {
  /** 1-based line number of `from` in the whole document. */
  line: number;
  /** Whether a YAML front matter may open at `from` (only at the document's start, and only when it is closed). */
  frontMatter: boolean;
  /**
   * Link reference definitions of the whole document (micromark's normalised identifiers): a
   * reference in the stretch resolves against them, wherever in the document they stand.
   */
  definitions: Identifiers;
  /** Footnote definitions of the whole document, likewise. */
  footnotes: Identifiers;
}

/** Identifiers that can be asked for: a set, or a map of them to their counts. */
export interface Identifiers {
  has(identifier: string): boolean;
}

/** micromark's parser state that tokenizing changes; reset before each stretch. */
interface ParserState extends ParseContext {
  gfmFootnotes?: string[];
}

/**
 * GFM constructs that micromark tries far more often than they can match, and the stretches that
 * cannot hold them. A stretch without any is read by a parser that lacks the construct: the
 * events are the same, only the failed attempts (which micromark discards without a trace) are
 * spared.
 *
 * - The literal autolinks (`www.example.com`, `https://…`, `name@example.com`) are tried at the
 *   start of every word, the e-mail one on any letter or digit. Each needs `www.`, `http://` or
 *   `https://` (in any case), or an `@` after a letter, digit or one of `+-._`. (Adjacent data
 *   tokens are merged either way.)
 * - A table is tried on every line of every paragraph (a table may interrupt one): the line is
 *   read as a head row and the next as a delimiter row. A delimiter row holds a `|`, or a `:`
 *   right before or after its dashes (`:--`, `--:`).
 */
const OPTIONAL = [
  { field: 'text', name: 'emailAutolink', possible: /[\w+.-]@/ },
  { field: 'text', name: 'wwwAutolink', possible: /www\./i },
  { field: 'text', name: 'protocolAutolink', possible: /https?:\/\//i },
  { field: 'flow', name: 'table', possible: /\||:-|-:/ },
] as const;

/** Which of the optional constructs `source` might hold: bit k for `OPTIONAL[k]`. */
function possibleIn(source: string): number {
  let key = 0;
  for (let k = 0; k < OPTIONAL.length; k++) if (OPTIONAL[k]!.possible.test(source)) key |= 1 << k;
  return key;
}

/** GFM without the optional constructs of each set, built on first use. */
const gfms: Array<Extension | undefined> = [];

/**
 * micromark's GFM extension without the optional constructs `source` cannot hold: it gives the
 * same events on `source` as all of GFM, with less work. For other readers of Markdown text
 * (the findings checks give it to remark's tree builder).
 */
export function gfmFor(source: string): Extension {
  return gfmOf(possibleIn(source));
}

function gfmOf(possible: number): Extension {
  let extension = gfms[possible];
  if (!extension) {
    const dropped = new Set<string>(OPTIONAL.filter((_, k) => (possible & (1 << k)) === 0).map((c) => `${c.field} ${c.name}`));
    extension = gfms[possible] = withoutConstructs(gfm(), dropped);
  }
  return extension;
}

/** One parser per front-matter setting and set of optional constructs, built on first use. */
const parsers: Array<ParserState | undefined> = [];

/**
 * Creating a parser combines every construct table (about 0.1 ms), which a keystroke should not
 * pay, so they are reused. Tokenizing changes only `defined`, `gfmFootnotes` and `lazy` on one,
 * which `tokenize` resets.
 */
function parserFor(frontMatterAllowed: boolean, source: string): ParserState {
  const possible = possibleIn(source);
  const key = (possible << 1) | (frontMatterAllowed ? 1 : 0);
  let parser = parsers[key];
  if (!parser) {
    const extensions = [gfmOf(possible), ...(frontMatterAllowed ? [frontmatter(['yaml'])] : [])];
    parser = parsers[key] = createParser({ extensions });
  }
  return parser;
}

/** `extension` without the constructs in `dropped` (`<field> <name>`, as `text emailAutolink`). */
function withoutConstructs(extension: Extension, dropped: ReadonlySet<string>): Extension {
  if (dropped.size === 0) return extension;
  const out: Extension = { ...extension };
  for (const field of ['text', 'flow'] as const) {
    const record = extension[field];
    if (!record) continue;
    const kept: Record<string, Construct | Construct[]> = {};
    for (const [code, value] of Object.entries(record)) {
      const list = (Array.isArray(value) ? value : [value]).filter((construct): construct is Construct => construct !== undefined && !dropped.has(`${field} ${construct.name ?? ''}`));
      if (list.length > 0) kept[code] = list;
    }
    out[field] = kept;
  }
  return out;
}

/** What micromark made of a stretch of text. */
export interface Tokens {
  events: Event[];
  /**
   * Whether micromark read a line (1-based, in the whole document) as a lazy line: one that did not
   * go on with the containers (list items, quotes) open above it and opened none of its own. The
   * events do not say it, and it changes how micromark reads the line (see `joined` in blocks.ts).
   */
  lazy: (line: number) => boolean;
}

/**
 * The list of identifiers micromark reads a stretch with (`defined`, `gfmFootnotes`): those
 * `known`, and those it finds in the stretch. micromark only adds to it (`push`) and asks whether
 * it holds one (`includes`), so it is a view on the document's identifiers rather than a copy of
 * them: a copy for each stretch, and a search of it for each reference, cost the product of the
 * definitions and the stretches (or references), which a document with thousands of them made
 * seconds. The differential tests hold the events it gives to micromark's own.
 */
function knownAnd(known: Identifiers): string[] {
  const found = new Set<string>();
  const view = {
    includes: (identifier: string): boolean => found.has(identifier) || known.has(identifier),
    push: (...identifiers: string[]): number => {
      for (const identifier of identifiers) found.add(identifier);
      return found.size;
    },
  };
  // micromark's types call it an array; it uses these two methods only (micromark 4,
  // micromark-extension-gfm-footnote 2).
  return view as unknown as string[];
}

/**
 * micromark's events for `source`, a stretch of the document that starts at offset `from` (the
 * start of a line), with offsets into the whole document. Throws what micromark throws (the
 * caller turns it into a located problem).
 */
export function tokenize(source: string, from: number, options: TokenizeOptions): Tokens {
  const parser = parserFor(options.frontMatter, source);
  parser.defined = knownAnd(options.definitions);
  parser.gfmFootnotes = knownAnd(options.footnotes);
  // A new record for each stretch: the one handed out below is not changed by a later stretch.
  const lazy: Record<number, boolean> = {};
  parser.lazy = lazy;
  // The preprocessor drops a byte-order mark at the start of its first input: give it an empty
  // first input, so that a U+FEFF at the start of a stretch is read as the text it is.
  const chunker = preprocess();
  chunker('', undefined, false);
  const chunks = chunker(source, undefined, true);
  const events = postprocess(parser.document({ line: options.line, column: 1, offset: from }).write(chunks));
  return { events, lazy: (line) => lazy[line] === true };
}
