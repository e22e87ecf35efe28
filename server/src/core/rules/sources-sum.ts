import { planCounts, summable } from './counts.js';
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
    },
    es: {
      one: 'Se esperaba que {label} ({count}) fuera igual a su desglose, {sum}',
      many: 'Se esperaba que {label} ({count}) fuera igual a la suma de su desglose, {parts} = {sum}',
    },
    fr: {
      one: '{label} : {count} ne correspond pas à sa ventilation, {sum}',
      many: '{label} : {count} ne correspond pas à la somme de sa ventilation, {parts} = {sum}',
    },
  },
  check: function checkSourcesSum(context) {
    const { document, report, message } = context;
    const plan = planCounts(document, context.enabled('register-mismatch') ? context.evidence : undefined);
    for (const block of document.sourcesBlocks) {
      for (const parent of block.all) {
        // A breakdown with a line that could not be read, or whose place was a guess, is not added
        // up: `sources-syntax` reports those lines.
        if (parent.children.length === 0 || parent.count === undefined || !summable(block, parent)) continue;
        const parts = parent.children.map((c) => c.count!);
        const sum = parts.reduce((a, b) => a + b, 0);
        if (sum === parent.count) continue;
        // Numbers are written as the writer wrote the parent: "3,076" stays comma-grouped.
        const written = document.source.slice(parent.countSpan.start, parent.countSpan.end);
        const format = (n: number): string => formatCount(n, written);
        // The plan's correction resolves this when the planned parent equals its planned parts.
        const resolved = plan.fix && plan.target.get(parent) === parent.children.reduce((a, c) => a + plan.target.get(c)!, 0);
        report({
          message:
            parts.length === 1
              ? message('one', { label: parent.label, count: format(parent.count), sum: format(sum) })
              : message('many', { label: parent.label, count: format(parent.count), parts: parts.map(format).join(' + '), sum: format(sum) }),
          span: parent.countSpan,
          ...(resolved ? { fixes: [plan.fix!] } : {}),
        });
      }
    }
  },
});
