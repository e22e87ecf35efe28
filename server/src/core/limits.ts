/**
 * Limits that keep the editor responsive on documents far larger than any synthesis.
 *
 * The Markdown parser's time and memory grow faster than the document beyond about a megabyte
 * (measured: 1 MB ≈ 1.5 s and 280 MB, 2 MB ≈ 6 s, 4 MB ≈ 37 s on a busy two-core machine). Above
 * `LARGE_DOCUMENT` characters the document is therefore read line by line, without the Markdown
 * parser: headings, SDG tags, citations, front matter, sources blocks and suppression comments
 * are found;
 * counts in the prose are not (so `count-mismatch` has nothing to compare), and containers
 * (quotes, lists, HTML blocks) are not recognised. One information finding says so.
 *
 * The scan below is a single pass over the lines with bounded work per character: it stays linear
 * whatever the input (a 10 MB single line, binary noise, millions of `#`).
 */
import { scanCitations, type Citation } from './evidence.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import type { Heading, ParseProblem, Suppression, SynthesisDocument } from './parse.js';
import { scanTags, type SdgTag } from './sdg/tags.js';
import { parseSourcesLines, type SourcesBlock } from './sources.js';
import { buildSections } from './sections.js';
import { LineIndex } from './text.js';
import { msg, number } from './i18n/message.js';
import { LANGUAGES, type Language, type Message } from './types.js';

/** Documents longer than this many UTF-16 code units (about 2 MB of text) get the line-based analysis. */
export const LARGE_DOCUMENT = 2_000_000;

export function isLargeDocument(text: string): boolean {
  return text.length > LARGE_DOCUMENT;
}

/** The one information message of the degraded mode, as data (worded at the edge). */
export function largeDocumentMessage(length: number): Message {
  return msg('document.large', { size: number(length / 1_000_000, 1), limit: LARGE_DOCUMENT / 1_000_000 });
}

/**
 * The index of a very large document, built line by line (see the module comment). Never throws.
 * Offsets are exact, as in `parse`.
 */
export function parseLarge(text: string, fallback: Language = 'en'): SynthesisDocument {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [{ span: { start: 0, end: lines.lineEnd(0) }, message: largeDocumentMessage(text.length) }];
  const headings: Heading[] = [];
  const tags: SdgTag[] = [];
  const citations: Citation[] = [];
  const sourcesBlocks: SourcesBlock[] = [];
  const suppressions: Suppression[] = [];
  /** Start offsets of lines that hold something other than headings, blank lines and comments. */
  const contentStarts: number[] = [];

  let first = 0;
  const frontMatter = readFrontMatter(text, lines);
  if (frontMatter) first = lines.positionAt(frontMatter.span.end).line + 1;
  const value = frontMatter?.fields.get('language')?.value;
  const language: Language = LANGUAGES.includes(value as Language) ? (value as Language) : fallback;

  let fence: { marker: string; sources: boolean; start: number; body: Array<{ text: string; offset: number }> } | undefined;
  const closeFence = (end: number): void => {
    if (fence?.sources) sourcesBlocks.push(parseSourcesLines(fence.body, { start: fence.start, end }, language));
    fence = undefined;
  };

  for (let line = first; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const lineText = text.slice(start, end);
    if (fence) {
      if (closesFence(lineText, fence.marker)) closeFence(end);
      else if (fence.sources) fence.body.push({ text: lineText, offset: start });
      continue;
    }
    const indent = leadingSpaces(lineText);
    const opened = indent <= 3 ? openingFence(lineText, indent) : undefined;
    if (opened) {
      contentStarts.push(start);
      fence = { marker: opened.marker, sources: opened.info.toLowerCase() === 'sources', start, body: [] };
      continue;
    }
    if (indent === lineText.length) continue; // blank
    const heading = indent <= 3 ? readHeading(text, start, start + indent, end, language) : undefined;
    if (heading) {
      headings.push(heading);
      for (const t of heading.tags) tags.push(t);
      continue;
    }
    const directive = readSuppression(lineText, line);
    if (directive) {
      suppressions.push(directive);
      continue;
    }
    if (!/^\s*<!--.*-->\s*$/.test(lineText)) contentStarts.push(start);
    for (const t of scanTags(lineText, start, language)) tags.push(t);
    for (const c of scanCitations(lineText, start)) citations.push(c);
  }
  const endsOpen = fence !== undefined;
  if (fence) closeFence(text.length);

  return {
    text,
    lines,
    language,
    frontMatter,
    headings,
    sections: buildSections(text, headings, contentStarts),
    tags,
    citations,
    sourcesBlocks,
    proseCounts: [],
    suppressions,
    problems,
    endsOpen,
  };
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/** Front matter as the full parser reads it: `---` on the first line, closed by a `---` line. */
function readFrontMatter(text: string, lines: LineIndex): FrontMatter | undefined {
  if (!/^---[ \t]*$/.test(lines.lineText(0))) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    // Only short lines can be a fence: this keeps the test cheap on very long lines.
    if (end - start <= 16 && /^---[ \t]*$/.test(text.slice(start, end))) {
      const contentStart = lines.lineStart(1);
      let contentEnd = start;
      if (text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
      if (text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
      return parseFrontMatter(text.slice(contentStart, Math.max(contentStart, contentEnd)), contentStart, { start: 0, end });
    }
  }
  return undefined;
}

function openingFence(line: string, indent: number): { marker: string; info: string } | undefined {
  const c = line[indent];
  if (c !== '`' && c !== '~') return undefined;
  let i = indent;
  while (line[i] === c) i++;
  if (i - indent < 3) return undefined;
  const info = line.slice(i).trim();
  if (c === '`' && info.includes('`')) return undefined;
  return { marker: line.slice(indent, i), info: info.split(/[ \t]/, 1)[0] ?? '' };
}

function closesFence(line: string, marker: string): boolean {
  const indent = leadingSpaces(line);
  if (indent > 3) return false;
  let i = indent;
  while (line[i] === marker[0]) i++;
  return i - indent >= marker.length && line.slice(i).trim() === '';
}

/** An ATX heading on the line from `lineStart` to `end`, its `#` at `from`; or undefined. */
function readHeading(text: string, lineStart: number, from: number, end: number, language: Language): Heading | undefined {
  let i = from;
  while (i < end && text.charCodeAt(i) === 35 /* # */) i++;
  const depth = i - from;
  if (depth < 1 || depth > 6) return undefined;
  if (i < end && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return undefined;
  // The heading's text: trimmed, without a closing run of `#` preceded by a space.
  let a = i;
  while (a < end && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  let b = end;
  while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  let c = b;
  while (c > a && text.charCodeAt(c - 1) === 35) c--;
  if (c === a || text.charCodeAt(c - 1) === 32 || text.charCodeAt(c - 1) === 9) {
    b = c;
    while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  }
  const raw = text.slice(a, b);
  const headingTags = scanTags(raw, a, language);
  const lead = /^[*_]*/.exec(raw)![0].length;
  const firstTag = headingTags[0];
  const targetTag =
    firstTag && firstTag.span.start === a + lead && firstTag.refs.length > 0 && firstTag.refs.every((r) => r.kind !== 'goal') ? firstTag : undefined;
  return {
    depth,
    text: raw.replace(/[*_`]/g, ''),
    span: { start: lineStart, end },
    textSpan: { start: a, end: b },
    tags: headingTags,
    targetTag,
  };
}

const DIRECTIVE = /^\s*<!--\s*synthlint-(disable-next-line|disable|enable)\b([^>]*?)-->\s*$/;

function readSuppression(line: string, lineNo: number): Suppression | undefined {
  if (line.length > 1000) return undefined;
  const m = DIRECTIVE.exec(line);
  if (!m) return undefined;
  const kind = m[1] as Suppression['kind'];
  return { kind, rules: m[2]!.split(/[\s,]+/).filter(Boolean), line: lineNo, targetLine: kind === 'disable-next-line' ? lineNo + 1 : lineNo };
}

