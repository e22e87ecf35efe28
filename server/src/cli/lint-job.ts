/**
 * One file's whole job — read it, find its evidence register, lint it — as plain, cloneable data,
 * so that the main thread and the worker threads (cli-worker.ts) run exactly the same code.
 */
import { readFile } from 'node:fs/promises';
import type { EvidenceProblem, Locale, SeveritySetting } from '../core/index.js';
import { loadEvidenceFor } from '../node/evidence.js';
import { lintText, type LintResult } from './lint-file.js';
import { loadWorkspaceTemplates, templatesPerFile } from './workspace.js';

/** What a job needs besides the file: plain data, so it can be posted to a worker. */
export interface JobSettings {
  /** The folder whose `.synthesis/templates` (or its nearest parent's) the run uses. */
  cwd: string;
  defaultTemplate?: string;
  severities: Readonly<Record<string, SeveritySetting>>;
  locale: Locale;
  fix: boolean;
}

export type JobOutcome =
  | {
      ok: true;
      text: string;
      result: LintResult;
      /** The register the file uses, if any: its path, problems, and why it could not be read. */
      register?: { path: string; problems: EvidenceProblem[]; error?: string };
    }
  | { ok: false; error: unknown };

/** Lints files one after another with one set of settings (templates are loaded once). */
export function createLinter(settings: JobSettings): (path: string) => Promise<JobOutcome> {
  const templatesFor = templatesPerFile(loadWorkspaceTemplates(settings.cwd));
  return async (path) => {
    const templates = (await templatesFor(path)).registry;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      return { ok: false, error };
    }
    let register: { path: string; problems: EvidenceProblem[]; error?: string } | undefined;
    const result = lintText(
      text,
      { templates, defaultTemplate: settings.defaultTemplate, severities: settings.severities, locale: settings.locale },
      {
        fix: settings.fix,
        evidence: (document) => {
          const found = loadEvidenceFor(path, document);
          if (found.path) register = { path: found.path, problems: found.register?.problems ?? [], ...(found.error ? { error: found.error } : {}) };
          return found.register;
        },
      },
    );
    return { ok: true, text, result, ...(register ? { register } : {}) };
  };
}
