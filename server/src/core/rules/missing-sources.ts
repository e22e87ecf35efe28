import { lowerBound } from '../search.js';
import { defineRule } from './rule.js';
import { effectiveTemplate, locateSections, quote } from './util.js';

/** A section that the template marks `sources: true` must hold a sources block. */
export const missingSources = defineRule({
  id: 'missing-sources',
  description: {
    en: 'A section that the template says counts its sources has no sources block',
    es: 'Una sección que, según la plantilla, cuenta sus fuentes no tiene bloque de fuentes',
    fr: "Une section qui, d'après le modèle, compte ses sources n'a pas de bloc de sources",
  },
  defaultSeverity: 'warning',
  tags: ['sources', 'template'],
  messages: {
    en: {
      message: "Expected a sources block in the section {heading} (a fenced block opened with ```sources, one 'label: count' per line), found none",
    },
    es: {
      message: "Falta un bloque de fuentes en la sección {heading} (un bloque delimitado que empieza con ```sources, con una línea 'etiqueta: cifra' por fuente)",
    },
    fr: {
      message: "Il manque un bloc de sources dans la section {heading} (un bloc délimité qui commence par ```sources, avec une ligne 'libellé: nombre' par source)",
    },
  },
  check: function checkMissingSources(context) {
    const { document, report, message } = context;
    const template = effectiveTemplate(context);
    if (!template) return;
    // Block starts in document order, searched by halving: no rescan of every block per section.
    const starts = document.sourcesBlocks.map((b) => b.span.start);
    for (const { section, found } of locateSections(document, template)) {
      if (!section.sources) continue;
      for (const s of found) {
        const next = lowerBound(starts, s.span.start);
        const has = next < starts.length && starts[next]! < s.span.end;
        if (has) continue;
        report({
          message: message('message', { heading: quote(s.heading.text) }),
          span: s.heading.span,
        });
      }
    }
  },
});
