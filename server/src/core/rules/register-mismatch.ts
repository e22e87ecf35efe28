import { planCounts } from './counts.js';
import { defineRule } from './rule.js';
import { formatCount } from './util.js';

/**
 * The counts a sources block gives for evaluation reports (and their breakdown by type) and for
 * projects must agree with the evidence register, which lists those evaluations one by one. Which
 * labels count what, in English, Spanish and French, is the table of `i18n/labels.ts`.
 */
export const registerMismatch = defineRule({
  id: 'register-mismatch',
  description: {
    en: 'A count in a sources block that disagrees with the evidence register',
    es: 'Una cifra de un bloque de fuentes que no coincide con el registro de evaluaciones',
    fr: "Un nombre d'un bloc de sources qui ne concorde pas avec le registre des évaluations",
  },
  defaultSeverity: 'error',
  tags: ['evidence', 'sources', 'numbers'],
  messages: {
    en: {
      message: 'Expected {expected} {label} as the evidence register lists {what}, found {written}',
      'evaluations-one': '{count} evaluation in {file}',
      evaluations: '{count} evaluations in {file}',
      'of-type': "{count} of type '{type}'",
      projects: '{count} projects across its evaluations',
      'type.country': 'country',
      'type.regional': 'regional',
      'type.global': 'global',
      'type.thematic': 'thematic',
      'type.corporate': 'corporate',
      'type.project': 'project',
      'type.cluster': 'cluster',
    },
    es: {
      message: 'Según el registro de evaluaciones, que contiene {what}, deberían ser {expected} {label}; el bloque dice {written}',
      'evaluations-one': '{count} evaluación en {file}',
      evaluations: '{count} evaluaciones en {file}',
      'of-type': "{count} del tipo «{type}»",
      projects: '{count} proyectos entre todas sus evaluaciones',
      'type.country': 'país',
      'type.regional': 'regional',
      'type.global': 'global',
      'type.thematic': 'temática',
      'type.corporate': 'institucional',
      'type.project': 'proyecto',
      'type.cluster': 'conglomerado',
    },
    fr: {
      message: "D'après le registre des évaluations, qui compte {what}, il devrait y avoir {expected} {label} ; le bloc dit {written}",
      'evaluations-one': '{count} évaluation dans {file}',
      evaluations: '{count} évaluations dans {file}',
      'of-type': "{count} de type « {type} »",
      projects: '{count} projets pour l’ensemble de ses évaluations',
      'type.country': 'pays',
      'type.regional': 'régionale',
      'type.global': 'mondiale',
      'type.thematic': 'thématique',
      'type.corporate': 'institutionnelle',
      'type.project': 'projet',
      'type.cluster': 'groupée',
    },
  },
  check: function checkRegisterMismatch(context) {
    const { document, evidence, report, message } = context;
    if (!evidence || evidence.entries.length === 0) return;
    const plan = planCounts(document, evidence);
    for (const block of document.sourcesBlocks) {
      for (const line of block.all) {
        const figure = plan.register.get(line);
        if (!figure || line.count === undefined || line.count === figure.expected) continue;
        const written = document.source.slice(line.countSpan.start, line.countSpan.end);
        const { what } = figure;
        const described =
          what.kind === 'evaluations'
            ? message(what.count === 1 ? 'evaluations-one' : 'evaluations', { count: what.count, file: evidence.file })
            : what.kind === 'type'
              ? message('of-type', { count: what.count, type: message(`type.${what.type}`) })
              : message('projects', { count: what.count });
        report({
          message: message('message', { expected: formatCount(figure.expected, written), label: line.label, what: described, written }),
          span: line.countSpan,
          // The register's figure is always planned for this line: the shared correction resolves it.
          ...(plan.fix ? { fixes: [plan.fix] } : {}),
        });
      }
    }
  },
});
