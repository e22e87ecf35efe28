import type { SourcesEntry } from '../sources.js';
import type { Fix } from '../types.js';
import { defineRule } from './rule.js';
import { list } from '../i18n/message.js';
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
      fix: 'Change {written} to {value}',
    },
    es: {
      message: 'Según {where} deberían ser {figures} {label}; el texto dice {written}',
      'where-line': 'el bloque de fuentes (línea {lines})',
      'where-lines': 'el bloque de fuentes (líneas {lines})',
      'where-blocks': 'los bloques de fuentes (líneas {lines})',
      fix: 'Cambiar {written} por {value}',
    },
    fr: {
      message: "D'après {where}, il devrait y avoir {figures} {label} ; le texte dit {written}",
      'where-line': 'le bloc de sources (ligne {lines})',
      'where-lines': 'le bloc de sources (lignes {lines})',
      'where-blocks': 'les blocs de sources (lignes {lines})',
      fix: 'Remplacer {written} par {value}',
    },
  },
  check: function checkCountMismatch({ document, report, message }) {
    const byKey = new Map<string, SourcesEntry[]>();
    for (const block of document.sourcesBlocks) {
      for (const entry of block.all) {
        if (entry.count === undefined) continue;
        const list = byKey.get(entry.key);
        if (list) list.push(entry);
        else byKey.set(entry.key, [entry]);
      }
    }
    for (const claim of document.proseCounts) {
      const entries = byKey.get(claim.key);
      if (!entries || entries.some((e) => e.count === claim.value)) continue;
      const written = document.text.slice(claim.valueSpan.start, claim.valueSpan.end);
      const figures = [...new Set(entries.map((e) => e.count!))];
      const lines = [...new Set(entries.map((e) => lineOf(document, e.lineSpan.start)))];
      const blocks = new Set(entries.map((e) => document.sourcesBlocks.findIndex((b) => b.all.includes(e)))).size;
      const lineList = list(lines.map(String));
      const where = message(blocks > 1 ? 'where-blocks' : lines.length > 1 ? 'where-lines' : 'where-line', { lines: lineList });
      // When the block's own figure disagrees with its breakdown, which number is right is for the
      // writer to decide (sources-sum reports it): offer no fix that could flip the text back.
      const settled = entries.every((e) => !breakdownDisagrees(e));
      const fixes: Fix[] =
        figures.length === 1 && settled ? [{ title: message('fix', { written, value: formatCount(figures[0]!, written) }), edits: [{ span: claim.valueSpan, newText: formatCount(figures[0]!, written) }] }] : [];
      report({
        message: message('message', { figures: list(figures.map((f) => formatCount(f, written)), 'or'), label: claim.label, where, written }),
        span: claim.valueSpan,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
});

function breakdownDisagrees(entry: SourcesEntry): boolean {
  if (entry.children.length === 0 || entry.children.some((c) => c.count === undefined)) return false;
  return entry.children.reduce((sum, c) => sum + c.count!, 0) !== entry.count;
}
