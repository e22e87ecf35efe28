/**
 * Turns the command line's files, folders and globs into the list of files to check.
 *
 * - a folder is searched for `*.synth.md` by the language service's walk (the editor's too):
 *   skipping `node_modules` and folders whose name starts with a dot, and not following symbolic
 *   links to folders (no cycles); a sub-folder that cannot be listed is reported, not skipped;
 * - a glob (anything with `*`, `?`, `[`, `{` …) is expanded with tinyglobby, files only;
 * - any other path is a file, checked whatever its extension. A path that does not exist is kept:
 *   reading it fails and is reported as an unreadable file.
 *
 * Each file carries the folder it must stay inside. A file the user named is theirs: it is read
 * wherever it leads, but `--fix` writes it only inside its own folder. A file found in a folder (or
 * by a glob) is the repository's: a link there that leads out of the folder is neither read nor
 * written.
 */
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { relativePath } from '../node/fs/index.js';
import { SKIPPED_FOLDERS, type FileFailure, type LanguageService, type Message } from '../core/index.js';

export interface CliFile {
  path: string;
  /** The folder the file's real path must stay inside, for writing and (when `found`) for reading. */
  within: string;
  /** Found in a folder or by a glob, rather than named: read only inside `within`. */
  found: boolean;
}

export interface Collected {
  /** Each file once, in the order the inputs name them (sorted within a folder or glob). */
  files: CliFile[];
  /** Inputs that matched nothing (an empty folder, a glob with no match). */
  empty: string[];
  /** Folders that could not be searched, with why. */
  unreadable: Array<{ path: string; failure: FileFailure; detail?: Message }>;
}

export async function collectFiles(inputs: readonly string[], cwd: string, service: LanguageService): Promise<Collected> {
  const seen = new Set<string>();
  const collected: Collected = { files: [], empty: [], unreadable: [] };
  for (const input of inputs) {
    const found = await expand(input, cwd, service, collected.unreadable);
    if (found.length === 0) collected.empty.push(input);
    for (const file of found) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      collected.files.push(file);
    }
  }
  return collected;
}

async function expand(input: string, cwd: string, service: LanguageService, unreadable: Collected['unreadable']): Promise<CliFile[]> {
  const path = resolve(cwd, input);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const files = await service.findSyntheses(path, { within: path, onUnreadable: (folder, failure, detail) => unreadable.push({ path: folder, failure, ...(detail ? { detail } : {}) }) });
    return files.map((file) => ({ path: file, within: path, found: true }));
  }
  if (info || !isDynamicPattern(input)) return [{ path, within: resolve(path, '..'), found: false }];
  const pattern = input.split(sep).join('/');
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    // Dot-folders are left out by tinyglobby itself, as by the walk.
    ignore: [...SKIPPED_FOLDERS].map((name) => `**/${name}/**`),
  });
  const base = globBase(pattern, cwd);
  return matches.map((m) => resolve(m)).sort().map((m) => ({ path: m, within: base, found: true }));
}

/** The folder a glob searches: its leading segments up to the first with a wildcard. */
function globBase(pattern: string, cwd: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return resolve(cwd, fixed.join('/') || '.');
}

/** How a path is shown: relative to the current folder, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relativePath(cwd, path) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}
