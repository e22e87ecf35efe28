/**
 * The quality rating of an evaluation report: the optional `quality` column of the evidence
 * register. The scale has four steps, as quality assessments of evaluation reports in the UN system
 * commonly use; each step may be written in English, Spanish or French, in any case, with or
 * without accents.
 */
import { msg, type Message } from '../i18n/message.js';
import { fold } from './fold.js';

export const QUALITY_RATINGS = ['very good', 'good', 'fair', 'poor'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** Every accepted spelling (folded), by rating. The first of each is the English name. */
export const QUALITY_WORDS: Readonly<Record<QualityRating, readonly string[]>> = {
  'very good': ['very good', 'excellent', 'muy buena', 'muy bueno', 'excelente', 'tres bonne', 'tres bon'],
  good: ['good', 'buena', 'bueno', 'bonne', 'bon'],
  fair: ['fair', 'regular', 'aceptable', 'passable', 'moyenne', 'moyen'],
  poor: ['poor', 'unsatisfactory', 'deficiente', 'insatisfactoria', 'insatisfactorio', 'insuffisante', 'insuffisant', 'insatisfaisante', 'insatisfaisant'],
};

const BY_WORD = new Map<string, QualityRating>();
for (const rating of QUALITY_RATINGS) for (const word of QUALITY_WORDS[rating]) BY_WORD.set(word, rating);

/** Whether a rating counts as sound evidence in the confidence rules (very good or good). */
export function isSound(rating: QualityRating | undefined): boolean {
  return rating === 'very good' || rating === 'good';
}

/**
 * Reads a `quality` cell. An empty cell is no rating; anything else that is not a known word is a
 * problem, in plain words.
 */
export function readQuality(text: string): { rating: QualityRating | undefined; problem?: Message } {
  const value = fold(text).trim().replace(/[\s\u00a0]+/g, ' ').replace(/-/g, ' ');
  if (value === '') return { rating: undefined };
  const rating = BY_WORD.get(value);
  if (rating) return { rating };
  return { rating: undefined, problem: msg('register.bad-quality', { found: text.trim() }) };
}
