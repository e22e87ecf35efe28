import type { SourcesEntry } from '../sources.js';
import type { Rule } from './rule.js';
import { lineOf } from './util.js';

/** A label appears once among its siblings: the top-level lines of a block, or one parent's breakdown. */
export const duplicateSource: Rule = {
  id: 'duplicate-source',
  description: 'The same label twice at one level of a sources block',
  defaultSeverity: 'warning',
  tags: ['sources'],
  check: function checkDuplicateSource({ document, report, t }) {
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
            message: t('duplicate-source.message', { label: entry.label, line: lineOf(document, seen.lineSpan.start) }),
            span: entry.labelSpan,
          });
        }
      }
    }
  },
};
