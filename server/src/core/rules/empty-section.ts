import type { Section } from '../parse.js';
import type { Rule } from './rule.js';
import { effectiveTemplate, locateSections, quote } from './util.js';

/**
 * A required template section, or a target section, needs text. A section counts the text of its
 * subsections, so a findings section made only of target sections is not empty.
 */
export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A required section or a target section with no text',
  defaultSeverity: 'warning',
  tags: ['structure'],
  check: function checkEmptySection(context) {
    const { document, report, t } = context;
    const template = effectiveTemplate(context);
    const empty = new Set<Section>();
    if (template) {
      for (const { section, found } of locateSections(document, template)) {
        if (!section.required) continue;
        for (const s of found) if (!s.hasContent) empty.add(s);
      }
    }
    for (const s of document.sections) if (s.heading.targetTag && !s.hasContent) empty.add(s);
    for (const s of [...empty].sort((a, b) => a.span.start - b.span.start)) {
      report({ message: t('empty-section.message', { heading: quote(s.heading.text) }), span: s.heading.span });
    }
  },
};
