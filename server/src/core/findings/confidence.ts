/**
 * How much confidence a finding deserves, from the evaluations it cites — in the spirit of
 * GRADE-CERQual, which rates a review finding from its evidence's methodological limitations,
 * adequacy, relevance and coherence. Only what the register and the text can tell is rated; the
 * rules are documented, with examples, in docs/findings.md.
 *
 * Every finding starts at high confidence and goes down one level per step of concern:
 *
 * - none cited: a finding that cites no evaluation is at very low confidence, whatever else;
 * - adequacy: one evaluation, two steps down; two evaluations, one step; three or more, none;
 * - quality (methodological limitations): every cited evaluation rated very good or good, none;
 *   at least half of them, one step; fewer than half, two steps. An evaluation without a rating,
 *   or not in the register, counts as not rated good;
 * - relevance: in a country synthesis (front matter `country`), a finding that cites no
 *   country-level evaluation — only regional, global or other ones — goes one step down.
 *
 * Coherence (whether the evaluations agree) needs reading them; the tool cannot judge it, and the
 * documentation says so. The level it gives is therefore the most the evidence base allows.
 */
import type { EvidenceBase } from './evidence-base.js';

export const CONFIDENCE_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export type Concern =
  | { component: 'none-cited' }
  | { component: 'adequacy'; steps: 1 | 2; evaluations: number }
  | { component: 'quality'; steps: 1 | 2; sound: number; evaluations: number }
  | { component: 'relevance'; steps: 1 };

export interface Confidence {
  level: ConfidenceLevel;
  /** Why it is not high, in the order of the rules. Empty for high confidence. */
  concerns: Concern[];
}

export interface ConfidenceContext {
  /** The synthesis is about one country (its front matter names a `country`). */
  countrySynthesis: boolean;
}

export function rateConfidence(base: EvidenceBase, context: ConfidenceContext): Confidence {
  if (base.count === 0) return { level: 'very low', concerns: [{ component: 'none-cited' }] };
  const concerns: Concern[] = [];
  if (base.count === 1) concerns.push({ component: 'adequacy', steps: 2, evaluations: 1 });
  else if (base.count === 2) concerns.push({ component: 'adequacy', steps: 1, evaluations: 2 });
  const sound = base.ratings['very good'] + base.ratings.good;
  if (sound < base.count) concerns.push({ component: 'quality', steps: sound * 2 >= base.count ? 1 : 2, sound, evaluations: base.count });
  if (context.countrySynthesis && base.byKind.country === 0) concerns.push({ component: 'relevance', steps: 1 });
  const steps = concerns.reduce((n, c) => n + ('steps' in c ? c.steps : 0), 0);
  return { level: CONFIDENCE_LEVELS[Math.min(steps, 3)]!, concerns };
}
