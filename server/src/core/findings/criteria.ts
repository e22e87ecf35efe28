/**
 * The OECD-DAC evaluation criteria (relevance, coherence, effectiveness, efficiency, impact,
 * sustainability) in English, Spanish and French: the values of the optional `criteria` column of
 * the evidence register and the inline tags of the text (`#effectiveness`, `#eficacia`,
 * `#efficacité`). The target × criterion view is in criteria-view.ts.
 */
import { msg, type Message } from '../i18n/message.js';
import type { Language, Span } from '../types.js';
import { fold } from './fold.js';

export const CRITERIA = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Accepted words for each criterion (folded: lower case, no accents), English first. */
export const CRITERION_WORDS: Readonly<Record<Criterion, readonly string[]>> = {
  relevance: ['relevance', 'pertinencia', 'pertinence'],
  coherence: ['coherence', 'coherencia'],
  effectiveness: ['effectiveness', 'eficacia', 'efectividad', 'efficacite'],
  efficiency: ['efficiency', 'eficiencia', 'efficience'],
  impact: ['impact', 'impacto'],
  sustainability: ['sustainability', 'sostenibilidad', 'sustentabilidad', 'durabilite', 'viabilite'],
};

/** The criteria's names in each language, for tables and completion. */
export const CRITERION_NAMES: Readonly<Record<Language, Readonly<Record<Criterion, string>>>> = {
  en: { relevance: 'relevance', coherence: 'coherence', effectiveness: 'effectiveness', efficiency: 'efficiency', impact: 'impact', sustainability: 'sustainability' },
  es: { relevance: 'pertinencia', coherence: 'coherencia', effectiveness: 'eficacia', efficiency: 'eficiencia', impact: 'impacto', sustainability: 'sostenibilidad' },
  fr: { relevance: 'pertinence', coherence: 'cohérence', effectiveness: 'efficacité', efficiency: 'efficience', impact: 'impact', sustainability: 'durabilité' },
};

const BY_WORD = new Map<string, Criterion>();
for (const c of CRITERIA) for (const w of CRITERION_WORDS[c]) BY_WORD.set(w, c);

export function criterionOf(word: string): Criterion | undefined {
  return BY_WORD.get(fold(word).trim());
}

/**
 * Reads a `criteria` cell: criteria separated by `;` or `,` (YAML lists arrive joined by `;`).
 * Unknown words are problems; the known ones are kept, in the order of `CRITERIA`.
 */
export function readCriteria(text: string): { criteria: Criterion[]; problems: Message[] } {
  const found = new Set<Criterion>();
  const problems: Message[] = [];
  for (const part of text.split(/[;,]/)) {
    const word = part.trim();
    if (word === '') continue;
    const criterion = criterionOf(word);
    if (criterion) found.add(criterion);
    else problems.push(msg('register.bad-criterion', { found: word }));
  }
  return { criteria: CRITERIA.filter((c) => found.has(c)), problems };
}

export interface CriterionTag {
  criterion: Criterion;
  /** The tag as written, `#` included. */
  span: Span;
}

const TAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}]{4,20})(?![\p{L}\p{N}_-])/gu;

/**
 * Criterion tags in a text (a paragraph's prose, or a heading): `#effectiveness`, `#eficacia`,
 * `#efficacité`, in any case. A `#` followed by any other word is left alone, as is one inside a
 * word or a web address (`page#impact`). `base` is the text's offset in the document.
 */
export function scanCriterionTags(text: string, base: number): CriterionTag[] {
  if (!text.includes('#')) return [];
  const out: CriterionTag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const criterion = criterionOf(m[1]!);
    if (criterion) out.push({ criterion, span: { start: base + m.index, end: base + m.index + m[0].length } });
  }
  return out;
}
