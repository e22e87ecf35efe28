import type { SourcesEntry } from '../sources.js';
import { defineRule } from './rule.js';
import { lineOf } from './util.js';

/** A label appears once among its siblings: the top-level lines of a block, or one parent's breakdown. */
export const duplicateSource = defineRule({
  id: 'duplicate-source',
  description: {
    en: 'The same label twice at one level of a sources block',
    es: 'La misma etiqueta dos veces en un mismo nivel de un bloque de fuentes',
    fr: "Le même libellé deux fois à un même niveau d'un bloc de sources",
  },
  defaultSeverity: 'warning',
  tags: ['sources'],
  messages: {
    en: {
      message: "Expected each label once at this level, found '{label}' again (first on line {line})",
    },
    es: {
      message: "La etiqueta '{label}' se repite en este nivel (aparece primero en la línea {line}); cada etiqueta va una sola vez",
    },
    fr: {
      message: "Le libellé '{label}' est répété à ce niveau (il figure déjà à la ligne {line}) ; chaque libellé ne doit figurer qu’une fois",
    },
  },
  check: function checkDuplicateSource({ document, report, message }) {
    for (const block of document.sourcesBlocks) {
      const levels: SourcesEntry[][] = [block.entries, ...block.all.map((e) => e.children)];
      for (const siblings of levels) {
        const first = new Map<string, SourcesEntry>();
        for (const entry of siblings) {
          const seen = first.get(entry.key);
          if (!seen) {
            first.set(entry.key, entry);
            continue;
          }
          report({
            message: message('message', { label: entry.label, line: lineOf(document, seen.lineSpan.start) }),
            span: entry.labelSpan,
          });
        }
      }
    }
  },
});
