import type { SourcesEntry } from '../sources.js';
import type { Fix } from '../types.js';
import type { Rule } from './rule.js';
import { formatCount, lineOf, listText } from './util.js';

/**
 * A number in prose followed by a sources label ("21 evaluation reports") must equal that label's
 * count in a sources block. When blocks give the label different counts, the prose may match any.
 */
export const countMismatch: Rule = {
  id: 'count-mismatch',
  description: 'A count in the text that disagrees with the sources block',
  defaultSeverity: 'error',
  tags: ['sources', 'numbers'],
  check: function checkCountMismatch({ document, report, t, locale }) {
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
      const lineList = listText(lines.map(String), 'and', locale);
      const where = t(blocks > 1 ? 'count-mismatch.where-blocks' : lines.length > 1 ? 'count-mismatch.where-lines' : 'count-mismatch.where-line', { lines: lineList });
      // When the block's own figure disagrees with its breakdown, which number is right is for the
      // writer to decide (sources-sum reports it): offer no fix that could flip the text back.
      const settled = entries.every((e) => !breakdownDisagrees(e));
      const fixes: Fix[] =
        figures.length === 1 && settled ? [{ title: t('count-mismatch.fix', { written, value: formatCount(figures[0]!, written) }), edits: [{ span: claim.valueSpan, newText: formatCount(figures[0]!, written) }] }] : [];
      report({
        message: t('count-mismatch.message', { figures: listText(figures.map((f) => formatCount(f, written)), 'or', locale), label: claim.label, where, written }),
        span: claim.valueSpan,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

function breakdownDisagrees(entry: SourcesEntry): boolean {
  if (entry.children.length === 0 || entry.children.some((c) => c.count === undefined)) return false;
  return entry.children.reduce((sum, c) => sum + c.count!, 0) !== entry.count;
}
