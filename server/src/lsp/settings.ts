/**
 * The `synthesis.*` settings: their defaults, and reading what the client sends. A malformed value
 * falls back to its default with one plain message saying so.
 */
import { DEFAULT_TEMPLATE, RULES, type SeveritySetting } from '../core/index.js';

export type ValidateMode = 'onType' | 'onSave';

export interface Settings {
  defaultTemplate: string;
  rules: Readonly<Record<string, SeveritySetting>>;
  validate: ValidateMode;
  /** Extra template folders, relative to the workspace root (or absolute). */
  templateFolders: readonly string[];
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
      const known = new Set([...RULES.map((rule) => rule.id), 'evidence', 'template', 'document']);
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
  return { settings: { defaultTemplate, rules, validate, templateFolders }, problems };
}
