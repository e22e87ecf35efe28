import type { Citation } from './evidence.js';
import type { FrontMatter } from './frontmatter.js';
import { VERY_LARGE_DOCUMENT, veryLargeDocumentMessage } from './limits.js';
import { NESTING_MESSAGE, type RawCount } from './markdown/blocks.js';
import { parseEdit, parseWhole, type ParsedBlocks } from './markdown/document.js';
import type { Text } from './pieces.js';
import type { SdgTag } from './sdg/tags.js';
import { buildSections } from './sections.js';
import { normaliseLabel, type SourcesBlock } from './sources.js';
import { LineIndex } from './text.js';
import type { Language, Message, Span } from './types.js';

export { MAX_NESTING } from './limits.js';

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

/** A top-level block of the document (a paragraph, a list, a table…), from its first line to the next block. */
export interface TopLevelBlock {
  start: number;
  end: number;
  /** The same object in every version that holds this block's text unchanged, even when an edit moved it. */
  identity: object;
  /** Its SDG tags, in order: `tags` of the document is theirs, block after block. */
  tags: readonly SdgTag[];
  /** The type of its last top-level token (micromark's name: `codeIndented`, `htmlFlow`…). */
  last: string;
  /**
   * Whether micromark read its first line with the block before still open, so the block cannot be
   * read on its own: a block right after link definitions or a paragraph, with no blank line
   * between (a line `-` there is paragraph text, not an empty list item, even at the start of a
   * quote), or a block whose first line micromark read as a lazy line of the list or quote before
   * it when that changes its reading: indented code (which ends with that line), or any block with
   * no blank line before it (see `joined` in markdown/blocks.ts).
   */
  joined: boolean;
}

/**
 * The compact index of a synthesis that every feature works from. It keeps no syntax tree: it is
 * built from micromark's events, top-level block by top-level block (see markdown/).
 */
export interface SynthesisDocument {
  /**
   * The text as one string. An edited version kept in pieces (see pieces.ts) makes it on first
   * use: what runs at every keystroke reads `source` instead.
   */
  readonly text: string;
  /** The text, read by offsets without making it one string. */
  source: Text;
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
  /** Fenced code blocks, sources blocks among them, in document order: from the opening fence to the closing one (or the end of the container that ends an unclosed one). */
  codeBlocks: Span[];
  proseCounts: ProseCount[];
  suppressions: Suppression[];
  /** Problems with the document as a whole (e.g. nesting too deep to analyse). */
  problems: ParseProblem[];
  /**
   * Whether the text ends inside a fenced code block or an HTML block that is never closed: text
   * added at the end would land inside it.
   */
  endsOpen: boolean;
  /**
   * The top-level blocks, in order, covering the text after a byte-order mark. Features that read
   * more of a block than the index holds keep what they read per block (keyed by `identity`), so
   * that after an edit they read again only the blocks it changed.
   */
  blocks: readonly TopLevelBlock[];
  /**
   * The link reference definitions and footnote definitions of the whole document (micromark's
   * normalised identifiers, with how many times each is declared): a reference anywhere resolves
   * against them.
   */
  definitions: ReadonlyMap<string, number>;
  footnotes: ReadonlyMap<string, number>;
}

export interface ParseOptions {
  /** The language of a document whose front matter names none (a project's `language`); English by default. */
  language?: Language;
}

/**
 * One edit of a text, in the text as it was just before it: `[start, end)` replaced by `text`.
 * A list of them applies in order, each to the text the ones before it left (as an editor's
 * content changes do).
 */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** Parses a synthesis into its index. Never throws. */
export function parse(text: string, options: ParseOptions = {}): SynthesisDocument {
  const lines = new LineIndex(text);
  return assemble(parseWhole(text, lines, options.language ?? 'en')).doc;
}

/**
 * Parses successive versions of one document, re-parsing only the top-level blocks an edit
 * touched, from the block before it until the parse meets the previous version's blocks again
 * (see markdown/document.ts). The result always equals `parse(text)`: the differential tests
 * hold it to that.
 */
export class IncrementalParser {
  private previous: ParsedBlocks | undefined;
  private assembled: Assembled | undefined;

  constructor(private readonly options: ParseOptions = {}) {}

  /**
   * The index of `text`, a later version of the text parsed last. Without `edits` the changed
   * stretch is found by comparing the two texts; with them (an editor's content changes since the
   * last version parsed), from the edits alone. Edits that do not lead from the last text to
   * `text` are ignored, and the texts compared.
   */
  parse(text: Text, edits?: readonly OffsetEdit[]): SynthesisDocument {
    const previous = this.previous;
    if (previous && this.assembled && previous.text === text) return this.assembled.doc;
    if (!previous) {
      this.previous = parseWhole(text, new LineIndex(text), this.options.language ?? 'en');
    } else {
      const changed = (edits && coverEdits(previous.text.length, text.length, edits)) ?? compareTexts(previous.text, text);
      const lines = LineIndex.afterEdit(previous.lines, text, changed.start, previous.text.length - changed.oldEnd);
      this.previous = parseEdit(previous, text, lines, changed.start, changed.oldEnd, changed.newEnd);
    }
    this.assembled = assemble(this.previous, this.assembled);
    return this.assembled.doc;
  }

  /** How many top-level blocks the current version has. */
  get blockCount(): number {
    return this.previous?.blocks.length ?? 0;
  }

  /** How many characters micromark read for the current version: the whole text at first, then what an edit made it read again. */
  get lastTokenized(): number {
    return this.previous?.tokenized ?? 0;
  }
}

/** The stretch in which two versions differ: `[start, oldEnd)` of the old became `[start, newEnd)` of the new. */
interface Changed {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function compareTexts(a: Text, b: Text): Changed {
  const start = commonPrefix(a, b);
  const suffix = commonSuffix(a, b, Math.min(a.length, b.length) - start);
  return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix };
}

/**
 * The one stretch that covers a sequence of edits, or undefined when the edits do not fit the two
 * lengths (then the caller compares the texts). Each edit's offsets are in the text the edits
 * before it left; outside the stretch, that text equals the old one.
 */
function coverEdits(oldLength: number, newLength: number, edits: readonly OffsetEdit[]): Changed | undefined {
  if (edits.length === 0) return undefined;
  let start = Infinity;
  let oldEnd = 0;
  /** The stretch's end in the current text, and the current text's length. */
  let end = 0;
  let length = oldLength;
  for (const e of edits) {
    if (!(e.start >= 0 && e.start <= e.end && e.end <= length)) return undefined;
    if (start === Infinity) {
      start = e.start;
      oldEnd = e.end;
      end = e.end;
    } else {
      start = Math.min(start, e.start);
      // Past the stretch, the current text is the old one moved by what the stretch grew.
      if (e.end > end) {
        oldEnd += e.end - end;
        end = e.end;
      }
    }
    const grow = e.text.length - (e.end - e.start);
    end += grow;
    length += grow;
  }
  return length === newLength ? { start, oldEnd, newEnd: end } : undefined;
}

/** Length of the common beginning of two texts: whole blocks compared natively, then characters. */
function commonPrefix(a: Text, b: Text): number {
  const limit = Math.min(a.length, b.length);
  let n = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (n + block <= limit && a.slice(n, n + block) === b.slice(n, n + block)) n += block;
  }
  return n;
}

/** Length of the common end of two texts, at most `limit`. */
function commonSuffix(a: Text, b: Text, limit: number): number {
  let n = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (n + block <= limit && a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)) n += block;
  }
  return n;
}

/** A document's index with what assembling it kept for the next version. */
interface Assembled {
  doc: SynthesisDocument;
  rawCounts: RawCount[];
  contentStarts: number[];
  /** The sources labels the counts were matched against. */
  labels: string;
}

/**
 * Joins the blocks' entries into the document's index. The entries of the leading blocks that an
 * edit left alone are taken over from the previous version's index, which lists them first.
 */
function assemble(parsed: ParsedBlocks, previous?: Assembled): Assembled {
  const { text, lines, blocks } = parsed;
  const doc: SynthesisDocument = {
    get text(): string {
      return typeof text === 'string' ? text : text.toString();
    },
    source: text,
    lines,
    language: parsed.language,
    frontMatter: blocks[0]!.frontMatter,
    headings: [],
    sections: [],
    tags: [],
    citations: [],
    sourcesBlocks: [],
    codeBlocks: [],
    proseCounts: [],
    suppressions: [],
    problems: [],
    endsOpen: parsed.endsOpen,
    blocks,
    definitions: parsed.definitions,
    footnotes: parsed.footnotes,
  };
  let rawCounts: RawCount[] = [];
  let contentStarts: number[] = [];
  let nesting = false;
  let from = 0;
  if (previous && parsed.unchanged > 0) {
    // Count what the unchanged blocks contributed, and take it over.
    const n = { headings: 0, tags: 0, citations: 0, sources: 0, code: 0, raw: 0, content: 0, suppressions: 0, problems: 0 };
    for (; from < parsed.unchanged; from++) {
      const block = blocks[from]!;
      n.headings += block.headings.length;
      n.tags += block.tags.length;
      n.citations += block.citations.length;
      n.sources += block.sourcesBlocks.length;
      n.code += block.codeBlocks.length;
      n.raw += block.rawCounts.length;
      if (block.content >= 0) n.content++;
      n.suppressions += block.suppressions.length;
      for (const problem of block.problems) {
        if (problem.message.key === NESTING_MESSAGE.key) {
          if (nesting) continue;
          nesting = true;
        }
        n.problems++;
      }
    }
    const p = previous.doc;
    doc.headings = p.headings.slice(0, n.headings);
    doc.tags = p.tags.slice(0, n.tags);
    doc.citations = p.citations.slice(0, n.citations);
    doc.sourcesBlocks = p.sourcesBlocks.slice(0, n.sources);
    doc.codeBlocks = p.codeBlocks.slice(0, n.code);
    doc.suppressions = p.suppressions.slice(0, n.suppressions);
    doc.problems = p.problems.slice(0, n.problems);
    rawCounts = previous.rawCounts.slice(0, n.raw);
    contentStarts = previous.contentStarts.slice(0, n.content);
  }
  const rawFrom = rawCounts.length;
  /** Where the raw counts of the blocks the edit moved without changing them start. */
  let rawTail = -1;
  const tailFrom = parsed.tail?.from ?? -1;
  // Indexed loops: run for every block after an edit, they must not allocate iterators.
  for (let k = from; k < blocks.length; k++) {
    const block = blocks[k]!;
    if (k === tailFrom) rawTail = rawCounts.length;
    if (block.headings.length > 0) append(doc.headings, block.headings);
    if (block.tags.length > 0) append(doc.tags, block.tags);
    if (block.citations.length > 0) append(doc.citations, block.citations);
    if (block.sourcesBlocks.length > 0) append(doc.sourcesBlocks, block.sourcesBlocks);
    if (block.codeBlocks.length > 0) append(doc.codeBlocks, block.codeBlocks);
    if (block.rawCounts.length > 0) append(rawCounts, block.rawCounts);
    if (block.content >= 0) contentStarts.push(block.content);
    const problems = block.problems;
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i]!;
      // One finding for the document is enough to say that deep nesting was flattened.
      if (problem.message.key === NESTING_MESSAGE.key) {
        if (nesting) continue;
        nesting = true;
      }
      doc.problems.push(problem);
    }
    const suppressions = block.suppressions;
    for (let i = 0; i < suppressions.length; i++) {
      const s = suppressions[i]!;
      const line = lines.positionAt(s.span.start).line;
      const endLine = lines.positionAt(s.span.end).line;
      doc.suppressions.push({ kind: s.kind, rules: s.rules, line, targetLine: s.kind === 'disable-next-line' ? endLine + 1 : line });
    }
  }
  if (text.length > VERY_LARGE_DOCUMENT) doc.problems.push({ span: { start: 0, end: lines.lineEnd(0) }, message: veryLargeDocumentMessage(text.length) });
  doc.sections = buildSections(text, doc.headings, contentStarts);
  // The sources labels in document order: a signature of what the counts are matched against
  // (labels only reordered read as changed, which costs a match of all counts, never a wrong one).
  let labels = '';
  for (let b = 0; b < doc.sourcesBlocks.length; b++) {
    const all = doc.sourcesBlocks[b]!.all;
    for (let i = 0; i < all.length; i++) labels += `${all[i]!.key}\n`;
  }
  if (previous && (rawFrom > 0 || parsed.tail) && labels === previous.labels) {
    // Counts before the edit matched the same labels: only those after it are matched again.
    const before = previous.doc.proseCounts;
    const kept = rawFrom > 0 ? countsUpTo(before, rawCounts[rawFrom - 1]!.valueSpan.start) : 0;
    doc.proseCounts = before.slice(0, kept);
    if (parsed.tail && rawTail >= rawFrom) {
      // The counts of the moved blocks matched the same labels too: moved, not matched again.
      append(doc.proseCounts, matchCounts(rawCounts.slice(rawFrom, rawTail), doc.sourcesBlocks, doc.language));
      const { oldStart, delta } = parsed.tail;
      for (let k = countsUpTo(before, oldStart - 1); k < before.length; k++) doc.proseCounts.push(moveCount(before[k]!, delta));
    } else {
      append(doc.proseCounts, matchCounts(rawCounts.slice(rawFrom), doc.sourcesBlocks, doc.language));
    }
  } else {
    doc.proseCounts = matchCounts(rawCounts, doc.sourcesBlocks, doc.language);
  }
  return { doc, rawCounts, contentStarts, labels };
}

/** How many of `counts` (in order) have their value at or before `offset`. */
function countsUpTo(counts: readonly ProseCount[], offset: number): number {
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts[mid]!.valueSpan.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function moveCount(c: ProseCount, d: number): ProseCount {
  return { value: c.value, valueSpan: { start: c.valueSpan.start + d, end: c.valueSpan.end + d }, label: c.label, key: c.key, span: { start: c.span.start + d, end: c.span.end + d } };
}

/** `target.push(...items)` without the argument-count limit that a spread hits on huge arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
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
