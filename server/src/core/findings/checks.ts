/**
 * The logic of the strength-of-evidence checks, as pure functions that return what they find as
 * data (where, and the figures a message needs). The rules that put them into words, with their
 * levels and translations, are thin wrappers around these (see docs/findings.md for each check).
 *
 * `thin-evidence` and `overclaim` run only where the document has an evidence register: without
 * one, citations cannot be weighed, and documents that never used a register see no new findings.
 */
import type { EvidenceRegister } from '../evidence.js';
import { blockAt } from '../markdown/document.js';
import type { Section, SynthesisDocument } from '../parse.js';
import type { Span } from '../types.js';
import { sentences } from './sentences.js';
import { citationsIn, readTargetSection, sectionBlocks, targetSectionList, type TargetSection } from './targets.js';
import type { PhraseMatcher } from './fold.js';
import { strongWording } from './wording.js';

/** What the checks are given besides the document. */
export interface CheckOptions {
  /** The document's register, if it has one. */
  register: EvidenceRegister | undefined;
  /** Fewest distinct evaluations a target section should rest on (`coverage.minimum`, default 2). */
  minimum?: number;
  /** The team's extra strong phrases (`overclaim.words`). */
  strongWords?: readonly string[];
}

export const DEFAULT_MINIMUM = 2;

export interface ThinEvidence {
  /** The target section's heading text (without the `#` marks). */
  span: Span;
  heading: string;
  /** Distinct evaluations cited in the section. */
  evaluations: string[];
  minimum: number;
}

/**
 * Target sections with text that cite fewer distinct evaluations than the minimum. Sections with
 * no text at all are left to `empty-section`.
 */
export function findThinEvidence(document: SynthesisDocument, options: CheckOptions): ThinEvidence[] {
  if (!options.register) return [];
  const minimum = validMinimum(options.minimum);
  const out: ThinEvidence[] = [];
  // Only the citations inside each section count (as `TargetSection.citations` has them), and only
  // until the minimum is reached: a keystroke does not walk every citation of the document.
  for (const section of targetSectionList(document)) {
    if (!section.hasContent) continue;
    const ids = new Set<string>();
    let at = firstCitationFrom(document, section.span.start);
    for (; at < document.citations.length && ids.size < minimum; at++) {
      const c = document.citations[at]!;
      if (c.span.start >= section.span.end) break;
      if (c.span.end <= section.span.end) ids.add(c.id);
    }
    if (ids.size >= minimum) continue;
    out.push({ span: section.heading.textSpan, heading: section.heading.text.trim(), evaluations: [...ids], minimum });
  }
  return out;
}

/** Index of the first citation that starts at or after `offset`. */
function firstCitationFrom(document: SynthesisDocument, offset: number): number {
  let lo = 0;
  let hi = document.citations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (document.citations[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Overclaim {
  /** The strong phrase as written in the text. */
  span: Span;
  /** The phrase of the list it matched (`clearly demonstrat*`). */
  phrase: string;
  /** The whole sentence. */
  sentence: Span;
  /** Distinct evaluations the sentence cites (0 or 1). */
  evaluations: string[];
}

/**
 * Strong wording in a sentence of a finding that cites one evaluation or none. Only the findings of
 * target sections are read (not considerations, not the methodology), and only prose: not code,
 * link targets or HTML.
 */
export function findOverclaims(document: SynthesisDocument, options: CheckOptions): Overclaim[] {
  if (!options.register) return [];
  const matcher = strongWording(document.language, options.strongWords ?? []);
  const out: Overclaim[] = [];
  const found = perTargetSection(
    document,
    overclaimMemo,
    matcher,
    (target) => overclaimsIn(target, matcher),
    (list, by) => list.map((o) => moveOverclaim(o, by)),
  );
  for (const { value } of found) for (const o of value) out.push(o);
  return out;
}

/** What a check found in one target section, relative to the start of the section's first block. */
interface SectionMemo<T> {
  identities: object[];
  /** Where the section starts, relative to its first block. */
  at: number;
  /** What else the value depends on (a matcher), compared by identity. */
  tag: unknown;
  value: T;
}

/**
 * `compute` for each target section, kept per section under the identities of its blocks (see
 * `sectionBlocks`), so that after an edit only the sections it touched are read again: what was
 * kept for the others is moved (`move`) to where they are now.
 */
function perTargetSection<T>(
  document: SynthesisDocument,
  memo: WeakMap<object, SectionMemo<T>>,
  tag: unknown,
  compute: (target: TargetSection) => T,
  move: (value: T, by: number) => T,
): Array<{ section: Section; value: T }> {
  const sections = targetSectionList(document);
  const out: Array<{ section: Section; value: T }> = [];
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!;
    // What was kept is checked against the blocks in place: this runs for every section after
    // every keystroke, and only the sections an edit touched need their list of blocks.
    const first = blockAt(document.blocks, section.span.start);
    const kept = first >= 0 ? memo.get(document.blocks[first]!.identity) : undefined;
    if (kept && kept.tag === tag && kept.at === section.span.start - document.blocks[first]!.start && holdsBlocks(document, section, first, kept.identities)) {
      out.push({ section, value: move(kept.value, document.blocks[first]!.start) });
      continue;
    }
    const key = sectionBlocks(document, section);
    if (!key) {
      out.push({ section, value: compute(readTargetSection(document, sections, index)) });
      continue;
    }
    const at = section.span.start - key.base;
    const value = compute(readTargetSection(document, sections, index));
    memo.set(key.identities[0]!, { identities: key.identities, at, tag, value: move(value, -key.base) });
    out.push({ section, value });
  }
  return out;
}

const overclaimMemo = new WeakMap<object, SectionMemo<Overclaim[]>>();
const considerationMemo = new WeakMap<object, SectionMemo<number>>();

/** Whether the section is made of exactly the blocks `identities`, from block `first` on (as `sectionBlocks` would list them). */
function holdsBlocks(document: SynthesisDocument, section: Section, first: number, identities: readonly object[]): boolean {
  const { blocks } = document;
  const after = first + identities.length;
  if (after > blocks.length || blocks[after - 1]!.end !== section.span.end) return false;
  if (after < blocks.length && blocks[after]!.start < section.span.end) return false;
  for (let i = 0; i < identities.length; i++) if (blocks[first + i]!.identity !== identities[i]) return false;
  return true;
}

function moveOverclaim(o: Overclaim, by: number): Overclaim {
  return {
    span: { start: o.span.start + by, end: o.span.end + by },
    phrase: o.phrase,
    sentence: { start: o.sentence.start + by, end: o.sentence.end + by },
    evaluations: o.evaluations,
  };
}

function overclaimsIn(target: TargetSection, matcher: PhraseMatcher): Overclaim[] {
  const out: Overclaim[] = [];
  for (const finding of target.findings) {
    const matches = strongPhrases(matcher, finding.prose);
    if (matches.length === 0) continue;
    const spans = sentences(finding.prose, finding.span.start);
    // Matches and sentences are both in order: one walk finds each match's sentence.
    let at = 0;
    for (const match of matches) {
      const start = finding.span.start + match.start;
      while (at < spans.length && spans[at]!.end <= start) at++;
      const sentence = at < spans.length && spans[at]!.start <= start ? spans[at]! : finding.span;
      const evaluations = [...new Set(citationsIn(finding.citations, sentence).map((c) => c.id))];
      if (evaluations.length >= 2) continue;
      out.push({ span: { start, end: finding.span.start + match.end }, phrase: match.phrase, sentence, evaluations });
    }
  }
  return out;
}

type PhraseMatch = ReturnType<PhraseMatcher['find']>[number];

/**
 * The strong phrases of each paragraph's prose, kept per matcher: a paragraph an edit left alone
 * keeps its prose string, so after a keystroke only the edited paragraph is searched again.
 */
const strongByMatcher = new WeakMap<PhraseMatcher, { matches: Map<string, readonly PhraseMatch[]>; characters: number }>();
const STRONG_CHARACTERS = 8_000_000;

function strongPhrases(matcher: PhraseMatcher, prose: string): readonly PhraseMatch[] {
  let memo = strongByMatcher.get(matcher);
  if (!memo) strongByMatcher.set(matcher, (memo = { matches: new Map(), characters: 0 }));
  let matches = memo.matches.get(prose);
  if (!matches) {
    matches = matcher.find(prose);
    // Forgetting everything now and then bounds the memory; the next check fills it again.
    if (memo.characters + prose.length > STRONG_CHARACTERS) {
      memo.matches.clear();
      memo.characters = 0;
    }
    memo.matches.set(prose, matches);
    memo.characters += prose.length;
  }
  return matches;
}

export interface MissingConsideration {
  span: Span;
  heading: string;
}

/**
 * Target sections with text but no consideration, when the template asks for one in each. Empty
 * sections are left to `empty-section`.
 */
export function findMissingConsiderations(document: SynthesisDocument, options: { required: boolean }): MissingConsideration[] {
  if (!options.required) return [];
  return perTargetSection(
    document,
    considerationMemo,
    undefined,
    (target) => target.considerations.length,
    (count) => count,
  )
    .filter(({ section, value }) => section.hasContent && value === 0)
    .map(({ section }) => ({ span: section.heading.textSpan, heading: section.heading.text.trim() }));
}

export function validMinimum(minimum: number | undefined): number {
  return minimum !== undefined && Number.isInteger(minimum) && minimum >= 0 ? minimum : DEFAULT_MINIMUM;
}
