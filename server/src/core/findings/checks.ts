/**
 * The logic of the strength-of-evidence checks, as pure functions that return what they find as
 * data (where, and the figures a message needs). The rules that put them into words, with their
 * levels and translations, are thin wrappers around these (see docs/findings.md for each check).
 *
 * `thin-evidence` and `overclaim` run only where the document has an evidence register: without
 * one, citations cannot be weighed, and documents that never used a register see no new findings.
 */
import type { EvidenceRegister } from '../evidence.js';
import type { SynthesisDocument } from '../parse.js';
import type { Span } from '../types.js';
import { sentences } from './sentences.js';
import { citationsIn, targetFindings, type TargetSection } from './targets.js';
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
  for (const target of targetFindings(document)) {
    if (!target.section.hasContent) continue;
    const evaluations = [...new Set(target.citations.map((c) => c.id))];
    if (evaluations.length >= minimum) continue;
    out.push({ span: target.section.heading.textSpan, heading: target.heading, evaluations, minimum });
  }
  return out;
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
  for (const target of targetFindings(document)) {
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
  return targetFindings(document)
    .filter((t: TargetSection) => t.section.hasContent && t.considerations.length === 0)
    .map((t) => ({ span: t.section.heading.textSpan, heading: t.heading }));
}

export function validMinimum(minimum: number | undefined): number {
  return minimum !== undefined && Number.isInteger(minimum) && minimum >= 0 ? minimum : DEFAULT_MINIMUM;
}
