import type { EvidenceEntry } from '../evidence.js';
import type { Message } from '../i18n/message.js';
import { normaliseLabel, type SourcesEntry } from '../sources.js';
import { defineRule } from './rule.js';
import { formatCount } from './util.js';

/** Labels whose count is the number of evaluations in the register. */
const EVALUATION_KEYS = new Set(['evaluation report', 'evaluation', 'evaluations reviewed', 'informes de evaluación', 'informe de evaluación', "rapports d'évaluation", "rapport d'évaluation"].map(normaliseLabel));
/** Labels whose count is the number of projects the register's evaluations cover. */
const PROJECT_KEYS = new Set(['project', 'proyecto', 'projet'].map(normaliseLabel));

/**
 * The counts a sources block gives for evaluation reports (and their breakdown by type) and for
 * projects must agree with the evidence register, which lists those evaluations one by one.
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
      fix: 'Set {label} to {value}',
    },
    es: {
      message: 'Según el registro de evaluaciones, que contiene {what}, deberían ser {expected} {label}; el bloque dice {written}',
      'evaluations-one': '{count} evaluación en {file}',
      evaluations: '{count} evaluaciones en {file}',
      'of-type': "{count} del tipo '{type}'",
      projects: '{count} proyectos entre todas sus evaluaciones',
      fix: 'Poner {label} en {value}',
    },
    fr: {
      message: "D'après le registre des évaluations, qui compte {what}, il devrait y avoir {expected} {label} ; le bloc dit {written}",
      'evaluations-one': '{count} évaluation dans {file}',
      evaluations: '{count} évaluations dans {file}',
      'of-type': "{count} de type '{type}'",
      projects: '{count} projets pour l’ensemble de ses évaluations',
      fix: 'Mettre {label} à {value}',
    },
  },
  check: function checkRegisterMismatch({ document, evidence, report, message }) {
    if (!evidence || evidence.entries.length === 0) return;
    const entries = evidence.entries;
    const check = (line: SourcesEntry, expected: number, what: Message): void => {
      if (line.count === undefined || line.count === expected) return;
      const written = document.text.slice(line.countSpan.start, line.countSpan.end);
      report({
        message: message('message', { expected: formatCount(expected, written), label: line.label, what, written }),
        span: line.countSpan,
        fixes: [{ title: message('fix', { label: line.label, value: formatCount(expected, written) }), edits: [{ span: line.countSpan, newText: formatCount(expected, written) }] }],
      });
    };
    for (const block of document.sourcesBlocks) {
      for (const line of block.all) {
        if (line.depth === 0 && EVALUATION_KEYS.has(line.key)) {
          check(line, entries.length, message(entries.length === 1 ? 'evaluations-one' : 'evaluations', { count: entries.length, file: evidence.file }));
          for (const child of line.children) {
            const type = typeFor(child.key, entries);
            if (type === undefined) continue;
            const n = entries.filter((e) => e.type === type || e.type === `${type}-level`).length;
            check(child, n, message('of-type', { count: n, type }));
          }
        } else if (line.depth === 0 && PROJECT_KEYS.has(line.key)) {
          if (entries.some((e) => e.projects === undefined)) continue;
          const total = entries.reduce((sum, e) => sum + e.projects!, 0);
          check(line, total, message('projects', { count: total }));
        }
      }
    }
  },
});

/** The register type a breakdown label stands for ("country-level" → country), if any. */
function typeFor(key: string, entries: readonly EvidenceEntry[]): string | undefined {
  const types = new Set(entries.map((e) => e.type.replace(/-level$/, '')).filter(Boolean));
  const first = key.split(/[\s-]/)[0]!;
  return types.has(first) ? first : KNOWN_TYPES.has(first) ? first : undefined;
}

const KNOWN_TYPES = new Set(['country', 'regional', 'global', 'thematic', 'corporate', 'project', 'cluster']);
