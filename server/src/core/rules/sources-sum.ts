import type { Span } from '../types.js';
import { defineRule } from './rule.js';
import { formatCount } from './util.js';

/** A breakdown must add up to the line it breaks down: 21 evaluation reports = 13 + 3 + 5. */
export const sourcesSum = defineRule({
  id: 'sources-sum',
  description: {
    en: 'A breakdown in a sources block whose counts do not add up to its parent',
    es: 'Un desglose de un bloque de fuentes cuyas cifras no suman la de la línea que desglosa',
    fr: "Une ventilation d'un bloc de sources dont les nombres ne donnent pas le total de la ligne qu'elle détaille",
  },
  defaultSeverity: 'error',
  tags: ['sources', 'numbers'],
  messages: {
    en: {
      one: 'Expected {label} ({count}) to equal its breakdown, {sum}',
      many: 'Expected {label} ({count}) to equal the sum of its breakdown, {parts} = {sum}',
      fix: 'Set {label} to {value}',
    },
    es: {
      one: 'Se esperaba que {label} ({count}) fuera igual a su desglose, {sum}',
      many: 'Se esperaba que {label} ({count}) fuera igual a la suma de su desglose, {parts} = {sum}',
      fix: 'Poner {label} en {value}',
    },
    fr: {
      one: '{label} : {count} ne correspond pas à sa ventilation, {sum}',
      many: '{label} : {count} ne correspond pas à la somme de sa ventilation, {parts} = {sum}',
      fix: 'Mettre {label} à {value}',
    },
  },
  check: function checkSourcesSum({ document, report, message }) {
    for (const block of document.sourcesBlocks) {
      // Where a line could not be read, or its place in the breakdown was a guess, a sum would be
      // a guess too: `sources-syntax` reports those lines, and their parents are left alone.
      const unsure = (span: Span): boolean => block.problems.some((p) => p.span.start < span.end && span.start < p.span.end);
      for (const parent of block.all) {
        if (parent.children.length === 0 || parent.count === undefined) continue;
        const parts = parent.children.map((c) => c.count);
        if (parts.some((p) => p === undefined) || [parent, ...parent.children].some((e) => unsure(e.lineSpan))) continue;
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (sum === parent.count) continue;
        // Numbers are written as the writer wrote the parent: "3,076" stays comma-grouped.
        const written = document.text.slice(parent.countSpan.start, parent.countSpan.end);
        const format = (n: number): string => formatCount(n, written);
        report({
          message:
            parts.length === 1
              ? message('one', { label: parent.label, count: format(parent.count), sum: format(sum) })
              : message('many', { label: parent.label, count: format(parent.count), parts: parts.map((p) => format(p!)).join(' + '), sum: format(sum) }),
          span: parent.countSpan,
          fixes: [{ title: message('fix', { label: parent.label, value: format(sum) }), edits: [{ span: parent.countSpan, newText: format(sum) }] }],
        });
      }
    }
  },
});
