import { defineRule } from './rule.js';
import { effectiveTemplate, inOrder, locateSections, quote } from './util.js';

/** Template sections must come in the template's order. */
export const sectionOrder = defineRule({
  id: 'section-order',
  description: {
    en: 'Sections of the template that are not in the order the template gives',
    es: 'Secciones de la plantilla que no siguen el orden que ella indica',
    fr: "Des sections du modèle qui ne suivent pas l'ordre qu'il indique",
  },
  defaultSeverity: 'warning',
  tags: ['template', 'structure'],
  messages: {
    en: {
      message: "Expected the section {heading} {where}, as in the template '{template}'",
      after: 'after {heading}',
      before: 'before {heading}',
      between: 'after {after} and before {before}',
    },
    es: {
      message: "La sección {heading} debería ir {where}, como en la plantilla '{template}'",
      after: 'después de {heading}',
      before: 'antes de {heading}',
      between: 'después de {after} y antes de {before}',
    },
    fr: {
      message: "La section {heading} devrait venir {where}, comme dans le modèle '{template}'",
      after: 'après {heading}',
      before: 'avant {heading}',
      between: 'après {after} et avant {before}',
    },
  },
  check: function checkSectionOrder(context) {
    const { document, report, message } = context;
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
          ? message('between', { after: quote(after.heading.text), before: quote(before.heading.text) })
          : after
            ? message('after', { heading: quote(after.heading.text) })
            : before
              ? message('before', { heading: quote(before.heading.text) })
              : '';
      report({
        message: message('message', { heading: quote(item.heading.text), where, template: template.id }),
        span: item.heading.span,
      });
    });
  },
});
