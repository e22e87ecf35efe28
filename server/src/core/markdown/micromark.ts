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
  definitions: readonly string[];
  /** Footnote definitions of the whole document, likewise. */
  footnotes: readonly string[];
}

/** micromark's parser state that tokenizing changes; reset before each stretch. */
interface ParserState extends ParseContext {
  gfmFootnotes?: string[];
}

/**
 * GFM's literal autolinks (`www.example.com`, `https://…`, `name@example.com`) are tried at the
 * start of every word: the e-mail one on any letter or digit. Those failed attempts are a good
 * part of tokenizing prose, and micromark discards them without a trace. A stretch that holds no
 * `@` after a letter, digit or `+-._`, no `www.` and no `http://` or `https://` (in any case)
 * cannot hold the autolink in question, so it is read by a parser without that construct: the
 * events are the same (adjacent data tokens are merged either way), only the attempts are spared.
 */
const AUTOLINKS = [
  { name: 'emailAutolink', possible: /[\w+.-]@/ },
  { name: 'wwwAutolink', possible: /www\./i },
  { name: 'protocolAutolink', possible: /https?:\/\//i },
] as const;

/** One parser per front-matter setting and set of autolink constructs, built on first use. */
const parsers: Array<ParserState | undefined> = [];

/**
 * Creating a parser combines every construct table (about 0.1 ms), which a keystroke should not
 * pay, so they are reused. Tokenizing changes only `defined`, `gfmFootnotes` and `lazy` on one,
 * which `tokenize` resets.
 */
function parserFor(frontMatterAllowed: boolean, source: string): ParserState {
  let key = frontMatterAllowed ? 1 : 0;
  for (let k = 0; k < AUTOLINKS.length; k++) if (AUTOLINKS[k]!.possible.test(source)) key |= 2 << k;
  let parser = parsers[key];
  if (!parser) {
    const dropped = new Set<string>(AUTOLINKS.filter((_, k) => (key & (2 << k)) === 0).map((a) => a.name));
    const extensions = [withoutConstructs(gfm(), dropped), ...(frontMatterAllowed ? [frontmatter(['yaml'])] : [])];
    parser = parsers[key] = createParser({ extensions });
  }
  return parser;
}

/** `extension` without the text constructs named in `dropped`. */
function withoutConstructs(extension: Extension, dropped: ReadonlySet<string>): Extension {
  if (dropped.size === 0 || !extension.text) return extension;
  const text: NonNullable<Extension['text']> = {};
  for (const [code, value] of Object.entries(extension.text)) {
    const list = (Array.isArray(value) ? value : [value]).filter((construct): construct is Construct => construct !== undefined && !dropped.has(construct.name ?? ''));
    if (list.length > 0) text[Number(code)] = list;
  }
  return { ...extension, text };
}

/**
 * micromark's events for `source`, a stretch of the document that starts at offset `from` (the
 * start of a line), with offsets into the whole document. Throws what micromark throws (the
 * caller turns it into a located problem).
 */
export function tokenize(source: string, from: number, options: TokenizeOptions): Event[] {
  const parser = parserFor(options.frontMatter, source);
  parser.defined = [...options.definitions];
  parser.gfmFootnotes = [...options.footnotes];
  parser.lazy = {};
  // The preprocessor drops a byte-order mark at the start of its first input: give it an empty
  // first input, so that a U+FEFF at the start of a stretch is read as the text it is.
  const chunker = preprocess();
  chunker('', undefined, false);
  const chunks = chunker(source, undefined, true);
  return postprocess(parser.document({ line: options.line, column: 1, offset: from }).write(chunks));
}
