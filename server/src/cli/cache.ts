/**
 * `synthlint --cache`: the findings of each synthesis kept in one file, in the manner of ESLint's
 * `--cache`, so that a second run re-checks only the syntheses whose findings could have changed.
 *
 * An entry is used only when its key still matches. The key is a hash of: the cache format,
 * synthlint's version and the hash of its code, the command line's settings that change findings (`--rule`, `--template`,
 * the project folder), the document's text, and the current state of every file and folder the
 * language service read for it (the project's configuration file, its template folders and
 * templates, the evidence register and the registers it looked for, the `.synthesis` folders it
 * looked for: `DocumentAnalysis.inputs`). A change to any of them is a miss.
 *
 * Findings are kept as data (`{ key, args }`) and put into words at output, so one cache serves
 * every language. The file is untrusted: anything in it that is not exactly what this module
 * writes makes the whole file ignored (with one line said), never a crash.
 */
import { createHmac } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { catalogue, isInside, MAX_SIDE_FILE_BYTES, type FileStamp, type Message, type ServiceHost, type ServiceInput, type TextEncodingName } from '../core/index.js';
import { listFolder, readTextFile, realFolder, writeTextFile } from '../node/fs/index.js';
import type { FindingData } from './findings.js';
import type { JobOutcome, JobSettings, RelatedFile } from './lint-job.js';

/** The default cache file, in the folder synthlint runs from (like ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_FILE = '.synthesis-cache';
/**
 * Bumped when the layout of the file or the meaning of its keys changes. A cache of another format
 * is started anew without a word, as one of another version is.
 *
 * Format 2: `{ synthlintCache: 2, inputs: [list, …], entries: { path: { key, inputs: n, findings, related } } }`,
 * where `inputs: n` is the index of the entry's list of inputs: the files of one folder share one
 * list, written once (format 1 wrote it in every entry, six times the size).
 */
const FORMAT = 2;
/** A cache larger than this is not read (it is rebuilt). */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** More inputs than this in one entry cannot come from the service: the file is not ours. */
const MAX_INPUTS = 10_000;
const SEVERITIES = new Set(['error', 'warning', 'info']);

interface Entry {
  key: string;
  inputs: ServiceInput[];
  findings: FindingData[];
  related: RelatedFile[];
}

type Loaded = { ok: true; entries: Map<string, Entry> } | { ok: false; reason: 'not-found' | 'other-format' | 'unreadable' | 'not-ours'; failure?: string };

/** What the run's settings and version contribute to every key. */
export function settingsKey(version: string, settings: JobSettings): string {
  const rules = Object.entries(settings.severities).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ format: FORMAT, version, project: settings.project, template: settings.defaultTemplate ?? null, rules });
}

/** Whether a cached file is still there: only "no such file" drops its entry (a folder it cannot enter now may be readable again). */
async function stillThere(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** Reads the cache file (`within`: as for `saveCache`); anything odd in it is `not-ours`. */
export async function loadCache(path: string, within: string | undefined): Promise<Loaded> {
  const read = await readTextFile(path, { ...(within !== undefined ? { within } : {}), maxBytes: MAX_CACHE_BYTES });
  if (!read.ok) return read.failure === 'not-found' ? { ok: false, reason: 'not-found' } : { ok: false, reason: 'unreadable', failure: read.failure };
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    return { ok: false, reason: 'not-ours' };
  }
  if (isRecord(data) && typeof data.synthlintCache === 'number' && data.synthlintCache !== FORMAT) return { ok: false, reason: 'other-format' };
  const entries = parseEntries(data);
  return entries ? { ok: true, entries } : { ok: false, reason: 'not-ours' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEntries(data: unknown): Map<string, Entry> | undefined {
  if (!isRecord(data) || data.synthlintCache !== FORMAT || !Array.isArray(data.inputs) || !isRecord(data.entries)) return undefined;
  const lists: unknown[] = data.inputs;
  if (!lists.every((list) => Array.isArray(list) && list.length <= MAX_INPUTS && list.every(isInput))) return undefined;
  const entries = new Map<string, Entry>();
  // Object.entries gives own keys only, and a Map has no prototype to reach: `__proto__` is just a name.
  for (const [path, value] of Object.entries(data.entries)) {
    if (!isAbsolute(path) || !isRecord(value)) return undefined;
    const { key, inputs, findings, related } = value;
    if (typeof key !== 'string' || !/^[0-9a-f]{64}$/.test(key)) return undefined;
    if (!Number.isSafeInteger(inputs) || (inputs as number) < 0 || (inputs as number) >= lists.length) return undefined;
    if (!isFindings(findings) || !Array.isArray(related)) return undefined;
    if (!related.every((r) => isRecord(r) && typeof r.path === 'string' && isAbsolute(r.path) && isFindings(r.findings))) return undefined;
    // The entries of one list share it, so that its part of their keys is made once (`RunCache.key`).
    entries.set(path, { key, inputs: lists[inputs as number] as ServiceInput[], findings, related: related as RelatedFile[] });
  }
  return entries;
}

function isInput(value: unknown): value is ServiceInput {
  return (
    isRecord(value) &&
    (value.kind === 'file' || value.kind === 'folder') &&
    typeof value.path === 'string' &&
    isAbsolute(value.path) &&
    // Every input the service reads for the CLI is kept inside a folder: one that is not is not ours.
    typeof value.within === 'string' &&
    isAbsolute(value.within)
  );
}

function isFindings(value: unknown): value is FindingData[] {
  return Array.isArray(value) && value.every(isFinding);
}

function isFinding(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const position = ['line', 'column', 'endLine', 'endColumn'].every((name) => Number.isSafeInteger(value[name]) && (value[name] as number) >= 1);
  return position && typeof value.severity === 'string' && SEVERITIES.has(value.severity) && typeof value.rule === 'string' && typeof value.fixable === 'boolean' && isMessage(value.message, 0);
}

function isMessage(value: unknown, depth: number): value is Message {
  if (depth > 8 || !isRecord(value) || typeof value.key !== 'string' || !catalogue('en').has(value.key)) return false;
  return value.args === undefined || (isRecord(value.args) && Object.values(value.args).every((arg) => isArg(arg, depth + 1)));
}

function isArg(value: unknown, depth: number): boolean {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return true;
  if (!isRecord(value) || depth > 8) return false;
  if ('key' in value) return isMessage(value, depth);
  if ('list' in value) return Array.isArray(value.list) && (value.conjunction === 'and' || value.conjunction === 'or') && value.list.every((item) => isArg(item, depth + 1));
  return typeof value.number === 'number' && Number.isFinite(value.number) && (value.decimals === undefined || (Number.isSafeInteger(value.decimals) && (value.decimals as number) >= 0 && (value.decimals as number) <= 20));
}

/**
 * One run's view of the cache: looks entries up, and collects the entries of this run to write.
 * The state of each input is read once per run (a thousand syntheses share one configuration).
 */
export class RunCache {
  private readonly parts = new Map<string, Promise<string>>();
  private readonly inside = new Map<string, boolean>();
  private readonly fresh = new Map<string, Entry>();
  /** The real path of each folder inputs are read inside, resolved once per run. */
  private readonly realFolders = new Map<string, Promise<string>>();
  /** The parts of a list of inputs, joined: files of one folder share their list (see `parseEntries`). */
  private readonly joined = new WeakMap<readonly ServiceInput[], Promise<string>>();
  private readonly listsAllowed = new WeakMap<readonly ServiceInput[], boolean>();

  /**
   * `secret`: the key of cache-key.ts, which the entries' keys are made with (an HMAC), so that an
   * entry made anywhere else (a cache file a repository brings) never matches.
   */
  constructor(
    private readonly host: ServiceHost,
    private readonly secret: Buffer,
    private readonly settings: string,
    private readonly folder: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Whether the cache holds an entry for a path (valid or not). */
  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** The outcome kept for a document whose text hashes to `textHash`, if it is still valid. */
  async lookup(path: string, textHash: string, encoding: TextEncodingName, stamp: FileStamp): Promise<JobOutcome | undefined> {
    const entry = this.entries.get(path);
    // Inputs outside the run's project folder are never read for the service: a cache that names some is not trusted.
    if (!entry || !this.allAllowed(entry.inputs)) return undefined;
    if ((await this.key(textHash, entry.inputs)) !== entry.key) return undefined;
    this.fresh.set(path, entry);
    return { ok: true, findings: entry.findings, related: entry.related, encoding, stamp, fixesApplied: 0, textHash, inputs: entry.inputs };
  }

  /** Keeps a fresh outcome (of the text now on disk) for the next run. */
  async remember(path: string, outcome: Extract<JobOutcome, { ok: true }>): Promise<void> {
    const inputs = outcome.inputs.filter((i) => i.within !== undefined);
    // An input read without a folder to stay in cannot be checked safely next time: no entry.
    if (inputs.length !== outcome.inputs.length) return;
    this.fresh.set(path, { key: await this.key(outcome.textHash, inputs), inputs, findings: outcome.findings, related: outcome.related });
  }

  /**
   * The file's new contents: this run's entries, and the old ones of files this run did not see
   * that still exist. As in ESLint's cache, the entry of a deleted or moved file is dropped: it could
   * never be used again, and a cache that only grows would keep every name a project ever had.
   */
  async serialise(seen: ReadonlySet<string>): Promise<string> {
    const entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
    const unseen = [...this.entries].filter(([path]) => !seen.has(path));
    const kept = await Promise.all(unseen.map(([path]) => stillThere(path)));
    unseen.forEach(([path, entry], i) => {
      if (kept[i]) entries[path] = entry;
    });
    // In path order: entries are found several at a time, and the file should not change with their timing.
    for (const path of [...this.fresh.keys()].sort()) entries[path] = this.fresh.get(path)!;
    // Each list of inputs once, in the order first used; a list is known by its identity, or else by what it holds.
    const lists: ServiceInput[][] = [];
    const byList = new Map<readonly ServiceInput[], number>();
    const byContent = new Map<string, number>();
    const written: Record<string, Omit<Entry, 'inputs'> & { inputs: number }> = Object.create(null) as Record<string, Omit<Entry, 'inputs'> & { inputs: number }>;
    for (const [path, entry] of Object.entries(entries)) {
      let index = byList.get(entry.inputs);
      if (index === undefined) {
        const content = JSON.stringify(entry.inputs.map((i) => [i.kind, i.path, i.within]));
        index = byContent.get(content);
        if (index === undefined) {
          index = lists.push(entry.inputs) - 1;
          byContent.set(content, index);
        }
        byList.set(entry.inputs, index);
      }
      written[path] = { key: entry.key, inputs: index, findings: entry.findings, related: entry.related };
    }
    return JSON.stringify({ synthlintCache: FORMAT, inputs: lists, entries: written });
  }

  private async key(textHash: string, inputs: readonly ServiceInput[]): Promise<string> {
    // The same bytes as hashing each part in turn, in one update: a thousand entries share the
    // same few inputs, whose part is made once, and the files of a folder share one list of them.
    let parts = this.joined.get(inputs);
    if (!parts) {
      parts = Promise.all(inputs.map((input) => this.part(input))).then((all) => all.join(''));
      this.joined.set(inputs, parts);
    }
    return createHmac('sha256', this.secret).update(`${this.settings}\0${textHash}${await parts}`).digest('hex');
  }

  /** Whether every input of a list is allowed; worked out once per list. */
  private allAllowed(inputs: readonly ServiceInput[]): boolean {
    let ok = this.listsAllowed.get(inputs);
    if (ok === undefined) this.listsAllowed.set(inputs, (ok = inputs.every((i) => this.allowed(i))));
    return ok;
  }

  /** Whether an input is one the service may read for this run (inside the project folder); worked out once per input. */
  private allowed(input: ServiceInput): boolean {
    const id = `${input.kind}\0${input.path}\0${input.within ?? ''}`;
    let ok = this.inside.get(id);
    if (ok === undefined) {
      ok = input.within !== undefined && isInside(this.host.paths, this.folder, input.within) && isInside(this.host.paths, input.within, input.path);
      this.inside.set(id, ok);
    }
    return ok;
  }

  /**
   * An input's part of a key: what it holds now, as the service would see it (a file's hash or why
   * it cannot be read; a folder's names), read once per run.
   */
  private part(input: ServiceInput): Promise<string> {
    const id = `${input.kind}\0${input.path}\0${input.within ?? ''}`;
    let part = this.parts.get(id);
    if (!part) {
      part = this.state(input).then((s) => `\0${JSON.stringify([input.kind, input.path, input.within ?? null, s])}`);
      this.parts.set(id, part);
    }
    return part;
  }

  /** What an input holds now, read as the service's Node host reads it (node/fs, the same checks), on this thread. */
  private async state({ kind, path, within }: ServiceInput): Promise<string> {
    let bound = {};
    if (within !== undefined) {
      let real = this.realFolders.get(within);
      if (!real) this.realFolders.set(within, (real = realFolder(within)));
      bound = { within, realWithin: await real };
    }
    if (kind === 'file') {
      const r = await readTextFile(path, { ...bound, maxBytes: MAX_SIDE_FILE_BYTES, blocking: true });
      return r.ok ? `ok ${r.stamp.hash}` : `failed ${r.failure} ${JSON.stringify(r.detail ?? '')}`;
    }
    const r = await listFolder(path, { ...bound, blocking: true });
    return r.ok ? `ok ${r.entries.map((e) => `${e.kind}:${e.name}`).sort().join('\0')}` : `failed ${r.failure} ${JSON.stringify(r.detail ?? '')}`;
  }
}

/** Where the cache goes: `--cache-location` (a file, or a folder to put `.synthesis-cache` in), else the current folder. */
export function cacheFile(location: string | undefined, cwd: string, isFolder: (path: string) => boolean): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  return /[\\/]$/.test(location) || isFolder(path) ? resolve(path, DEFAULT_CACHE_FILE) : path;
}

/**
 * Writes the cache. `within`: the folder the default location must stay in (a repository could
 * hold a `.synthesis-cache` that links elsewhere); undefined for a location the user gave.
 */
export function saveCache(path: string, text: string, within: string | undefined): ReturnType<typeof writeTextFile> {
  // Through the project's one writer: a whole file or none, never through a link that leaves `within`.
  return writeTextFile(path, text, { ...(within !== undefined ? { within } : {}), encoding: 'utf-8' });
}
