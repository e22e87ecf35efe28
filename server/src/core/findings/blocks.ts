/**
 * The paragraphs of a part of a synthesis, read by the same Markdown parser as the rest of the
 * product (micromark with GitHub's extensions, and remark's tree builder), with their prose: the text a reader reads, with code,
 * HTML, images, link targets and markup characters blanked out.
 *
 * The document's index (`SynthesisDocument`) keeps no paragraphs, so this module parses the parts
 * it is asked for itself, one top-level block at a time: what a block holds depends on its text
 * and on the definitions of the document that it might refer to, so its paragraphs are kept
 * (relative to its start) under the block's `identity`, which the document's parser changes for
 * the blocks an edit touched and for those that might refer to a definition an edit added or
 * removed. After a keystroke, one block is read again, however long the document. When the
 * document index one day lists its paragraphs, this module becomes a lookup.
 *
 * A block is read with the document's definitions that it might refer to written before it
 * (`[ID]: #`, `[^ID]: #`, then a blank line), so that a reference link or image whose definition
 * stands in another block reads as it does in the whole document: its label is not prose. A block
 * that micromark reads with what comes before it still open (after an indented code block, or
 * going on after link definitions or a paragraph with no blank line between) is read together
 * with the blocks before it, from where the document's parser would start reading it. It is
 * read as the document's index reads it: container markers nested deeper than the limit are
 * plain text (see limits.ts; the index says so in a finding), and micromark is given the GFM
 * constructs the block can hold (see markdown/micromark.ts), so the work grows with the block's
 * length as the index's does, however long the block.
 */
import type { Nodes as MdNodes, Paragraph as MdParagraph, Parent as MdParent } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { flattenNesting } from '../limits.js';
import { blockAt, cutsBefore } from '../markdown/document.js';
import { labelsIn } from '../markdown/labels.js';
import { gfmFor } from '../markdown/micromark.js';
import type { SynthesisDocument } from '../parse.js';
import type { Span } from '../types.js';

export interface ProseParagraph {
  span: Span;
  /**
   * The paragraph's source with everything that is not prose replaced by spaces (code, HTML,
   * images, link targets, emphasis markers): as long as the span, so offsets carry over.
   */
  prose: string;
  /** Strong emphasis that opens the paragraph (`**Consideration:**`): where it is and its text. */
  lead: { span: Span; text: string } | undefined;
  /** The list item the paragraph stands in, if any: the item's span, and whether this is its first paragraph. */
  item: { list: number; span: Span; first: boolean } | undefined;
  /** The number of a list that follows this paragraph directly (the next block after it). */
  listAfter: number | undefined;
}

const mdastGfm = gfmFromMarkdown();

/** The paragraphs of one stretch of text, with offsets relative to its start. */
interface Piece {
  paragraphs: ProseParagraph[];
  /** How many lists it numbered (from 0). */
  lists: number;
  /** Whether it opens with a list (numbered 0): the list after a paragraph that ends the stretch before. */
  opensWithList: boolean;
  /** Whether it ends with a paragraph (its last): the paragraph before a list that opens the next stretch. */
  endsWithParagraph: boolean;
}

/** Pieces of whole top-level blocks, by the block's identity. */
const byBlock = new WeakMap<object, Piece>();

/**
 * Pieces by their text, most recently used last: parts of blocks (a section that starts or ends
 * inside a block), and blocks the parser made anew with the text they had.
 */
const byText = new Map<string, Piece>();
const CACHE_ENTRIES = 256;
const CACHE_CHARACTERS = 4_000_000;
let cachedCharacters = 0;

/**
 * The paragraphs of `document.source.slice(span.start, span.end)`, with offsets in the text; without
 * those that start inside one of `leaveOut` (spans in document order, such as the nested sections
 * of a section, which may be most of it: they are left out before they are copied).
 */
export function proseParagraphs(document: SynthesisDocument, span: Span, leaveOut: readonly Span[] = []): ProseParagraph[] {
  const { source: text, blocks } = document;
  const out: ProseParagraph[] = [];
  let lists = 0;
  let endsWithParagraph = false;
  /** Whether the last paragraph read was kept (it is then the last of `out`). */
  let lastKept = false;
  let skip = 0;
  const left = (start: number): boolean => {
    // Paragraphs come in order: spans that end before one cannot hold the next.
    while (skip < leaveOut.length && leaveOut[skip]!.end <= start) skip++;
    for (let i = skip; i < leaveOut.length && leaveOut[i]!.start <= start; i++) if (start < leaveOut[i]!.end) return true;
    return false;
  };
  const add = (piece: Piece, at: number): void => {
    // A paragraph that ends one stretch is followed by the list that opens the next.
    if (endsWithParagraph && piece.opensWithList && lastKept) out[out.length - 1]!.listAfter = lists;
    for (const p of piece.paragraphs) {
      lastKept = leaveOut.length === 0 || !left(p.span.start + at);
      if (lastKept) out.push(shift(p, at, lists));
    }
    lists += piece.lists;
    endsWithParagraph = piece.endsWithParagraph;
  };
  const part = (start: number, end: number, from = start): void => {
    if (text.slice(start, end).trim() !== '') add(pieceOfText(from, start, end, document), start);
  };
  // micromark reads a block right after an indented code block, or one that goes on after link
  // definitions or a paragraph with no blank line between (a line `-` or `2)` there is paragraph
  // text, not a list), with what comes before it still open (see markdown/document.ts,
  // cutsBefore): such a block is read from the block where the document's parser may start.
  const readFrom = (k: number): number => {
    let j = k;
    while (!cutsBefore(blocks, j)) j--;
    return blocks[j]!.start;
  };
  let k = blockAt(blocks, span.start);
  if (k < 0) {
    // Before the first block: only a byte-order mark.
    k = 0;
  } else if (blocks[k]!.start < span.start) {
    part(span.start, Math.min(blocks[k]!.end, span.end));
    k++;
  }
  for (; k < blocks.length && blocks[k]!.start < span.end; k++) {
    const block = blocks[k]!;
    if (block.end > span.end) {
      part(block.start, span.end, readFrom(k));
      break;
    }
    let piece = byBlock.get(block.identity);
    if (!piece) {
      // The parser reads a few blocks around an edit again, most of them as they were: by their text.
      piece = pieceOfText(readFrom(k), block.start, block.end, document);
      byBlock.set(block.identity, piece);
    }
    add(piece, block.start);
  }
  return out;
}

/**
 * The piece of `[start, end)`, which starts at the start of a line, read from `from` (a block start
 * at or before it, where micromark may start reading the document): only what starts at `start`
 * or after is kept. A piece kept under a block's identity stays true while the blocks between
 * are unchanged: the document's parser cannot start or stop reading at the block, so it reads
 * the block again (a new identity) whenever it reads one of them again.
 */
function pieceOfText(from: number, start: number, end: number, document: SynthesisDocument): Piece {
  const slice = flattenNesting(document.source, from, end, document.lines).text;
  const source = definitionsFor(slice, document) + slice;
  // The same text read from another place keeps other paragraphs.
  const key = from === start ? source : `${start - from}\u0000${source}`;
  let piece = byText.get(key);
  if (piece) {
    byText.delete(key);
    byText.set(key, piece);
    return piece;
  }
  piece = readPiece(source, source.length - (end - start));
  if (key.length > CACHE_CHARACTERS / 4) return piece;
  byText.set(key, piece);
  cachedCharacters += key.length;
  for (const [old] of byText) {
    if (byText.size <= CACHE_ENTRIES && cachedCharacters <= CACHE_CHARACTERS) break;
    byText.delete(old);
    cachedCharacters -= old.length;
  }
  return piece;
}

/**
 * The definitions of the document that `slice` might refer to, as lines of Markdown followed by
 * a blank line ('' when there are none): those one of its labels names (see markdown/labels.ts,
 * which also decides which blocks the document's parser reads again when a definition comes or
 * goes). The destination does not matter to prose.
 */
function definitionsFor(slice: string, document: SynthesisDocument): string {
  if ((document.definitions.size === 0 && document.footnotes.size === 0) || !slice.includes(']')) return '';
  let lines = '';
  // An identifier that does not read back as itself (a few case mappings) is left out.
  const write = (id: string, opener: string): void => {
    if (normalizeIdentifier(id) === id) lines += `${opener}${id}]: #\n`;
  };
  for (const label of labelsIn(slice)) {
    if (document.definitions.has(label)) write(label, '[');
    if (label.startsWith('^') && document.footnotes.has(label.slice(1))) write(label.slice(1), '[^');
  }
  return lines === '' ? '' : `${lines}\n`;
}

function readPiece(source: string, from: number): Piece {
  const piece = paragraphsByParser(source, from);
  return from === 0 ? piece : { ...piece, paragraphs: piece.paragraphs.map((p) => shift(p, -from, 0)) };
}

/** A paragraph moved to `by`, its lists numbered after the `lists` before it. */
function shift(p: ProseParagraph, by: number, lists: number): ProseParagraph {
  const move = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  return {
    span: move(p.span),
    prose: p.prose,
    lead: p.lead ? { span: move(p.lead.span), text: p.lead.text } : undefined,
    item: p.item ? { list: p.item.list + lists, span: move(p.item.span), first: p.item.first } : undefined,
    listAfter: p.listAfter === undefined ? undefined : p.listAfter + lists,
  };
}

function spanOf(node: MdNodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/**
 * The paragraphs of `source` from offset `from` on (what comes before is definitions written for
 * the parse), with offsets in `source`.
 */
function paragraphsByParser(source: string, from: number): Piece {
  let tree: MdParent;
  try {
    tree = fromMarkdown(source, { extensions: [gfmFor(source)], mdastExtensions: [mdastGfm] });
  } catch {
    // The parser throws on no text we know of, nesting too deep included (flattened above); if it
    // ever does, the block has no paragraphs to check rather than the check failing.
    return { paragraphs: [], lists: 0, opensWithList: false, endsWithParagraph: false };
  }
  const out: ProseParagraph[] = [];
  let lists = 0;
  const visit = (parent: MdParent, item: ProseParagraph['item']): void => {
    const children = parent.children as MdNodes[];
    const listIds = new Map<MdNodes, number>();
    for (const child of children) if (child.type === 'list') listIds.set(child, lists++);
    let firstInItem = item !== undefined;
    children.forEach((child, i) => {
      switch (child.type) {
        case 'paragraph': {
          const span = spanOf(child);
          if (!span) return;
          const next = children[i + 1];
          out.push({
            span,
            prose: proseOf(child, span, source),
            lead: leadOf(child, span),
            item: item ? { ...item, first: firstInItem } : undefined,
            listAfter: next && next.type === 'list' ? listIds.get(next) : undefined,
          });
          firstInItem = false;
          return;
        }
        case 'list': {
          const id = listIds.get(child)!;
          for (const entry of child.children) {
            const span = spanOf(entry);
            if (span) visit(entry, { list: id, span, first: true });
          }
          firstInItem = false;
          return;
        }
        case 'blockquote':
          visit(child, item);
          firstInItem = false;
          return;
        default:
          // Headings, code, HTML, tables, footnote definitions: not findings or considerations.
          firstInItem = false;
      }
    });
  };
  // The definitions written before the text are read as definitions: no paragraphs, no lists.
  const top = (tree.children as MdNodes[]).filter((node) => (node.position?.start.offset ?? from) >= from);
  visit({ type: 'root', children: top } as MdParent, undefined);
  // Lists directly in the root are numbered first, in order: a list that opens the text is number 0.
  return { paragraphs: out, lists, opensWithList: top[0]?.type === 'list', endsWithParagraph: top[top.length - 1]?.type === 'paragraph' };
}

/** Copies the source of the paragraph's text nodes; everything else stays blank. */
function proseOf(paragraph: MdParagraph, span: Span, slice: string): string {
  const chars = new Array<string>(span.end - span.start).fill(' ');
  const copy = (node: MdNodes): void => {
    if (node.type === 'text') {
      const s = spanOf(node);
      if (!s) return;
      for (let o = Math.max(s.start, span.start); o < Math.min(s.end, span.end); o++) chars[o - span.start] = slice[o]!;
      return;
    }
    if ('children' in node) for (const child of node.children as MdNodes[]) copy(child);
  };
  copy(paragraph);
  return chars.join('');
}

function leadOf(paragraph: MdParagraph, span: Span): ProseParagraph['lead'] {
  const first = paragraph.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const s = spanOf(first);
  if (!s || s.start !== span.start) return undefined;
  return { span: s, text: plainText(first) };
}

function plainText(node: MdNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as MdNodes[]).map(plainText).join('');
  return '';
}
