import type { Locale, Translate } from '../i18n/index.js';
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
  check: function checkUnknownTarget({ document, catalogue, report, t, locale }) {
    for (const tag of document.tags) {
      for (const ref of tag.refs) {
        const problem = describeUnknown(catalogue, ref, t, locale);
        if (!problem) continue;
        const suggestion = ref.kind === 'target' ? catalogue.closestTarget(ref.id) : undefined;
        const fixes: Fix[] = suggestion ? [{ title: t('unknown-target.fix', { suggestion }), edits: [{ span: ref.span, newText: suggestion }], suggestion: true }] : [];
        report({
          message: suggestion ? t('unknown-target.suggest', { problem, suggestion }) : problem,
          span: ref.span,
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};

/** Why a reference names nothing, or undefined when it exists. */
function describeUnknown(catalogue: SdgCatalogue, ref: SdgRef, t: Translate, locale: Locale): string | undefined {
  const goal = catalogue.goal(ref.goal);
  if (!goal) {
    return t('unknown-target.goal', { id: ref.id, goal: ref.goal, count: catalogue.goals.length });
  }
  if (ref.kind === 'goal') return undefined;
  const targetId = ref.kind === 'target' ? ref.id : ref.id.slice(0, ref.id.lastIndexOf('.'));
  if (!catalogue.target(targetId)) {
    return t('unknown-target.target', { target: targetId, goal: goal.number, targets: targetRange(catalogue, goal.number, t, locale) });
  }
  if (ref.kind === 'target' || catalogue.indicator(ref.id)) return undefined;
  const indicators = catalogue.indicatorsOf(targetId).map((i) => i.id);
  return indicators.length
    ? t('unknown-target.indicator', { id: ref.id, target: targetId, indicators: listText(indicators, 'and', locale) })
    : t('unknown-target.no-indicators', { id: ref.id, target: targetId });
}

/** "16.1 to 16.10, 16.a and 16.b" */
function targetRange(catalogue: SdgCatalogue, goal: number, t: Translate, locale: Locale): string {
  const targets = catalogue.targetsOf(goal);
  const numeric = targets.filter((x) => /^\d+$/.test(x.code));
  const letters = targets.filter((x) => !/^\d+$/.test(x.code)).map((x) => x.id);
  const parts = numeric.length > 2 ? [t('sdg.range', { first: numeric[0]!.id, last: numeric[numeric.length - 1]!.id })] : numeric.map((n) => n.id);
  return listText([...parts, ...letters], 'and', locale);
}
