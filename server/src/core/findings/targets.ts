/**
 * What each target section says: its findings (the paragraphs that are not considerations), its
 * considerations (paragraphs that open with a bold label, see labels.ts) and the citations behind
 * them. Pure; read once per document version.
 *
 * A paragraph belongs to the innermost target section around it, so a target section nested in
 * another (rare) keeps its own findings. The citations of a section, though, are all those inside
 * its span, subsections included, exactly as the coverage map counts them: a section the map marks
 * weak is the section `thin-evidence` reports.
 */
import type { Citation } from '../evidence.js';
import type { Section, SynthesisDocument } from '../parse.js';
import type { Text } from '../pieces.js';
import type { Span } from '../types.js';
import { proseParagraphs, type ProseParagraph } from './blocks.js';
import { readLabel, trailingPunctuation, type ConsiderationKind } from './labels.js';

export interface Consideration {
  kind: ConsiderationKind;
  /** The label as written, without its punctuation: `Recommendation 2`, `Considération`. */
  label: string;
  number: string | undefined;
  /** The whole consideration: the paragraph, or the list item under a label paragraph. */
  span: Span;
  /** The bold label (with its punctuation); for a list item, the label paragraph's. */
  labelSpan: Span;
  /** What it says: the text after the label, or the list item's text. */
  textSpan: Span;
}

/** A finding: one paragraph of a target section that is not a consideration. */
export interface FindingParagraph {
  span: Span;
  /** See `ProseParagraph.prose`. */
  prose: string;
  citations: Citation[];
  /** Whether it stands in a list item. */
  inList: boolean;
}

export interface TargetSection {
  section: Section;
  /** The targets its heading names, such as ['16.6', '16.a']. */
  targets: string[];
  /** The heading's text, such as `SDG 16.1 Reducing violence`. */
  heading: string;
  findings: FindingParagraph[];
  considerations: Consideration[];
  /** Every citation inside the section's span, nested sections included (as the coverage map counts). */
  citations: Citation[];
}

const read = new WeakMap<SynthesisDocument, TargetSection[]>();

/** The document's target sections in document order, with their findings and considerations. */
export function targetFindings(document: SynthesisDocument): TargetSection[] {
  let out = read.get(document);
  if (!out) {
    out = readTargetSections(document);
    read.set(document, out);
  }
  return out;
}

function readTargetSections(document: SynthesisDocument): TargetSection[] {
  const sections = targetSectionList(document);
  return sections.map((_, index) => readTargetSection(document, sections, index));
}

/** The document's target sections (those whose heading starts with an SDG tag), in document order. */
export function targetSectionList(document: SynthesisDocument): Section[] {
  return document.sections.filter((s) => s.heading.targetTag !== undefined);
}

/** Target sections already read, per document and index: several checks read the one an edit touched. */
const readSections = new WeakMap<SynthesisDocument, Map<number, TargetSection>>();

/** What the target section `sections[index]` says (`sections` as `targetSectionList` gives them). */
export function readTargetSection(document: SynthesisDocument, sections: readonly Section[], index: number): TargetSection {
  let byIndex = readSections.get(document);
  if (!byIndex) readSections.set(document, (byIndex = new Map()));
  let target = byIndex.get(index);
  if (!target) byIndex.set(index, (target = readSection(document, sections, index)));
  return target;
}

function readSection(document: SynthesisDocument, sections: readonly Section[], index: number): TargetSection {
  const section = sections[index]!;
  // Sections are in document order: those nested in this one follow it and start before its end.
  const nested: Section[] = [];
  for (let i = index + 1; i < sections.length && sections[i]!.span.start < section.span.end; i++) nested.push(sections[i]!);
  const body: Span = { start: section.heading.span.end, end: section.span.end };
  const paragraphs = proseParagraphs(document, body, nested.map((n) => n.span));
  const citations = citationsIn(document.citations, section.span);
  const { findings, considerations } = classify(document.source, paragraphs, citations);
  return {
    section,
    targets: [...new Set(section.heading.targetTag!.refs.map((r) => r.id))],
    heading: section.heading.text.trim(),
    findings,
    considerations,
    citations,
  };
}

/**
 * The top-level blocks a section's text lies in, when the section ends where a block ends: what it
 * says depends on their texts alone, so a result computed from it, relative to `base` (the first
 * block's start), holds for as long as the blocks' identities are the same. Undefined when the
 * section ends inside a block.
 */
export function sectionBlocks(document: SynthesisDocument, section: Section): { identities: object[]; base: number } | undefined {
  const { blocks } = document;
  let lo = 0;
  let hi = blocks.length - 1;
  let first = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= section.span.start) {
      first = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (first < 0) return undefined;
  const identities: object[] = [];
  let k = first;
  for (; k < blocks.length && blocks[k]!.start < section.span.end; k++) identities.push(blocks[k]!.identity);
  if (blocks[k - 1]!.end !== section.span.end) return undefined;
  return { identities, base: blocks[first]!.start };
}

/** Citations inside a span, from the document's ordered list. */
export function citationsIn(citations: readonly Citation[], span: Span): Citation[] {
  let lo = 0;
  let hi = citations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (citations[mid]!.span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Citation[] = [];
  for (let i = lo; i < citations.length && citations[i]!.span.start < span.end; i++) {
    if (citations[i]!.span.end <= span.end) out.push(citations[i]!);
  }
  return out;
}

function classify(text: Text, paragraphs: readonly ProseParagraph[], citations: readonly Citation[]): { findings: FindingParagraph[]; considerations: Consideration[] } {
  const findings: FindingParagraph[] = [];
  const considerations: Consideration[] = [];
  /** Lists announced by a label paragraph with nothing after the label ("**Recommendations:**"). */
  const announced = new Map<number, { kind: ConsiderationKind; label: string; number: string | undefined; labelSpan: Span }>();
  const seenItems = new Set<string>();
  for (const p of paragraphs) {
    // A list item under a label paragraph is one consideration, however many paragraphs it has.
    const heading = p.item ? announced.get(p.item.list) : undefined;
    if (p.item && heading) {
      const key = `${p.item.span.start}`;
      if (!seenItems.has(key)) {
        seenItems.add(key);
        const textStart = p.span.start;
        considerations.push({ ...heading, span: p.item.span, textSpan: { start: textStart, end: trimEnd(text, p.item.span.end) } });
      }
      continue;
    }
    const label = p.lead ? labelOf(text, p) : undefined;
    if (label) {
      const rest = restAfter(text, p, label.labelSpan.end);
      if (rest.start >= rest.end && p.listAfter !== undefined) {
        announced.set(p.listAfter, { kind: label.kind, label: label.label, number: label.number, labelSpan: label.labelSpan });
        continue;
      }
      // In a list item, the consideration is the item (its other paragraphs continue it).
      const span = p.item && p.item.first ? p.item.span : p.span;
      considerations.push({ kind: label.kind, label: label.label, number: label.number, span, labelSpan: label.labelSpan, textSpan: { start: rest.start, end: Math.max(rest.start, trimEnd(text, span.end)) } });
      if (p.item && p.item.first) seenItems.add(`${p.item.span.start}`);
      continue;
    }
    // Later paragraphs of a list item that opened with a label belong to that consideration.
    if (p.item && !p.item.first && seenItems.has(`${p.item.span.start}`)) continue;
    findings.push({ span: p.span, prose: p.prose, citations: citationsIn(citations, p.span), inList: p.item !== undefined });
  }
  return { findings, considerations };
}

function labelOf(text: Text, p: ProseParagraph): { kind: ConsiderationKind; label: string; number: string | undefined; labelSpan: Span } | undefined {
  const lead = p.lead!;
  const after = text.slice(lead.span.end, Math.min(p.span.end, lead.span.end + 8));
  const match = readLabel(lead.text, after);
  if (!match) return undefined;
  // The punctuation, then the spaces before it (trimEnd knows no-break spaces): no backtracking.
  const trimmed = lead.text.trim();
  const label = /[:.]$/.test(trimmed) ? trimmed.slice(0, -1).trimEnd() : trimmed;
  const end = lead.span.end + trailingPunctuation(after);
  return { kind: match.kind, label, number: match.number, labelSpan: { start: lead.span.start, end } };
}

/** Where the text after the label starts and ends (after spaces), within the paragraph. */
function restAfter(text: Text, p: ProseParagraph, from: number): Span {
  let start = from;
  while (start < p.span.end && /\s/.test(text.slice(start, start + 1))) start++;
  return { start, end: trimEnd(text, p.span.end) };
}

function trimEnd(text: Text, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text.slice(e - 1, e))) e--;
  return e;
}
