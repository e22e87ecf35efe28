/**
 * The project configuration file, `.synthesis/config.yaml`: what a team sets once for all its
 * syntheses. Every key is one entry of `CONFIG_KEYS` (its name in the file and how its value is
 * read); adding a key means adding an entry here and its description in
 * `schemas/config.schema.json`. Reading never throws: a mistake becomes a located problem, and the
 * key it concerns keeps its default.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { repeatedKeys } from '../yaml-keys.js';
import { LANGUAGES, type Language, type SeveritySetting, type Span } from '../types.js';
import { settableRuleIds } from './checks.js';

/** Where the file lives, relative to the project root. */
export const CONFIG_FOLDER = '.synthesis';
export const CONFIG_FILE = 'config.yaml';

export interface ConfigProblem {
  span: Span;
  message: string;
  severity: 'error' | 'warning';
}

/** What reading one key's value can do: report a problem at a node (the value's by default). */
interface KeyContext {
  node: Node | null;
  report(message: string, at?: Node | Pair | null, severity?: 'error' | 'warning'): void;
}

interface ConfigKey<T> {
  /** The key as written in the file; a dot separates a group from its key (`coverage.minimum`). */
  name: string;
  /** The value, or undefined (after a report) when it cannot be used. */
  read(value: unknown, context: KeyContext): T | undefined;
}

const SEVERITY_SETTINGS: readonly string[] = ['off', 'info', 'warning', 'error'];

/** Every key of the file. The order is the order of the documentation. */
export const CONFIG_KEYS = {
  rules: key<Readonly<Record<string, SeveritySetting>>>('rules', (value, context) => {
    if (!isMap(context.node)) {
      context.report(`Expected 'rules' to map rule ids to off, info, warning or error, such as { uncited-evidence: warning }, found ${kindOf(value)}`);
      return undefined;
    }
    const known = settableRuleIds();
    const out: Record<string, SeveritySetting> = {};
    for (const pair of context.node.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      const level = isScalar(pair.value) ? pair.value.value : undefined;
      if (!known.has(id)) {
        context.report(`Expected a rule id such as 'count-mismatch', found '${id}'; it has no effect, remove it`, pair.key as Node, 'warning');
        continue;
      }
      if (typeof level !== 'string' || !SEVERITY_SETTINGS.includes(level)) {
        context.report(`Expected off, info, warning or error for '${id}', found ${kindOf(level ?? pair.value)}; the rule keeps its default level`, (pair.value ?? pair.key) as Node);
        continue;
      }
      out[id] = level as SeveritySetting;
    }
    return out;
  }),
  defaultTemplate: key<string>('defaultTemplate', (value, context) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    context.report(`Expected a template id such as 'unodc-meta-synthesis' for 'defaultTemplate', found ${kindOf(value)}`);
    return undefined;
  }),
  templateFolders: key<readonly string[]>('templateFolders', (value, context) => {
    if (!isSeq(context.node)) {
      context.report(`Expected 'templateFolders' to be a list of folders inside the project, such as [templates], found ${kindOf(value)}`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of context.node.items) {
      const folder = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : '';
      if (folder === '') context.report(`Expected a folder name, found ${kindOf(isScalar(item) ? item.value : item)}`, item as Node);
      else out.push(folder);
    }
    return out;
  }),
  evidence: key<string>('evidence', (value, context) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    context.report(`Expected 'evidence' to name a register file relative to the project, such as data/evidence.csv, found ${kindOf(value)}`);
    return undefined;
  }),
  language: key<Language>('language', (value, context) => {
    if (typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value.trim())) return value.trim() as Language;
    context.report(`Expected 'language' to be en, es or fr, found ${kindOf(value)}`);
    return undefined;
  }),
  coverageMinimum: key<number>('coverage.minimum', (value, context) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) return value;
    context.report(`Expected 'minimum' to be a whole number of evaluations such as 2, found ${kindOf(value)}`);
    return undefined;
  }),
  referenceDoc: key<string>('referenceDoc', (value, context) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    context.report(`Expected 'referenceDoc' to name a Word document relative to the project, such as templates/office.docx, found ${kindOf(value)}`);
    return undefined;
  }),
  pdfPaper: key<'a4' | 'letter'>('pdf.paper', (value, context) => {
    if (value === 'a4' || value === 'letter') return value;
    context.report(`Expected 'paper' to be a4 or letter, found ${kindOf(value)}`);
    return undefined;
  }),
};

function key<T>(name: string, read: (value: unknown, context: KeyContext) => T | undefined): ConfigKey<T> {
  return { name, read };
}

type Keys = typeof CONFIG_KEYS;
/** The settings a configuration file gives; a key it does not set (or sets wrongly) is absent. */
export type ProjectConfig = { -readonly [K in keyof Keys]?: Keys[K] extends ConfigKey<infer T> ? T : never };

export interface ConfigFile {
  config: ProjectConfig;
  problems: ConfigProblem[];
  /** Where each key's value is written, for problems found later (a register that cannot be read...). */
  spans: { [K in keyof Keys]?: Span };
  /** For list values: where each item is written. */
  itemSpans: { [K in keyof Keys]?: Span[] };
}

/** Reads the text of a configuration file. Never throws. */
export function parseConfig(text: string): ConfigFile {
  const problems: ConfigProblem[] = [];
  const config: ProjectConfig = {};
  const spans: ConfigFile['spans'] = {};
  const itemSpans: ConfigFile['itemSpans'] = {};
  const done = (): ConfigFile => ({ config, problems, spans, itemSpans });
  const spanOf = (at: Node | Pair | null | undefined): Span => {
    const node = (at && 'range' in at ? at : at && 'key' in at ? (at.key as Node | null) : null) as Node | null;
    const range = node?.range;
    return range ? { start: range[0], end: Math.max(range[0], range[1]) } : { start: 0, end: 0 };
  };
  const report = (message: string, at: Node | Pair | null | undefined, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ span: spanOf(at), message, severity });
  };

  let doc;
  try {
    // Repeated keys are found by `repeatedKeys`, in linear time (the library's check is quadratic).
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    report(`The configuration could not be read: ${error instanceof Error ? error.message : String(error)}`, null);
    return done();
  }
  if (doc.errors.length > 0) {
    const seen = new Set<number>();
    for (const error of doc.errors) {
      if (seen.has(error.pos[0])) continue;
      seen.add(error.pos[0]);
      problems.push({ span: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) }, message: `This is not valid YAML: ${firstLine(error.message)}; the whole file is ignored until it is fixed`, severity: 'error' });
    }
    return done();
  }
  const repeated = repeatedKeys(doc);
  for (const key of repeated) report(`This is not valid YAML: '${String(key.value)}' is given twice in the same block; the whole file is ignored until it is fixed`, key);
  if (repeated.length > 0) return done();
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return done();
  if (!isMap(root)) {
    report(`Expected the configuration to be keys and values, such as 'language: en', found ${kindOf(doc.toJS())}`, root);
    return done();
  }

  const byName = new Map<string, keyof Keys>(Object.entries(CONFIG_KEYS).map(([id, spec]) => [spec.name, id as keyof Keys]));
  const groups = new Set([...byName.keys()].filter((n) => n.includes('.')).map((n) => n.slice(0, n.indexOf('.'))));
  const readPair = (pair: Pair, prefix: string): void => {
    const name = `${prefix}${isScalar(pair.key) ? String(pair.key.value) : ''}`;
    const id = byName.get(name);
    const value = pair.value as Node | null;
    if (id !== undefined) {
      const spec = CONFIG_KEYS[id] as ConfigKey<unknown>;
      const js = value === null ? null : (value as { toJSON?: () => unknown }).toJSON?.() ?? (isScalar(value) ? value.value : null);
      const read = spec.read(js, { node: value, report: (message, at, severity) => report(message, at === undefined ? (value ?? pair) : at, severity) });
      if (read !== undefined) (config as Record<string, unknown>)[id] = read;
      spans[id] = spanOf(value ?? pair);
      // Item spans only when every item was kept, so that they line up with the value's items.
      if (isSeq(value) && Array.isArray(read) && read.length === value.items.length) itemSpans[id] = value.items.map((item) => spanOf(item as Node));
      return;
    }
    if (prefix === '' && groups.has(name)) {
      if (!isMap(value)) {
        report(`Expected '${name}' to hold keys such as ${[...byName.keys()].filter((n) => n.startsWith(`${name}.`)).map((n) => `'${n.slice(name.length + 1)}'`).join(', ')}, found ${kindOf(isScalar(value) ? value.value : value)}`, value ?? pair);
        return;
      }
      for (const inner of value.items) readPair(inner, `${name}.`);
      return;
    }
    const known = [...byName.keys()].filter((n) => n.startsWith(prefix)).map((n) => `'${n.slice(prefix.length).split('.')[0]}'`);
    report(`Unknown key '${name}': the keys are ${[...new Set(known)].join(', ')}; it has no effect, remove it`, pair, 'warning');
  };
  for (const pair of root.items) readPair(pair, '');
  problems.sort((a, b) => a.span.start - b.span.start);
  return done();
}

/** The YAML library's message without its position (the finding has it) or its source excerpt. */
function firstLine(message: string): string {
  const line = message.split('\n')[0]!;
  const at = line.lastIndexOf(' at line ');
  return (at > 0 ? line.slice(0, at) : line).trim();
}

/** How a wrong value is named in a message: its text, or what kind of thing it is. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (isSeq(value)) return 'a list';
  return 'a group of keys';
}
