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
import type { Event, ParseContext } from 'micromark-util-types';

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

let withFrontMatter: ParserState | undefined;
let withoutFrontMatter: ParserState | undefined;

/**
 * One parser per set of extensions, reused: creating one combines every construct table (about
 * 0.1 ms), which a keystroke should not pay. Tokenizing changes only `defined`, `gfmFootnotes` and
 * `lazy` on it, which `tokenize` resets.
 */
function parserFor(frontMatterAllowed: boolean): ParserState {
  if (frontMatterAllowed) return (withFrontMatter ??= createParser({ extensions: [gfm(), frontmatter(['yaml'])] }));
  return (withoutFrontMatter ??= createParser({ extensions: [gfm()] }));
}

/**
 * micromark's events for `source`, a stretch of the document that starts at offset `from` (the
 * start of a line), with offsets into the whole document. Throws what micromark throws (the
 * caller turns it into a located problem).
 */
export function tokenize(source: string, from: number, options: TokenizeOptions): Event[] {
  const parser = parserFor(options.frontMatter);
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
