/**
 * The paragraphs of a part of a synthesis, read by the same Markdown parser as the rest of the
 * product (remark with GitHub's extensions), with their prose: the text a reader reads, with code,
 * HTML, images, link targets and markup characters blanked out.
 *
 * The document's index (`SynthesisDocument`) keeps no paragraphs, so this module parses the target
 * sections itself, each section's text once: a small cache keyed by the section's text means that
 * after an edit only the edited section is read again. When the document index one day lists its
 * paragraphs, this module becomes a lookup.
 */
import type { Nodes as MdNodes, Paragraph as MdParagraph, Parent as MdParent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
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

/**
 * Sections longer than this are split into paragraphs at blank lines instead of being parsed, as
 * the product does for very large documents (see limits.ts): the parser's cost grows faster than
 * the text.
 */
export const MAX_PARSED_SECTION = 200_000;

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Parsed section texts, most recently used last. */
const cache = new Map<string, ProseParagraph[]>();
const CACHE_ENTRIES = 256;
const CACHE_CHARACTERS = 4_000_000;
let cachedCharacters = 0;

/** The paragraphs of `text.slice(span.start, span.end)`, with offsets in `text`. */
export function proseParagraphs(text: string, span: Span): ProseParagraph[] {
  const slice = text.slice(span.start, span.end);
  let relative = cache.get(slice);
  if (relative) {
    cache.delete(slice);
    cache.set(slice, relative);
  } else {
    relative = slice.length > MAX_PARSED_SECTION ? paragraphsByLines(slice) : paragraphsByParser(slice);
    remember(slice, relative);
  }
  return span.start === 0 ? relative : relative.map((p) => shift(p, span.start));
}

function remember(slice: string, paragraphs: ProseParagraph[]): void {
  if (slice.length > CACHE_CHARACTERS / 4) return;
  cache.set(slice, paragraphs);
  cachedCharacters += slice.length;
  for (const [key] of cache) {
    if (cache.size <= CACHE_ENTRIES && cachedCharacters <= CACHE_CHARACTERS) break;
    cache.delete(key);
    cachedCharacters -= key.length;
  }
}

function shift(p: ProseParagraph, by: number): ProseParagraph {
  const move = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  return {
    span: move(p.span),
    prose: p.prose,
    lead: p.lead ? { span: move(p.lead.span), text: p.lead.text } : undefined,
    item: p.item ? { list: p.item.list, span: move(p.item.span), first: p.item.first } : undefined,
    listAfter: p.listAfter,
  };
}

function spanOf(node: MdNodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function paragraphsByParser(slice: string): ProseParagraph[] {
  let tree: MdParent;
  try {
    tree = markdown.parse(slice);
  } catch {
    // The parser does not throw on any text we know of; if it ever does, fall back rather than fail.
    return paragraphsByLines(slice);
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
            prose: proseOf(child, span, slice),
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
  visit(tree, undefined);
  return out;
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

/**
 * Paragraphs as runs of non-blank lines outside fenced code, skipping headings, HTML comments and
 * table rows: the reading of sections too long to parse. Prose is the source as written, and a
 * lead is a `**…**` at the start of a paragraph.
 */
export function paragraphsByLines(slice: string): ProseParagraph[] {
  const out: ProseParagraph[] = [];
  let fence: string | undefined;
  let start = -1;
  let end = -1;
  const close = (): void => {
    if (start < 0) return;
    const prose = slice.slice(start, end);
    const lead = /^\*\*([^*\n]{1,200})\*\*/.exec(prose);
    out.push({
      span: { start, end },
      prose,
      lead: lead ? { span: { start, end: start + lead[0].length }, text: lead[1]! } : undefined,
      item: undefined,
      listAfter: undefined,
    });
    start = -1;
  };
  let at = 0;
  while (at <= slice.length) {
    let lineEnd = slice.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = slice.length;
    const line = slice.slice(at, lineEnd).replace(/\r$/, '');
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    const marker = indent <= 3 ? /^(`{3,}|~{3,})/.exec(trimmed)?.[1] : undefined;
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && trimmed.slice(marker.length).trim() === '') fence = undefined;
    } else if (marker) {
      close();
      fence = marker;
    } else if (trimmed === '' || /^#{1,6}(?:\s|$)/.test(trimmed) || trimmed.startsWith('<!--') || trimmed.startsWith('|')) {
      close();
    } else {
      if (start < 0) start = at + indent;
      end = at + line.length;
    }
    if (lineEnd >= slice.length) break;
    at = lineEnd + 1;
  }
  close();
  return out;
}
