import type { Code, Heading as MdHeading, Html, Nodes, Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { scanCitations, type Citation } from './evidence.js';
import { isLargeDocument, parseLarge } from './limits.js';
import { buildSections } from './sections.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { scanTags, type SdgTag } from './sdg/tags.js';
import { normaliseLabel, parseSourcesLines, type SourcesBlock, type SourcesEntry } from './sources.js';
import { LineIndex } from './text.js';
import { LANGUAGES, type Language, type Message, type Span } from './types.js';
import { msg } from './i18n/message.js';

export interface Heading {
  depth: number;
  /** The heading's text content, as plain text. */
  text: string;
  /** The whole heading line(s). */
  span: Span;
  /** The heading's text, without `#` markers or setext underline. */
  textSpan: Span;
  tags: SdgTag[];
  /** The tag that starts the heading, which makes it a target section. */
  targetTag: SdgTag | undefined;
}

export interface Section {
  heading: Heading;
  /** From the heading to the next heading of the same or a higher level (or the end). */
  span: Span;
  /** Whether anything but headings lies in the section (its subsections included). */
  hasContent: boolean;
  /** Whether anything but headings lies between this heading and the next heading of any level. */
  hasOwnContent: boolean;
}

/** A number in prose directly followed by a sources label: a claim about that count. */
export interface ProseCount {
  value: number;
  valueSpan: Span;
  /** The label as written, and normalised. */
  label: string;
  key: string;
  span: Span;
}

export interface Suppression {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** 0-based line of the comment's start, and the line it applies from. */
  line: number;
  /** For `disable-next-line`: the line that is silenced. */
  targetLine: number;
}

export interface ParseProblem {
  span: Span;
  message: Message;
}

/**
 * The compact index of a synthesis that every feature works from. It keeps no syntax tree.
 */
export interface SynthesisDocument {
  text: string;
  lines: LineIndex;
  language: Language;
  frontMatter: FrontMatter | undefined;
  headings: Heading[];
  sections: Section[];
  /** Every SDG tag in headings and prose, in document order. */
  tags: SdgTag[];
  /** Citations of evaluations in prose (`[@EVAL-ID]`), in document order. */
  citations: Citation[];
  sourcesBlocks: SourcesBlock[];
  proseCounts: ProseCount[];
  suppressions: Suppression[];
  /** Problems with the document as a whole (e.g. nesting too deep to analyse). */
  problems: ParseProblem[];
  /**
   * Whether the text ends inside a fenced code block or an HTML block that is never closed: text
   * added at the end would land inside it.
   */
  endsOpen: boolean;
}

/** Deeper nesting than this is flattened before parsing: remark recurses once per level. */
export const MAX_NESTING = 64;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
/**
 * For a text that opens a front matter it never closes: the front-matter extension then misreads
 * later quotes and lists as paragraphs (micromark-extension-frontmatter#5), and such a text has no
 * front matter anyway.
 */
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

/** Whether the text starts with a `---` line that a later `---` line closes. */
function hasClosedFrontMatter(text: string): boolean {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return false;
  for (let at = text.indexOf('---', open[0].length); at >= 0; at = text.indexOf('---', at + 3)) {
    const before = text[at - 1];
    if (before !== '\n' && before !== '\r') continue;
    let end = at + 3;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (end === text.length || text[end] === '\n' || text[end] === '\r') return true;
  }
  return false;
}

export interface ParseOptions {
  /** The language of a document whose front matter names none (a project's `language`); English by default. */
  language?: Language;
}

/** Parses a synthesis into its index in one pass over the whole text. Never throws. */
export function parse(text: string, options: ParseOptions = {}): SynthesisDocument {
  const fallback = options.language ?? 'en';
  if (isLargeDocument(text)) return parseLarge(text, fallback);
  // The parser drops a byte-order mark and counts its offsets without it: parse what follows it
  // and put the index back in place.
  if (text.charCodeAt(0) === BOM) return assemble(text, [{ offset: 1, chunk: indexChunk(text.slice(1), undefined, fallback) }]);
  return assemble(text, [{ offset: 0, chunk: indexChunk(text, undefined, fallback) }]);
}

const BOM = 0xfeff;

/**
 * Parses successive versions of one document, re-parsing only the chunks (runs of blocks between
 * headings) that an edit touched: chunks wholly before the edit are reused in place, chunks wholly
 * after it are reused at their new offset. The result always equals `parse(text)`; a property test
 * holds it to that.
 */
export class IncrementalParser {
  private previous: { text: string; lines: LineIndex; chunks: Map<number, { end: number; chunk: ChunkIndex }> } | undefined;

  constructor(private readonly options: ParseOptions = {}) {}

  parse(text: string): SynthesisDocument {
    if (isLargeDocument(text) || text.charCodeAt(0) === BOM) {
      this.previous = undefined;
      return parse(text, this.options);
    }
    const starts = chunkStarts(text);
    const previous = this.previous;
    let prefix = 0;
    let suffix = 0;
    if (previous) {
      prefix = commonPrefix(previous.text, text);
      suffix = commonSuffix(previous.text, text, Math.min(previous.text.length, text.length) - prefix);
    }
    const delta = previous ? text.length - previous.text.length : 0;
    const chunks = new Map<number, { end: number; chunk: ChunkIndex }>();
    const parts: Array<{ offset: number; chunk: ChunkIndex }> = [];
    let language: Language | undefined;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? text.length;
      let chunk: ChunkIndex | undefined;
      if (previous && end <= prefix) {
        const old = previous.chunks.get(start);
        if (old && old.end === end) chunk = old.chunk;
      } else if (previous && start >= text.length - suffix) {
        const old = previous.chunks.get(start - delta);
        if (old && old.end === end - delta) chunk = old.chunk;
      }
      // The first chunk holds the front matter, which sets the language the others are read in.
      if (!chunk || (i > 0 && chunk.language !== language)) chunk = indexChunk(text.slice(start, end), i === 0 ? undefined : language, this.options.language ?? 'en');
      if (i === 0) language = chunk.language;
      chunks.set(start, { end, chunk });
      parts.push({ offset: start, chunk });
    }
    const lines = previous ? LineIndex.afterEdit(previous.lines, text, prefix, suffix) : new LineIndex(text);
    this.previous = { text, lines, chunks };
    return assemble(text, parts, lines);
  }
}

/**
 * Offsets where the text can be cut into chunks that parse exactly as they do in the whole:
 * before an ATX heading, or a paragraph starting with a letter, at column 0 after a blank line,
 * outside fenced code, HTML blocks
 * that run to an end marker (comments, <script>, <pre>…) and the front matter. A document with
 * link reference or footnote definitions is not cut: a definition reaches across the cut.
 */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  if (hasDefinition(text) || hasNestedFence(text)) return starts;
  let pos = 0;
  let fence = '';
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  let frontMatterOpen = /^---[ \t]*(?:\r?\n|\r)/.test(text);
  let first = true;
  let cr = -1;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let next = end + 1;
    if (cr !== Infinity && cr < pos) {
      cr = text.indexOf('\r', pos);
      if (cr < 0) cr = Infinity;
    }
    if (cr < end) {
      // A lone CR also ends a line; CRLF ends it at the CR.
      end = cr;
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    }
    // Most lines start with a letter: they matter only for `previousBlank`, and need no regex.
    const c = text.charCodeAt(pos);
    const special = c === 32 || c === 9 || c === 35 /* # */ || c === 45 /* - */ || c === 46 /* . */ || c === 60 /* < */ || c === 96 /* ` */ || c === 126; /* ~ */
    const blank = pos === end || ((c === 32 || c === 9) && text.slice(pos, end).trim() === '');
    if (special || frontMatterOpen || fence || htmlEnd) {
      const line = text.slice(pos, end);
      if (frontMatterOpen) {
        if (!first && /^---[ \t]*$/.test(line)) frontMatterOpen = false;
      } else if (fence) {
        if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \t]*$`).test(line)) fence = '';
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = undefined;
      } else {
        const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
        if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) {
          fence = f[1]!;
        } else if (/^ {0,3}</.test(line)) {
          const kind = HTML_BLOCKS.find(([open]) => open.test(line));
          if (kind && !kind[1].test(line.slice(line.indexOf('<') + 1))) htmlEnd = kind[1];
        } else if (previousBlank && !first && c === 35 && /^#{1,6}(?:[ \t]|$)/.test(line)) {
          starts.push(pos);
        }
      }
    } else if (previousBlank && !first && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      // A paragraph that starts with a letter at column 0 after a blank line begins a new block
      // whatever came before (a list, a quote or an HTML block has ended at the blank line): cutting
      // here keeps chunks to a few paragraphs, so an edit re-parses little even in a long report.
      starts.push(pos);
    }
    previousBlank = blank;
    first = false;
    pos = next;
  }
  // An unclosed front matter is not front matter at all: do not cut such a text.
  return frontMatterOpen ? [0] : starts;
}

const DEFINITION = /^ {0,3}\[(?:[^\]\\\r\n]|\\.)+\]:/;

/** Whether a line looks like a link reference or footnote definition (`[label]: …`). */
function hasDefinition(text: string): boolean {
  // Look only at the lines that hold "]:", which most documents never do.
  for (let at = text.indexOf(']:'); at >= 0; at = text.indexOf(']:', at + 2)) {
    const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    if (DEFINITION.test(text.slice(lineStart, at + 2))) return true;
  }
  return false;
}

/**
 * Whether a code fence opens or closes after container markers or indentation (`> ````, `- ````,
 * `  ````): whether such a fence is inside a list item or at the top level depends on the lines
 * around it, which the cutter does not track, so such a document is not cut.
 */
function hasNestedFence(text: string): boolean {
  for (const marker of ['```', '~~~']) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 3)) {
      const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
      if (at > lineStart && at - lineStart <= 200 && CONTAINER_PREFIX.test(text.slice(lineStart, at))) return true;
      // Skip the rest of a long run of markers.
      while (text.startsWith(marker[0]!, at + 3)) at++;
    }
  }
  return false;
}

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*$/;

/** Length of the common beginning of two texts: whole blocks compared natively, then characters. */
function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (n + block <= limit && a.slice(n, n + block) === b.slice(n, n + block)) n += block;
  }
  return n;
}

/** Length of the common end of two texts, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (n + block <= limit && a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)) n += block;
  }
  return n;
}
/** CommonMark HTML blocks of kinds 1–5, which end at a marker rather than at a blank line. */
const HTML_BLOCKS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-zA-Z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Replaces container markers nested deeper than MAX_NESTING with spaces (offsets unchanged), so a
 * hostile document cannot exhaust the parser's stack.
 */
function limitNesting(text: string, lines: LineIndex, problems: ParseProblem[]): string {
  let out: string[] | undefined;
  let flagged = false;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    // Only lines that begin with many markers are candidates: cheap pre-check on the first bytes.
    if (end - start < MAX_NESTING) continue;
    let depth = 0;
    let i = start;
    let cut = -1;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      if (c === 62 /* > */ || ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpace(text.charCodeAt(i + 1)))) {
        depth++;
        if (depth > MAX_NESTING && cut < 0) cut = i;
        i++;
        continue;
      }
      const m = /^\d{1,9}[.)](?=[ \t])/.exec(text.slice(i, i + 11));
      if (m) {
        depth++;
        if (depth > MAX_NESTING && cut < 0) cut = i;
        i += m[0].length;
        continue;
      }
      break;
    }
    if (cut >= 0) {
      out ??= [text];
      out.push(`${cut}:${i}`);
      if (!flagged) {
        flagged = true;
        problems.push({ span: { start, end }, message: msg('document.nesting', { max: MAX_NESTING }) });
      }
    }
  }
  if (!out) return text;
  const chars = text.split('');
  for (const range of out.slice(1)) {
    const [a, b] = range.split(':').map(Number) as [number, number];
    for (let k = a; k < b; k++) if (chars[k] !== ' ' && chars[k] !== '\t') chars[k] = ' ';
  }
  return chars.join('');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || Number.isNaN(c);
}

interface RawCount {
  value: number;
  valueSpan: Span;
  after: string;
  afterOffset: number;
}

interface RawSuppression {
  kind: Suppression['kind'];
  rules: string[];
  span: Span;
}

/** What one chunk of text contributes to the index, with offsets relative to the chunk. */
interface ChunkIndex {
  language: Language;
  frontMatter: FrontMatter | undefined;
  headings: Heading[];
  tags: SdgTag[];
  citations: Citation[];
  sourcesBlocks: SourcesBlock[];
  suppressions: RawSuppression[];
  rawCounts: RawCount[];
  /** Start offsets of top-level blocks that are not headings, for section content. */
  contentStarts: number[];
  problems: ParseProblem[];
  endsOpen: boolean;
}

/**
 * Parses one chunk. `language` is the document's language, or undefined for the first chunk,
 * whose front matter decides it (`fallback` when it names none).
 */
function indexChunk(text: string, language: Language | undefined, fallback: Language): ChunkIndex {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const safeText = limitNesting(text, lines, problems);
  let tree: Root;
  try {
    tree = (safeText.startsWith('---') && !hasClosedFrontMatter(safeText) ? withoutFrontMatter : processor).parse(safeText);
  } catch (error) {
    problems.push({ span: { start: 0, end: 0 }, message: msg('document.unreadable', { error: String(error).split('\n')[0]! }) });
    tree = { type: 'root', children: [] };
  }
  let frontMatter: FrontMatter | undefined;
  const first = tree.children[0];
  if (language === undefined) {
    if (first?.type === 'yaml') frontMatter = readFrontMatter(text, first);
    const value = frontMatter?.fields.get('language')?.value;
    language = LANGUAGES.includes(value as Language) ? (value as Language) : fallback;
  }
  const lang = language;
  const chunk: ChunkIndex = { language: lang, frontMatter, headings: [], tags: [], citations: [], sourcesBlocks: [], suppressions: [], rawCounts: [], contentStarts: [], problems, endsOpen: endsOpen(text, tree) };

  // An explicit stack rather than recursion: inline nesting (emphasis in emphasis…) can be deep.
  const stack: Array<[Nodes, number]> = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push([tree.children[i]!, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const start = node.position?.start.offset ?? 0;
    switch (node.type) {
      case 'yaml':
      case 'inlineCode':
        break;
      case 'code':
        if (depth === 1) chunk.contentStarts.push(start);
        if ((node.lang ?? '').toLowerCase() === 'sources') chunk.sourcesBlocks.push(readSources(lines, node, lang));
        break;
      case 'html': {
        if (depth === 1 && !/^<!--[\s\S]*-->\s*$/.test(node.value)) chunk.contentStarts.push(start);
        const directive = readSuppression(node);
        if (directive) chunk.suppressions.push(directive);
        break;
      }
      case 'heading':
        chunk.headings.push(readHeading(text, node, lang, chunk.tags));
        break;
      case 'text': {
        // Read the source text, not the node's value, so that offsets are exact even where the
        // value differs from the source (escapes, entities).
        const source = text.slice(start, node.position?.end.offset ?? start);
        append(chunk.tags, scanTags(source, start, lang));
        append(chunk.citations, scanCitations(source, start));
        collectNumbers(source, start, chunk.rawCounts);
        break;
      }
      default:
        if (depth === 1) chunk.contentStarts.push(start);
        if ('children' in node) {
          const children = node.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
        }
    }
  }
  chunk.tags.sort((a, b) => a.span.start - b.span.start);
  chunk.citations.sort((a, b) => a.span.start - b.span.start);
  return chunk;
}

/** Joins chunk indexes (shifted to document offsets) into the document's index. */
function assemble(text: string, parts: ReadonlyArray<{ offset: number; chunk: ChunkIndex }>, lines = new LineIndex(text)): SynthesisDocument {
  const first = parts[0]!.chunk;
  const doc: SynthesisDocument = {
    text,
    lines,
    language: first.language,
    frontMatter: first.frontMatter && parts[0]!.offset !== 0 ? shiftFrontMatter(first.frontMatter, parts[0]!.offset) : first.frontMatter,
    headings: [],
    sections: [],
    tags: [],
    citations: [],
    sourcesBlocks: [],
    proseCounts: [],
    suppressions: [],
    problems: [],
    endsOpen: parts[parts.length - 1]!.chunk.endsOpen,
  };
  const rawCounts: RawCount[] = [];
  const contentStarts: number[] = [];
  for (const { offset: d, chunk } of parts) {
    if (d === 0) {
      append(doc.headings, chunk.headings);
      append(doc.tags, chunk.tags);
      append(doc.citations, chunk.citations);
      append(doc.sourcesBlocks, chunk.sourcesBlocks);
      append(rawCounts, chunk.rawCounts);
      append(contentStarts, chunk.contentStarts);
      append(doc.problems, chunk.problems);
    } else {
      const tagCopies = new Map<SdgTag, SdgTag>();
      const copyTag = (t: SdgTag): SdgTag => {
        let c = tagCopies.get(t);
        if (!c) {
          c = { ...t, span: shift(t.span, d), refs: t.refs.map((r) => ({ ...r, span: shift(r.span, d) })) };
          tagCopies.set(t, c);
        }
        return c;
      };
      for (const h of chunk.headings) {
        doc.headings.push({ ...h, span: shift(h.span, d), textSpan: shift(h.textSpan, d), tags: h.tags.map(copyTag), targetTag: h.targetTag && copyTag(h.targetTag) });
      }
      for (const t of chunk.tags) doc.tags.push(copyTag(t));
      for (const c of chunk.citations) doc.citations.push({ id: c.id, span: shift(c.span, d) });
      for (const b of chunk.sourcesBlocks) doc.sourcesBlocks.push(shiftBlock(b, d));
      for (const r of chunk.rawCounts) rawCounts.push({ ...r, valueSpan: shift(r.valueSpan, d), afterOffset: r.afterOffset + d });
      for (const c of chunk.contentStarts) contentStarts.push(c + d);
      for (const p of chunk.problems) doc.problems.push({ ...p, span: shift(p.span, d) });
    }
    for (const s of chunk.suppressions) {
      const line = lines.positionAt(s.span.start + d).line;
      const endLine = lines.positionAt(s.span.end + d).line;
      doc.suppressions.push({ kind: s.kind, rules: s.rules, line, targetLine: s.kind === 'disable-next-line' ? endLine + 1 : line });
    }
  }
  contentStarts.sort((a, b) => a - b);
  doc.sections = buildSections(text, doc.headings, contentStarts);
  doc.proseCounts = matchCounts(rawCounts, doc.sourcesBlocks, doc.language);
  return doc;
}

/** `target.push(...items)` without the argument-count limit that a spread hits on huge arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Whether the last block of a parsed text is a fenced code block or an HTML block left open. */
function endsOpen(text: string, tree: Root): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last?.position) return false;
  const source = text.slice(last.position.start.offset, last.position.end.offset);
  if (last.type === 'code') {
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source);
    if (!fence) return false;
    const lines = source.split(/\r\n|\r|\n/);
    const closing = lines.length > 1 ? lines[lines.length - 1]!.trim() : '';
    return !(closing.length >= fence[1]!.length && closing === fence[1]![0]!.repeat(closing.length));
  }
  if (last.type === 'html') {
    const kind = HTML_BLOCKS.find(([open]) => open.test(source));
    return kind !== undefined && !kind[1].test(source.slice(source.indexOf('<') + 1));
  }
  return false;
}

function shift(span: Span, d: number): Span {
  return { start: span.start + d, end: span.end + d };
}

function shiftFrontMatter(fm: FrontMatter, d: number): FrontMatter {
  const fields = new Map([...fm.fields].map(([k, f]) => [k, { ...f, keySpan: shift(f.keySpan, d), valueSpan: shift(f.valueSpan, d) }]));
  return { span: shift(fm.span, d), contentSpan: shift(fm.contentSpan, d), fields, problems: fm.problems.map((p) => ({ ...p, span: shift(p.span, d) })) };
}

function shiftBlock(block: SourcesBlock, d: number): SourcesBlock {
  const copies = new Map<SourcesEntry, SourcesEntry>();
  const all = block.all.map((e) => {
    const c: SourcesEntry = { ...e, labelSpan: shift(e.labelSpan, d), countSpan: shift(e.countSpan, d), lineSpan: shift(e.lineSpan, d), children: [], parent: undefined };
    copies.set(e, c);
    return c;
  });
  for (const e of block.all) {
    const c = copies.get(e)!;
    c.parent = e.parent && copies.get(e.parent);
    c.children = e.children.map((x) => copies.get(x)!);
  }
  return {
    span: shift(block.span, d),
    entries: block.entries.map((e) => copies.get(e)!),
    all,
    problems: block.problems.map((p) => ({ ...p, span: shift(p.span, d) })),
  };
}

function readFrontMatter(text: string, node: Yaml): FrontMatter {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const open = text.indexOf('\n', start);
  const contentStart = open < 0 || open > end ? end : open + 1;
  // The content ends where the closing fence line begins.
  let contentEnd = text.lastIndexOf('\n', end - 1);
  if (contentEnd < contentStart) contentEnd = contentStart;
  if (text[contentEnd - 1] === '\r') contentEnd--;
  return parseFrontMatter(text.slice(contentStart, contentEnd), contentStart, { start, end });
}

function readHeading(text: string, node: MdHeading, language: Language, tags: SdgTag[]): Heading {
  const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
  const firstChild = node.children[0];
  const lastChild = node.children[node.children.length - 1];
  const textSpan =
    firstChild?.position && lastChild?.position
      ? { start: firstChild.position.start.offset!, end: lastChild.position.end.offset! }
      : { start: span.end, end: span.end };
  const raw = text.slice(textSpan.start, textSpan.end);
  const plain = plainText(node);
  // Tags are read from the source text of the heading so that their offsets are exact.
  const headingTags = scanTags(raw, textSpan.start, language).filter((t) => !insideCode(node, t.span));
  append(tags, headingTags);
  const lead = /^[*_]*/.exec(raw)![0].length;
  const firstTag = headingTags[0];
  const targetTag =
    firstTag && firstTag.span.start === textSpan.start + lead && firstTag.refs.length > 0 && firstTag.refs.every((r) => r.kind !== 'goal')
      ? firstTag
      : undefined;
  return { depth: node.depth, text: plain, span, textSpan, tags: headingTags, targetTag };
}

function insideCode(node: MdHeading, span: Span): boolean {
  return node.children.some((c) => c.type === 'inlineCode' && c.position!.start.offset! <= span.start && span.start < c.position!.end.offset!);
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function readSources(lines: LineIndex, node: Code, language: Language): SourcesBlock {
  const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
  const firstLine = lines.positionAt(span.start).line;
  // The node's value holds the content lines with fence indentation and container markers
  // (blockquote, list) removed; each value line ends where its source line ends.
  const contentLines = node.value === '' ? [] : node.value.split(/\r?\n|\r/).map((t, i) => ({
    text: t,
    offset: lines.lineEnd(firstLine + 1 + i) - t.length,
  }));
  return parseSourcesLines(contentLines, span, language);
}

const DIRECTIVE = /^<!--\s*synthlint-(disable-next-line|disable|enable)\b([^>]*?)-->/;

function readSuppression(node: Html): RawSuppression | undefined {
  const m = DIRECTIVE.exec(node.value.trim());
  if (!m) return undefined;
  const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as Suppression['kind'], rules, span: { start: node.position!.start.offset!, end: node.position!.end.offset! } };
}

// A number as writers set it: 21, 3,076, 3 076. Not part of a decimal, a version or an SDG id.
const NUMBER = /(?<![\p{N}.,/])(\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{1,3}(?: \d{3})+(?![\p{N}])|\d{1,15})(?![\p{N}]|[.,]\p{N})/gu;

function collectNumbers(value: string, base: number, out: RawCount[]): void {
  if (!/\d/.test(value)) return;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(value); m; m = NUMBER.exec(value)) {
    const end = m.index + m[0].length;
    const after = value.slice(end, end + 120);
    // The label may follow on the next line of the same paragraph.
    if (!/^[ \t\u00a0]*(?:\r\n|\r|\n)?[ \t\u00a0]*\p{L}/u.test(after) || !/^\s/u.test(after)) continue;
    out.push({
      value: Number(m[1]!.replace(/[^\d]/g, '')),
      valueSpan: { start: base + m.index, end: base + end },
      after,
      afterOffset: base + end,
    });
  }
}

function matchCounts(raw: RawCount[], blocks: SourcesBlock[], language: Language): ProseCount[] {
  const keys = new Set<string>();
  let maxWords = 0;
  for (const block of blocks) {
    for (const entry of block.all) {
      keys.add(entry.key);
      maxWords = Math.max(maxWords, entry.key.split(' ').length);
    }
  }
  if (keys.size === 0) return [];
  const counts: ProseCount[] = [];
  const word = /[ \t\u00a0]*(?:\r\n|\r|\n)?[ \t\u00a0]*([\p{L}\p{N}'’-]+)/uy;
  for (const r of raw) {
    // The words right after the number, with their offsets.
    const words: Array<{ text: string; end: number }> = [];
    word.lastIndex = 0;
    for (let m = word.exec(r.after); m && words.length < maxWords; m = word.exec(r.after)) {
      words.push({ text: m[1]!, end: word.lastIndex });
    }
    // Longest label first: "evaluation reports" before "evaluation".
    for (let n = words.length; n >= 1; n--) {
      const label = words.slice(0, n).map((w) => w.text).join(' ');
      const key = normaliseLabel(label, language);
      if (keys.has(key)) {
        const labelStart = r.afterOffset + (r.after.length - r.after.trimStart().length);
        const end = r.afterOffset + words[n - 1]!.end;
        counts.push({ value: r.value, valueSpan: r.valueSpan, label: r.after.slice(labelStart - r.afterOffset, end - r.afterOffset).replace(/\s+/g, ' '), key, span: { start: r.valueSpan.start, end } });
        break;
      }
    }
  }
  return counts;
}
