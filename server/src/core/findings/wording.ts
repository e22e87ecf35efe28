/**
 * Strong wording: phrases that claim more than one or two evaluations can carry ("consistently",
 * "all evaluations", "clearly demonstrated"). The built-in lists are per document language; a team
 * adds its own phrases in `.synthesis/config.yaml` (`overclaim.words`), which apply in every
 * language. A `*` at the end of a word stands for any ending: `demonstrat*`.
 */
import type { Language } from '../types.js';
import { compilePhrases, type PhraseMatcher } from './fold.js';

export const STRONG_WORDING: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'consistently',
    'invariably',
    'without exception',
    'universally',
    'unanimously',
    'conclusively',
    'all evaluations',
    'all the evaluations',
    'all reviewed evaluations',
    'every evaluation',
    'clearly demonstrat*',
    'clearly show*',
    'clearly prove*',
    'proves that',
    'proved that',
  ],
  es: [
    'sistemáticamente',
    'consistentemente',
    'de manera consistente',
    'de forma consistente',
    'invariablemente',
    'sin excepción',
    'unánimemente',
    'de manera concluyente',
    'de forma concluyente',
    'todas las evaluaciones',
    'cada evaluación',
    'claramente demostrad*',
    'demuestra* claramente',
    'demostró claramente',
    'demostraron claramente',
  ],
  fr: [
    'systématiquement',
    'constamment',
    'de manière constante',
    'de façon constante',
    'invariablement',
    'sans exception',
    'unanimement',
    'de manière concluante',
    'de façon concluante',
    'toutes les évaluations',
    'chaque évaluation',
    'clairement démontré*',
    'démontre* clairement',
    'prouve* que',
  ],
};

const matchers = new Map<string, PhraseMatcher>();

/** The matcher for a document language and a team's extra phrases (kept for reuse). */
export function strongWording(language: Language, extra: readonly string[] = []): PhraseMatcher {
  const key = `${language}\u0000${extra.join('\u0000')}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = compilePhrases([...STRONG_WORDING[language], ...extra]);
    if (matchers.size > 32) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}
