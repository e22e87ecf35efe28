import type { Section } from '../parse.js';
import { defineRule } from './rule.js';
import { effectiveTemplate, locateSections, quote } from './util.js';

/**
 * A required template section, or a target section, needs text. A section counts the text of its
 * subsections, so a findings section made only of target sections is not empty.
 */
export const emptySection = defineRule({
  id: 'empty-section',
  description: {
    en: 'A required section or a target section with no text',
    es: 'Una sección obligatoria o una sección de meta sin texto',
    fr: 'Une section obligatoire ou une section de cible sans texte',
  },
  defaultSeverity: 'warning',
  tags: ['structure'],
  messages: {
    en: {
      message: 'Expected some text in the section {heading}, found none',
    },
    es: {
      message: 'La sección {heading} no tiene texto',
    },
    fr: {
      message: "La section {heading} n'a pas de texte",
    },
  },
  check: function checkEmptySection(context) {
    const { document, report, message } = context;
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
      report({ message: message('message', { heading: quote(s.heading.text) }), span: s.heading.span });
    }
  },
});
