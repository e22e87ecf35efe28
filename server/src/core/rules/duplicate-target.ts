import type { Rule } from './rule.js';
import { lineOf, targetSectionsByParent } from './util.js';

/**
 * Each target heads at most one target section among its siblings (the sections under the same
 * parent heading). `SDG 16.6/16.a` heads a section for both targets.
 */
export const duplicateTarget: Rule = {
  id: 'duplicate-target',
  description: 'The same target heading two target sections under one parent',
  defaultSeverity: 'error',
  tags: ['sdg', 'structure'],
  check: function checkDuplicateTarget({ document, report, t }) {
    for (const siblings of targetSectionsByParent(document)) {
      const first = new Map<string, number>();
      for (const section of siblings) {
        for (const ref of section.heading.targetTag!.refs) {
          const seen = first.get(ref.id);
          if (seen === undefined) {
            first.set(ref.id, section.heading.span.start);
            continue;
          }
          report({
            message: t('duplicate-target.message', { id: ref.id, line: lineOf(document, seen) }),
            span: ref.span,
          });
        }
      }
    }
  },
};
