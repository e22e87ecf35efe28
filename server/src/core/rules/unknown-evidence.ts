import type { Fix } from '../types.js';
import { defineRule } from './rule.js';
import { closestId } from './util.js';

/** Every cited evaluation must be in the evidence register, so that a finding can be traced. */
export const unknownEvidence = defineRule({
  id: 'unknown-evidence',
  description: {
    en: 'A citation of an evaluation that is not in the evidence register',
    es: 'Una cita de una evaluación que no está en el registro de evaluaciones',
    fr: "Une citation d'une évaluation qui ne figure pas dans le registre des évaluations",
  },
  defaultSeverity: 'error',
  tags: ['evidence'],
  messages: {
    en: {
      message: "Unknown evaluation '{id}': it is not in the evidence register ({file})",
      suggest: "Unknown evaluation '{id}': it is not in the evidence register ({file}); did you mean {closest}?",
      fix: 'Cite {id}',
    },
    es: {
      message: "Evaluación desconocida '{id}': no está en el registro de evaluaciones ({file})",
      suggest: "Evaluación desconocida '{id}': no está en el registro de evaluaciones ({file}); ¿quiso decir {closest}?",
      fix: 'Citar {id}',
    },
    fr: {
      message: "Évaluation inconnue « {id} » : elle ne figure pas dans le registre des évaluations ({file})",
      suggest: "Évaluation inconnue « {id} » : elle ne figure pas dans le registre des évaluations ({file}) ; vouliez-vous dire {closest} ?",
      fix: 'Citer {id}',
    },
  },
  check: function checkUnknownEvidence({ document, evidence, report, message }) {
    if (!evidence) return;
    const ids = evidence.entries.map((e) => e.id);
    for (const citation of document.citations) {
      if (evidence.byId.has(citation.id)) continue;
      const closest = closestId(citation.id, ids);
      const fixes: Fix[] = closest
        ? [{ title: message('fix', { id: closest }), edits: [{ span: { start: citation.span.start + 1, end: citation.span.end }, newText: closest }], suggestion: true }]
        : [];
      report({
        message: closest
          ? message('suggest', { id: citation.id, file: evidence.file, closest })
          : message('message', { id: citation.id, file: evidence.file }),
        span: citation.span,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
});
