import { defineRule } from './rule.js';

/** An evaluation in the register that the text never cites may be evidence left unused. */
export const uncitedEvidence = defineRule({
  id: 'uncited-evidence',
  description: {
    en: 'An evaluation in the evidence register that the synthesis never cites',
    es: 'Una evaluación del registro de evaluaciones que la síntesis nunca cita',
    fr: "Une évaluation du registre des évaluations que la synthèse ne cite jamais",
  },
  defaultSeverity: 'warning',
  tags: ['evidence'],
  messages: {
    en: {
      message: 'The evaluation {id} is in the evidence register ({file}, line {line}) but never cited; cite it as [@{id}] or remove it from the register',
      titled: "The evaluation {id} ('{title}') is in the evidence register ({file}, line {line}) but never cited; cite it as [@{id}] or remove it from the register",
    },
    es: {
      message: 'La evaluación {id} está en el registro de evaluaciones ({file}, línea {line}) pero nunca se cita; cítela como [@{id}] o quítela del registro',
      titled: "La evaluación {id} ('{title}') está en el registro de evaluaciones ({file}, línea {line}) pero nunca se cita; cítela como [@{id}] o quítela del registro",
    },
    fr: {
      message: "L'évaluation {id} figure dans le registre des évaluations ({file}, ligne {line}) mais n'est jamais citée ; citez-la sous la forme [@{id}] ou retirez-la du registre",
      titled: "L'évaluation {id} (« {title} ») figure dans le registre des évaluations ({file}, ligne {line}) mais n'est jamais citée ; citez-la sous la forme [@{id}] ou retirez-la du registre",
    },
  },
  check: function checkUncitedEvidence({ document, evidence, report, message }) {
    if (!evidence || evidence.entries.length === 0) return;
    const cited = new Set(document.citations.map((c) => c.id));
    // Reported where the document names its register, else at its start.
    const field = document.frontMatter?.fields.get('evidence');
    const span = field ? field.valueSpan : { start: 0, end: 0 };
    for (const entry of evidence.entries) {
      if (cited.has(entry.id)) continue;
      report({
        message: entry.title
          ? message('titled', { id: entry.id, title: entry.title, file: evidence.file, line: entry.line })
          : message('message', { id: entry.id, file: evidence.file, line: entry.line }),
        span,
      });
    }
  },
});
