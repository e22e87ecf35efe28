import type { FrontMatterField } from '../frontmatter.js';
import { LANGUAGES, type Fix, type Report } from '../types.js';
import type { Rule } from './rule.js';
import { effectiveTemplate, listText } from './util.js';

/**
 * The front matter must be valid YAML, hold the fields the template requires, and give each known
 * field a value of the right kind.
 */
export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'Front matter that is not valid YAML, lacks a field the template requires, or gives a field the wrong kind of value',
  defaultSeverity: 'error',
  tags: ['front-matter'],
  check: function checkFrontMatter(context) {
    const { document, report } = context;
    const template = effectiveTemplate(context);
    const required = template?.requiredFields ?? [];
    const fm = document.frontMatter;

    if (!fm) {
      if (required.length > 0) {
        report({
          message: `Expected front matter at the top of the document (between two '---' lines) with ${listText(required.map(alternatives))}, found none`,
          span: { start: 0, end: document.lines.lineEnd(0) },
        });
      }
      return;
    }

    // One problem per line: the YAML reader often reports the consequences of one slip as well.
    const lines = new Set<number>();
    for (const problem of fm.problems) {
      const line = document.lines.positionAt(problem.span.start).line;
      if (lines.has(line)) continue;
      lines.add(line);
      report({ message: plainYamlMessage(problem.message), span: problem.span });
    }
    // Fields of a front matter that could not be read are unknown: do not call them missing.
    if (fm.problems.length > 0) return;

    for (const field of fm.fields.values()) {
      if (isEmpty(field.value)) continue;
      const problem = KINDS[field.key]?.(field);
      if (problem) report(problem);
    }

    const opening = { start: fm.span.start, end: fm.span.start + 3 };
    for (const names of required) {
      const present = names.map((n) => fm.fields.get(n)).filter((f) => f !== undefined);
      if (present.some((f) => !isEmpty(f.value))) continue;
      if (present.length > 0) {
        for (const f of present) report({ message: `Expected a value for '${f.key}', found none`, span: f.keySpan });
        continue;
      }
      report({
        message: `Expected ${alternatives(names)} in the front matter, as the template '${template!.id}' requires`,
        span: opening,
      });
    }
  },
};

/** The YAML library's wording for the commonest mistakes, said the way an evaluator would. */
const YAML_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/Map keys must be unique/i, 'Expected each field once in the front matter, found this one again'],
  [/Missing closing "?quote/i, 'Expected a closing quotation mark in the front matter, found none before its end'],
  [/Tabs are not allowed as indentation/i, 'Expected spaces to indent the front matter, found a tab'],
  [/Flow sequence .*end with a \]/i, "Expected a closing ']' for the list in the front matter, found none"],
  [/Flow map .*end with a \}/i, "Expected a closing '}' in the front matter, found none"],
  [/Implicit keys need to be on a single line|Nested mappings are not allowed in compact mappings/i, "Expected one 'field: value' per line in the front matter; put text that contains ': ' in quotes"],
];

function plainYamlMessage(message: string): string {
  const known = YAML_MESSAGES.find(([pattern]) => pattern.test(message));
  return known ? known[1] : message;
}

function alternatives(names: readonly string[]): string {
  return listText(names.map((n) => `'${n}'`), 'or');
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** How a value is called in messages. */
function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `'${String(value)}'`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a group of fields';
}

type Check = (field: FrontMatterField) => Report | undefined;

function text(allowNumber = false): Check {
  return function checkText(field) {
    if (typeof field.value === 'string') return undefined;
    if (allowNumber && typeof field.value === 'number' && Number.isInteger(field.value)) return undefined;
    const hint = typeof field.value === 'number' || typeof field.value === 'boolean' ? ' (put it in quotes to make it text)' : '';
    return { message: `Expected '${field.key}' to be text, found ${kindOf(field.value)}${hint}`, span: field.valueSpan };
  };
}

const KINDS: Record<string, Check> = {
  title: text(),
  country: text(),
  scope: text(),
  // A single year ("period: 2023") reads as a number in YAML and is a fine period.
  period: text(true),
  template: text(),
  team: function checkTeam(field) {
    const value = field.value;
    if (Array.isArray(value)) {
      const bad = value.find((v) => typeof v !== 'string' || v.trim() === '');
      if (bad === undefined) return undefined;
      return { message: `Expected every entry of 'team' to be a name, found ${isEmpty(bad) ? 'an empty entry' : kindOf(bad)}`, span: field.valueSpan };
    }
    const fixes: Fix[] = [];
    if (typeof value === 'string' && !/[,;]/.test(value)) {
      fixes.push({ title: "Make 'team' a list", edits: [{ span: field.valueSpan, newText: `[${JSON.stringify(value.trim())}]` }] });
    }
    return {
      message: `Expected 'team' to be a list of names, such as [Ana Ruiz, Ben Okafor], found ${kindOf(value)}`,
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
  report: function checkReport(field) {
    if (typeof field.value === 'string' && /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(field.value.trim())) return undefined;
    const found = typeof field.value === 'string' ? `'${field.value.trim()}'` : kindOf(field.value);
    const urls = typeof field.value === 'string' ? field.value.match(/https?:\/\/[^\s<>()[\]"']+/gi) ?? [] : [];
    const fixes: Fix[] = urls.length === 1 ? [{ title: `Keep only the address ${urls[0]}`, edits: [{ span: field.valueSpan, newText: urls[0]! }] }] : [];
    return {
      message: `Expected 'report' to be a web address starting with http:// or https://, found ${found}`,
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
  language: function checkLanguage(field) {
    if (typeof field.value === 'string' && (LANGUAGES as readonly string[]).includes(field.value)) return undefined;
    const found = typeof field.value === 'string' ? `'${field.value}'` : kindOf(field.value);
    const code = typeof field.value === 'string' ? LANGUAGE_NAMES[field.value.trim().toLowerCase()] : undefined;
    const fixes: Fix[] = code ? [{ title: `Write '${code}'`, edits: [{ span: field.valueSpan, newText: code }] }] : [];
    return {
      message: `Expected 'language' to be en, es or fr, found ${found}`,
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
};

/** Names and codes writers use for the three languages, lower case. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'en', eng: 'en', english: 'en', 'en-gb': 'en', 'en-us': 'en', 'en_gb': 'en', 'en_us': 'en', inglés: 'en', anglais: 'en',
  es: 'es', spa: 'es', spanish: 'es', español: 'es', espanol: 'es', castellano: 'es', 'es-mx': 'es', 'es-es': 'es', 'es_mx': 'es', 'es_es': 'es', espagnol: 'es',
  fr: 'fr', fra: 'fr', fre: 'fr', french: 'fr', français: 'fr', francais: 'fr', francés: 'fr', 'fr-fr': 'fr', 'fr_fr': 'fr',
};
