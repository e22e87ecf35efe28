/**
 * Small helpers shared by the rules: template sections located in the document, the template to
 * check against, number formatting in the writer's style, and ordering.
 */
import type { Heading, Section, SynthesisDocument } from '../parse.js';
import { matchSection, type Template, type TemplateSection } from '../templates/template.js';
import type { Text } from '../pieces.js';
import type { Span } from '../types.js';
import type { RuleContext } from './rule.js';

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * The template to check the document against: its own, or — when its `template` names an id that
 * does not exist but is one slip from a known one (`unknown-template` offers that fix) — the
 * template it most likely meant, so that a typo does not switch off every structure check.
 */
export function effectiveTemplate(context: Pick<RuleContext, 'template' | 'templateId' | 'templates'>): Template | undefined {
  if (context.template) return context.template;
  const id = closestId(context.templateId, context.templates.list().map((t) => t.id));
  return id === undefined ? undefined : context.templates.get(id);
}

/**
 * The candidate nearest to `value` (case-insensitive edit distance), when it is close enough to be
 * a slip — at most one edit per six characters, at least one — and no other candidate is as near.
 */
export function closestId(value: string, candidates: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  if (wanted === '') return undefined;
  const limit = Math.max(1, Math.floor(wanted.length / 6));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie && bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A template section and where the document has it. */
export interface LocatedSection {
  section: TemplateSection;
  /** Index of the section in the template. */
  index: number;
  /** Document sections whose heading names it at the template's level, in document order. */
  found: Section[];
  /** Headings that name it at another level. */
  otherLevel: Section[];
}

const located = new WeakMap<SynthesisDocument, WeakMap<Template, LocatedSection[]>>();

/** Each template section with the document sections that match it (computed once per document). */
export function locateSections(document: SynthesisDocument, template: Template): LocatedSection[] {
  let byTemplate = located.get(document);
  if (!byTemplate) located.set(document, (byTemplate = new WeakMap()));
  let result = byTemplate.get(template);
  if (!result) byTemplate.set(template, (result = findSections(document, template)));
  return result;
}

function findSections(document: SynthesisDocument, template: Template): LocatedSection[] {
  const located = template.sections.map((section, index): LocatedSection => ({ section, index, found: [], otherLevel: [] }));
  const byId = new Map(located.map((l) => [l.section.id, l]));
  for (const section of document.sections) {
    if (section.heading.targetTag) continue;
    const match = matchSection(template, section.heading.text);
    if (!match) continue;
    const entry = byId.get(match.id)!;
    if (section.heading.depth === match.level) entry.found.push(section);
    else entry.otherLevel.push(section);
  }
  return located;
}

// ---------------------------------------------------------------------------------------------
// Document structure

const targetGroups = new WeakMap<SynthesisDocument, Section[][]>();

/** Target sections (headings that start with a target tag) grouped by their parent heading. */
export function targetSectionsByParent(document: SynthesisDocument): Section[][] {
  let result = targetGroups.get(document);
  if (result) return result;
  const groups = new Map<number, Section[]>();
  const parents = parentIndexes(document.sections);
  document.sections.forEach((section, i) => {
    if (!section.heading.targetTag) return;
    const group = groups.get(parents[i]!);
    if (group) group.push(section);
    else groups.set(parents[i]!, [section]);
  });
  result = [...groups.values()];
  targetGroups.set(document, result);
  return result;
}

/** For each section, the index of the nearest earlier section with a shallower heading (-1: none). */
export function parentIndexes(sections: readonly Section[]): number[] {
  const parents: number[] = [];
  const open: number[] = [];
  sections.forEach((section, i) => {
    while (open.length > 0 && sections[open[open.length - 1]!]!.heading.depth >= section.heading.depth) open.pop();
    parents.push(open.length > 0 ? open[open.length - 1]! : -1);
    open.push(i);
  });
  return parents;
}

/** 1-based line of an offset, for messages. */
export function lineOf(document: SynthesisDocument, offset: number): number {
  return document.lines.positionAt(offset).line + 1;
}

/** The line break the document uses (CRLF documents get CRLF insertions). */
export function eolOf(text: Text): string {
  // Read a stretch at a time: an open document is pieces, and made one string only when needed.
  for (let from = 0; from < text.length; from += 4096) {
    const i = text.slice(from, Math.min(text.length, from + 4096)).indexOf('\n');
    if (i >= 0) return from + i > 0 && text.charCodeAt(from + i - 1) === 0x0d ? '\r\n' : '\n';
  }
  return '\n';
}

/** The span of a heading's `#` markers when it is an ATX heading; undefined for setext headings. */
export function atxMarkers(document: SynthesisDocument, heading: Heading): Span | undefined {
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(document.source.slice(heading.span.start, heading.span.end));
  if (!m) return undefined;
  const start = heading.span.start + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.length };
}

/**
 * A heading text in quotes, for messages: on one line (a setext heading may span several, ended by
 * LF or CRLF alike, and a message is one line), clipped to 60 characters.
 */
export function quote(heading: string): string {
  const text = heading
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .join(' ');
  return `'${text.length > 60 ? `${text.slice(0, 59)}…` : text}'`;
}

// ---------------------------------------------------------------------------------------------
// Order

/**
 * Indices of a longest non-decreasing subsequence of `items` under `compare`: the items that are
 * in order. Ties prefer earlier items, so an item that comes too late is the one left out.
 */
export function inOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): Set<number> {
  return items.length <= 400 ? firstLongestRun(items, compare) : longestRunFast(items, compare);
}

/**
 * The longest run in order, preferring the earliest items on ties, so that the item that moved is
 * the one reported ("16.1 before 16.3", not the other way round). Quadratic: for real documents.
 */
function firstLongestRun<T>(items: readonly T[], compare: (a: T, b: T) => number): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < items.length; i++) {
    length.push(1);
    previous.push(-1);
    for (let j = 0; j < i; j++) {
      if (compare(items[j]!, items[i]!) <= 0 && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < items.length; i++) if (end < 0 || length[i]! > length[end]!) end = i;
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/** A longest run in order by patience sorting, O(n log n): for hostile numbers of sections. */
function longestRunFast<T>(items: readonly T[], compare: (a: T, b: T) => number): Set<number> {
  const tails: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < items.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(items[tails[mid]!]!, items[i]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    previous.push(lo > 0 ? tails[lo - 1]! : -1);
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * Writes `n` the way `likeText` writes its number: with the same thousands separator (comma,
 * space, no-break space or narrow no-break space), or without grouping. `3076` like "1,200" is
 * "3,076"; like "1 200" it is "3 076"; like "12" it is "3076".
 */
export function formatCount(n: number, likeText: string): string {
  const separator = /\d([,\u0020\u00a0\u202f])\d{3}(?!\d)/.exec(likeText)?.[1];
  const digits = String(Math.trunc(Math.abs(n)));
  const sign = n < 0 ? '-' : '';
  if (separator === undefined) return sign + digits;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
