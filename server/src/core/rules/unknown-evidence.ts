import type { Fix } from '../types.js';
import type { Rule } from './rule.js';
import { closestId } from './util.js';

/** Every cited evaluation must be in the evidence register, so that a finding can be traced. */
export const unknownEvidence: Rule = {
  id: 'unknown-evidence',
  description: 'A citation of an evaluation that is not in the evidence register',
  defaultSeverity: 'error',
  tags: ['evidence'],
  check: function checkUnknownEvidence({ document, evidence, report, t }) {
    if (!evidence) return;
    const ids = evidence.entries.map((e) => e.id);
    for (const citation of document.citations) {
      if (evidence.byId.has(citation.id)) continue;
      const closest = closestId(citation.id, ids);
      const fixes: Fix[] = closest
        ? [{ title: t('unknown-evidence.fix', { id: closest }), edits: [{ span: { start: citation.span.start + 1, end: citation.span.end }, newText: closest }], suggestion: true }]
        : [];
      report({
        message: closest
          ? t('unknown-evidence.suggest', { id: citation.id, file: evidence.file, closest })
          : t('unknown-evidence.message', { id: citation.id, file: evidence.file }),
        span: citation.span,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};
