/**
 * Turns the command line's files, folders and globs into the list of files to check.
 *
 * - a folder is searched for `*.synth.md` by the language service's walk (the editor's too):
 *   skipping `node_modules` and folders whose name starts with a dot, and not following symbolic
 *   links to folders (no cycles);
 * - a glob (anything with `*`, `?`, `[`, `{` …) is expanded with tinyglobby, files only;
 * - any other path is a file, checked whatever its extension. A path that does not exist is kept:
 *   reading it fails and is reported as an unreadable file.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { SKIPPED_FOLDERS, type LanguageService } from '../core/index.js';

export interface Collected {
  /** Absolute paths, each once, in the order the inputs name them (sorted within a folder or glob). */
  files: string[];
  /** Inputs that matched nothing (an empty folder, a glob with no match). */
  empty: string[];
}

export async function collectFiles(inputs: readonly string[], cwd: string, service: LanguageService): Promise<Collected> {
  const seen = new Set<string>();
  const files: string[] = [];
  const empty: string[] = [];
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push(path);
  };
  for (const input of inputs) {
    const found = await expand(input, cwd, service);
    if (found.length === 0) empty.push(input);
    found.forEach(add);
  }
  return { files, empty };
}

async function expand(input: string, cwd: string, service: LanguageService): Promise<string[]> {
  const path = resolve(cwd, input);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return service.findSyntheses(path);
  if (info || !isDynamicPattern(input)) return [path];
  const matches = await glob(input.split(sep).join('/'), {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    // Dot-folders are left out by tinyglobby itself, as by the walk.
    ignore: [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`),
  });
  return matches.map((m) => resolve(m)).sort();
}

/** How a path is shown: relative to the current folder, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path) || '.';
  return rel.split(sep).join('/');
}

