/**
 * What tools outside the editor say about the rules, built from the rule units: SARIF's rule
 * metadata (`synthlint --format sarif`) in the user's language. The other generated texts (the
 * settings, the README table) are written by scripts/generate-rules.mjs from the same units.
 */
import { TOOL_CHECKS } from '../service/checks.js';
import type { Language, Severity } from '../types.js';
import { RULES } from './registry.js';

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

/** Every rule and tool check (template, evidence, document, config) as SARIF rule metadata, described in `language`. */
export function sarifRules(language: Language, helpUri: (id: string) => string): SarifRule[] {
  return [...RULES, ...TOOL_CHECKS].map((rule) => ({
    id: rule.id,
    // SARIF's `name` is an identifier-like name: count-mismatch → CountMismatch.
    name: rule.id.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description[language] },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    properties: { tags: [...rule.tags] },
  }));
}
