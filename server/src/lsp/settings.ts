/**
 * The `synthesis.*` settings: their defaults, and reading what the client sends. A malformed value
 * falls back to its default with one plain message saying so. The settings that change findings go
 * to the language service, which applies them only to documents outside a project that has a
 * configuration file (.synthesis/config.yaml).
 */
import { DEFAULT_TEMPLATE, settableRuleIds, type SeveritySetting, type UserSettings } from '../core/index.js';

export type ValidateMode = 'onType' | 'onSave';

export interface Settings {
  defaultTemplate: string;
  rules: Readonly<Record<string, SeveritySetting>>;
  validate: ValidateMode;
  /** Extra template folders, relative to the workspace root (or absolute). */
  templateFolders: readonly string[];
  /** `synthesis.coverage.minimum`, when set. */
  coverageMinimum?: number;
}

/** What the language service takes of the settings: only what the user set. */
export function userSettings(settings: Settings, raw: unknown): UserSettings {
  const r = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    ...(Object.keys(settings.rules).length > 0 ? { rules: settings.rules } : {}),
    ...(r.defaultTemplate !== undefined && r.defaultTemplate !== null ? { defaultTemplate: settings.defaultTemplate } : {}),
    ...(settings.templateFolders.length > 0 ? { templateFolders: settings.templateFolders } : {}),
    ...(settings.coverageMinimum !== undefined ? { coverageMinimum: settings.coverageMinimum } : {}),
  };
}

/** Always searched for workspace templates, before `templateFolders`. */
export const DEFAULT_TEMPLATE_FOLDER = '.synthesis/templates';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  defaultTemplate: DEFAULT_TEMPLATE,
  rules: Object.freeze({}),
  validate: 'onType',
  templateFolders: Object.freeze([]),
});

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** Reads the `synthesis` section; `problems` are messages for the log. */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`The 'synthesis' settings should be an object of settings; using the defaults.`);
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const r = raw as Record<string, unknown>;

  let defaultTemplate = DEFAULT_SETTINGS.defaultTemplate;
  if (r.defaultTemplate !== undefined && r.defaultTemplate !== null) {
    if (typeof r.defaultTemplate === 'string' && r.defaultTemplate.trim() !== '') defaultTemplate = r.defaultTemplate.trim();
    else problems.push(`'synthesis.defaultTemplate' should be a template id such as '${DEFAULT_TEMPLATE}'; using '${DEFAULT_TEMPLATE}'.`);
  }

  let validate: ValidateMode = DEFAULT_SETTINGS.validate;
  if (r.validate !== undefined && r.validate !== null) {
    if (r.validate === 'onType' || r.validate === 'onSave') validate = r.validate;
    else problems.push(`'synthesis.validate' should be 'onType' or 'onSave', not ${JSON.stringify(r.validate)}; using 'onType'.`);
  }

  const rules: Record<string, SeveritySetting> = {};
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) {
      problems.push(`'synthesis.rules' should map rule ids to 'off', 'info', 'warning' or 'error'; ignoring it.`);
    } else {
      // Besides the rules: the checks on register files, template files and the document as a whole.
      const known = settableRuleIds();
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        if (typeof value !== 'string' || !SEVERITIES.includes(value)) {
          problems.push(`'synthesis.rules.${id}' should be 'off', 'info', 'warning' or 'error', not ${JSON.stringify(value)}; using the rule's default.`);
          continue;
        }
        if (!known.has(id)) problems.push(`'synthesis.rules' names '${id}', which is not a rule; it has no effect.`);
        rules[id] = value as SeveritySetting;
      }
    }
  }

  let templateFolders: string[] = [];
  if (r.templateFolders !== undefined && r.templateFolders !== null) {
    if (Array.isArray(r.templateFolders) && r.templateFolders.every((f) => typeof f === 'string')) {
      templateFolders = (r.templateFolders as string[]).map((f) => f.trim()).filter((f) => f !== '');
    } else {
      problems.push(`'synthesis.templateFolders' should be a list of folder paths; using only '${DEFAULT_TEMPLATE_FOLDER}'.`);
    }
  }
  let coverageMinimum: number | undefined;
  const coverage = r.coverage as { minimum?: unknown } | null | undefined;
  const minimum = coverage !== null && typeof coverage === 'object' ? coverage.minimum : undefined;
  if (minimum !== undefined && minimum !== null) {
    if (typeof minimum === 'number' && Number.isInteger(minimum) && minimum >= 0) coverageMinimum = minimum;
    else problems.push(`'synthesis.coverage.minimum' should be a whole number of evaluations such as 2, not ${JSON.stringify(minimum)}; using 2.`);
  }
  return { settings: { defaultTemplate, rules, validate, templateFolders, ...(coverageMinimum !== undefined ? { coverageMinimum } : {}) }, problems };
}
