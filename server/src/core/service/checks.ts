/**
 * The checks the service makes on files other than the synthesis itself (templates, registers, the
 * project configuration) and on the document as a whole. They appear in output like rule ids, and all
 * but `config` can be set to a level like a rule.
 */
import { RULES } from '../rules/registry.js';
import type { Localised, Severity } from '../types.js';

export interface ToolCheck {
  id: string;
  /** What it finds, in English, Spanish and French (SARIF's rule metadata shows it). */
  description: Localised;
  defaultSeverity: Severity;
  tags: readonly string[];
  /** Whether `rules: { <id>: level }` may change it. */
  settable: boolean;
}

export const TOOL_CHECKS: readonly ToolCheck[] = [
  {
    id: 'template',
    description: {
      en: 'A workspace template file that is not a valid template',
      es: 'Un archivo de plantilla del espacio de trabajo que no es una plantilla válida',
      fr: "Un fichier de modèle de l'espace de travail qui n'est pas un modèle valide",
    },
    defaultSeverity: 'error',
    tags: ['template'],
    settable: true,
  },
  {
    id: 'evidence',
    description: {
      en: 'An evidence register (evidence.csv or evidence.yaml) with a malformed row, or one that cannot be read',
      es: 'Un registro de evaluaciones (evidence.csv o evidence.yaml) con una fila mal formada, o que no se puede leer',
      fr: 'Un registre des évaluations (evidence.csv ou evidence.yaml) avec une ligne mal formée, ou qui ne peut pas être lu',
    },
    defaultSeverity: 'error',
    tags: ['evidence'],
    settable: true,
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
    settable: true,
  },
  {
    id: 'config',
    description: {
      en: 'A project configuration file (.synthesis/config.yaml) with a mistake',
      es: 'Un archivo de configuración del proyecto (.synthesis/config.yaml) con un error',
      fr: 'Un fichier de configuration du projet (.synthesis/config.yaml) comportant une erreur',
    },
    defaultSeverity: 'error',
    tags: ['configuration'],
    settable: false,
  },
];

/** Every id a `rules` setting may name: the rules and the settable tool checks. */
export function settableRuleIds(): Set<string> {
  return new Set([...RULES.map((r) => r.id), ...TOOL_CHECKS.filter((c) => c.settable).map((c) => c.id)]);
}
