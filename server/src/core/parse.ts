import type { Citation } from './evidence.js';
import type { FrontMatter } from './frontmatter.js';
import { VERY_LARGE_DOCUMENT, veryLargeDocumentMessage } from './limits.js';
import { NESTING_MESSAGE, type RawCount } from './markdown/blocks.js';
import { parseEdit, parseWhole, type ParsedBlocks } from './markdown/document.js';
import type { SdgTag } from './sdg/tags.js';
import { buildSections } from './sections.js';
import { normaliseLabel, type SourcesBlock } from './sources.js';
import { LineIndex } from './text.js';
import type { Language, Span } from './types.js';

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
  message: string;
}

/**
 * The compact index of a synthesis that every feature works from. It keeps no syntax tree: it is
 * built from micromark's events, top-level block by top-level block (see markdown/).
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

/** Parses a synthesis into its index. Never throws. */
export function parse(text: string): SynthesisDocument {
  const lines = new LineIndex(text);
  return assemble(parseWhole(text, lines));
}

/**
 * Parses successive versions of one document, re-parsing only the top-level blocks an edit
 * touched, from the block before it until the parse meets the previous version's blocks again
 * (see markdown/document.ts). The result always equals `parse(text)`: the differential tests
 * hold it to that.
 */
export class IncrementalParser {
  private previous: ParsedBlocks | undefined;
  private document: SynthesisDocument | undefined;

  parse(text: string): SynthesisDocument {
    const previous = this.previous;
    if (previous && this.document && previous.text === text) return this.document;
    if (!previous) {
      this.previous = parseWhole(text, new LineIndex(text));
    } else {
      const prefix = commonPrefix(previous.text, text);
      const suffix = commonSuffix(previous.text, text, Math.min(previous.text.length, text.length) - prefix);
      const lines = LineIndex.afterEdit(previous.lines, text, prefix, suffix);
      this.previous = parseEdit(previous, text, lines, prefix, previous.text.length - suffix, text.length - suffix);
    }
    this.document = assemble(this.previous);
    return this.document;
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

/** Joins the blocks' entries into the document's index. */
function assemble(parsed: ParsedBlocks): SynthesisDocument {
  const { text, lines, blocks } = parsed;
  const doc: SynthesisDocument = {
    text,
    lines,
    language: parsed.language,
    frontMatter: blocks[0]!.frontMatter,
    headings: [],
    sections: [],
    tags: [],
    citations: [],
    sourcesBlocks: [],
    proseCounts: [],
    suppressions: [],
    problems: [],
    endsOpen: parsed.endsOpen,
  };
  const rawCounts: RawCount[] = [];
  const contentStarts: number[] = [];
  let nesting = false;
  for (const block of blocks) {
    append(doc.headings, block.headings);
    append(doc.tags, block.tags);
    append(doc.citations, block.citations);
    append(doc.sourcesBlocks, block.sourcesBlocks);
    append(rawCounts, block.rawCounts);
    if (block.content >= 0) contentStarts.push(block.content);
    for (const problem of block.problems) {
      // One finding for the document is enough to say that deep nesting was flattened.
      if (problem.message === NESTING_MESSAGE) {
        if (nesting) continue;
        nesting = true;
      }
      doc.problems.push(problem);
    }
    for (const s of block.suppressions) {
      const line = lines.positionAt(s.span.start).line;
      const endLine = lines.positionAt(s.span.end).line;
      doc.suppressions.push({ kind: s.kind, rules: s.rules, line, targetLine: s.kind === 'disable-next-line' ? endLine + 1 : line });
    }
  }
  if (text.length > VERY_LARGE_DOCUMENT) doc.problems.push({ span: { start: 0, end: lines.lineEnd(0) }, message: veryLargeDocumentMessage(text.length) });
  doc.sections = buildSections(text, doc.headings, contentStarts);
  doc.proseCounts = matchCounts(rawCounts, doc.sourcesBlocks);
  return doc;
}

/** `target.push(...items)` without the argument-count limit that a spread hits on huge arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function matchCounts(raw: RawCount[], blocks: SourcesBlock[]): ProseCount[] {
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
      const key = normaliseLabel(label);
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
