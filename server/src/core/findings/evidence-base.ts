/**
 * The evidence base of a finding or a target section: the distinct evaluations it cites, counted by
 * kind (country-level, regional, global) and with their years and quality ratings, as the
 * evidence register gives them.
 */
import type { Citation, EvidenceRegister } from '../evidence.js';
import { fold } from './fold.js';
import type { QualityRating } from './quality.js';

/** What kind of evaluation a register row is, from its `type`; `unregistered` when no register row has the id. */
export type EvaluationKind = 'country' | 'regional' | 'global' | 'other' | 'unregistered';
export const EVALUATION_KINDS: readonly EvaluationKind[] = ['country', 'regional', 'global', 'other', 'unregistered'];

/** Register `type` values read as each kind, folded (in any case, with or without accents or `-level`). */
const KIND_WORDS: ReadonlyArray<[EvaluationKind, readonly string[]]> = [
  ['country', ['country', 'national', 'pais', 'nacional', 'pays']],
  ['regional', ['regional', 'regionale']],
  ['global', ['global', 'globale', 'mundial', 'mondial', 'mondiale']],
];

export function kindOfType(type: string): EvaluationKind {
  const word = fold(type).trim().replace(/[-\s]level$/, '');
  for (const [kind, words] of KIND_WORDS) if (words.includes(word)) return kind;
  return 'other';
}

export interface EvidenceBase {
  /** Distinct ids, in the order of their first citation. */
  evaluations: string[];
  count: number;
  byKind: Record<EvaluationKind, number>;
  /** The earliest and latest year of the cited evaluations that the register dates. */
  years: { from: number; to: number } | undefined;
  /** How many of the cited evaluations have each rating; `unrated` includes those not in the register. */
  ratings: Record<QualityRating | 'unrated', number>;
}

export function evidenceBase(citations: readonly Citation[], register: EvidenceRegister | undefined): EvidenceBase {
  const evaluations = [...new Set(citations.map((c) => c.id))];
  const byKind: Record<EvaluationKind, number> = { country: 0, regional: 0, global: 0, other: 0, unregistered: 0 };
  const ratings: EvidenceBase['ratings'] = { 'very good': 0, good: 0, fair: 0, poor: 0, unrated: 0 };
  let from = Infinity;
  let to = -Infinity;
  for (const id of evaluations) {
    const entry = register?.byId.get(id);
    if (!entry) {
      byKind.unregistered++;
      ratings.unrated++;
      continue;
    }
    byKind[kindOfType(entry.type)]++;
    ratings[entry.quality ?? 'unrated']++;
    if (entry.year !== undefined) {
      from = Math.min(from, entry.year);
      to = Math.max(to, entry.year);
    }
  }
  return { evaluations, count: evaluations.length, byKind, years: from <= to ? { from, to } : undefined, ratings };
}
