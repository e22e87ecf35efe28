import type { Rule } from './rule.js';
import { effectiveTemplate, inOrder, locateSections, quote } from './util.js';

/** Template sections must come in the template's order. */
export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections of the template that are not in the order the template gives',
  defaultSeverity: 'warning',
  tags: ['template', 'structure'],
  check: function checkSectionOrder(context) {
    const { document, report, t } = context;
    const template = effectiveTemplate(context);
    if (!template) return;
    // The first heading of each template section, in document order.
    const present = locateSections(document, template)
      .filter((l) => l.found.length > 0)
      .map((l) => ({ index: l.index, heading: l.found[0]!.heading }))
      .sort((a, b) => a.heading.span.start - b.heading.span.start);
    const kept = inOrder(present, (a, b) => a.index - b.index);
    const ordered = present.filter((_, i) => kept.has(i));
    present.forEach((item, i) => {
      if (kept.has(i)) return;
      const after = [...ordered].reverse().find((o) => o.index < item.index);
      const before = ordered.find((o) => o.index > item.index);
      const where =
        after && before
          ? t('section-order.between', { after: quote(after.heading.text), before: quote(before.heading.text) })
          : after
            ? t('section-order.after', { heading: quote(after.heading.text) })
            : before
              ? t('section-order.before', { heading: quote(before.heading.text) })
              : '';
      report({
        message: t('section-order.message', { heading: quote(item.heading.text), where, template: template.id }),
        span: item.heading.span,
      });
    });
  },
};
