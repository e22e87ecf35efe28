import type { SdgCatalogue } from '../sdg/catalogue.js';
import type { SdgRef } from '../sdg/tags.js';
import type { Fix } from '../types.js';
import type { Rule } from './rule.js';
import { listText } from './util.js';

/** Every SDG tag, in headings and prose, must name a goal, target or indicator that exists. */
export const unknownTarget: Rule = {
  id: 'unknown-target',
  description: 'An SDG tag naming a goal, target or indicator that does not exist',
  defaultSeverity: 'error',
  tags: ['sdg'],
  check: function checkUnknownTarget({ document, catalogue, report }) {
    for (const tag of document.tags) {
      for (const ref of tag.refs) {
        const problem = describeUnknown(catalogue, ref);
        if (!problem) continue;
        const suggestion = ref.kind === 'target' ? catalogue.closestTarget(ref.id) : undefined;
        const fixes: Fix[] = suggestion ? [{ title: `Replace with ${suggestion}`, edits: [{ span: ref.span, newText: suggestion }], suggestion: true }] : [];
        report({
          message: suggestion ? `${problem}; did you mean ${suggestion}?` : problem,
          span: ref.span,
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};

/** Why a reference names nothing, or undefined when it exists. */
function describeUnknown(catalogue: SdgCatalogue, ref: SdgRef): string | undefined {
  const goal = catalogue.goal(ref.goal);
  if (!goal) {
    return `Unknown SDG ${ref.id}: there is no goal ${ref.goal} (the goals are 1 to ${catalogue.goals.length})`;
  }
  if (ref.kind === 'goal') return undefined;
  const targetId = ref.kind === 'target' ? ref.id : ref.id.slice(0, ref.id.lastIndexOf('.'));
  if (!catalogue.target(targetId)) {
    return `Unknown SDG target ${targetId}: goal ${goal.number} has the targets ${targetRange(catalogue, goal.number)}`;
  }
  if (ref.kind === 'target' || catalogue.indicator(ref.id)) return undefined;
  const indicators = catalogue.indicatorsOf(targetId).map((i) => i.id);
  return indicators.length
    ? `Unknown SDG indicator ${ref.id}: target ${targetId} has the indicators ${listText(indicators)}`
    : `Unknown SDG indicator ${ref.id}: target ${targetId} has no indicators`;
}

/** "16.1 to 16.10, 16.a and 16.b" */
function targetRange(catalogue: SdgCatalogue, goal: number): string {
  const targets = catalogue.targetsOf(goal);
  const numeric = targets.filter((t) => /^\d+$/.test(t.code));
  const letters = targets.filter((t) => !/^\d+$/.test(t.code)).map((t) => t.id);
  const parts = numeric.length > 2 ? [`${numeric[0]!.id} to ${numeric[numeric.length - 1]!.id}`] : numeric.map((t) => t.id);
  return listText([...parts, ...letters]);
}
