/**
 * From micromark's events to the index, one top-level block at a time.
 *
 * A top-level block is what stands directly in the document: a paragraph (with any link
 * definitions before it), a heading, a list, a block quote, a fenced block, a table, an HTML
 * block… It runs from the start of its first line to the start of the next block, blank lines
 * included. Blocks are the unit that the incremental parser reuses (document.ts).
 *
 * The walk below reads the events the way remark builds its tree from them
 * (mdast-util-from-markdown): what it calls a text node is a run of text tokens with no other
 * node between them under the same parent, and only text nodes are searched for SDG tags,
 * citations and counts; code, HTML, link destinations and image descriptions are not.
 */
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Token } from 'micromark-util-types';
import { scanCitations, type Citation } from '../evidence.js';
import { parseFrontMatter, type FrontMatter } from '../frontmatter.js';
import type { Heading, ParseProblem, Suppression } from '../parse.js';
import { scanTags, type SdgTag } from '../sdg/tags.js';
import { parseSourcesLines, type SourcesBlock } from '../sources.js';
import type { Text } from '../pieces.js';
import type { LineIndex } from '../text.js';
import { LANGUAGES, type Language, type Span } from '../types.js';
import { msg } from '../i18n/message.js';
import { MAX_NESTING } from '../limits.js';

/** A number in prose followed by a word, before it is matched against the sources labels. */
export interface RawCount {
  value: number;
  valueSpan: Span;
  /** Up to 120 characters of the text node after the number. */
  after: string;
  afterOffset: number;
}

/** A suppression comment before its lines are known. */
export interface RawSuppression {
  kind: Suppression['kind'];
  rules: string[];
  span: Span;
}

/** What one top-level block contributes to the index. Offsets are document offsets. */
export interface Block {
  /** Start of the block's first line. */
  start: number;
  /** Start of the next block (or the end of the text). */
  end: number;
  headings: Heading[];
  tags: SdgTag[];
  citations: Citation[];
  sourcesBlocks: SourcesBlock[];
  /** Fenced code blocks (sources blocks among them), from the opening fence to the closing one. */
  codeBlocks: Span[];
  suppressions: RawSuppression[];
  rawCounts: RawCount[];
  /** Where the block's content starts when it is more than headings and comments; -1 otherwise. */
  content: number;
  /** Link reference definitions and footnote definitions it declares (micromark's identifiers). */
  definitions: string[];
  footnotes: string[];
  frontMatter: FrontMatter | undefined;
  problems: ParseProblem[];
  /** Whether the block is a fenced code block without its closing fence. */
  unclosedFence: boolean;
  /** The type of its last top-level token (micromark's name: `htmlFlow`, `codeFenced`…). */
  last: string;
  /**
   * Whether micromark read its first line with the block before it still open, so that read again
   * from its own start it may be read otherwise (the parser never starts there):
   * - it follows link definitions or a paragraph with no blank line between: micromark reads its
   *   first line with that run of lines still open, so a line such as `-`, `*` or `2)` there
   *   continues the paragraph, is a heading's text or a table's head row, and an empty list item
   *   (or a list numbered from 2) at the start of a quote or list that interrupts the paragraph is
   *   paragraph text; read again from its own start, it would be a list;
   * - or its first line is one micromark read as a lazy line of the list or quote before it (a
   *   line that does not go on with the container, and closes it only once it has been read), and
   *   either it is an indented code block, which micromark ends with that line where from its own
   *   start it goes on over the indented lines after it, or the line before it is not blank: the
   *   container's last block is then still micromark's latest, and a table there takes the line
   *   for a row it refuses, where from its own start the line may head a table. micromark's
   *   other looks at a lazy line or at the block before (a setext underline, HTML, a fence's
   *   closing line, the line after) reach past a blank line only in these ways.
   */
  joined: boolean;
  /**
   * Stands for the block's text: the same object in every version that holds this block unchanged,
   * wherever an edit moved it, so that what is computed from the block's text alone (with offsets
   * relative to its start) can be kept across edits, keyed by it.
   */
  identity: object;
}

/** Shared by blocks that have none of a kind of entry, to keep thousands of blocks small. */
const NONE: never[] = [];
Object.freeze(NONE);

function newBlock(start: number): Block {
  return {
    start,
    end: start,
    headings: NONE,
    tags: NONE,
    citations: NONE,
    sourcesBlocks: NONE,
    codeBlocks: NONE,
    suppressions: NONE,
    rawCounts: NONE,
    content: -1,
    definitions: NONE,
    footnotes: NONE,
    frontMatter: undefined,
    problems: NONE,
    unclosedFence: false,
    last: '',
    joined: false,
    identity: {},
  };
}

/** Appends to one of a block's lists, replacing the shared empty list on first use. */
function add<K extends 'headings' | 'tags' | 'citations' | 'sourcesBlocks' | 'codeBlocks' | 'suppressions' | 'rawCounts' | 'definitions' | 'footnotes' | 'problems'>(
  block: Block,
  key: K,
  item: Block[K][number],
): void {
  let list = block[key] as Array<Block[K][number]>;
  if (list === NONE) {
    list = [];
    (block as unknown as Record<K, unknown>)[key] = list;
  }
  list.push(item);
}

/**
 * A block moved by `d` characters (an edit before it), sharing nothing with the original. Done for
 * every block after an edit, so written for speed: no closures, plain indexed loops, lists that are
 * empty (most of them) kept as they are, and the map that keeps a heading's tags the same objects as
 * the block's only for blocks that hold headings.
 */
export function shiftBlock(block: Block, d: number): Block {
  let tags = block.tags;
  let headings = block.headings;
  if (headings.length > 0) {
    const copies = new Map<SdgTag, SdgTag>();
    const tag = (t: SdgTag): SdgTag => {
      let c = copies.get(t);
      if (!c) copies.set(t, (c = shiftTag(t, d)));
      return c;
    };
    headings = headings.map((h) => ({ depth: h.depth, text: h.text, span: shift(h.span, d), textSpan: shift(h.textSpan, d), tags: h.tags.map(tag), targetTag: h.targetTag && tag(h.targetTag) }));
    tags = tags.map(tag);
  } else if (tags.length > 0) {
    const out = new Array<SdgTag>(tags.length);
    for (let i = 0; i < tags.length; i++) out[i] = shiftTag(tags[i]!, d);
    tags = out;
  }
  let rawCounts = block.rawCounts;
  if (rawCounts.length > 0) {
    const out = new Array<RawCount>(rawCounts.length);
    for (let i = 0; i < rawCounts.length; i++) {
      const r = rawCounts[i]!;
      out[i] = { value: r.value, valueSpan: shift(r.valueSpan, d), after: r.after, afterOffset: r.afterOffset + d };
    }
    rawCounts = out;
  }
  const citations = block.citations;
  const sourcesBlocks = block.sourcesBlocks;
  const codeBlocks = block.codeBlocks;
  const suppressions = block.suppressions;
  const problems = block.problems;
  return {
    start: block.start + d,
    end: block.end + d,
    // In newBlock's order, so that moved blocks share the shape of fresh ones.
    headings,
    tags,
    citations: citations.length === 0 ? citations : citations.map((c) => ({ id: c.id, span: shift(c.span, d) })),
    sourcesBlocks: sourcesBlocks.length === 0 ? sourcesBlocks : sourcesBlocks.map((b) => shiftSources(b, d)),
    codeBlocks: codeBlocks.length === 0 ? codeBlocks : codeBlocks.map((c) => shift(c, d)),
    suppressions: suppressions.length === 0 ? suppressions : suppressions.map((x) => ({ kind: x.kind, rules: x.rules, span: shift(x.span, d) })),
    rawCounts,
    content: block.content < 0 ? -1 : block.content + d,
    definitions: block.definitions,
    footnotes: block.footnotes,
    // Only the first block holds a front matter, and the first block never moves.
    frontMatter: block.frontMatter,
    problems: problems.length === 0 ? problems : problems.map((p) => ({ span: shift(p.span, d), message: p.message })),
    unclosedFence: block.unclosedFence,
    last: block.last,
    joined: block.joined,
    identity: block.identity,
  };
}

function shiftTag(t: SdgTag, d: number): SdgTag {
  const refs = new Array<SdgTag['refs'][number]>(t.refs.length);
  for (let i = 0; i < refs.length; i++) {
    const r = t.refs[i]!;
    refs[i] = { kind: r.kind, id: r.id, goal: r.goal, span: { start: r.span.start + d, end: r.span.end + d } };
  }
  return { span: { start: t.span.start + d, end: t.span.end + d }, raw: t.raw, prefix: t.prefix, refs };
}

function shift(span: Span, d: number): Span {
  return { start: span.start + d, end: span.end + d };
}

function shiftSources(block: SourcesBlock, d: number): SourcesBlock {
  const copies = new Map<SourcesBlock['all'][number], SourcesBlock['all'][number]>();
  const all = block.all.map((e) => {
    const c = { ...e, labelSpan: shift(e.labelSpan, d), countSpan: shift(e.countSpan, d), lineSpan: shift(e.lineSpan, d), children: [], parent: undefined };
    copies.set(e, c);
    return c;
  });
  for (const e of block.all) {
    const c = copies.get(e)!;
    c.parent = e.parent && copies.get(e.parent);
    c.children = e.children.map((x) => copies.get(x)!);
  }
  return { span: shift(block.span, d), entries: block.entries.map((e) => copies.get(e)!), all, problems: block.problems.map((p) => ({ ...p, span: shift(p.span, d) })) };
}

// -------------------------------------------------------------------------------------------
// Token kinds, as remark's tree builder treats them.

/**
 * Tokens that stand between top-level blocks rather than starting one. micromark moves the end of
 * a list or quote before the line endings after it, and the spaces of those (blank) lines with
 * them (`linePrefix`, or `listItemIndent` in a list): they belong to the container before.
 */
const BETWEEN_BLOCKS = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'listItemIndent', 'whitespace']);

const enum Kind {
  /** A node whose children may include text nodes; line endings in it are text. */
  TextWithEols = 1,
  /** A node whose children may include text nodes; line endings in it are not text. */
  Text,
  /** A node whose children are never text nodes (containers, code, HTML, images…). */
  Opaque,
  /** A string remark reads into a property (a label, a destination…): never text nodes. */
  Buffer,
  /** Text that becomes or extends a text node. */
  Data,
}

const KINDS = new Map<string, Kind>([
  ['paragraph', Kind.TextWithEols],
  ['atxHeading', Kind.TextWithEols],
  ['setextHeading', Kind.TextWithEols],
  ['emphasis', Kind.TextWithEols],
  ['strong', Kind.TextWithEols],
  ['strikethrough', Kind.TextWithEols],
  ['link', Kind.Text],
  ['autolink', Kind.Text],
  ['literalAutolink', Kind.Text],
  ['tableHeader', Kind.Text],
  ['tableData', Kind.Text],
  ['blockQuote', Kind.Opaque],
  ['listOrdered', Kind.Opaque],
  ['listUnordered', Kind.Opaque],
  ['gfmFootnoteDefinition', Kind.Opaque],
  ['table', Kind.Opaque],
  ['tableRow', Kind.Opaque],
  ['thematicBreak', Kind.Opaque],
  ['definition', Kind.Opaque],
  ['image', Kind.Opaque],
  ['gfmFootnoteCall', Kind.Opaque],
  ['hardBreakEscape', Kind.Opaque],
  ['hardBreakTrailing', Kind.Opaque],
  ['codeText', Kind.Opaque],
  ['codeFenced', Kind.Opaque],
  ['codeIndented', Kind.Opaque],
  ['htmlFlow', Kind.Opaque],
  ['htmlText', Kind.Opaque],
  ['yaml', Kind.Opaque],
  ['label', Kind.Buffer],
  ['reference', Kind.Buffer],
  ['resource', Kind.Buffer],
  ['definitionLabelString', Kind.Buffer],
  ['gfmFootnoteCallString', Kind.Buffer],
  ['gfmFootnoteDefinitionLabelString', Kind.Buffer],
  ['codeFencedFenceInfo', Kind.Buffer],
  ['codeFencedFenceMeta', Kind.Buffer],
  ['data', Kind.Data],
  ['characterEscape', Kind.Data],
  ['characterReference', Kind.Data],
  ['autolinkProtocol', Kind.Data],
  ['autolinkEmail', Kind.Data],
  ['literalAutolinkHttp', Kind.Data],
  ['literalAutolinkWww', Kind.Data],
  ['literalAutolinkEmail', Kind.Data],
]);

/** An open node (or string) of the tree remark would build, with the text node being extended in it. */
interface Frame {
  type: string;
  kind: Kind;
  /** The open text node among its children: source start and end, or -1. */
  runStart: number;
  runEnd: number;
}

/** An open heading: where its children start and end, and its plain text. */
interface OpenHeading {
  start: number;
  depth: number;
  /** Frame depth of the heading itself: its direct children sit one deeper. */
  frame: number;
  firstChild: number;
  lastChildEnd: number;
  /** Inline code directly in the heading: tags there are not tags. */
  code: Span[];
  text: string;
}

export interface WalkContext {
  text: Text;
  lines: LineIndex;
  /** The document's language, for SDG tag prefixes; a front matter in the stretch sets it. */
  language: Language;
  /** Offsets of lines whose container markers were flattened (see limits.ts), ascending. */
  flattened: readonly number[];
  /** Whether micromark read a line (1-based) as a lazy line of the containers above it (see micromark.ts). */
  lazy: (line: number) => boolean;
}

/**
 * The blocks of `[from, to)` from micromark's events for that stretch. They cover the stretch
 * without gaps: the first starts at `from`, the last ends at `to`.
 */
export function blocksFromEvents(context: WalkContext, events: readonly Event[], from: number, to: number): Block[] {
  return new Walker(context, from).walk(events, to);
}

class Walker {
  private readonly text: Text;
  private readonly blocks: Block[] = [];
  private block: Block;
  private readonly frames: Frame[] = [];
  /** End of the latest line ending between top-level blocks: where the next block's line starts. */
  private lineStart: number;
  private heading: OpenHeading | undefined;
  /** Whether the current block has seen its first token. */
  private started = false;
  /** Whether a blank line came since the last top-level token. */
  private blankSince = false;
  /** After a setext heading's text, its underline's line ending is not text. */
  private slurpLineEnding = false;
  /** A hard break takes the line ending after it. */
  private atHardBreak = false;
  /** Open inline code and HTML: their text, for heading text and suppression comments. */
  private codeText: string | undefined;
  private html: string | undefined;
  /** The open fenced code block. */
  private fence: { sources: boolean; value: string; fences: number; infoSeen: boolean } | undefined;

  private language: Language;

  constructor(
    private readonly context: WalkContext,
    from: number,
  ) {
    this.text = context.text;
    this.language = context.language;
    this.block = newBlock(from);
    this.blocks.push(this.block);
    this.lineStart = from;
  }

  walk(events: readonly Event[], to: number): Block[] {
    let depth = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const token = event[1];
      if (event[0] === 'enter') {
        if (depth === 0) this.topLevel(token);
        depth++;
        this.enter(token);
        // A character escape or reference is one piece of text: skip its parts.
        if (token.type === 'characterEscape' || token.type === 'characterReference') {
          while (events[i + 1] && events[i + 1]![1] !== token) i++;
          i++;
          depth--;
        }
      } else {
        depth--;
        this.exit(token, depth);
      }
    }
    for (let k = 0; k < this.blocks.length; k++) this.blocks[k]!.end = this.blocks[k + 1]?.start ?? to;
    this.placeFlattened();
    return this.blocks;
  }

  /** A token directly in the document: a line ending between blocks, or the start of a block. */
  private topLevel(token: Token): void {
    const type = token.type as string;
    if (BETWEEN_BLOCKS.has(type)) {
      if (type === 'lineEnding' || type === 'lineEndingBlank') this.lineStart = token.end.offset;
      if (type === 'lineEndingBlank') this.blankSince = true;
      return;
    }
    // A token that starts before the line it follows (micromark starts a setext heading under link
    // definitions at the definitions) is one block with what it overlaps.
    if (this.started && this.lineStart > this.block.start && token.start.offset >= this.lineStart) {
      // micromark reads the first line of whatever follows link definitions or a paragraph with no
      // blank line between (more paragraph text, a setext heading, a table whose head row is the
      // run's last line, a quote or list that interrupts the paragraph) with that run still open:
      // see `joined`.
      const run = this.block.last === 'content' && !this.blankSince;
      // A block whose first line micromark read as a lazy line of the container before it was
      // read with that container still open: see `joined`. micromark says which lines were lazy.
      const lines = this.context.lines;
      const line = token.start.line;
      const joined = run || (this.context.lazy(line) && (type === 'codeIndented' || line < 2 || !/^[ \t]*$/.test(lines.lineText(line - 2))));
      // After a container (a list, a quote), whose line endings are its own, the block starts on
      // the token's line, not after the last line ending between blocks.
      this.block = newBlock(Math.max(this.lineStart, lines.lineStart(lines.positionAt(token.start.offset).line)));
      this.block.joined = joined;
      this.blocks.push(this.block);
    }
    this.blankSince = false;
    this.started = true;
    this.block.last = type;
    if (type !== 'atxHeading' && type !== 'setextHeading' && type !== 'yaml' && type !== 'htmlFlow' && this.block.content < 0) {
      this.block.content = token.start.offset;
    }
  }

  private get top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private enter(token: Token): void {
    const type = token.type as string;
    const kind = KINDS.get(type);
    if (kind === Kind.Data) {
      this.data(token, type);
      return;
    }
    if (type === 'lineEnding') {
      this.lineEnding(token);
      return;
    }
    if (kind === undefined) {
      this.other(token, type);
      return;
    }
    const parent = this.top;
    if (kind !== Kind.Buffer && parent) {
      // A new sibling: the text node before it is complete.
      this.flush(parent);
      if (this.heading && this.frames.length === this.heading.frame + 1) {
        if (this.heading.firstChild < 0) this.heading.firstChild = token.start.offset;
        if (type === 'codeText') this.heading.code.push({ start: token.start.offset, end: token.end.offset });
      }
    }
    // A link's label holds the link's text; an image's label is its description, which is not text.
    const frameKind = type === 'label' && parent?.type === 'link' ? Kind.TextWithEols : kind;
    this.frames.push({ type, kind: frameKind, runStart: -1, runEnd: -1 });
    switch (type) {
      case 'atxHeading':
      case 'setextHeading':
        this.heading = { start: token.start.offset, depth: 0, frame: this.frames.length - 1, firstChild: -1, lastChildEnd: -1, code: [], text: '' };
        break;
      case 'codeText':
        this.codeText = '';
        break;
      case 'htmlFlow':
      case 'htmlText':
        this.html = '';
        break;
      case 'codeFenced':
        this.fence = { sources: false, value: '', fences: 0, infoSeen: false };
        break;
    }
  }

  private exit(token: Token, depth: number): void {
    const type = token.type as string;
    const kind = KINDS.get(type);
    if (kind === Kind.Data || type === 'lineEnding') return;
    if (kind === undefined) {
      this.otherExit(token, type);
      return;
    }
    const frame = this.frames.pop()!;
    this.flush(frame);
    const heading = this.heading;
    if (heading && kind !== Kind.Buffer && this.frames.length === heading.frame + 1) heading.lastChildEnd = token.end.offset;
    const source = (): string => this.text.slice(token.start.offset, token.end.offset);
    switch (type) {
      case 'atxHeading':
      case 'setextHeading':
        this.closeHeading(token);
        this.slurpLineEnding = false;
        break;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        this.atHardBreak = true;
        break;
      case 'codeText':
        if (heading) heading.text += this.codeText ?? '';
        this.codeText = undefined;
        break;
      case 'htmlFlow':
      case 'htmlText':
        this.closeHtml(token, type, depth);
        break;
      case 'codeFencedFenceInfo':
        if (this.fence) this.fence.sources = decodeString(source()).toLowerCase() === 'sources';
        break;
      case 'codeFenced':
        this.closeFence(token, depth);
        break;
      case 'definitionLabelString':
        add(this.block, 'definitions', normalizeIdentifier(source()));
        break;
      case 'gfmFootnoteDefinitionLabelString':
        add(this.block, 'footnotes', normalizeIdentifier(source()));
        break;
      case 'yaml':
        this.block.frontMatter = readFrontMatter(this.text, token.start.offset, token.end.offset);
        this.language = languageOf(this.block.frontMatter, this.language);
        break;
    }
  }

  /** Tokens remark gives no node of their own. */
  private other(token: Token, type: string): void {
    if (this.fence && (type === 'codeFlowValue' || type === 'codeFencedFence')) {
      if (type === 'codeFencedFence') this.fence.fences++;
      else if (this.fence.sources) this.fence.value += this.text.slice(token.start.offset, token.end.offset);
    } else if (type === 'codeTextData') {
      if (this.codeText !== undefined) this.codeText += this.text.slice(token.start.offset, token.end.offset);
    } else if (type === 'htmlFlowData' || type === 'htmlTextData') {
      if (this.html !== undefined) this.html += this.text.slice(token.start.offset, token.end.offset);
    } else if (type === 'atxHeadingSequence') {
      if (this.heading && this.heading.depth === 0) this.heading.depth = token.end.offset - token.start.offset;
    } else if (type === 'setextHeadingLineSequence') {
      if (this.heading) this.heading.depth = this.text.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
    }
  }

  private otherExit(_token: Token, type: string): void {
    if (type === 'setextHeadingText') this.slurpLineEnding = true;
  }

  private data(token: Token, type: string): void {
    const frame = this.top;
    if (!frame || (frame.kind !== Kind.Text && frame.kind !== Kind.TextWithEols)) return;
    this.extend(frame, token.start.offset, token.end.offset);
    if (this.heading) {
      const source = this.text.slice(token.start.offset, token.end.offset);
      this.heading.text += type === 'characterEscape' || type === 'characterReference' ? decodeString(source) : source;
    }
  }

  private lineEnding(token: Token): void {
    if (this.atHardBreak) {
      this.atHardBreak = false;
      return;
    }
    const source = (): string => this.text.slice(token.start.offset, token.end.offset);
    if (this.fence && this.frames[this.frames.length - 1]?.type === 'codeFenced') {
      if (this.fence.sources && this.fence.fences > 0) this.fence.value += source();
      return;
    }
    if (this.codeText !== undefined && this.top?.type === 'codeText') {
      this.codeText += source();
      return;
    }
    if (this.html !== undefined && (this.top?.type === 'htmlFlow' || this.top?.type === 'htmlText')) {
      this.html += source();
      return;
    }
    const frame = this.top;
    if (this.slurpLineEnding || !frame || frame.kind !== Kind.TextWithEols) return;
    this.extend(frame, token.start.offset, token.end.offset);
    if (this.heading) this.heading.text += source();
  }

  /** Adds `[start, end)` to the text node open in `frame`, or opens one. */
  private extend(frame: Frame, start: number, end: number): void {
    if (frame.runStart < 0) {
      frame.runStart = start;
      const heading = this.heading;
      if (heading && this.frames.length === heading.frame + 1 && heading.firstChild < 0) heading.firstChild = start;
    }
    frame.runEnd = end;
    const heading = this.heading;
    if (heading && this.frames.length === heading.frame + 1) heading.lastChildEnd = end;
  }

  /** Closes the text node open in `frame`: outside headings, it is searched for tags, citations and counts. */
  private flush(frame: Frame): void {
    if (frame.runStart < 0) return;
    const start = frame.runStart;
    const end = frame.runEnd;
    frame.runStart = -1;
    frame.runEnd = -1;
    if (this.heading) return;
    const source = this.text.slice(start, end);
    for (const tag of scanTags(source, start, this.language)) add(this.block, 'tags', tag);
    for (const citation of scanCitations(source, start)) add(this.block, 'citations', citation);
    collectNumbers(source, start, this.block);
  }

  private closeHeading(token: Token): void {
    const h = this.heading!;
    this.heading = undefined;
    const span = { start: h.start, end: token.end.offset };
    const textSpan = h.firstChild >= 0 ? { start: h.firstChild, end: h.lastChildEnd } : { start: span.end, end: span.end };
    const raw = this.text.slice(textSpan.start, textSpan.end);
    // Tags are read from the heading's source text, so that their offsets are exact.
    const tags = scanTags(raw, textSpan.start, this.language).filter((t) => !h.code.some((c) => c.start <= t.span.start && t.span.start < c.end));
    for (const tag of tags) add(this.block, 'tags', tag);
    const lead = /^[*_]*/.exec(raw)![0].length;
    const first = tags[0];
    const targetTag = first && first.span.start === textSpan.start + lead && first.refs.length > 0 && first.refs.every((r) => r.kind !== 'goal') ? first : undefined;
    add(this.block, 'headings', { depth: h.depth, text: h.text, span, textSpan, tags, targetTag });
  }

  private closeHtml(token: Token, type: string, depth: number): void {
    const value = this.html ?? '';
    this.html = undefined;
    // A comment that stands alone is not content; any other HTML block is.
    if (depth === 0 && type === 'htmlFlow' && !/^<!--[\s\S]*-->\s*$/.test(value) && this.block.content < 0) this.block.content = token.start.offset;
    // Comments inside headings and image descriptions are not in the tree remark builds.
    if (this.heading || (type === 'htmlText' && this.frames.some((f) => f.kind === Kind.Buffer))) return;
    const directive = DIRECTIVE.exec(value.trim());
    if (directive) {
      add(this.block, 'suppressions', {
        kind: directive[1] as Suppression['kind'],
        rules: directive[2]!.split(/[\s,]+/).filter(Boolean),
        span: { start: token.start.offset, end: token.end.offset },
      });
    }
  }

  private closeFence(token: Token, depth: number): void {
    const fence = this.fence!;
    this.fence = undefined;
    if (depth === 0) this.block.unclosedFence = fence.fences < 2;
    // An unclosed fence in a container may end after a line ending or before it, depending on what
    // follows the window; the block ends with its last line's text either way.
    let end = token.end.offset;
    while (end > token.start.offset && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    const span = { start: token.start.offset, end };
    add(this.block, 'codeBlocks', span);
    if (!fence.sources) return;
    // As remark: the content lines between the fences, without the line ending after the opening
    // fence and the one before the closing fence.
    const value = fence.value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
    const lines = this.context.lines;
    const firstLine = lines.positionAt(span.start).line;
    // Each content line ends where its source line ends (container markers and the fence's
    // indentation are before it).
    const contentLines = value === '' ? [] : value.split(/\r?\n|\r/).map((t, i) => ({ text: t, offset: lines.lineEnd(firstLine + 1 + i) - t.length }));
    add(this.block, 'sourcesBlocks', parseSourcesLines(contentLines, span, this.language));
  }

  /** Each block records the first line in it whose nesting was flattened. */
  private placeFlattened(): void {
    const flattened = this.context.flattened;
    if (flattened.length === 0) return;
    let k = 0;
    for (const block of this.blocks) {
      while (k < flattened.length && flattened[k]! < block.start) k++;
      if (k < flattened.length && flattened[k]! < block.end) {
        const at = flattened[k]!;
        const line = this.context.lines.positionAt(at).line;
        add(block, 'problems', { span: { start: at, end: this.context.lines.lineEnd(line) }, message: NESTING_MESSAGE });
      }
    }
  }
}

export const NESTING_MESSAGE = msg('document.nesting', { max: MAX_NESTING });

const DIRECTIVE = /^<!--\s*synthlint-(disable-next-line|disable|enable)\b([^>]*?)-->/;

/**
 * The document language a front matter sets: its `language` field when that is one we know, else
 * `fallback` (the project's language, English by default).
 */
export function languageOf(frontMatter: FrontMatter | undefined, fallback: Language): Language {
  const value = frontMatter?.fields.get('language')?.value;
  return LANGUAGES.includes(value as Language) ? (value as Language) : fallback;
}

function readFrontMatter(text: Text, start: number, end: number): FrontMatter {
  const fenced = text.slice(start, end);
  const open = fenced.indexOf('\n');
  const contentStart = open < 0 ? end : start + open + 1;
  // The content ends where the closing fence line begins.
  let contentEnd = start + fenced.lastIndexOf('\n', end - 1 - start);
  if (contentEnd < contentStart) contentEnd = contentStart;
  if (text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
  return parseFrontMatter(text.slice(contentStart, contentEnd), contentStart, { start, end });
}

// A number as writers set it: 21, 3,076, 3 076. Not part of a decimal, a version or an SDG id.
const NUMBER = /(?<![\p{N}.,/])(\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{1,3}(?: \d{3})+(?![\p{N}])|\d{1,15})(?![\p{N}]|[.,]\p{N})/gu;

/** The value of a count written with group separators (`3,076`, `3 076`), read digit by digit. */
function digitsOf(written: string): number {
  let digits = '';
  for (const c of written) if (c >= '0' && c <= '9') digits += c;
  return Number(digits);
}

/** Numbers in a text node followed by a word: candidates for counts of sources. */
function collectNumbers(value: string, base: number, block: Block): void {
  if (!/\d/.test(value)) return;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(value); m; m = NUMBER.exec(value)) {
    const end = m.index + m[0].length;
    const after = value.slice(end, end + 120);
    // The label may follow on the next line of the same paragraph.
    if (!/^[ \t\u00a0]*(?:\r\n|\r|\n)?[ \t\u00a0]*\p{L}/u.test(after) || !/^\s/u.test(after)) continue;
    add(block, 'rawCounts', { value: digitsOf(m[1]!), valueSpan: { start: base + m.index, end: base + end }, after, afterOffset: base + end });
  }
}
