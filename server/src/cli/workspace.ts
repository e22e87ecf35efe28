/**
 * Workspace templates: YAML files in `.synthesis/templates/` of the current folder, or of the
 * nearest folder above it that has a `.synthesis` folder (so the CLI finds a project's templates
 * from any of its sub-folders, as git finds its repository). A malformed template is reported with
 * its file, line and column; the valid ones are used beside the built-ins (and replace a built-in
 * of the same id).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { builtinTemplates, parseTemplate, type Message, type Template, type TemplateRegistry } from '../core/index.js';

export interface TemplateFileProblem {
  /** Absolute path of the template file. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: Message;
}

export interface WorkspaceTemplates {
  registry: TemplateRegistry;
  /** The `.synthesis/templates` folder used, if any. */
  folder?: string;
  problems: TemplateFileProblem[];
  /** Template files that could not be read: `[path, reason]`. */
  unreadable: Array<{ file: string; error: unknown }>;
}

/** The nearest `.synthesis` folder at or above `cwd`. */
export async function findSynthesisFolder(cwd: string): Promise<string | undefined> {
  let dir = cwd;
  for (;;) {
    const candidate = join(dir, '.synthesis');
    if ((await stat(candidate).catch(() => undefined))?.isDirectory()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadWorkspaceTemplates(cwd: string): Promise<WorkspaceTemplates> {
  const synthesis = await findSynthesisFolder(cwd);
  return synthesis ? loadTemplatesIn(synthesis) : { registry: builtinTemplates(), problems: [], unreadable: [] };
}

/** The templates of one `.synthesis` folder (its `templates/*.yaml`), beside the built-ins. */
export async function loadTemplatesIn(synthesis: string): Promise<WorkspaceTemplates> {
  const builtins = builtinTemplates();
  const folder = join(synthesis, 'templates');
  const names = await readdir(folder).catch(() => [] as string[]);
  const problems: TemplateFileProblem[] = [];
  const unreadable: WorkspaceTemplates['unreadable'] = [];
  const templates: Template[] = [];
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const file = join(folder, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      unreadable.push({ file, error });
      continue;
    }
    const { template, problems: found } = parseTemplate(text, file);
    for (const p of found) problems.push({ file, line: p.line, column: p.column, message: p.message });
    if (template) templates.push(template);
  }
  return { registry: builtins.with(templates), folder, problems, unreadable };
}

/**
 * The templates each file sees: those of the nearest `.synthesis` folder at or above the file's own
 * folder (so `synthlint reports/` from anywhere uses the reports' templates), else the run's.
 * Each folder is read once.
 */
export function templatesPerFile(fallback: Promise<WorkspaceTemplates>): (file: string) => Promise<WorkspaceTemplates> {
  const byFolder = new Map<string, Promise<WorkspaceTemplates>>();
  return async (file) => {
    const synthesis = await findSynthesisFolder(dirname(file));
    if (!synthesis) return fallback;
    let loaded = byFolder.get(synthesis);
    if (!loaded) byFolder.set(synthesis, (loaded = loadTemplatesIn(synthesis)));
    return loaded;
  };
}
