/**
 * Document templates: the structure a synthesis must follow (its sections, in order, which one holds
 * the SDG target sections, which need a sources block, and the required front-matter fields).
 *
 * Templates are data. They are written in YAML (the built-ins live in `builtin/*.yaml` and reach the
 * core already parsed, through `builtin.generated.ts`; workspace templates are read by the outer
 * layers), and this module turns a YAML text into a checked, frozen `Template`. It does no I/O and never throws on bad
 * input: every problem comes back with a 1-based line and column and a plain-language message.
 *
 * `schemas/template.schema.json` describes the same format for editors; a unit test keeps the two in
 * agreement, so a key added here must be added there too.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { unsafeCharacter } from '../escape.js';
import { msg, type Message, type MessageArg } from '../i18n/message.js';
import { LANGUAGES, type Language, type Localised } from '../types.js';
import { repeatedKeys } from '../yaml-keys.js';
import { BUILTIN_TEMPLATES } from './builtin.generated.js';

export interface TemplateSection {
  /** Stable name used by rules, quick fixes and settings, e.g. `findings`. */
  id: string;
  /** The heading text as the template spells it in English (or its only heading), e.g. "Main findings and considerations". */
  heading: string;
  /** The heading in each language: what is inserted into a document written in it. */
  headings: Localised;
  /** Other texts that count as this heading (short forms, in any of the three languages). */
  aliases: readonly string[];
  /** Markdown heading level, 1–6 (2 is `##`). */
  level: number;
  required: boolean;
  /** This section holds the SDG target sections, as headings one level deeper. */
  targets: boolean;
  /** This section needs a sources block (counted sources of data). */
  sources: boolean;
  /** Each target section under this one needs at least one consideration (`missing-consideration`). */
  considerations: boolean;
  /** What belongs in the section, in one sentence (for hovers), in English or its only language. */
  description?: string;
  /** The description in each language. */
  descriptions?: Localised;
}

export interface Template {
  id: string;
  /** The title in English (or the only one given); `titles` has it in each language. */
  title: string;
  titles: Localised;
  description: string;
  descriptions: Localised;
  /**
   * Front-matter fields a document must have. Each entry lists alternatives, any one of which
   * satisfies it: `[["title"], ["country", "scope"]]` means "title, and country or scope".
   */
  requiredFields: readonly (readonly string[])[];
  /**
   * SDG goals whose targets may head target sections, ascending. Never empty: a template that names
   * no goals has all 17 in scope.
   */
  goals: readonly number[];
  sections: readonly TemplateSection[];
  /** Vocabulary of sources-block labels, offered by completion: every language's. */
  sourceLabels: readonly string[];
  /** The labels for documents in each language (the skeleton's sources block uses them). */
  labels: Localised<readonly string[]>;
  /** Where it came from: 'builtin' or a file path. */
  origin: string;
}

/** A problem in a template file. Line and column are 1-based; the message is data (see `Message`). */
export interface TemplateProblem {
  line: number;
  column: number;
  message: Message;
}

/** Keys a template file may have at its top level (the JSON schema lists exactly these). */
export const TEMPLATE_KEYS = ['id', 'title', 'description', 'requiredFields', 'goals', 'sections', 'sourceLabels'] as const;
/** Keys a section may have (the JSON schema lists exactly these). */
export const SECTION_KEYS = ['id', 'heading', 'aliases', 'level', 'required', 'targets', 'sources', 'considerations', 'description'] as const;

/** Template and section ids: lower-case words joined by hyphens, dots or underscores. */
export const ID_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** Front-matter field names. */
export const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ALL_GOALS: readonly number[] = Object.freeze(Array.from({ length: 17 }, (_, i) => i + 1));
const DEFAULT_LEVEL = 2;

// ---------------------------------------------------------------------------------------------
// Headings

/**
 * The form in which headings are compared: lower case, trimmed, inner whitespace collapsed to one
 * space, trailing ':' and '.' dropped (also the French " :"). "MAIN  FINDINGS:" → "main findings".
 */
export function normaliseHeading(text: string): string {
  const spaced = text.normalize('NFC').replace(/\s+/g, ' ');
  // Trailing spaces, colons and full stops, trimmed with a loop (a regex anchored at the end
  // would retry from every position of a long run of dots).
  let end = spaced.length;
  while (end > 0 && (spaced[end - 1] === ' ' || spaced[end - 1] === ':' || spaced[end - 1] === '.')) end--;
  return spaced.slice(0, end).trim().toLowerCase();
}

/** The section whose heading or one of whose aliases matches `headingText`, compared normalised. */
export function matchSection(template: Template, headingText: string): TemplateSection | undefined {
  // Checks look up every heading after each keystroke; a long report repeats its headings' texts.
  let seen = matched.get(template);
  if (!seen || seen.size > MAX_MATCHED) matched.set(template, (seen = new Map()));
  let match = seen.get(headingText);
  if (match === undefined) {
    const wanted = normaliseHeading(headingText);
    match = (wanted === '' ? undefined : headingLookup(template).get(wanted)) ?? null;
    seen.set(headingText, match);
  }
  return match ?? undefined;
}

/** `matchSection`'s answers per template and heading text (null: no section). */
const matched = new WeakMap<Template, Map<string, TemplateSection | null>>();
const MAX_MATCHED = 10_000;

/** Each template's normalised headings and aliases, built once: headings before aliases. */
const lookups = new WeakMap<Template, Map<string, TemplateSection>>();

function headingLookup(template: Template): Map<string, TemplateSection> {
  let lookup = lookups.get(template);
  if (!lookup) {
    lookup = new Map();
    for (const section of template.sections) {
      for (const heading of [section.heading, ...LANGUAGES.map((l) => section.headings[l])]) {
        const key = normaliseHeading(heading);
        if (!lookup.has(key)) lookup.set(key, section);
      }
    }
    for (const section of template.sections) {
      for (const alias of section.aliases) {
        const key = normaliseHeading(alias);
        if (!lookup.has(key)) lookup.set(key, section);
      }
    }
    lookups.set(template, lookup);
  }
  return lookup;
}

/** The section that holds the SDG target sections, if the template has one. */
export function targetsSection(template: Template): TemplateSection | undefined {
  return template.sections.find((section) => section.targets);
}

// ---------------------------------------------------------------------------------------------
// Registry

/** An immutable set of templates by id. */
export class TemplateRegistry {
  private readonly byId = new Map<string, Template>();

  constructor(templates: Iterable<Template> = []) {
    for (const template of templates) this.byId.set(template.id, template);
  }

  get(id: string): Template | undefined {
    return this.byId.get(id);
  }

  /** In the order they were added; a template that replaces another keeps the other's place. */
  list(): Template[] {
    return [...this.byId.values()];
  }

  /** A new registry with `templates` added; a later template replaces an earlier one with its id. */
  with(templates: Iterable<Template>): TemplateRegistry {
    return new TemplateRegistry([...this.byId.values(), ...templates]);
  }
}

let builtins: TemplateRegistry | undefined;

/**
 * The built-in templates. Their YAML (`builtin/*.yaml`) is parsed by `parseTemplate` when
 * `scripts/generate-templates.mjs` writes `builtin.generated.ts`, not at every start; a test checks
 * that the generated templates are exactly what the parser makes of the YAML files today.
 */
export function builtinTemplates(): TemplateRegistry {
  builtins ??= new TemplateRegistry(BUILTIN_TEMPLATES.map(deepFreeze));
  return builtins;
}

/** Frozen all the way down, as `parseTemplate`'s templates are: rules share the built-ins. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * Reads and checks a template. Never throws. Problems that leave the template unusable (wrong types,
 * missing keys, bad levels, ambiguous headings...) mean no template is returned; problems with parts
 * that can simply be ignored (unknown keys, repeated entries, empty optional keys) are reported but
 * the template is still returned.
 */
export function parseTemplate(yamlText: string, origin: string): { template?: Template; problems: TemplateProblem[] } {
  const lines = new LineCounter();
  const reader = new Reader(lines);
  let template: Template | undefined;
  try {
    // Repeated keys are found by `repeatedKeys`, in linear time (the library's check is quadratic).
    const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    reader.doc = doc;
    if (reportYamlErrors(reader, doc)) {
      template = readTemplate(reader, doc.contents, origin);
    }
  } catch (error) {
    reader.report(0, msg('template.unreadable', { error: error instanceof Error ? error.message : String(error) }));
  }
  const problems = reader.sortedProblems();
  return reader.fatal || !template ? { problems } : { template, problems };
}

interface Located {
  offset: number;
  message: Message;
}

/** Collects problems with their offsets; knows how to find where a node starts. */
class Reader {
  doc: Document.Parsed | undefined;
  fatal = false;
  private readonly problems: Located[] = [];

  constructor(private readonly lines: LineCounter) {}

  /** Report at an offset or at the start of a node. `fatal`: the template cannot be used. */
  report(where: number | Positioned | undefined, message: Message, fatal = true): void {
    if (fatal) this.fatal = true;
    this.problems.push({ offset: offsetOf(where), message });
  }

  line(where: number | Positioned | undefined): number {
    return this.lines.linePos(offsetOf(where)).line;
  }

  /** Follows a YAML alias (`*name`) to the node it names (undefined anchors are reported earlier). */
  resolve(value: unknown): Value | undefined {
    if (isAlias(value)) return (this.doc && value.resolve(this.doc)) ?? undefined;
    if (isScalar(value) || isMap(value) || isSeq(value)) return value;
    return undefined;
  }

  sortedProblems(): TemplateProblem[] {
    return this.problems
      .map((p, index) => ({ ...p, index }))
      .sort((a, b) => a.offset - b.offset || a.index - b.index)
      .map((p) => {
        const pos = this.lines.linePos(p.offset);
        return { line: pos.line, column: pos.col, message: p.message };
      });
  }
}

type Value = Scalar | YAMLMap | YAMLSeq;
interface Positioned {
  range?: readonly [number, number, number] | null;
}

function offsetOf(where: number | Positioned | undefined): number {
  if (typeof where === 'number') return where;
  return where?.range?.[0] ?? 0;
}

/** Reports YAML syntax errors and undefined aliases (fatal) and warnings; true when the YAML itself is usable. */
function reportYamlErrors(reader: Reader, doc: Document.Parsed): boolean {
  const seenLines = new Set<number>();
  for (const error of doc.errors) {
    const line = reader.line(error.pos[0]);
    if (seenLines.has(line)) continue; // one syntax error per line is enough; the rest follow from it
    seenLines.add(line);
    reader.report(error.pos[0], yamlErrorMessage(error.code));
  }
  for (const warning of doc.warnings) {
    reader.report(warning.pos[0], msg('template.yaml.warning'), false);
  }
  if (doc.errors.length > 0) return false;
  const repeated = repeatedKeys(doc);
  for (const key of repeated) reader.report(key, yamlErrorMessage('DUPLICATE_KEY'));
  if (repeated.length > 0) return false;
  let aliasesOk = true;
  visit(doc, {
    Alias(_key, alias) {
      if (!alias.resolve(doc)) {
        reader.report(alias, msg('template.yaml.alias', { name: alias.source }));
        aliasesOk = false;
      }
    },
  });
  return aliasesOk;
}

/** The YAML library's error by its code, in our words (the library's English is never shown). */
function yamlErrorMessage(code: string): Message {
  switch (code) {
    case 'TAB_AS_INDENT':
      return msg('template.yaml.tab');
    case 'DUPLICATE_KEY':
      return msg('template.yaml.duplicate-key');
    case 'MULTIPLE_DOCS':
      return msg('template.yaml.multiple-docs');
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return msg('template.yaml.structure');
    default:
      return msg('template.yaml.other');
  }
}

interface Entry {
  key: Scalar;
  value: unknown;
}

/** The entries of a mapping, reporting keys that are not allowed (they are ignored). */
function readEntries(reader: Reader, map: YAMLMap, allowed: readonly string[], otherLevel: readonly string[], what: What): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
      reader.report(isScalar(key) || isMap(key) || isSeq(key) ? key : map, msg('template.key-not-word', { what: whatIs(what), examples: quoteList(allowed.slice(0, 3)) }), false);
      continue;
    }
    const name = String(key.value);
    if (!allowed.includes(name)) {
      reader.report(key, unknownKeyMessage(name, allowed, otherLevel, what), false);
      continue;
    }
    entries.set(name, { key, value: pair.value });
  }
  return entries;
}

/** Where a key was found: in the template itself or in one of its sections. */
type What = 'template' | 'section';

function whatIs(what: What): Message {
  return what === 'template' ? msg('template.what.template') : msg('template.what.section');
}

function unknownKeyMessage(name: string, allowed: readonly string[], otherLevel: readonly string[], what: What): Message {
  const suggestion = closest(name, allowed);
  if (suggestion) return msg('template.unknown-key.suggest', { name, what: whatIs(what), suggestion });
  if (otherLevel.includes(name)) {
    return what === 'section' ? msg('template.unknown-key.template-level', { name }) : msg('template.unknown-key.section-level', { name });
  }
  return msg('template.unknown-key.list', { name, what: whatIs(what), settings: quoteList(allowed) });
}

/** The allowed key that `name` is most likely a misspelling of. */
function closest(name: string, allowed: readonly string[]): string | undefined {
  const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
  const wanted = squash(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  const tolerance = wanted.length >= 6 ? 2 : 1;
  for (const candidate of allowed) {
    // Lengths further apart than the tolerance cannot be close: skip the distance (a template
    // may hold thousands of unknown keys).
    if (Math.abs(squash(candidate).length - wanted.length) > tolerance) continue;
    const distance = editDistance(wanted, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= tolerance ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `'${item}'`).join(', ');
}

/** How a value is called in messages: "nothing", "a list", the text "…". */
function describe(value: Value | undefined): Message {
  if (!value) return msg('template.value.nothing');
  if (isMap(value)) return msg('template.value.block');
  if (isSeq(value)) return msg('template.value.list');
  if (value.value === null) return msg('template.value.nothing');
  if (typeof value.value === 'string') return msg('template.value.text', { text: value.value });
  return msg('template.value.other', { value: String(value.value) });
}

/** A short example of an id made from some text: "Main Findings" → "main-findings". */
function slug(text: string): string {
  const made = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return made === '' ? 'my-id' : made;
}

/** True when an optional key is present but has no value (`goals:` with nothing after it). */
function isEmptyValue(value: Value | undefined): boolean {
  return value === undefined || (isScalar(value) && (value.value === null || value.value === ''));
}

interface TextOptions {
  /** The mapping the key belongs to, and whether it is the template or one of its sections. */
  owner: Positioned;
  ownerName: What;
  required: boolean;
  /** An example line for the message, e.g. "heading: Conclusions". */
  example: MessageArg;
}

function readText(reader: Reader, entries: Map<string, Entry>, name: string, options: TextOptions): string | undefined {
  const entry = entries.get(name);
  if (!entry) {
    if (options.required) reader.report(options.owner, msg(options.ownerName === 'template' ? 'template.missing-key.template' : 'template.missing-key.section', { name, example: options.example }));
    return undefined;
  }
  const value = reader.resolve(entry.value);
  if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
    const text = value.value.trim();
    // Only a description may run over several lines; no text may hold control characters.
    return safeText(reader, value, text, name === 'description') ? text : undefined;
  }
  if (isEmptyValue(value)) {
    if (options.required) reader.report(entry.key, msg('template.empty-required', { name, example: options.example }));
    else reader.report(entry.key, msg('template.empty-ignored', { name }), false);
    return undefined;
  }
  reader.report(value ?? entry.key, msg('template.not-text', { name, value: describe(value) }));
  return undefined;
}

/**
 * Whether a text from the template is free of line breaks and control characters: headings are
 * inserted into documents by fixes and printed by the CLI, so a line break or an escape sequence
 * in one would end up in both. A fatal problem on the value otherwise.
 */
function safeText(reader: Reader, where: Positioned, text: string, lineBreaks = false): boolean {
  const bad = unsafeCharacter(text, { lineBreaks });
  if (!bad) return true;
  reader.report(where, msg(`template.unsafe.${bad.kind}`, { code: bad.code }));
  return false;
}

/** A text given once, or once per language: the text, the languages given, and where each was written. */
interface LocalText {
  /** The English text, or the first one given. */
  text: string;
  languages: Partial<Record<Language, string>>;
  nodes: Array<[string, Positioned]>;
}

/**
 * A text that may differ by language: `heading: Conclusions`, or
 * `heading: { en: Conclusions, es: Conclusiones, fr: Conclusions }`. Keys other than en, es and fr
 * are reported and ignored; a mapping without English is reported (its first text stands in).
 */
function readLocalText(reader: Reader, entries: Map<string, Entry>, name: string, options: TextOptions): LocalText | undefined {
  const entry = entries.get(name);
  const value = entry ? reader.resolve(entry.value) : undefined;
  if (!entry || !isMap(value)) {
    const text = readText(reader, entries, name, options);
    if (text === undefined) return undefined;
    return { text, languages: {}, nodes: [[text, value ?? entry!.key]] };
  }
  const languages: Partial<Record<Language, string>> = {};
  const nodes: Array<[string, Positioned]> = [];
  let fatal = false;
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(LANGUAGES as readonly string[]).includes(key)) {
      reader.report(isScalar(pair.key) ? pair.key : value, msg('template.languages.unknown', { language: key }), false);
      continue;
    }
    const text = reader.resolve(pair.value);
    if (isScalar(text) && typeof text.value === 'string' && text.value.trim() !== '') {
      if (!safeText(reader, text, text.value.trim(), name === 'description')) {
        fatal = true;
        continue;
      }
      languages[key as Language] = text.value.trim();
      nodes.push([text.value.trim(), text]);
    } else {
      reader.report(text ?? pair.key ?? value, msg('template.not-text', { name: `${name}.${key}`, value: describe(text) }));
      fatal = true;
    }
  }
  const first = languages.en ?? LANGUAGES.map((l) => languages[l]).find((t) => t !== undefined);
  if (first === undefined) {
    if (!fatal && options.required) reader.report(entry.key, msg('template.empty-required', { name, example: options.example }));
    return undefined;
  }
  if (fatal) return undefined;
  if (languages.en === undefined) reader.report(entry.key, msg('template.languages.no-english', { name }), false);
  return { text: first, languages, nodes };
}

/** A text in each language: the one given for it, else the English one, else the only one. */
function everyLanguage(text: LocalText): Localised {
  return Object.freeze(Object.fromEntries(LANGUAGES.map((l) => [l, text.languages[l] ?? text.languages.en ?? text.text])) as Record<Language, string>);
}

/**
 * A list of texts that may differ by language: `[a, b]` for every language, or
 * `{ en: [a], es: [b], fr: [c] }`. Each list is read with `readTextList`'s checks.
 */
function readLocalList(reader: Reader, entry: Entry | undefined, example: string, same: (text: string) => string, itemProblem: (value: Value | undefined) => Message): { all: Array<[string, Positioned]>; languages: Partial<Record<Language, string[]>> } | undefined {
  const value = entry ? reader.resolve(entry.value) : undefined;
  if (!entry || !isMap(value)) {
    const items = readTextItems(reader, entry, example, same, itemProblem);
    return items && { all: items, languages: {} };
  }
  const all: Array<[string, Positioned]> = [];
  const languages: Partial<Record<Language, string[]>> = {};
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(LANGUAGES as readonly string[]).includes(key)) {
      reader.report(isScalar(pair.key) ? pair.key : value, msg('template.languages.unknown', { language: key }), false);
      continue;
    }
    const items = readTextItems(reader, { key: pair.key as Scalar, value: pair.value }, example, same, itemProblem);
    if (!items) return undefined;
    languages[key as Language] = items.map(([t]) => t);
    all.push(...items);
  }
  return { all, languages };
}

function readId(reader: Reader, entries: Map<string, Entry>, owner: Positioned, ownerName: What, suggestion: string): string | undefined {
  const text = readText(reader, entries, 'id', { owner, ownerName, required: true, example: msg('template.example.id', { id: suggestion }) });
  if (text === undefined) return undefined;
  if (!ID_PATTERN.test(text)) {
    reader.report(reader.resolve(entries.get('id')?.value) ?? owner, msg('template.bad-id', { text, example: slug(text) }));
    return undefined;
  }
  return text;
}

function readBoolean(reader: Reader, entry: Entry | undefined, fallback: boolean): boolean {
  if (!entry) return fallback;
  const value = reader.resolve(entry.value);
  if (isScalar(value) && typeof value.value === 'boolean') return value.value;
  if (isEmptyValue(value)) {
    reader.report(entry.key, msg('template.boolean-empty', { name: String(entry.key.value), fallback: String(fallback) }), false);
    return fallback;
  }
  reader.report(value ?? entry.key, msg('template.not-boolean', { name: String(entry.key.value), value: describe(value) }));
  return fallback;
}

/** A list value; `undefined` (with a problem where needed) when absent, empty or not a list. */
function readList(reader: Reader, entry: Entry | undefined, example: string): YAMLSeq | undefined {
  if (!entry) return undefined;
  const value = reader.resolve(entry.value);
  if (isSeq(value)) return value;
  if (isEmptyValue(value)) {
    reader.report(entry.key, msg('template.list-empty', { name: String(entry.key.value), example }), false);
    return undefined;
  }
  reader.report(value ?? entry.key, msg('template.not-list', { name: String(entry.key.value), example, value: describe(value) }));
  return undefined;
}

/**
 * A list of non-empty texts with where each was written; repeated entries (compared with `same`)
 * are reported and dropped. Undefined when the value is there but not a usable list.
 */
function readTextItems(reader: Reader, entry: Entry | undefined, example: string, same: (text: string) => string, itemProblem: (value: Value | undefined) => Message): Array<[string, Positioned]> | undefined {
  const list = readList(reader, entry, example);
  if (entry && !list && !isEmptyValue(reader.resolve(entry.value))) return undefined;
  const out: Array<[string, Positioned]> = [];
  const seen = new Set<string>();
  let usable = true;
  for (const item of list?.items ?? []) {
    const value = reader.resolve(item);
    if (!isScalar(value) || typeof value.value !== 'string' || same(value.value) === '') {
      reader.report(value ?? list, itemProblem(value));
      usable = false;
      continue;
    }
    const text = value.value.trim();
    if (!safeText(reader, value, text)) continue;
    const key = same(text);
    if (seen.has(key)) {
      reader.report(value, msg('template.repeated', { text }), false);
      continue;
    }
    seen.add(key);
    out.push([text, value]);
  }
  return usable ? out : undefined;
}

function readTemplate(reader: Reader, contents: unknown, origin: string): Template | undefined {
  const root = reader.resolve(contents);
  if (isEmptyValue(root)) {
    reader.report(0, msg('template.empty'));
    return undefined;
  }
  if (!isMap(root)) {
    reader.report(root, msg('template.not-a-map', { value: describe(root) }));
    return undefined;
  }
  const entries = readEntries(reader, root, TEMPLATE_KEYS, SECTION_KEYS, 'template');
  const id = readId(reader, entries, root, 'template', 'my-template');
  const title = readLocalText(reader, entries, 'title', { owner: root, ownerName: 'template', required: true, example: msg('template.example.title') });
  const description = readLocalText(reader, entries, 'description', { owner: root, ownerName: 'template', required: false, example: '' });
  const requiredFields = readRequiredFields(reader, entries.get('requiredFields'));
  const goals = readGoals(reader, entries.get('goals'));
  const sections = readSections(reader, entries.get('sections'), root);
  const labels = readLocalList(reader, entries.get('sourceLabels'), '[documents, surveys]', (t) => normaliseHeading(t), (value) => msg('template.source-label-not-text', { value: describe(value) })) ?? { all: [], languages: {} };
  if (id === undefined || title === undefined || sections === undefined) return undefined;
  const everyLabel = [...new Map(labels.all.map(([t]) => [normaliseHeading(t), t])).values()];
  return Object.freeze({
    id,
    title: title.text,
    titles: everyLanguage(title),
    description: description?.text ?? '',
    descriptions: description ? everyLanguage(description) : Object.freeze({ en: '', es: '', fr: '' }),
    requiredFields: Object.freeze(requiredFields.map((alternatives) => Object.freeze(alternatives))),
    goals: Object.freeze(goals.length === 0 ? ALL_GOALS : goals),
    sections: Object.freeze(sections),
    sourceLabels: Object.freeze(everyLabel),
    labels: Object.freeze(Object.fromEntries(LANGUAGES.map((l) => [l, Object.freeze(labels.languages[l] ?? labels.languages.en ?? everyLabel)])) as Record<Language, readonly string[]>),
    origin,
  });
}

function readRequiredFields(reader: Reader, entry: Entry | undefined): string[][] {
  const list = readList(reader, entry, '[title, [country, scope], period]');
  const out: string[][] = [];
  const seen = new Set<string>();
  const readField = (node: unknown): string | undefined => {
    const value = reader.resolve(node);
    if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
      reader.report(value ?? list, msg('template.required-field-invalid', { value: describe(value) }));
      return undefined;
    }
    const name = value.value.trim();
    if (!FIELD_PATTERN.test(name)) {
      reader.report(value, msg('template.field-name-invalid', { name }));
      return undefined;
    }
    if (seen.has(name)) {
      reader.report(value, msg('template.field-repeated', { name }), false);
      return undefined;
    }
    seen.add(name);
    return name;
  };
  for (const item of list?.items ?? []) {
    const value = reader.resolve(item);
    if (isSeq(value)) {
      if (value.items.length === 0) {
        reader.report(value, msg('template.alternatives-empty'));
        continue;
      }
      const alternatives = value.items.map(readField).filter((name): name is string => name !== undefined);
      if (alternatives.length > 0) out.push(alternatives);
    } else {
      const name = readField(value);
      if (name !== undefined) out.push([name]);
    }
  }
  return out;
}

function readGoals(reader: Reader, entry: Entry | undefined): number[] {
  const list = readList(reader, entry, '[16]');
  const goals = new Set<number>();
  for (const item of list?.items ?? []) {
    const value = reader.resolve(item);
    const goal = isScalar(value) ? value.value : undefined;
    if (typeof goal !== 'number' || !Number.isInteger(goal)) {
      reader.report(value ?? list, msg('template.goal-not-number', { value: describe(value) }));
      continue;
    }
    if (goal < 1 || goal > 17) {
      reader.report(value, msg('template.goal-out-of-range', { goal }));
      continue;
    }
    if (goals.has(goal)) {
      reader.report(value, msg('template.goal-repeated', { goal }), false);
      continue;
    }
    goals.add(goal);
  }
  return [...goals].sort((a, b) => a - b);
}

function readSections(reader: Reader, entry: Entry | undefined, root: YAMLMap): TemplateSection[] | undefined {
  if (!entry) {
    reader.report(root, msg('template.no-sections'));
    return undefined;
  }
  const list = reader.resolve(entry.value);
  if (!isSeq(list) || list.items.length === 0) {
    reader.report(list ?? entry.key, msg('template.sections-not-list', { value: isSeq(list) ? msg('template.value.empty-list') : describe(list) }));
    return undefined;
  }
  const sections: TemplateSection[] = [];
  let usable = true;
  const ids = new Map<string, Positioned>();
  const headings = new Map<string, { owner: Message; where: Positioned }>();
  let targetsOwner: { owner: Message; where: Positioned } | undefined;
  for (const item of list.items) {
    const node = reader.resolve(item);
    if (!isMap(node)) {
      reader.report(node ?? list, msg('template.section-not-map', { value: describe(node) }));
      usable = false;
      continue;
    }
    // The checks across sections run even for a section with problems of its own, so that one
    // pass reports everything.
    const read = readSection(reader, node);
    const name = read.id !== undefined ? msg('template.owner.id', { id: read.id }) : msg('template.owner.line', { line: reader.line(node) });

    if (read.id !== undefined) {
      const earlier = ids.get(read.id);
      if (earlier) {
        reader.report(read.idNode, msg('template.section-id-repeated', { line: reader.line(earlier), id: read.id }));
        usable = false;
      } else {
        ids.set(read.id, read.idNode);
      }
    }

    for (const [text, where] of read.headingNodes) {
      const key = normaliseHeading(text);
      const earlier = headings.get(key);
      if (earlier) {
        reader.report(where, msg('template.heading-repeated', { text, owner: earlier.owner, line: reader.line(earlier.where) }));
        usable = false;
      } else {
        headings.set(key, { owner: name, where });
      }
    }

    if (read.targetsNode) {
      if (targetsOwner) {
        reader.report(read.targetsNode, msg('template.targets-repeated', { owner: targetsOwner.owner, line: reader.line(targetsOwner.where) }));
        usable = false;
      } else {
        targetsOwner = { owner: name, where: read.targetsNode };
      }
    }

    if (read.section) sections.push(Object.freeze(read.section));
    else usable = false;
  }
  return usable ? sections : undefined;
}

interface ReadSection {
  /** The section, when it has no problem that makes it unusable. */
  section?: TemplateSection;
  id?: string;
  idNode: Positioned;
  /** The heading and distinct aliases, each with where it was written. */
  headingNodes: [string, Positioned][];
  /** Where `targets: true` was written, if it was. */
  targetsNode?: Positioned;
}

function readSection(reader: Reader, node: YAMLMap): ReadSection {
  const entries = readEntries(reader, node, SECTION_KEYS, TEMPLATE_KEYS, 'section');
  const heading = readLocalText(reader, entries, 'heading', { owner: node, ownerName: 'section', required: true, example: msg('template.example.heading') });
  const id = readId(reader, entries, node, 'section', heading ? slug(heading.text) : 'conclusions');
  const level = readLevel(reader, entries.get('level'));
  const required = readBoolean(reader, entries.get('required'), true);
  const targets = readBoolean(reader, entries.get('targets'), false);
  const sources = readBoolean(reader, entries.get('sources'), false);
  const considerations = readBoolean(reader, entries.get('considerations'), false);
  const description = readLocalText(reader, entries, 'description', { owner: node, ownerName: 'section', required: false, example: '' });
  let usable = id !== undefined && heading !== undefined && level !== undefined;

  // Every text that names the section, in every language, for the checks across sections. The
  // same words in two languages (French "Conclusions") are harmless: one copy is kept.
  const headingNodes: [string, Positioned][] = [];
  const seen = new Set<string>();
  const name = (text: string, where: Positioned): boolean => {
    const key = normaliseHeading(text);
    if (seen.has(key)) return false;
    seen.add(key);
    headingNodes.push([text, where]);
    return true;
  };
  for (const [text, where] of heading?.nodes ?? []) name(text, where);
  const aliasLists = readLocalList(reader, entries.get('aliases'), '[Findings, Hallazgos, Constatations]', normaliseHeading, (value) => msg('template.alias-not-text', { value: describe(value) }));
  if (!aliasLists) usable = false;
  const aliases: string[] = [];
  for (const [text, where] of aliasLists?.all ?? []) if (name(text, where)) aliases.push(text);

  const targetsEntry = entries.get('targets');
  const targetsNode = targets && targetsEntry ? (reader.resolve(targetsEntry.value) ?? targetsEntry.key) : undefined;
  if (targets && level !== undefined && level >= 6) {
    reader.report(targetsNode, msg('template.targets-level', { next: level + 1 }));
    usable = false;
  }
  const idEntry = entries.get('id');
  const idNode = (idEntry && reader.resolve(idEntry.value)) ?? node;
  const read: ReadSection = { idNode, headingNodes };
  if (id !== undefined) read.id = id;
  if (targetsNode) read.targetsNode = targetsNode;
  if (usable && id !== undefined && heading !== undefined && level !== undefined) {
    const section: TemplateSection = { id, heading: heading.text, headings: everyLanguage(heading), aliases: Object.freeze(aliases), level, required, targets, sources, considerations };
    if (description !== undefined) {
      section.description = description.text;
      section.descriptions = everyLanguage(description);
    }
    read.section = section;
  }
  return read;
}

function readLevel(reader: Reader, entry: Entry | undefined): number | undefined {
  if (!entry) return DEFAULT_LEVEL;
  const value = reader.resolve(entry.value);
  const level = isScalar(value) ? value.value : undefined;
  if (isEmptyValue(value)) {
    reader.report(entry.key, msg('template.level-empty', { level: DEFAULT_LEVEL }), false);
    return DEFAULT_LEVEL;
  }
  if (typeof level !== 'number' || !Number.isInteger(level)) {
    reader.report(value ?? entry.key, msg('template.level-not-number', { value: describe(value) }));
    return undefined;
  }
  if (level < 1 || level > 6) {
    reader.report(value, msg('template.level-out-of-range', { level }));
    return undefined;
  }
  return level;
}
