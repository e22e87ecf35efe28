/**
 * What tools outside the editor say about the rules, built from the rule units: SARIF's rule
 * metadata (`synthlint --format sarif`) in the user's language. The other generated texts (the
 * settings, the README table) are written by scripts/generate-rules.mjs from the same units.
 */
import type { Language, Severity } from '../types.js';
import { RULES } from './registry.js';
import type { Localised } from './rule.js';

/** A check reported under an id of its own that is not a rule of the document's text. */
export interface CheckInfo {
  readonly id: string;
  readonly description: Localised;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
}

/** Problems in the files a document depends on, and in the document as a whole: set like rules. */
export const OTHER_CHECKS: readonly CheckInfo[] = [
  {
    id: 'template',
    description: {
      en: 'A workspace template file that is not a valid template',
      es: 'Un archivo de plantilla del espacio de trabajo que no es una plantilla válida',
      fr: "Un fichier de modèle de l'espace de travail qui n'est pas un modèle valide",
    },
    defaultSeverity: 'error',
    tags: ['template'],
  },
  {
    id: 'evidence',
    description: {
      en: 'An evidence register (evidence.csv or evidence.yaml) with a malformed row',
      es: 'Un registro de evaluaciones (evidence.csv o evidence.yaml) con una fila mal formada',
      fr: 'Un registre des évaluations (evidence.csv ou evidence.yaml) avec une ligne mal formée',
    },
    defaultSeverity: 'error',
    tags: ['evidence'],
  },
  {
    id: 'document',
    description: {
      en: 'A document that could only be analysed in part (for example, nesting too deep)',
      es: 'Un documento que solo se pudo analizar en parte (por ejemplo, por un anidamiento demasiado profundo)',
      fr: "Un document qui n'a pu être analysé qu'en partie (par exemple, à cause d'une imbrication trop profonde)",
    },
    defaultSeverity: 'info',
    tags: ['document'],
  },
];

/** SARIF 2.1.0 `reportingDescriptor`: one rule as code-scanning tools show it. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** Every rule and other check as SARIF rule metadata, described in `language`. */
export function sarifRules(language: Language, helpUri: (id: string) => string): SarifRule[] {
  return [...RULES, ...OTHER_CHECKS].map((rule) => ({
    id: rule.id,
    // SARIF's `name` is an identifier-like name: count-mismatch → CountMismatch.
    name: rule.id.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description[language] },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    properties: { tags: [...rule.tags] },
  }));
}
