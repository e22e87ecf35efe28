import type { FrontMatterField } from '../frontmatter.js';
import { list, type Message, type MessageArg } from '../i18n/message.js';
import { LANGUAGES, type Fix, type Report } from '../types.js';
import { defineRule } from './rule.js';
import { effectiveTemplate } from './util.js';

/**
 * The front matter must be valid YAML, hold the fields the template requires, and give each known
 * field a value of the right kind.
 */
export const frontMatter = defineRule({
  id: 'front-matter',
  description: {
    en: 'Front matter that is not valid YAML, lacks a field the template requires, or gives a field the wrong kind of value',
    es: 'Metadatos iniciales que no son YAML válido, a los que les falta un campo que exige la plantilla o que dan a un campo un valor de tipo equivocado',
    fr: "Des métadonnées initiales qui ne sont pas du YAML valide, qui n'ont pas un champ exigé par le modèle ou qui donnent à un champ une valeur du mauvais type",
  },
  defaultSeverity: 'error',
  tags: ['front-matter'],
  messages: {
    en: {
      none: "Expected front matter at the top of the document (between two '---' lines) with {fields}, found none",
      'no-value': "Expected a value for '{field}', found none",
      required: "Expected {fields} in the front matter, as the template '{template}' requires",
      'kind.text': 'text',
      'kind.number': 'a number',
      'kind.literal': "'{value}'",
      'kind.list': 'a list',
      'kind.date': 'a date',
      'kind.group': 'a group of fields',
      'kind.empty-entry': 'an empty entry',
      quoted: "'{value}'",
      'not-text': "Expected '{field}' to be text, found {kind}",
      'not-text-quote': "Expected '{field}' to be text, found {kind} (put it in quotes to make it text)",
      'team-entry': "Expected every entry of 'team' to be a name, found {kind}",
      'team-list': "Expected 'team' to be a list of names, such as [Ana Ruiz, Ben Okafor], found {kind}",
      'team-fix': "Make 'team' a list",
      report: "Expected 'report' to be a web address starting with http:// or https://, found {found}",
      'report-fix': 'Keep only the address {url}',
      language: "Expected 'language' to be en, es or fr, found {found}",
      'language-fix': "Write '{code}'",
    },
    es: {
      none: "Faltan los metadatos iniciales al principio del documento (entre dos líneas '---') con {fields}",
      'no-value': "Falta un valor para '{field}'",
      required: "Faltan {fields} en los metadatos iniciales, como exige la plantilla '{template}'",
      'kind.text': 'un texto',
      'kind.number': 'un número',
      'kind.literal': "'{value}'",
      'kind.list': 'una lista',
      'kind.date': 'una fecha',
      'kind.group': 'un grupo de campos',
      'kind.empty-entry': 'una entrada vacía',
      quoted: "'{value}'",
      'not-text': "Se esperaba un texto en '{field}' y se encontró {kind}",
      'not-text-quote': "Se esperaba un texto en '{field}' y se encontró {kind} (póngalo entre comillas para que sea texto)",
      'team-entry': "Se esperaba un nombre en cada entrada de 'team' y se encontró {kind}",
      'team-list': "Se esperaba que 'team' fuera una lista de nombres, como [Ana Ruiz, Ben Okafor], y se encontró {kind}",
      'team-fix': "Convertir 'team' en una lista",
      report: "Se esperaba que 'report' fuera una dirección web que empiece por http:// o https:// y se encontró {found}",
      'report-fix': 'Dejar solo la dirección {url}',
      language: "Se esperaba en, es o fr en 'language' y se encontró {found}",
      'language-fix': "Escribir '{code}'",
    },
    fr: {
      none: "Il manque les métadonnées initiales en tête du document (entre deux lignes '---') avec {fields}",
      'no-value': "Il manque une valeur pour '{field}'",
      required: "Il manque {fields} dans les métadonnées initiales, que le modèle '{template}' exige",
      'kind.text': 'un texte',
      'kind.number': 'un nombre',
      'kind.literal': "'{value}'",
      'kind.list': 'une liste',
      'kind.date': 'une date',
      'kind.group': 'un groupe de champs',
      'kind.empty-entry': 'une entrée vide',
      quoted: "'{value}'",
      'not-text': "'{field}' devrait être un texte, mais c'est {kind}",
      'not-text-quote': "'{field}' devrait être un texte, mais c'est {kind} (mettez-le entre guillemets pour en faire un texte)",
      'team-entry': "Chaque entrée de 'team' devrait être un nom, mais l'une d'elles est {kind}",
      'team-list': "'team' devrait être une liste de noms, comme [Ana Ruiz, Ben Okafor], mais c'est {kind}",
      'team-fix': "Faire de 'team' une liste",
      report: "'report' devrait être une adresse web commençant par http:// ou https://, mais c'est {found}",
      'report-fix': "Ne garder que l'adresse {url}",
      language: "'language' devrait valoir en, es ou fr, mais vaut {found}",
      'language-fix': "Écrire '{code}'",
    },
  },
  check: function checkFrontMatter(context) {
    const { document, report } = context;
    const say = context.message as Say;
    const template = effectiveTemplate(context);
    const required = template?.requiredFields ?? [];
    const fm = document.frontMatter;

    if (!fm) {
      if (required.length > 0) {
        report({
          message: say('none', { fields: list(required.map(alternatives), 'and') }),
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
      report({ message: problem.message, span: problem.span });
    }
    // Fields of a front matter that could not be read are unknown: do not call them missing.
    if (fm.problems.length > 0) return;

    for (const field of fm.fields.values()) {
      if (isEmpty(field.value)) continue;
      // Field names are the writer's: `constructor` or `toString` must not find Object's own.
      const problem = Object.hasOwn(KINDS, field.key) ? KINDS[field.key]!(field, say) : undefined;
      if (problem) report(problem);
    }

    const opening = { start: fm.span.start, end: fm.span.start + 3 };
    for (const names of required) {
      const present = names.map((n) => fm.fields.get(n)).filter((f) => f !== undefined);
      if (present.some((f) => !isEmpty(f.value))) continue;
      if (present.length > 0) {
        for (const f of present) report({ message: say('no-value', { field: f.key }), span: f.keySpan });
        continue;
      }
      report({
        message: say('required', { fields: alternatives(names), template: template!.id }),
        span: opening,
      });
    }
  },
});

/** This rule's messages, for the helpers below (the check itself gets them typed from `messages.en`). */
type Say = (key: string, args?: Readonly<Record<string, MessageArg>>) => Message;

function alternatives(names: readonly string[]): MessageArg {
  return list(
    names.map((n) => `'${n}'`),
    'or',
  );
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** How a value is called in messages. */
function kindOf(value: unknown, say: Say): Message {
  if (typeof value === 'string') return say('kind.text');
  if (typeof value === 'number') return say('kind.number');
  if (typeof value === 'boolean') return say('kind.literal', { value: String(value) });
  if (Array.isArray(value)) return say('kind.list');
  if (value instanceof Date) return say('kind.date');
  return say('kind.group');
}

type Check = (field: FrontMatterField, say: Say) => Report | undefined;

function text(allowNumber = false): Check {
  return function checkText(field, say) {
    if (typeof field.value === 'string') return undefined;
    if (allowNumber && typeof field.value === 'number' && Number.isInteger(field.value)) return undefined;
    const hint = typeof field.value === 'number' || typeof field.value === 'boolean';
    return { message: say(hint ? 'not-text-quote' : 'not-text', { field: field.key, kind: kindOf(field.value, say) }), span: field.valueSpan };
  };
}

const KINDS: Record<string, Check> = {
  title: text(),
  country: text(),
  scope: text(),
  // A single year ("period: 2023") reads as a number in YAML and is a fine period.
  period: text(true),
  template: text(),
  team: function checkTeam(field, say) {
    const value = field.value;
    if (Array.isArray(value)) {
      const bad = value.find((v) => typeof v !== 'string' || v.trim() === '');
      if (bad === undefined) return undefined;
      return { message: say('team-entry', { kind: isEmpty(bad) ? say('kind.empty-entry') : kindOf(bad, say) }), span: field.valueSpan };
    }
    const fixes: Fix[] = [];
    if (typeof value === 'string' && !/[,;]/.test(value)) {
      fixes.push({ title: say('team-fix'), edits: [{ span: field.valueSpan, newText: `[${JSON.stringify(value.trim())}]` }] });
    }
    return {
      message: say('team-list', { kind: kindOf(value, say) }),
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
  report: function checkReport(field, say) {
    if (typeof field.value === 'string' && /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(field.value.trim())) return undefined;
    const found = typeof field.value === 'string' ? say('quoted', { value: field.value.trim() }) : kindOf(field.value, say);
    const urls = typeof field.value === 'string' ? field.value.match(/https?:\/\/[^\s<>()[\]"']+/gi) ?? [] : [];
    const fixes: Fix[] = urls.length === 1 ? [{ title: say('report-fix', { url: urls[0]! }), edits: [{ span: field.valueSpan, newText: urls[0]! }] }] : [];
    return {
      message: say('report', { found }),
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    };
  },
  language: function checkLanguage(field, say) {
    if (typeof field.value === 'string' && (LANGUAGES as readonly string[]).includes(field.value)) return undefined;
    const found = typeof field.value === 'string' ? say('quoted', { value: field.value }) : kindOf(field.value, say);
    const name = typeof field.value === 'string' ? field.value.trim().toLowerCase() : '';
    const code = Object.hasOwn(LANGUAGE_NAMES, name) ? LANGUAGE_NAMES[name] : undefined;
    const fixes: Fix[] = code ? [{ title: say('language-fix', { code }), edits: [{ span: field.valueSpan, newText: code }] }] : [];
    return {
      message: say('language', { found }),
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
