/**
 * Front matter: field names at the start of a line, and values after `template:` and `language:`.
 * Works while the front matter is still being typed (no closing `---` yet).
 */
import type { MessageKey } from '../../i18n/index.js';
import type { Completion, CompletionContext } from './types.js';
import { sortKey } from './types.js';

/** The fields a synthesis may have, with what each is for. */
export const FRONT_MATTER_FIELDS: ReadonlyArray<{ key: string; description: string }> = [
  { key: 'title', description: 'The title of the synthesis.' },
  { key: 'template', description: 'The template the document follows (its sections and required fields).' },
  { key: 'country', description: 'The country the synthesis covers.' },
  { key: 'scope', description: 'The theme, region or portfolio the synthesis covers, when it is not one country.' },
  { key: 'period', description: 'The years the evaluations cover, e.g. 2015–2023.' },
  { key: 'team', description: 'Who wrote the synthesis.' },
  { key: 'report', description: 'A link to the published report.' },
  { key: 'language', description: 'The language of the document: en, es or fr. SDG texts follow it.' },
];

/** The descriptions above in the user's language; a field without a translation keeps its English text. */
function describe(context: CompletionContext, field: { key: string; description: string }): string {
  const key = `completion.field.${field.key}`;
  return FIELD_KEYS.has(key) ? context.t(key as FieldKey) : field.description;
}
type FieldKey = Extract<MessageKey, `completion.field.${string}`>;
const FIELD_KEYS: ReadonlySet<string> = new Set<FieldKey>([
  'completion.field.title',
  'completion.field.template',
  'completion.field.country',
  'completion.field.scope',
  'completion.field.period',
  'completion.field.team',
  'completion.field.report',
  'completion.field.language',
]);

const LANGUAGE_NAMES: ReadonlyArray<[string, string]> = [
  ['en', 'English'],
  ['es', 'Español'],
  ['fr', 'Français'],
];

/** The lines of the front matter: from the line after the opening `---` to before the closing one. */
function frontMatterLines(context: CompletionContext): { first: number; last: number } | undefined {
  const { lines } = context.document;
  if (lines.lineText(0).trimEnd() !== '---') return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trimEnd();
    if (text === '---' || text === '...') return { first: 1, last: line - 1 };
  }
  return { first: 1, last: lines.lineCount - 1 };
}

export function completeFrontMatter(context: CompletionContext): Completion[] | undefined {
  const range = frontMatterLines(context);
  if (!range) return undefined;
  const line = context.document.lines.positionAt(context.offset).line;
  if (line < range.first || line > range.last) return undefined;
  const { linePrefix, lineStart, offset } = context;

  const value = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$/.exec(linePrefix);
  if (value) {
    const typed = value[2]!;
    const replace = { start: offset - typed.length, end: offset };
    if (value[1] === 'template') {
      return context.templates.list().map((t, i) => ({
        label: t.id,
        kind: 'value',
        detail: t.title,
        documentation: t.description,
        insertText: t.id,
        replace,
        sortText: sortKey(t.id === context.templateId ? 0 : 1, i),
      }));
    }
    if (value[1] === 'language') {
      return LANGUAGE_NAMES.map(([code, name], i) => ({ label: code, kind: 'value', detail: name, insertText: code, replace, sortText: sortKey(0, i) }));
    }
    return [];
  }

  if (!/^[A-Za-z_-]*$/.test(linePrefix)) return [];
  const present = new Set(context.document.frontMatter?.fields.keys() ?? []);
  // Also the keys typed on other lines while the YAML does not parse yet.
  for (let l = range.first; l <= range.last; l++) {
    if (l === line) continue;
    const key = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:/.exec(context.document.lines.lineText(l));
    if (key) present.add(key[1]!);
  }
  const required = new Set((context.template?.requiredFields ?? []).flat());
  const replace = { start: lineStart, end: offset };
  return FRONT_MATTER_FIELDS.filter((f) => !present.has(f.key)).map((f, i) => ({
    label: f.key,
    kind: 'field',
    detail: required.has(f.key) ? context.t('completion.field-required') : context.t('completion.field-optional'),
    documentation: describe(context, f),
    insertText: `${f.key}: `,
    filterText: f.key,
    replace,
    sortText: sortKey(required.has(f.key) ? 0 : 1, i),
  }));
}
