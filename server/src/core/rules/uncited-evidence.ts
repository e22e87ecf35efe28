import type { Rule } from './rule.js';

/** An evaluation in the register that the text never cites may be evidence left unused. */
export const uncitedEvidence: Rule = {
  id: 'uncited-evidence',
  description: 'An evaluation in the evidence register that the synthesis never cites',
  defaultSeverity: 'warning',
  tags: ['evidence'],
  check: function checkUncitedEvidence({ document, evidence, report, t }) {
    if (!evidence || evidence.entries.length === 0) return;
    const cited = new Set(document.citations.map((c) => c.id));
    // Reported where the document names its register, else at its start.
    const field = document.frontMatter?.fields.get('evidence');
    const span = field ? field.valueSpan : { start: 0, end: 0 };
    for (const entry of evidence.entries) {
      if (cited.has(entry.id)) continue;
      report({
        message: entry.title
          ? t('uncited-evidence.titled', { id: entry.id, title: entry.title, file: evidence.file, line: entry.line })
          : t('uncited-evidence.message', { id: entry.id, file: evidence.file, line: entry.line }),
        span,
      });
    }
  },
};
