import { defineRule } from './rule.js';
import { lineOf, targetSectionsByParent } from './util.js';

/**
 * Each target heads at most one target section among its siblings (the sections under the same
 * parent heading). `SDG 16.6/16.a` heads a section for both targets.
 */
export const duplicateTarget = defineRule({
  id: 'duplicate-target',
  description: {
    en: 'The same target heading two target sections under one parent',
    es: 'La misma meta encabeza dos secciones de meta bajo una misma sección',
    fr: 'La même cible en tête de deux sections de cible sous une même section',
  },
  defaultSeverity: 'error',
  tags: ['sdg', 'structure'],
  messages: {
    en: {
      message: 'Expected one section for SDG {id}, found a second one (the first is on line {line}); merge them',
    },
    es: {
      message: 'Ya hay una sección para ODS {id} (la primera está en la línea {line}); reúnalas en una sola',
    },
    fr: {
      message: 'Il y a déjà une section pour ODD {id} (la première est à la ligne {line}) ; fusionnez-les',
    },
  },
  check: function checkDuplicateTarget({ document, report, message }) {
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
            message: message('message', { id: ref.id, line: lineOf(document, seen) }),
            span: ref.span,
          });
        }
      }
    }
  },
});
