/**
 * The bold labels that mark a consideration or a recommendation, in English, Spanish and French.
 *
 * A label is the strong emphasis that opens a paragraph: `**Consideration:**`. Accepted:
 * - the words, singular or plural, in any of the three languages whatever the document's language,
 *   in any case and with or without accents: Consideration(s), Recommendation(s); Consideración /
 *   Consideraciones, Recomendación / Recomendaciones; Considération(s), Recommandation(s);
 * - an optional number or letter after the word: `**Recommendation 2:**`, `**Recomendación 3b:**`;
 * - a colon or a full stop ending the label, inside the bold or right after it, with or without a
 *   space (an ordinary, no-break or narrow no-break space) before it, as French puts one:
 *   `**Considération :**`, `**Recommendation**:`, `**Consideration.**`.
 * A bold word without the colon or full stop is not a label: `**Recommendations** from earlier
 * evaluations were followed` is a sentence.
 */
import type { Language } from '../types.js';
import { fold } from './fold.js';

export type ConsiderationKind = 'consideration' | 'recommendation';

interface LabelWord {
  kind: ConsiderationKind;
  language: Language;
  singular: string;
  plural: string;
}

/** The label words, as folded (lower case, no accents); the first of each language is what completion offers. */
export const LABEL_WORDS: readonly LabelWord[] = [
  { kind: 'consideration', language: 'en', singular: 'consideration', plural: 'considerations' },
  { kind: 'recommendation', language: 'en', singular: 'recommendation', plural: 'recommendations' },
  { kind: 'consideration', language: 'es', singular: 'consideracion', plural: 'consideraciones' },
  { kind: 'recommendation', language: 'es', singular: 'recomendacion', plural: 'recomendaciones' },
  { kind: 'recommendation', language: 'fr', singular: 'recommandation', plural: 'recommandations' },
];

/** How each language writes the labels, for completion, snippets and generated text. */
export const LABEL_TEXT: Readonly<Record<Language, Readonly<Record<ConsiderationKind, string>>>> = {
  en: { consideration: 'Consideration:', recommendation: 'Recommendation:' },
  es: { consideration: 'Consideración:', recommendation: 'Recomendación:' },
  fr: { consideration: 'Considération\u00a0:', recommendation: 'Recommandation\u00a0:' },
};

export interface LabelMatch {
  kind: ConsiderationKind;
  plural: boolean;
  /** The number or letter after the word, as written (`2`, `3b`), if any. */
  number: string | undefined;
}

const WORDS = new Map<string, { kind: ConsiderationKind; plural: boolean }>();
for (const w of LABEL_WORDS) {
  WORDS.set(w.singular, { kind: w.kind, plural: false });
  WORDS.set(w.plural, { kind: w.kind, plural: true });
}

const LABEL = /^\s*([a-z]+)(?:\s+(\d{1,3}[a-z]?|[a-z]))?\s*([:.])?\s*$/;

/**
 * Reads a label: `strong` is the text of the opening strong emphasis, `after` the text that follows
 * it (the punctuation may stand outside the bold). Undefined when it is not a label.
 */
export function readLabel(strong: string, after: string): LabelMatch | undefined {
  const m = LABEL.exec(fold(strong));
  if (!m) return undefined;
  const word = WORDS.get(m[1]!);
  if (!word) return undefined;
  const punctuated = m[3] !== undefined || /^[\s]*[:.]/.test(after);
  if (!punctuated) return undefined;
  // A number that is really the first word of the text ("Recommendation a stronger …") is not
  // possible here: the whole strong text must be the label.
  const number = m[2] === undefined ? undefined : strong.trim().split(/\s+/)[1]!.replace(/[:.]$/, '');
  return { kind: word.kind, plural: word.plural, number };
}

/** The length of the punctuation (and spaces) that closes a label outside the bold, if any. */
export function trailingPunctuation(after: string): number {
  const m = /^\s*[:.]/.exec(after);
  return m ? m[0].length : 0;
}
