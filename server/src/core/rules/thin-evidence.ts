import { findThinEvidence } from '../findings/checks.js';
import { defineRule } from './rule.js';

/**
 * A target section that cites fewer distinct evaluations than the project's `coverage.minimum`
 * (2 by default): the same sections the coverage map and the summary matrix mark weak. Only where
 * the document has an evidence register.
 */
export const thinEvidence = defineRule({
  id: 'thin-evidence',
  description: {
    en: 'A target section that rests on fewer evaluations than the configured minimum',
    es: 'Una sección de meta que se apoya en menos evaluaciones que el mínimo configurado',
    fr: 'Une section de cible qui repose sur moins d’évaluations que le minimum configuré',
  },
  defaultSeverity: 'warning',
  tags: ['evidence', 'findings'],
  messages: {
    en: {
      none: "Expected the target section '{heading}' to cite at least {minimum} evaluations, found none; cite the evaluations behind it, or say why the evidence is thin",
      some: "Expected the target section '{heading}' to cite at least {minimum} evaluations, found {count} ({ids}); cite the others behind it, or say why the evidence is thin",
    },
    es: {
      none: 'Se esperaba que la sección de meta «{heading}» citara al menos {minimum} evaluaciones y no cita ninguna; cite las evaluaciones en que se apoya o explique por qué la evidencia es escasa',
      some: 'Se esperaba que la sección de meta «{heading}» citara al menos {minimum} evaluaciones y cita {count} ({ids}); cite las demás en que se apoya o explique por qué la evidencia es escasa',
    },
    fr: {
      none: 'La section de cible « {heading} » devrait citer au moins {minimum} évaluations, mais n’en cite aucune ; citez les évaluations sur lesquelles elle repose, ou expliquez pourquoi les données sont minces',
      some: 'La section de cible « {heading} » devrait citer au moins {minimum} évaluations, mais n’en cite que {count} ({ids}) ; citez les autres sur lesquelles elle repose, ou expliquez pourquoi les données sont minces',
    },
  },
  check: function checkThinEvidence({ document, evidence, settings, report, message }) {
    for (const thin of findThinEvidence(document, { register: evidence, minimum: settings.coverageMinimum })) {
      const text =
        thin.evaluations.length === 0
          ? message('none', { heading: thin.heading, minimum: thin.minimum })
          : message('some', { heading: thin.heading, minimum: thin.minimum, count: thin.evaluations.length, ids: thin.evaluations.join(', ') });
      report({ message: text, span: thin.span });
    }
  },
});
