import { countMismatch } from './count-mismatch.js';
import { duplicateSource } from './duplicate-source.js';
import { duplicateTarget } from './duplicate-target.js';
import { emptySection } from './empty-section.js';
import { frontMatter } from './front-matter.js';
import { missingConsideration } from './missing-consideration.js';
import { missingSection } from './missing-section.js';
import { missingSources } from './missing-sources.js';
import { overclaim } from './overclaim.js';
import { registerMismatch } from './register-mismatch.js';
import type { Rule } from './rule.js';
import { screeningFlow } from './screening-flow.js';
import { sectionOrder } from './section-order.js';
import { sourcesSum } from './sources-sum.js';
import { sourcesSyntax } from './sources-syntax.js';
import { targetOrder } from './target-order.js';
import { targetOutsideScope } from './target-outside-scope.js';
import { thinEvidence } from './thin-evidence.js';
import { uncitedEvidence } from './uncited-evidence.js';
import { unknownEvidence } from './unknown-evidence.js';
import { unknownTarget } from './unknown-target.js';
import { unknownTemplate } from './unknown-template.js';

/**
 * Every rule, in the order they run and are documented. Adding a rule means adding its file and
 * one line here; a test keeps this list, the README's rules table and docs/rules/ in agreement.
 */
export const RULES: readonly Rule[] = [
  frontMatter,
  unknownTemplate,
  missingSection,
  sectionOrder,
  emptySection,
  unknownTarget,
  targetOutsideScope,
  duplicateTarget,
  targetOrder,
  sourcesSyntax,
  missingSources,
  duplicateSource,
  sourcesSum,
  countMismatch,
  unknownEvidence,
  uncitedEvidence,
  registerMismatch,
  thinEvidence,
  overclaim,
  missingConsideration,
  screeningFlow,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
