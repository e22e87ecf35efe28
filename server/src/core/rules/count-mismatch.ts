import { list } from '../i18n/message.js';
import { countedEntriesByLabel, planCounts } from './counts.js';
import { defineRule } from './rule.js';
import { formatCount, lineOf } from './util.js';

/**
 * A number in prose followed by a sources label ("21 evaluation reports") must equal that label's
 * count in a sources block. When blocks give the label different counts, the prose may match any.
 */
export const countMismatch = defineRule({
  id: 'count-mismatch',
  description: {
    en: 'A count in the text that disagrees with the sources block',
    es: 'Una cifra del texto que no coincide con el bloque de fuentes',
    fr: 'Un nombre du texte qui ne concorde pas avec le bloc de sources',
  },
  defaultSeverity: 'error',
  tags: ['sources', 'numbers'],
  messages: {
    en: {
      message: 'Expected {figures} {label} as in {where}, found {written}',
      'where-line': 'the sources block (line {lines})',
      'where-lines': 'the sources block (lines {lines})',
      'where-blocks': 'the sources blocks (lines {lines})',
    },
    es: {
      message: 'Según {where} deberían ser {figures} {label}; el texto dice {written}',
      'where-line': 'el bloque de fuentes (línea {lines})',
      'where-lines': 'el bloque de fuentes (líneas {lines})',
      'where-blocks': 'los bloques de fuentes (líneas {lines})',
    },
    fr: {
      message: "D'après {where}, il devrait y avoir {figures} {label} ; le texte dit {written}",
      'where-line': 'le bloc de sources (ligne {lines})',
      'where-lines': 'le bloc de sources (lignes {lines})',
      'where-blocks': 'les blocs de sources (lignes {lines})',
    },
  },
  check: function checkCountMismatch(context) {
    const { document, report, message } = context;
    const plan = planCounts(document, context.enabled('register-mismatch') ? context.evidence : undefined);
    const byKey = countedEntriesByLabel(document);
    for (const claim of document.proseCounts) {
      const entries = byKey.get(claim.key);
      if (!entries || entries.some((e) => e.count === claim.value)) continue;
      const written = document.source.slice(claim.valueSpan.start, claim.valueSpan.end);
      const figures = [...new Set(entries.map((e) => e.count!))];
      const lines = [...new Set(entries.map((e) => lineOf(document, e.lineSpan.start)))];
      const blocks = new Set(entries.map((e) => document.sourcesBlocks.findIndex((b) => b.all.includes(e)))).size;
      const where = message(blocks > 1 ? 'where-blocks' : lines.length > 1 ? 'where-lines' : 'where-line', { lines: list(lines.map(String)) });
      // The shared correction resolves this when, after it, the number equals one of its label's
      // planned counts (it changes the number, the block, or both); when the label has several
      // figures, which one the text means is for the writer to say, and there is no fix.
      const after = plan.prose.get(claim) ?? claim.value;
      const resolved = plan.fix && entries.some((e) => (plan.target.get(e) ?? e.count) === after);
      report({
        message: message('message', { figures: list(figures.map((f) => formatCount(f, written)), 'or'), label: claim.label, where, written }),
        span: claim.valueSpan,
        ...(resolved ? { fixes: [plan.fix!] } : {}),
      });
    }
  },
});
