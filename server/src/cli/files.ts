/**
 * Turns the command line's files, folders and globs into the list of files to check.
 *
 * - a folder is searched recursively for `*.synth.md`, skipping `node_modules` and folders whose
 *   name starts with a dot, and not following symbolic links to folders (no cycles);
 * - a glob (anything with `*`, `?`, `[`, `{` …) is expanded with tinyglobby, files only;
 * - any other path is a file, checked whatever its extension. A path that does not exist is kept:
 *   reading it fails and is reported as an unreadable file.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const SYNTH_SUFFIX = '.synth.md';
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface Collected {
  /** Absolute paths, each once, in the order the inputs name them (sorted within a folder or glob). */
  files: string[];
  /** Inputs that matched nothing (an empty folder, a glob with no match). */
  empty: string[];
}

export async function collectFiles(inputs: readonly string[], cwd: string): Promise<Collected> {
  const seen = new Set<string>();
  const files: string[] = [];
  const empty: string[] = [];
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push(path);
  };
  for (const input of inputs) {
    const found = await expand(input, cwd);
    if (found.length === 0) empty.push(input);
    found.forEach(add);
  }
  return { files, empty };
}

async function expand(input: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, input);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return walk(path);
  if (info || !isDynamicPattern(input)) return [path];
  const matches = await glob(input.split(sep).join('/'), {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**'],
  });
  return matches.map((m) => resolve(m)).sort();
}

async function walk(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) out.push(...(await walk(path)));
    } else if (entry.name.endsWith(SYNTH_SUFFIX)) {
      // Files and links to files; a broken link is kept so that it is reported, not silently lost.
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (target?.isDirectory()) continue;
      }
      out.push(path);
    }
  }
  return out;
}

/** How a path is shown: relative to the current folder, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || '.';
  return rel.split(sep).join('/');
}

