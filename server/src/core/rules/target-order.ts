import type { Section } from '../parse.js';
import type { SdgCatalogue } from '../sdg/catalogue.js';
import { defineRule } from './rule.js';
import { inOrder, targetSectionsByParent } from './util.js';

/**
 * Target sections under one parent follow the official order of their first target:
 * 16.1 < 16.2 < … < 16.10 < 16.a < 16.b.
 */
export const targetOrder = defineRule({
  id: 'target-order',
  description: {
    en: 'Target sections that are not in the official order of their targets',
    es: 'Secciones de meta que no siguen el orden oficial de sus metas',
    fr: "Des sections de cible qui ne suivent pas l'ordre officiel de leurs cibles",
  },
  defaultSeverity: 'warning',
  tags: ['sdg', 'structure'],
  messages: {
    en: {
      message: 'Expected the section for SDG {id} {where}, in the official order of targets',
      after: 'after SDG {id}',
      before: 'before SDG {id}',
      between: 'after SDG {after} and before SDG {before}',
    },
    es: {
      message: 'La sección ODS {id} debería ir {where}, según el orden oficial de las metas',
      after: 'después de ODS {id}',
      before: 'antes de ODS {id}',
      between: 'después de ODS {after} y antes de ODS {before}',
    },
    fr: {
      message: "La section ODD {id} devrait venir {where}, dans l'ordre officiel des cibles",
      after: 'après ODD {id}',
      before: 'avant ODD {id}',
      between: 'après ODD {after} et avant ODD {before}',
    },
  },
  check: function checkTargetOrder({ document, catalogue, report, message }) {
    for (const siblings of targetSectionsByParent(document)) {
      const compare = (a: Section, b: Section): number => compareRefs(catalogue, firstId(a), firstId(b));
      const kept = keptInOrder(catalogue, siblings, compare);
      const ordered = siblings.filter((_, i) => kept.has(i));
      siblings.forEach((section, i) => {
        if (kept.has(i)) return;
        const after = [...ordered].reverse().find((o) => compare(o, section) < 0);
        const before = ordered.find((o) => compare(o, section) > 0);
        const where =
          after && before
            ? message('between', { after: firstId(after), before: firstId(before) })
            : after
              ? message('after', { id: firstId(after) })
              : before
                ? message('before', { id: firstId(before) })
                : '';
        report({
          message: message('message', { id: firstId(section), where }),
          span: section.heading.targetTag!.refs[0]!.span,
        });
      });
    }
  },
});

/**
 * Per catalogue, the sections kept in order by the sequence of their first ids. Finding them is
 * quadratic in a group's length, and a keystroke almost never changes the ids: it is done again
 * only when they change. A few sequences are kept (one document's groups, several documents).
 */
const keptByIds = new WeakMap<SdgCatalogue, Map<string, Set<number>>>();
const MAX_KEPT = 256;

function keptInOrder(catalogue: SdgCatalogue, siblings: readonly Section[], compare: (a: Section, b: Section) => number): Set<number> {
  let known = keptByIds.get(catalogue);
  if (!known) keptByIds.set(catalogue, (known = new Map()));
  const key = siblings.map(firstId).join(' ');
  let kept = known.get(key);
  if (!kept) {
    kept = inOrder(siblings, compare);
    if (known.size >= MAX_KEPT) known.clear();
    known.set(key, kept);
  }
  return kept;
}

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
