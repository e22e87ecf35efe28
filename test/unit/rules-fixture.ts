/**
 * The fixture format of the rule tests (test/fixtures/rules/<rule-id>/*.synth.md) and of the
 * examples in docs/rules/. A fixture is a short synthesis that says how to check it and what the
 * check must find:
 *
 *   <!-- fixture {rules: count-mismatch, template: short} -->     (the header: YAML after "fixture")
 *   ## Methodology
 *
 *   The team coded 15 evaluation reports. {count-mismatch}
 *
 *   ```sources
 *   evaluation reports: 14
 *   ```
 *
 * The header is an HTML comment anywhere in the file (first, or just after the front matter when
 * the front matter is under test); it stays in the text that is checked. Its keys:
 *
 *   rules     the rules to run: an id, a list of ids, or `all` (default: the rule the fixture is for)
 *   template  the template used when the front matter names none (a built-in, or one of
 *             test/fixtures/rules/templates/*.yaml)
 *   evidence  the evidence register, relative to the fixture (default: found as synthlint finds it)
 *   lang      the language the marker messages are written in (default: en)
 *   config    project settings the evidence rules read, as in .synthesis/config.yaml:
 *             `{coverage: {minimum: 3}, overclaim: {words: [invariably]}}`
 *
 * A marker `{rule-id}` at the end of a line expects one finding of that rule starting on that
 * line; `{rule-id: message}` also expects its message, worded in `lang`. A line may end with
 * several markers. Markers are removed before the check, so they never change what is checked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  analyze,
  builtinTemplates,
  LANGUAGES,
  parse,
  parseEvidenceRegister,
  parseTemplate,
  RULES,
  wordMessage,
  type Analysis,
  type AnalysisOptions,
  type Finding,
  type Language,
  type SeveritySetting,
  type Template,
  type TemplateRegistry,
} from '../../server/src/core/index.js';
import { loadEvidenceFor } from '../../server/src/node/evidence.js';
import { filesUnder, repoRoot } from '../helpers.js';

export interface FixtureSpec {
  /** Rule ids to run; undefined: every rule. */
  rules: string[] | undefined;
  template?: string;
  evidence?: string;
  lang: Language;
  /** `coverage.minimum` and `overclaim.words`, as the project's configuration would give them. */
  coverageMinimum?: number;
  overclaimWords?: string[];
}

export interface ExpectedFinding {
  /** 0-based line. */
  line: number;
  rule: string;
  message?: string;
}

export interface Fixture {
  /** The text to check: the fixture with its markers removed. */
  text: string;
  spec: FixtureSpec;
  expected: ExpectedFinding[];
}

/** Ids a marker may name: the rules, and `document` for what the reader says about the whole document. */
const IDS = new Set([...RULES.map((r) => r.id), 'document']);

const HEADER = /<!--\s*fixture\b([\s\S]*?)-->/;
/** The header's settings; `rule` is the rule the fixture is for (its folder or docs page). */
export function readSpec(source: string, rule: string | undefined): FixtureSpec {
  const header = HEADER.exec(source);
  const raw: unknown = header ? parseYaml(header[1]!.trim() || '{}') : {};
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const known = ['rules', 'template', 'evidence', 'lang', 'config'];
  const unknown = Object.keys(data).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`unknown fixture setting ${unknown.join(', ')}; the settings are ${known.join(', ')}`);
  const rules = data.rules === 'all' ? undefined : data.rules === undefined ? (rule ? [rule] : undefined) : ([] as string[]).concat(data.rules as string | string[]);
  for (const id of rules ?? []) if (!IDS.has(id)) throw new Error(`the fixture names an unknown rule '${id}'`);
  const lang = (data.lang ?? 'en') as Language;
  if (!LANGUAGES.includes(lang)) throw new Error(`the fixture's lang must be en, es or fr, not ${String(data.lang)}`);
  const spec: FixtureSpec = { rules, lang };
  if (typeof data.template === 'string') spec.template = data.template;
  if (typeof data.evidence === 'string') spec.evidence = data.evidence;
  const config = (data.config ?? {}) as { coverage?: { minimum?: unknown }; overclaim?: { words?: unknown } };
  if (typeof config.coverage?.minimum === 'number') spec.coverageMinimum = config.coverage.minimum;
  if (Array.isArray(config.overclaim?.words)) spec.overclaimWords = config.overclaim.words.map(String);
  return spec;
}

/**
 * The markers of one line (without its line break), and the line without them. The markers are
 * the longest run at the end of the line that reads entirely as `{id}` and `{id: message}` with
 * known ids, after a space or at the start of the line; braces that are not such a run (a YAML
 * `{a: b}`, the header's own settings) are text.
 */
function splitMarkers(line: string): { text: string; markers: Array<{ rule: string; message?: string }> } {
  for (let p = line.indexOf('{'); p >= 0; p = line.indexOf('{', p + 1)) {
    if (p > 0 && line[p - 1] !== ' ' && line[p - 1] !== '\t') continue;
    const markers = readMarkers(line.slice(p));
    if (markers) return { text: line.slice(0, p).replace(/[ \t]+$/, ''), markers };
  }
  return { text: line, markers: [] };
}

const MARKER_START = /^\{([a-z]+(?:-[a-z]+)*)(:|\})/;

/** `tail` read as markers up to the end of the line, or undefined when it is not made only of markers. */
function readMarkers(tail: string): Array<{ rule: string; message?: string }> | undefined {
  const markers: Array<{ rule: string; message?: string }> = [];
  let rest = tail;
  while (rest !== '') {
    const start = MARKER_START.exec(rest);
    if (!start || !IDS.has(start[1]!)) return undefined;
    if (start[2] === '}') {
      markers.push({ rule: start[1]! });
      rest = rest.slice(start[0].length).replace(/^[ \t]+/, '');
      continue;
    }
    // A message runs to the first '}' that ends the line or is followed by another marker.
    let end = -1;
    for (let i = rest.indexOf('}', start[0].length); i >= 0; i = rest.indexOf('}', i + 1)) {
      const after = rest.slice(i + 1).replace(/^[ \t]+/, '');
      const next = MARKER_START.exec(after);
      if (after === '' || (next && IDS.has(next[1]!))) {
        end = i;
        break;
      }
    }
    if (end < 0) return undefined;
    markers.push({ rule: start[1]!, message: rest.slice(start[0].length, end).replace(/^ /, '') });
    rest = rest.slice(end + 1).replace(/^[ \t]+/, '');
  }
  return markers.length > 0 ? markers : undefined;
}

export function readFixture(source: string, rule: string | undefined): Fixture {
  const spec = readSpec(source, rule);
  const expected: ExpectedFinding[] = [];
  const parts = source.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < parts.length; i += 2) {
    const { text, markers } = splitMarkers(parts[i]!);
    parts[i] = text;
    for (const m of markers) expected.push({ line: i / 2, ...m });
  }
  return { text: parts.join(''), spec, expected };
}

/**
 * The fixture with its markers rewritten from `found` (0-based line, rule, message): for
 * `UPDATE=1`. The header and the text are kept as they are.
 */
export function writeMarkers(source: string, found: ReadonlyArray<{ line: number; rule: string; message: string }>): string {
  const parts = source.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < parts.length; i += 2) {
    const line = splitMarkers(parts[i]!).text;
    const here = found.filter((f) => f.line === i / 2).map((f) => `{${f.rule}: ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')}}`);
    parts[i] = here.length ? `${line.trimEnd()} ${here.join(' ')}` : line;
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Checking a fixture


/** The built-in templates and the small ones the fixtures use (test/fixtures/rules/templates/). */
export function fixtureTemplates(): TemplateRegistry {
  const extra: Template[] = [];
  for (const file of filesUnder(join(repoRoot, 'test', 'fixtures', 'rules', 'templates'), '.yaml')) {
    const { template, problems } = parseTemplate(readFileSync(file, 'utf8'), file);
    assert.deepEqual(problems, [], `${file} is a valid template`);
    extra.push(template!);
  }
  return builtinTemplates().with(extra);
}
let templates: TemplateRegistry | undefined;

/** How a fixture is checked: its rules only, its template, its register. */
export function checkFixture(file: string, fixture: Fixture, text = fixture.text): Analysis {
  const analysis = analyze(text, fixtureOptions(file, fixture, text));
  // What the reader says about the document as a whole is kept only when asked for.
  return { ...analysis, findings: analysis.findings.filter((f) => wantedBy(fixture.spec, f)) };
}

/** Whether the fixture's header asks for findings of this rule. */
export function wantedBy(spec: FixtureSpec, finding: Finding): boolean {
  return spec.rules === undefined || spec.rules.includes(finding.rule);
}

/** The analysis options the fixture's header sets (template, rules, register…). */
export function fixtureOptions(file: string, fixture: Fixture, text = fixture.text): AnalysisOptions {
  const { spec } = fixture;
  templates ??= fixtureTemplates();
  const options: AnalysisOptions = { templates, severities: onlyRules(spec) };
  if (spec.template) options.defaultTemplate = spec.template;
  if (spec.coverageMinimum !== undefined) options.coverageMinimum = spec.coverageMinimum;
  if (spec.overclaimWords) options.overclaimWords = spec.overclaimWords;
  const register = spec.evidence
    ? parseEvidenceRegister(readFileSync(join(dirname(file), spec.evidence), 'utf8'), basename(spec.evidence))
    : loadEvidenceFor(file, parse(text)).register;
  if (register) options.evidence = register;
  return options;
}

function onlyRules(spec: FixtureSpec): Record<string, SeveritySetting> {
  if (spec.rules === undefined) return {};
  return Object.fromEntries(RULES.filter((r) => !spec.rules!.includes(r.id)).map((r) => [r.id, 'off' as const]));
}

/** Findings as `line rule: message` (1-based line), worded in `lang`. */
export function found(analysis: Analysis, lang: FixtureSpec['lang']): Array<{ line: number; rule: string; message: string }> {
  return analysis.findings.map((f) => ({ line: analysis.document.lines.positionAt(f.span.start).line, rule: f.rule, message: wordMessage(f.message, lang) }));
}

/** The expected and actual findings, side by side as text, so a failure reads like a diff. */
export function compare(fixture: Fixture, actual: ReadonlyArray<{ line: number; rule: string; message: string }>): { expected: string[]; actual: string[] } {
  const key = (f: { line: number; rule: string }): string => `${f.line + 1} ${f.rule}`;
  const sort = (a: string, b: string): number => Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0);
  // A marker without a message matches any message of its rule on its line.
  const remaining = [...actual];
  const shownActual: string[] = [];
  const shownExpected: string[] = [];
  for (const e of fixture.expected) {
    const i = remaining.findIndex((a) => key(a) === key(e) && (e.message === undefined || a.message === e.message));
    const text = `${key(e)}: ${e.message ?? '…'}`;
    shownExpected.push(text);
    if (i >= 0) {
      shownActual.push(e.message === undefined ? text : `${key(remaining[i]!)}: ${remaining[i]!.message}`);
      remaining.splice(i, 1);
    }
  }
  for (const a of remaining) shownActual.push(`${key(a)}: ${a.message}`);
  return { expected: shownExpected.sort(sort), actual: shownActual.sort(sort) };
}

