/**
 * The server's file-system work (the core does none): finding the workspace's syntheses and
 * reading workspace templates.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseTemplate, type Template, type TemplateProblem } from '../core/index.js';

/** At most this many syntheses are indexed or validated in one workspace scan. */
export const MAX_WORKSPACE_FILES = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export const SYNTHESIS_SUFFIX = '.synth.md';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Every `*.synth.md` under the roots, skipping node_modules and version-control folders. */
export async function findSyntheses(roots: readonly string[], limit = MAX_WORKSPACE_FILES): Promise<string[]> {
  const out: string[] = [];
  const queue = [...roots];
  while (queue.length > 0 && out.length < limit) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) queue.push(join(dir, entry.name));
      } else if (entry.isFile() && entry.name.endsWith(SYNTHESIS_SUFFIX)) {
        out.push(join(dir, entry.name));
        if (out.length >= limit) break;
      }
    }
  }
  return out;
}

export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The folders searched for templates: `.synthesis/templates` and the configured ones, per root. */
export function templateFolders(roots: readonly string[], configured: readonly string[], always: string): string[] {
  const folders: string[] = [];
  for (const folder of [always, ...configured]) {
    if (isAbsolute(folder)) folders.push(resolve(folder));
    else for (const root of roots) folders.push(resolve(root, folder));
  }
  return [...new Set(folders)];
}

export interface TemplateFile {
  path: string;
  text: string;
  template: Template | undefined;
  problems: TemplateProblem[];
}

/** Reads and parses every `*.yaml`/`*.yml` directly in the folders. Missing folders are skipped. */
export async function readTemplateFiles(folders: readonly string[]): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(folder, name);
      const text = await readText(path);
      if (text === undefined) continue;
      const { template, problems } = parseTemplate(text, path);
      files.push({ path, text, template, problems });
    }
  }
  return files;
}
