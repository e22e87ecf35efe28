import type { Rule } from './rule.js';
import { effectiveTemplate, listText } from './util.js';

/**
 * A target section must belong to a goal the template covers (`goals` in the template; a template
 * that names no goals covers all 17). Only target sections count: prose may mention any goal.
 */
export const targetOutsideScope: Rule = {
  id: 'target-outside-scope',
  description: 'A target section for an SDG goal that the template does not cover',
  defaultSeverity: 'warning',
  tags: ['sdg', 'template'],
  check: function checkTargetOutsideScope(context) {
    const { document, catalogue, report, t, locale } = context;
    const template = effectiveTemplate(context);
    if (!template || template.goals.length === 0 || template.goals.length >= catalogue.goals.length) return;
    const covered = listText(template.goals.map((g) => t('sdg.goal', { goal: g })), 'or', locale);
    for (const heading of document.headings) {
      for (const ref of heading.targetTag?.refs ?? []) {
        // Goals that do not exist are for `unknown-target` to report.
        if (template.goals.includes(ref.goal) || !catalogue.goal(ref.goal)) continue;
        report({
          message: t(template.goals.length === 1 ? 'target-outside-scope.one' : 'target-outside-scope.many', { covered, template: template.id, id: ref.id }),
          span: ref.span,
        });
      }
    }
  },
};
