/**
 * The project configuration file, `.synthesis/config.yaml`: what a team sets once for all its
 * syntheses. Every key is one entry of `CONFIG_KEYS` (its name in the file and how its value is
 * read); adding a key means adding an entry here and its description in
 * `schemas/config.schema.json`. Reading never throws: a mistake becomes a located problem, and the
 * key it concerns keeps its default.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { msg, type Message, type MessageArg } from '../i18n/message.js';
import { repeatedKeys } from '../yaml-keys.js';
import { LANGUAGES, type Language, type SeveritySetting, type Span } from '../types.js';
import { MAX_PHRASE_LENGTH } from '../findings/fold.js';
import { settableRuleIds } from './checks.js';

/** Where the file lives, relative to the project root. */
export const CONFIG_FOLDER = '.synthesis';
export const CONFIG_FILE = 'config.yaml';

export interface ConfigProblem {
  span: Span;
  message: Message;
  severity: 'error' | 'warning';
}

/** What reading one key's value can do: report a problem at a node (the value's by default). */
interface KeyContext {
  node: Node | null;
  report(message: Message, at?: Node | Pair | null, severity?: 'error' | 'warning'): void;
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
      context.report(msg('config.rules', { found: kindOf(value) }));
      return undefined;
    }
    const known = settableRuleIds();
    const out: Record<string, SeveritySetting> = {};
    for (const pair of context.node.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      const level = isScalar(pair.value) ? pair.value.value : undefined;
      if (!known.has(id)) {
        context.report(msg('config.unknown-rule', { id }), pair.key as Node, 'warning');
        continue;
      }
      if (typeof level !== 'string' || !SEVERITY_SETTINGS.includes(level)) {
        context.report(msg('config.level', { id, found: kindOf(level ?? pair.value) }), (pair.value ?? pair.key) as Node);
        continue;
      }
      out[id] = level as SeveritySetting;
    }
    return out;
  }),
  defaultTemplate: key<string>('defaultTemplate', (value, context) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    context.report(msg('config.default-template', { found: kindOf(value) }));
    return undefined;
  }),
  templateFolders: key<readonly string[]>('templateFolders', (value, context) => {
    if (!isSeq(context.node)) {
      context.report(msg('config.template-folders', { found: kindOf(value) }));
      return undefined;
    }
    const out: string[] = [];
    for (const item of context.node.items) {
      const folder = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : '';
      if (folder === '') context.report(msg('config.folder-name', { found: kindOf(isScalar(item) ? item.value : item) }), item as Node);
      else out.push(folder);
    }
    return out;
  }),
  evidence: key<string>('evidence', (value, context) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    context.report(msg('config.evidence', { found: kindOf(value) }));
    return undefined;
  }),
  language: key<Language>('language', (value, context) => {
    if (typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value.trim())) return value.trim() as Language;
    context.report(msg('config.language', { found: kindOf(value) }));
    return undefined;
  }),
  coverageMinimum: key<number>('coverage.minimum', (value, context) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000) return value;
    context.report(msg('config.minimum', { found: kindOf(value) }));
    return undefined;
  }),
  referenceDoc: key<string>('referenceDoc', (value, context) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    context.report(msg('config.reference-doc', { found: kindOf(value) }));
    return undefined;
  }),
  pdfPaper: key<'a4' | 'letter'>('pdf.paper', (value, context) => {
    if (value === 'a4' || value === 'letter') return value;
    context.report(msg('config.paper', { found: kindOf(value) }));
    return undefined;
  }),
  overclaimWords: key<readonly string[]>('overclaim.words', (value, context) => {
    if (!isSeq(context.node)) {
      context.report(msg('config.overclaim-words', { found: kindOf(value) }));
      return undefined;
    }
    const out: string[] = [];
    for (const item of context.node.items) {
      const phrase = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : '';
      if (phrase === '') context.report(msg('config.phrase', { found: kindOf(isScalar(item) ? item.value : item) }), item as Node);
      else if (phrase.length > MAX_PHRASE_LENGTH) context.report(msg('config.phrase-long', { max: MAX_PHRASE_LENGTH, length: phrase.length }), item as Node);
      else out.push(phrase);
    }
    return out;
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
  const report = (message: Message, at: Node | Pair | null | undefined, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ span: spanOf(at), message, severity });
  };

  let doc;
  try {
    // Repeated keys are found by `repeatedKeys`, in linear time (the library's check is quadratic).
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    report(msg('config.unreadable', { error: error instanceof Error ? error.message : String(error) }), null);
    return done();
  }
  if (doc.errors.length > 0) {
    const seen = new Set<number>();
    for (const error of doc.errors) {
      if (seen.has(error.pos[0])) continue;
      seen.add(error.pos[0]);
      problems.push({ span: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) }, message: error.code === 'TAB_AS_INDENT' ? msg('config.yaml-tab') : msg('config.yaml'), severity: 'error' });
    }
    return done();
  }
  const repeated = repeatedKeys(doc);
  for (const key of repeated) report(msg('config.repeated-key', { key: String(key.value) }), key);
  if (repeated.length > 0) return done();
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return done();
  if (!isMap(root)) {
    report(msg('config.not-keys', { found: kindOf(doc.toJS()) }), root);
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
        report(msg('config.group', { name, keys: [...byName.keys()].filter((n) => n.startsWith(`${name}.`)).map((n) => `'${n.slice(name.length + 1)}'`).join(', '), found: kindOf(isScalar(value) ? value.value : value) }), value ?? pair);
        return;
      }
      for (const inner of value.items) readPair(inner, `${name}.`);
      return;
    }
    const known = [...byName.keys()].filter((n) => n.startsWith(prefix)).map((n) => `'${n.slice(prefix.length).split('.')[0]}'`);
    report(msg('config.unknown-key', { name, keys: [...new Set(known)].join(', ') }), pair, 'warning');
  };
  for (const pair of root.items) readPair(pair, '');
  problems.sort((a, b) => a.span.start - b.span.start);
  return done();
}


/** How a wrong value is named in a message: its text, or what kind of thing it is. */
function kindOf(value: unknown): MessageArg {
  if (value === null || value === undefined) return msg('config.kind.nothing');
  if (typeof value === 'string') return value.trim() === '' ? msg('config.kind.empty-text') : `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return msg('config.kind.list');
  if (isSeq(value)) return msg('config.kind.list');
  return msg('config.kind.group');
}
