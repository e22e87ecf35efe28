import { findOverclaims } from '../findings/checks.js';
import { defineRule } from './rule.js';

/**
 * Strong wording ("consistently", "all evaluations", "clearly demonstrated", and the Spanish and
 * French equivalents, plus the project's `overclaim.words`) in a sentence of a finding that cites
 * one evaluation or none. Only where the document has an evidence register.
 */
export const overclaim = defineRule({
  id: 'overclaim',
  description: {
    en: 'Strong wording in a sentence of a finding that cites one evaluation or none',
    es: 'Palabras categóricas en una frase de un hallazgo que cita una evaluación o ninguna',
    fr: 'Des termes catégoriques dans une phrase d’un constat qui cite une évaluation ou aucune',
  },
  defaultSeverity: 'warning',
  tags: ['evidence', 'findings', 'wording'],
  messages: {
    en: {
      none: "Expected several evaluations cited in the sentence that says '{phrase}', found none; cite them, or say it less strongly",
      one: "Expected several evaluations cited in the sentence that says '{phrase}', found one ({id}); cite the others, or say what this evaluation found",
    },
    es: {
      none: 'Se esperaban varias evaluaciones citadas en la frase que dice «{phrase}» y no cita ninguna; cítelas o dígalo de forma menos categórica',
      one: 'Se esperaban varias evaluaciones citadas en la frase que dice «{phrase}» y solo cita una ({id}); cite las demás o diga lo que halló esta evaluación',
    },
    fr: {
      none: 'Plusieurs évaluations devraient être citées dans la phrase qui dit « {phrase} », mais elle n’en cite aucune ; citez-les, ou dites-le de façon moins catégorique',
      one: 'Plusieurs évaluations devraient être citées dans la phrase qui dit « {phrase} », mais elle n’en cite qu’une ({id}) ; citez les autres, ou dites ce que cette évaluation a constaté',
    },
  },
  check: function checkOverclaim({ document, evidence, settings, report, message }) {
    for (const found of findOverclaims(document, { register: evidence, strongWords: settings.overclaimWords })) {
      const phrase = document.source.slice(found.span.start, found.span.end);
      report({ message: found.evaluations.length === 0 ? message('none', { phrase }) : message('one', { phrase, id: found.evaluations[0]! }), span: found.span });
    }
  },
});
