/**
 * Document templates: the structure a synthesis must follow (its sections, in order, which one holds
 * the SDG target sections, which need a sources block, and the required front-matter fields).
 *
 * Templates are data. They are written in YAML (the built-ins live in `builtin/*.yaml` and reach the
 * core through `builtin.generated.ts`; workspace templates are read by the outer layers), and this
 * module turns a YAML text into a checked, frozen `Template`. It does no I/O and never throws on bad
 * input: every problem comes back with a 1-based line and column and a plain-language message.
 *
 * `schemas/template.schema.json` describes the same format for editors; a unit test keeps the two in
 * agreement, so a key added here must be added there too.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { unsafeCharacter } from '../escape.js';
import { repeatedKeys } from '../yaml-keys.js';
import { BUILTIN_TEMPLATE_SOURCES } from './builtin.generated.js';

export interface TemplateSection {
  /** Stable name used by rules, quick fixes and settings, e.g. `findings`. */
  id: string;
  /** The heading text as the template spells it, e.g. "Main findings and considerations". */
  heading: string;
  /** Other texts that count as this heading (short forms, Spanish and French). */
  aliases: readonly string[];
  /** Markdown heading level, 1–6 (2 is `##`). */
  level: number;
  required: boolean;
  /** This section holds the SDG target sections, as headings one level deeper. */
  targets: boolean;
  /** This section needs a sources block (counted sources of data). */
  sources: boolean;
  /** What belongs in the section, in one sentence (for hovers). */
  description?: string;
}

export interface Template {
  id: string;
  title: string;
  description: string;
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
  /** Vocabulary of sources-block labels, offered by completion. */
  sourceLabels: readonly string[];
  /** Where it came from: 'builtin' or a file path. */
  origin: string;
}

/** A problem in a template file. Line and column are 1-based. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

/** Keys a template file may have at its top level (the JSON schema lists exactly these). */
export const TEMPLATE_KEYS = ['id', 'title', 'description', 'requiredFields', 'goals', 'sections', 'sourceLabels'] as const;
/** Keys a section may have (the JSON schema lists exactly these). */
export const SECTION_KEYS = ['id', 'heading', 'aliases', 'level', 'required', 'targets', 'sources', 'description'] as const;

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
  const wanted = normaliseHeading(headingText);
  if (wanted === '') return undefined;
  return headingLookup(template).get(wanted);
}

/** Each template's normalised headings and aliases, built once: headings before aliases. */
const lookups = new WeakMap<Template, Map<string, TemplateSection>>();

function headingLookup(template: Template): Map<string, TemplateSection> {
  let lookup = lookups.get(template);
  if (!lookup) {
    lookup = new Map();
    for (const section of template.sections) {
      const key = normaliseHeading(section.heading);
      if (!lookup.has(key)) lookup.set(key, section);
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

/** The built-in templates, parsed once. Throws only if a built-in itself is broken. */
export function builtinTemplates(): TemplateRegistry {
  if (builtins) return builtins;
  const parsed: Template[] = [];
  for (const source of BUILTIN_TEMPLATE_SOURCES) {
    const { template, problems } = parseTemplate(source.text, 'builtin');
    if (!template || problems.length > 0) {
      const list = problems.map((p) => `${source.file}:${p.line}:${p.column}: ${p.message}`).join('\n');
      throw new Error(`Built-in template ${source.file} is broken:\n${list}`);
    }
    parsed.push(template);
  }
  builtins = new TemplateRegistry(parsed);
  return builtins;
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
    reader.report(0, `The template could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems = reader.sortedProblems();
  return reader.fatal || !template ? { problems } : { template, problems };
}

interface Located {
  offset: number;
  message: string;
}

/** Collects problems with their offsets; knows how to find where a node starts. */
class Reader {
  doc: Document.Parsed | undefined;
  fatal = false;
  private readonly problems: Located[] = [];

  constructor(private readonly lines: LineCounter) {}

  /** Report at an offset or at the start of a node. `fatal`: the template cannot be used. */
  report(where: number | Positioned | undefined, message: string, fatal = true): void {
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
    reader.report(error.pos[0], yamlErrorMessage(error.code, error.message));
  }
  for (const warning of doc.warnings) {
    reader.report(warning.pos[0], `${warning.message}; this is ignored.`, false);
  }
  if (doc.errors.length > 0) return false;
  const repeated = repeatedKeys(doc);
  for (const key of repeated) reader.report(key, yamlErrorMessage('DUPLICATE_KEY', ''));
  if (repeated.length > 0) return false;
  let aliasesOk = true;
  visit(doc, {
    Alias(_key, alias) {
      if (!alias.resolve(doc)) {
        reader.report(alias, `'*${alias.source}' refers to an anchor '&${alias.source}' that is not defined earlier in the file.`);
        aliasesOk = false;
      }
    },
  });
  return aliasesOk;
}

function yamlErrorMessage(code: string, yamlMessage: string): string {
  const detail = yamlMessage.replace(/\s+at line \d+, column \d+.*$/s, '').replace(/\.$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'This line is indented with a tab; YAML needs spaces.';
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same block; keep only one.';
    case 'MULTIPLE_DOCS':
      return "A template file holds one template: remove this '---' and what follows, or move it to a file of its own.";
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return `This is not valid YAML: ${detail}. Check the indentation and punctuation here and on the line before.`;
    default:
      return `This is not valid YAML: ${detail}.`;
  }
}

interface Entry {
  key: Scalar;
  value: unknown;
}

/** The entries of a mapping, reporting keys that are not allowed (they are ignored). */
function readEntries(reader: Reader, map: YAMLMap, allowed: readonly string[], otherLevel: readonly string[], what: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
      reader.report(isScalar(key) || isMap(key) || isSeq(key) ? key : map, `Keys in ${what} are plain words such as ${quoteList(allowed.slice(0, 3))}; this one is ignored.`, false);
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

function unknownKeyMessage(name: string, allowed: readonly string[], otherLevel: readonly string[], what: string): string {
  const base = `'${name}' is not a setting of ${what}, so it is ignored.`;
  const suggestion = closest(name, allowed);
  if (suggestion) return `${base} Did you mean '${suggestion}'?`;
  if (otherLevel.includes(name)) {
    return what === 'a section'
      ? `${base} '${name}' applies to the whole template: put it at the top of the file, not inside a section.`
      : `${base} '${name}' belongs to a section: put it under one of the entries of 'sections'.`;
  }
  return `${base} The settings are: ${quoteList(allowed)}.`;
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

function describe(value: Value | undefined): string {
  if (!value) return 'nothing';
  if (isMap(value)) return 'a block of settings';
  if (isSeq(value)) return 'a list';
  if (value.value === null) return 'nothing';
  if (typeof value.value === 'string') return `the text "${value.value}"`;
  return String(value.value);
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
  /** The mapping the key belongs to, and how to name it ("The template", "This section"). */
  owner: Positioned;
  ownerName: string;
  required: boolean;
  /** An example line for the message, e.g. "heading: Conclusions". */
  example: string;
}

function readText(reader: Reader, entries: Map<string, Entry>, name: string, options: TextOptions): string | undefined {
  const entry = entries.get(name);
  if (!entry) {
    if (options.required) reader.report(options.owner, `${options.ownerName} has no '${name}': add one, e.g. "${options.example}".`);
    return undefined;
  }
  const value = reader.resolve(entry.value);
  if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
    const text = value.value.trim();
    // Only a description may run over several lines; no text may hold control characters.
    return safeText(reader, value, `'${name}'`, text, name === 'description') ? text : undefined;
  }
  if (isEmptyValue(value)) {
    if (options.required) reader.report(entry.key, `'${name}' is empty: write it, e.g. "${options.example}".`);
    else reader.report(entry.key, `'${name}' has no value, so it is ignored.`, false);
    return undefined;
  }
  reader.report(value ?? entry.key, `'${name}' should be text, not ${describe(value)}. Put it in quotes if it is meant as text.`);
  return undefined;
}

/**
 * Whether a text from the template is free of line breaks and control characters: headings are
 * inserted into documents by fixes and printed by the CLI, so a line break or an escape sequence
 * in one would end up in both. A fatal problem on the value otherwise.
 */
function safeText(reader: Reader, where: Positioned, what: string, text: string, lineBreaks = false): boolean {
  const bad = unsafeCharacter(text, { lineBreaks });
  if (!bad) return true;
  reader.report(where, `${what} holds ${bad.name}, which a template text cannot hold: ${bad.name === 'a line break' ? 'write it on one line' : 'remove it'}.`);
  return false;
}

function readId(reader: Reader, entries: Map<string, Entry>, owner: Positioned, ownerName: string, suggestion: string): string | undefined {
  const text = readText(reader, entries, 'id', { owner, ownerName, required: true, example: `id: ${suggestion}` });
  if (text === undefined) return undefined;
  if (!ID_PATTERN.test(text)) {
    reader.report(reader.resolve(entries.get('id')?.value) ?? owner, `'${text}' cannot be an id: use lower-case letters, digits and hyphens, e.g. '${slug(text)}'.`);
    return undefined;
  }
  return text;
}

function readBoolean(reader: Reader, entry: Entry | undefined, fallback: boolean): boolean {
  if (!entry) return fallback;
  const value = reader.resolve(entry.value);
  if (isScalar(value) && typeof value.value === 'boolean') return value.value;
  if (isEmptyValue(value)) {
    reader.report(entry.key, `'${entry.key.value}' has no value, so it is ${fallback}.`, false);
    return fallback;
  }
  reader.report(value ?? entry.key, `'${entry.key.value}' should be true or false, not ${describe(value)}.`);
  return fallback;
}

/** A list value; `undefined` (with a problem where needed) when absent, empty or not a list. */
function readList(reader: Reader, entry: Entry | undefined, example: string): YAMLSeq | undefined {
  if (!entry) return undefined;
  const value = reader.resolve(entry.value);
  if (isSeq(value)) return value;
  if (isEmptyValue(value)) {
    reader.report(entry.key, `'${entry.key.value}' has no value, so it is ignored. Leave it out, or give a list such as ${example}.`, false);
    return undefined;
  }
  reader.report(value ?? entry.key, `'${entry.key.value}' should be a list such as ${example}, not ${describe(value)}.`);
  return undefined;
}

/** A list of non-empty texts; repeated entries (compared with `same`) are reported and dropped. */
function readTextList(reader: Reader, entry: Entry | undefined, example: string, itemName: string, same: (text: string) => string): string[] {
  const list = readList(reader, entry, example);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of list?.items ?? []) {
    const value = reader.resolve(item);
    if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
      reader.report(value ?? list, `Each ${itemName} should be a piece of text, not ${describe(value)}.`);
      continue;
    }
    const text = value.value.trim();
    if (!safeText(reader, value, `This ${itemName}`, text)) continue;
    const key = same(text);
    if (seen.has(key)) {
      reader.report(value, `'${text}' is listed twice; the repeat is ignored.`, false);
      continue;
    }
    seen.add(key);
    out.push(text);
  }
  return out;
}

function readTemplate(reader: Reader, contents: unknown, origin: string): Template | undefined {
  const root = reader.resolve(contents);
  if (isEmptyValue(root)) {
    reader.report(0, "The template is empty. A template needs at least 'id', 'title' and 'sections'.");
    return undefined;
  }
  if (!isMap(root)) {
    reader.report(root, `A template is a block of settings ('id', 'title', 'sections'...) starting at the left margin, but this file holds ${describe(root)}.`);
    return undefined;
  }
  const entries = readEntries(reader, root, TEMPLATE_KEYS, SECTION_KEYS, 'a template');
  const id = readId(reader, entries, root, 'The template', 'my-template');
  const title = readText(reader, entries, 'title', { owner: root, ownerName: 'The template', required: true, example: 'title: My synthesis template' });
  const description = readText(reader, entries, 'description', { owner: root, ownerName: 'The template', required: false, example: '' }) ?? '';
  const requiredFields = readRequiredFields(reader, entries.get('requiredFields'));
  const goals = readGoals(reader, entries.get('goals'));
  const sections = readSections(reader, entries.get('sections'), root);
  const sourceLabels = readTextList(reader, entries.get('sourceLabels'), '[documents, surveys]', 'source label', (t) => normaliseHeading(t));
  if (id === undefined || title === undefined || sections === undefined) return undefined;
  return Object.freeze({
    id,
    title,
    description,
    requiredFields: Object.freeze(requiredFields.map((alternatives) => Object.freeze(alternatives))),
    goals: Object.freeze(goals.length === 0 ? ALL_GOALS : goals),
    sections: Object.freeze(sections),
    sourceLabels: Object.freeze(sourceLabels),
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
      reader.report(value ?? list, `Each required field is a front-matter field name such as 'title', or a list of names of which one is enough, such as [country, scope]; not ${describe(value)}.`);
      return undefined;
    }
    const name = value.value.trim();
    if (!FIELD_PATTERN.test(name)) {
      reader.report(value, `'${name}' cannot be a front-matter field name: use a letter followed by letters, digits, '-' or '_'.`);
      return undefined;
    }
    if (seen.has(name)) {
      reader.report(value, `The field '${name}' is already required above; the repeat is ignored.`, false);
      return undefined;
    }
    seen.add(name);
    return name;
  };
  for (const item of list?.items ?? []) {
    const value = reader.resolve(item);
    if (isSeq(value)) {
      if (value.items.length === 0) {
        reader.report(value, 'This list of alternative fields is empty; name at least one field, e.g. [country, scope].');
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
      reader.report(value ?? list, `Goals are whole numbers from 1 to 17, written without quotes; not ${describe(value)}.`);
      continue;
    }
    if (goal < 1 || goal > 17) {
      reader.report(value, `${goal} is not an SDG goal: the goals are numbered 1 to 17.`);
      continue;
    }
    if (goals.has(goal)) {
      reader.report(value, `Goal ${goal} is listed twice; the repeat is ignored.`, false);
      continue;
    }
    goals.add(goal);
  }
  return [...goals].sort((a, b) => a - b);
}

function readSections(reader: Reader, entry: Entry | undefined, root: YAMLMap): TemplateSection[] | undefined {
  if (!entry) {
    reader.report(root, "The template has no 'sections': list the sections a document must have, in order.");
    return undefined;
  }
  const list = reader.resolve(entry.value);
  if (!isSeq(list) || list.items.length === 0) {
    reader.report(list ?? entry.key, `'sections' should be a list of sections (each starting with '- id:'), not ${isSeq(list) ? 'an empty list' : describe(list)}.`);
    return undefined;
  }
  const sections: TemplateSection[] = [];
  let usable = true;
  const ids = new Map<string, Positioned>();
  const headings = new Map<string, { owner: string; where: Positioned }>();
  let targetsOwner: { owner: string; where: Positioned } | undefined;
  for (const item of list.items) {
    const node = reader.resolve(item);
    if (!isMap(node)) {
      reader.report(node ?? list, `Each section is a block of settings ('id', 'heading', 'level'...), not ${describe(node)}.`);
      usable = false;
      continue;
    }
    // The checks across sections run even for a section with problems of its own, so that one
    // pass reports everything.
    const read = readSection(reader, node);
    const name = read.id !== undefined ? `section '${read.id}'` : `the section on line ${reader.line(node)}`;

    if (read.id !== undefined) {
      const earlier = ids.get(read.id);
      if (earlier) {
        reader.report(read.idNode, `Another section (line ${reader.line(earlier)}) already has the id '${read.id}'; each section needs its own.`);
        usable = false;
      } else {
        ids.set(read.id, read.idNode);
      }
    }

    for (const [text, where] of read.headingNodes) {
      const key = normaliseHeading(text);
      const earlier = headings.get(key);
      if (earlier) {
        reader.report(where, `'${text}' already names ${earlier.owner} (line ${reader.line(earlier.where)}); a heading can stand for one section only.`);
        usable = false;
      } else {
        headings.set(key, { owner: name, where });
      }
    }

    if (read.targetsNode) {
      if (targetsOwner) {
        reader.report(read.targetsNode, `Only one section can hold the SDG target sections, and ${targetsOwner.owner} (line ${reader.line(targetsOwner.where)}) already does.`);
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
  const entries = readEntries(reader, node, SECTION_KEYS, TEMPLATE_KEYS, 'a section');
  const heading = readText(reader, entries, 'heading', { owner: node, ownerName: 'This section', required: true, example: 'heading: Conclusions' });
  const id = readId(reader, entries, node, 'This section', heading ? slug(heading) : 'conclusions');
  const level = readLevel(reader, entries.get('level'));
  const required = readBoolean(reader, entries.get('required'), true);
  const targets = readBoolean(reader, entries.get('targets'), false);
  const sources = readBoolean(reader, entries.get('sources'), false);
  const description = readText(reader, entries, 'description', { owner: node, ownerName: 'This section', required: false, example: '' });
  let usable = id !== undefined && heading !== undefined && level !== undefined;

  const headingNodes: [string, Positioned][] = [];
  const headingEntry = entries.get('heading');
  if (heading !== undefined && headingEntry) headingNodes.push([heading, reader.resolve(headingEntry.value) ?? headingEntry.key]);
  const aliases: string[] = [];
  const aliasList = readList(reader, entries.get('aliases'), '[Findings, Hallazgos, Constatations]');
  if (entries.has('aliases') && !aliasList && !isEmptyValue(reader.resolve(entries.get('aliases')?.value))) usable = false;
  const seen = new Set<string>(heading !== undefined ? [normaliseHeading(heading)] : []);
  for (const item of aliasList?.items ?? []) {
    const value = reader.resolve(item);
    if (!isScalar(value) || typeof value.value !== 'string' || normaliseHeading(value.value) === '') {
      reader.report(value ?? aliasList, `Each alias is another heading text for this section, not ${describe(value)}.`);
      usable = false;
      continue;
    }
    const text = value.value.trim();
    if (!safeText(reader, value, 'This alias', text)) {
      usable = false;
      continue;
    }
    // The same words in another language (French "Conclusions") are harmless: keep one copy.
    if (seen.has(normaliseHeading(text))) continue;
    seen.add(normaliseHeading(text));
    aliases.push(text);
    headingNodes.push([text, value]);
  }

  const targetsEntry = entries.get('targets');
  const targetsNode = targets && targetsEntry ? (reader.resolve(targetsEntry.value) ?? targetsEntry.key) : undefined;
  if (targets && level !== undefined && level >= 6) {
    reader.report(targetsNode, `The target sections go one level below their section, and Markdown has no level ${level + 1}: use level 5 or less for a section with 'targets: true'.`);
    usable = false;
  }
  const idEntry = entries.get('id');
  const idNode = (idEntry && reader.resolve(idEntry.value)) ?? node;
  const read: ReadSection = { idNode, headingNodes };
  if (id !== undefined) read.id = id;
  if (targetsNode) read.targetsNode = targetsNode;
  if (usable && id !== undefined && heading !== undefined && level !== undefined) {
    const section: TemplateSection = { id, heading, aliases: Object.freeze(aliases), level, required, targets, sources };
    if (description !== undefined) section.description = description;
    read.section = section;
  }
  return read;
}

function readLevel(reader: Reader, entry: Entry | undefined): number | undefined {
  if (!entry) return DEFAULT_LEVEL;
  const value = reader.resolve(entry.value);
  const level = isScalar(value) ? value.value : undefined;
  if (isEmptyValue(value)) {
    reader.report(entry.key, `'level' has no value, so it is ${DEFAULT_LEVEL} (a '##' heading).`, false);
    return DEFAULT_LEVEL;
  }
  if (typeof level !== 'number' || !Number.isInteger(level)) {
    reader.report(value ?? entry.key, `'level' is the heading level, a whole number from 1 to 6 (2 means a '##' heading); not ${describe(value)}.`);
    return undefined;
  }
  if (level < 1 || level > 6) {
    reader.report(value, `${level} is not a heading level: use a number from 1 to 6 (2 means a '##' heading).`);
    return undefined;
  }
  return level;
}
