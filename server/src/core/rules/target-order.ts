import type { Section } from '../parse.js';
import type { SdgCatalogue } from '../sdg/catalogue.js';
import type { Rule } from './rule.js';
import { inOrder, targetSectionsByParent } from './util.js';

/**
 * Target sections under one parent follow the official order of their first target:
 * 16.1 < 16.2 < … < 16.10 < 16.a < 16.b.
 */
export const targetOrder: Rule = {
  id: 'target-order',
  description: 'Target sections that are not in the official order of their targets',
  defaultSeverity: 'warning',
  tags: ['sdg', 'structure'],
  check: function checkTargetOrder({ document, catalogue, report, t }) {
    for (const siblings of targetSectionsByParent(document)) {
      const compare = (a: Section, b: Section): number => compareRefs(catalogue, firstId(a), firstId(b));
      const kept = inOrder(siblings, compare);
      const ordered = siblings.filter((_, i) => kept.has(i));
      siblings.forEach((section, i) => {
        if (kept.has(i)) return;
        const after = [...ordered].reverse().find((o) => compare(o, section) < 0);
        const before = ordered.find((o) => compare(o, section) > 0);
        const where =
          after && before
            ? t('target-order.between', { after: firstId(after), before: firstId(before) })
            : after
              ? t('target-order.after', { id: firstId(after) })
              : before
                ? t('target-order.before', { id: firstId(before) })
                : '';
        report({
          message: t('target-order.message', { id: firstId(section), where }),
          span: section.heading.targetTag!.refs[0]!.span,
        });
      });
    }
  },
};

function firstId(section: Section): string {
  return section.heading.targetTag!.refs[0]!.id;
}

/** Targets in official order; an indicator sorts with its target, then by number. */
function compareRefs(catalogue: SdgCatalogue, a: string, b: string): number {
  const [ta, ia] = split(a);
  const [tb, ib] = split(b);
  return catalogue.compareTargets(ta, tb) || ia - ib;
}

function split(id: string): [string, number] {
  const parts = id.split('.');
  return parts.length === 3 ? [`${parts[0]}.${parts[1]}`, Number(parts[2])] : [id, 0];
}
