import type { Code, Heading as MdHeading, Html, Nodes, Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { scanTags, type SdgTag } from './sdg/tags.js';
import { normaliseLabel, parseSourcesLines, type SourcesBlock } from './sources.js';
import { LineIndex } from './text.js';
import { LANGUAGES, type Language, type Span } from './types.js';

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
  sourcesBlocks: SourcesBlock[];
  proseCounts: ProseCount[];
  suppressions: Suppression[];
  /** Problems with the document as a whole (e.g. nesting too deep to analyse). */
  problems: ParseProblem[];
}

/** Deeper nesting than this is flattened before parsing: remark recurses once per level. */
export const MAX_NESTING = 64;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Parses a synthesis into its index. Never throws. */
export function parse(text: string): SynthesisDocument {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const safeText = limitNesting(text, lines, problems);
  let tree: Root;
  try {
    tree = processor.parse(safeText);
  } catch (error) {
    problems.push({ span: { start: 0, end: 0 }, message: `The document could not be read as Markdown (${String(error).split('\n')[0]}); only a few checks ran` });
    tree = { type: 'root', children: [] };
  }
  return index(text, lines, tree, problems);
}

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
        problems.push({ span: { start, end }, message: `Nesting deeper than ${MAX_NESTING} levels is read as plain text` });
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

function index(text: string, lines: LineIndex, tree: Root, problems: ParseProblem[]): SynthesisDocument {
  let frontMatter: FrontMatter | undefined;
  const first = tree.children[0];
  if (first?.type === 'yaml') frontMatter = readFrontMatter(text, first);
  const languageValue = frontMatter?.fields.get('language')?.value;
  const language: Language = LANGUAGES.includes(languageValue as Language) ? (languageValue as Language) : 'en';

  const headings: Heading[] = [];
  const tags: SdgTag[] = [];
  const sourcesBlocks: SourcesBlock[] = [];
  const suppressions: Suppression[] = [];
  const rawCounts: RawCount[] = [];
  /** Start offsets of top-level blocks that are not headings, for section content. */
  const contentStarts: number[] = [];

  const visit = (node: Nodes, depth: number): void => {
    switch (node.type) {
      case 'yaml':
        return;
      case 'code':
        if (depth === 1) contentStarts.push(node.position!.start.offset!);
        if ((node.lang ?? '').toLowerCase() === 'sources') sourcesBlocks.push(readSources(lines, node));
        return;
      case 'inlineCode':
        return;
      case 'html':
        if (depth === 1 && !/^<!--[\s\S]*-->\s*$/.test(node.value)) contentStarts.push(node.position!.start.offset!);
        readSuppressions(node, lines, suppressions);
        return;
      case 'heading':
        headings.push(readHeading(text, node, language, tags));
        return;
      case 'text':
        if (node.position?.start.offset !== undefined) {
          // Read the source text, not the node's value, so that offsets are exact even where the
          // value differs from the source (escapes, entities).
          const start = node.position.start.offset;
          const source = text.slice(start, node.position.end.offset!);
          tags.push(...scanTags(source, start, language));
          collectNumbers(source, start, rawCounts);
        }
        return;
      default:
        if (depth === 1) contentStarts.push(node.position!.start.offset!);
        if ('children' in node) for (const child of node.children) visit(child as Nodes, depth + 1);
    }
  };
  for (const child of tree.children) visit(child, 1);

  tags.sort((a, b) => a.span.start - b.span.start);
  const sections = buildSections(text, headings, contentStarts);
  const proseCounts = matchCounts(rawCounts, sourcesBlocks);
  return { text, lines, language, frontMatter, headings, sections, tags, sourcesBlocks, proseCounts, suppressions, problems };
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
  tags.push(...headingTags);
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

function buildSections(text: string, headings: Heading[], contentStarts: number[]): Section[] {
  contentStarts.sort((a, b) => a - b);
  const firstContentFrom = (from: number): number => {
    let lo = 0;
    let hi = contentStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (contentStarts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < contentStarts.length ? contentStarts[lo]! : Infinity;
  };
  return headings.map((heading, i) => {
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= heading.depth) {
        end = headings[j]!.span.start;
        break;
      }
    }
    const next = headings[i + 1]?.span.start ?? text.length;
    const first = firstContentFrom(heading.span.end);
    return { heading, span: { start: heading.span.start, end }, hasContent: first < end, hasOwnContent: first < next };
  });
}

function readSources(lines: LineIndex, node: Code): SourcesBlock {
  const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
  const firstLine = lines.positionAt(span.start).line;
  // The node's value holds the content lines with fence indentation and container markers
  // (blockquote, list) removed; each value line ends where its source line ends.
  const contentLines = node.value === '' ? [] : node.value.split(/\r?\n|\r/).map((t, i) => ({
    text: t,
    offset: lines.lineEnd(firstLine + 1 + i) - t.length,
  }));
  return parseSourcesLines(contentLines, span);
}

const DIRECTIVE = /^<!--\s*synthlint-(disable-next-line|disable|enable)\b([^>]*?)-->/;

function readSuppressions(node: Html, lines: LineIndex, out: Suppression[]): void {
  const m = DIRECTIVE.exec(node.value.trim());
  if (!m) return;
  const line = lines.positionAt(node.position!.start.offset!).line;
  const endLine = lines.positionAt(node.position!.end.offset!).line;
  const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
  out.push({ kind: m[1] as Suppression['kind'], rules, line, targetLine: m[1] === 'disable-next-line' ? endLine + 1 : line });
}

// A number as writers set it: 21, 3,076, 3 076. Not part of a decimal, a version or an SDG id.
const NUMBER = /(?<![\p{N}.,/])(\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{1,3}(?: \d{3})+(?![\p{N}])|\d{1,15})(?![\p{N}]|[.,]\p{N})/gu;

function collectNumbers(value: string, base: number, out: RawCount[]): void {
  if (!/\d/.test(value)) return;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(value); m; m = NUMBER.exec(value)) {
    const end = m.index + m[0].length;
    const after = value.slice(end, end + 120);
    if (!/^[ \u00a0]+\p{L}/u.test(after)) continue;
    out.push({
      value: Number(m[1]!.replace(/[^\d]/g, '')),
      valueSpan: { start: base + m.index, end: base + end },
      after,
      afterOffset: base + end,
    });
  }
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
  const word = /[ \u00a0]+([\p{L}\p{N}'’-]+)/uy;
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
        const labelStart = r.afterOffset + (r.after.length - r.after.replace(/^[ \u00a0]+/, '').length);
        const end = r.afterOffset + words[n - 1]!.end;
        counts.push({ value: r.value, valueSpan: r.valueSpan, label: r.after.slice(labelStart - r.afterOffset, end - r.afterOffset), key, span: { start: r.valueSpan.start, end } });
        break;
      }
    }
  }
  return counts;
}
