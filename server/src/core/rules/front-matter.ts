import type { FrontMatterField } from '../frontmatter.js';
import { localiseProblem, type Locale, type MessageKey, type Translate } from '../i18n/index.js';
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
    const { document, report, t, locale } = context;
    const template = effectiveTemplate(context);
    const required = template?.requiredFields ?? [];
    const fm = document.frontMatter;

    if (!fm) {
      if (required.length > 0) {
        report({
          message: t('front-matter.none', { fields: listText(required.map((names) => alternatives(names, locale)), 'and', locale) }),
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
      report({ message: plainYamlMessage(problem.message, t), span: problem.span });
    }
    // Fields of a front matter that could not be read are unknown: do not call them missing.
    if (fm.problems.length > 0) return;

    for (const field of fm.fields.values()) {
      if (isEmpty(field.value)) continue;
      // Field names are the writer's: `constructor` or `toString` must not find Object's own.
      const problem = Object.hasOwn(KINDS, field.key) ? KINDS[field.key]!(field, t) : undefined;
      if (problem) report(problem);
    }

    const opening = { start: fm.span.start, end: fm.span.start + 3 };
    for (const names of required) {
      const present = names.map((n) => fm.fields.get(n)).filter((f) => f !== undefined);
      if (present.some((f) => !isEmpty(f.value))) continue;
      if (present.length > 0) {
        for (const f of present) report({ message: t('front-matter.no-value', { field: f.key }), span: f.keySpan });
        continue;
      }
      report({
        message: t('front-matter.required', { fields: alternatives(names, locale), template: template!.id }),
        span: opening,
      });
    }
  },
};

/** The YAML library's wording for the commonest mistakes, said the way an evaluator would. */
type YamlMessageKey = Extract<
  MessageKey,
  'front-matter.yaml.duplicate-key' | 'front-matter.yaml.unclosed-quote' | 'front-matter.yaml.tab' | 'front-matter.yaml.unclosed-list' | 'front-matter.yaml.unclosed-map' | 'front-matter.yaml.one-per-line' | 'front-matter.yaml.unexpected'
>;
const YAML_MESSAGES: ReadonlyArray<[RegExp, YamlMessageKey]> = [
  [/Map keys must be unique/i, 'front-matter.yaml.duplicate-key'],
  [/Missing closing "?quote/i, 'front-matter.yaml.unclosed-quote'],
  [/Tabs are not allowed as indentation/i, 'front-matter.yaml.tab'],
  [/Flow sequence .*end with a \]/i, 'front-matter.yaml.unclosed-list'],
  [/Flow map .*end with a \}/i, 'front-matter.yaml.unclosed-map'],
  [/Implicit keys need to be on a single line|Nested mappings are not allowed in compact mappings/i, 'front-matter.yaml.one-per-line'],
  [/Unexpected .* token in YAML stream/i, 'front-matter.yaml.unexpected'],
];

function plainYamlMessage(message: string, t: Translate): string {
  const known = YAML_MESSAGES.find(([pattern]) => pattern.test(message));
  if (known) return t(known[1]);
  const invalid = /^Invalid YAML in front matter: (.*)$/s.exec(message);
  // The YAML library's own wording stays in English: only the part we write is translated.
  return invalid ? t('front-matter.yaml.invalid', { detail: invalid[1]! }) : localiseProblem(message, t);
}

function alternatives(names: readonly string[], locale: Locale): string {
  return listText(names.map((n) => `'${n}'`), 'or', locale);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** How a value is called in messages. */
function kindOf(value: unknown, t: Translate): string {
  if (typeof value === 'string') return t('front-matter.kind.text');
  if (typeof value === 'number') return t('front-matter.kind.number');
  if (typeof value === 'boolean') return t('front-matter.kind.literal', { value: String(value) });
  if (Array.isArray(value)) return t('front-matter.kind.list');
  if (value instanceof Date) return t('front-matter.kind.date');
  return t('front-matter.kind.group');
}

type Check = (field: FrontMatterField, t: Translate) => Report | undefined;

function text(allowNumber = false): Check {
  return function checkText(field, t) {
    if (typeof field.value === 'string') return undefined;
    if (allowNumber && typeof field.value === 'number' && Number.isInteger(field.value)) return undefined;
    const hint = typeof field.value === 'number' || typeof field.value === 'boolean';
    return { message: t(hint ? 'front-matter.not-text-quote' : 'front-matter.not-text', { field: field.key, kind: kindOf(field.value, t) }), span: field.valueSpan };
  };
}

const KINDS: Record<string, Check> = {
  title: text(),
  country: text(),
  scope: text(),
  // A single year ("period: 2023") reads as a number in YAML and is a fine period.
  period: text(true),
  template: text(),
  team: function checkTeam(field, t) {
    const value = field.value;
    if (Array.isArray(value)) {
      const bad = value.find((v) => typeof v !== 'string' || v.trim() === '');
      if (bad === undefined) return undefined;
      return { message: t('front-matter.team-entry', { kind: isEmpty(bad) ? t('front-matter.kind.empty-entry') : kindOf(bad, t) }), span: field.valueSpan };
    }
    const fixes: Fix[] = [];
    if (typeof value === 'string' && !/[,;]/.test(value)) {
      fixes.push({ title: t('front-matter.team-fix'), edits: [{ span: field.valueSpan, newText: `[${JSON.stringify(value.trim())}]` }] });
    }
    return {
      message: t('front-matter.team-list', { kind: kindOf(value, t) }),
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
  report: function checkReport(field, t) {
    if (typeof field.value === 'string' && /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(field.value.trim())) return undefined;
    const found = typeof field.value === 'string' ? t('front-matter.quoted', { value: field.value.trim() }) : kindOf(field.value, t);
    const urls = typeof field.value === 'string' ? field.value.match(/https?:\/\/[^\s<>()[\]"']+/gi) ?? [] : [];
    const fixes: Fix[] = urls.length === 1 ? [{ title: t('front-matter.report-fix', { url: urls[0]! }), edits: [{ span: field.valueSpan, newText: urls[0]! }] }] : [];
    return {
      message: t('front-matter.report', { found }),
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
  language: function checkLanguage(field, t) {
    if (typeof field.value === 'string' && (LANGUAGES as readonly string[]).includes(field.value)) return undefined;
    const found = typeof field.value === 'string' ? t('front-matter.quoted', { value: field.value }) : kindOf(field.value, t);
    const name = typeof field.value === 'string' ? field.value.trim().toLowerCase() : '';
    const code = Object.hasOwn(LANGUAGE_NAMES, name) ? LANGUAGE_NAMES[name] : undefined;
    const fixes: Fix[] = code ? [{ title: t('front-matter.language-fix', { code }), edits: [{ span: field.valueSpan, newText: code }] }] : [];
    return {
      message: t('front-matter.language', { found }),
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
