/**
 * The checks the service makes on files other than the synthesis itself (templates, registers, the
 * project configuration) and on the document as a whole. They appear in output like rule ids, and all
 * but `config` can be set to a level like a rule.
 */
import { RULES } from '../rules/registry.js';
import type { Severity } from '../types.js';

export interface ToolCheck {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Whether `rules: { <id>: level }` may change it. */
  settable: boolean;
}

export const TOOL_CHECKS: readonly ToolCheck[] = [
  { id: 'template', description: 'A workspace template file that is not a valid template', defaultSeverity: 'error', settable: true },
  { id: 'evidence', description: 'An evidence register (evidence.csv or evidence.yaml) with a malformed row, or one that cannot be read', defaultSeverity: 'error', settable: true },
  { id: 'document', description: 'A document that could only be analysed in part (for example, nesting too deep)', defaultSeverity: 'info', settable: true },
  { id: 'config', description: 'A project configuration file (.synthesis/config.yaml) with a mistake', defaultSeverity: 'error', settable: false },
];

/** Every id a `rules` setting may name: the rules and the settable tool checks. */
export function settableRuleIds(): Set<string> {
  return new Set([...RULES.map((r) => r.id), ...TOOL_CHECKS.filter((c) => c.settable).map((c) => c.id)]);
}
