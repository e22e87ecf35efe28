/**
 * Messages in the user's language. Two languages are at play and they are kept apart: the
 * DOCUMENT's language (front matter `language:`) decides tag prefixes and the SDG texts shown; the
 * USER's language (the editor's display language, the CLI's `--lang` or environment) decides the
 * language of messages, fix titles, hovers' own words and completion details. This module is the
 * second. It is pure: hosts pass the locale in (`AnalysisOptions.locale`, `FeatureOptions.locale`).
 */
import type { Language } from '../types.js';
import { format, type MessageParams, type Placeholders } from './format.js';
import { en, type MessageCatalogue, type MessageKey } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

export { format, formatNumber, formatPercent, listText, placeholdersOf, type MessageParams, type Placeholders } from './format.js';
export type { MessageCatalogue, MessageKey } from './messages/en.js';
export { RULE_DESCRIPTIONS, SEVERITY_NAMES } from './rule-descriptions.js';

/** A user's language for messages: the same three languages a document may be written in. */
export type Locale = Language;
export const LOCALES: readonly Locale[] = ['en', 'es', 'fr'];

/** Every message in every language (for tests and tools). */
export const MESSAGES: Readonly<Record<Locale, MessageCatalogue>> = { en, es, fr };

/** The arguments `t` takes after the key: the message's placeholders, or nothing when it has none. */
export type MessageArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Readonly<Record<Placeholders<(typeof en)[K]>, string | number>>];

/** Looks a message up in one language and fills its placeholders. */
export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

const translators = new Map<Locale, Translate>();

/** The message function for a locale; English for anything unknown. */
export function translator(locale: Locale | undefined = 'en'): Translate {
  const lang: Locale = locale && LOCALES.includes(locale) ? locale : 'en';
  let t = translators.get(lang);
  if (!t) {
    const catalogue = MESSAGES[lang];
    t = <K extends MessageKey>(key: K, ...args: MessageArgs<K>): string => format(catalogue[key] ?? en[key], args[0] as MessageParams | undefined);
    translators.set(lang, t);
  }
  return t;
}

/**
 * The locale a language tag asks for: "es", "es-MX", "fr_CA.UTF-8", "French" → es / fr / en;
 * undefined when the tag names none of the three ("C", "POSIX", "de-DE", "").
 */
export function resolveLocale(tag: string | undefined | null): Locale | undefined {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_.@\s]|$)/.exec(tag ?? '');
  const code = m?.[1]!.toLowerCase();
  if (code === 'en' || code === 'eng') return 'en';
  if (code === 'es' || code === 'spa') return 'es';
  if (code === 'fr' || code === 'fra' || code === 'fre') return 'fr';
  const word = (tag ?? '').trim().toLowerCase();
  if (word === 'english') return 'en';
  if (word === 'spanish' || word === 'español' || word === 'espanol') return 'es';
  if (word === 'french' || word === 'français' || word === 'francais') return 'fr';
  return undefined;
}

/**
 * The locale the environment asks for, the way POSIX tools read it: LC_ALL, then LC_MESSAGES, then
 * LANG (LANGUAGE's first entry before all of them, as gettext does); English when none names a
 * supported language. `vars` is `process.env` in the CLI, a plain object in tests.
 */
export function localeFromEnvironment(vars: Readonly<Record<string, string | undefined>>): Locale {
  const language = vars.LANGUAGE?.split(':')[0];
  for (const value of [vars.LC_ALL, vars.LC_MESSAGES, vars.LANG]) {
    if (value === undefined || value === '') continue;
    // "C" or "POSIX" means the untranslated messages; LANGUAGE is ignored then, as gettext does.
    if (/^(?:C|POSIX)(?:[.@]|$)/.test(value)) return 'en';
    return resolveLocale(language) ?? resolveLocale(value) ?? 'en';
  }
  return resolveLocale(language) ?? 'en';
}

/**
 * Problems that the core's readers word in English (the Markdown parser, the front-matter and
 * sources readers), in the user's language. Messages that are not recognised are kept as they are.
 */
export function localiseProblem(message: string, t: Translate): string {
  let m: RegExpExecArray | null;
  if ((m = /^Nesting deeper than (\d+) levels is read as plain text$/.exec(message))) return t('document.nesting', { max: m[1]! });
  if ((m = /^The document could not be read as Markdown \((.*)\); only a few checks ran$/s.exec(message))) return t('document.unreadable', { error: m[1]! });
  if (message === 'Unexpected tab in the indentation of a sources line, use two spaces per level') return t('sources-syntax.tab');
  if ((m = /^Expected a sources line as 'label: count', found '(.*)'$/s.exec(message))) return t('sources-syntax.line', { found: m[1]! });
  if ((m = /^Expected a whole number after '(.*)', found '(.*)' \(write 3076, 3,076 or 3 076\)$/s.exec(message))) {
    return t('sources-syntax.not-number', { label: m[1]!.replace(/:$/, ''), found: m[2]! });
  }
  if ((m = /^Expected a count after '(.*)'$/s.exec(message))) return t('sources-syntax.no-count', { label: m[1]!.replace(/:$/, '') });
  if (message === 'Unexpected indentation, indent a breakdown by exactly two spaces more than its parent') return t('sources-syntax.indent-even');
  if (message === 'Unexpected indentation, a breakdown can only be two spaces deeper than the line above') return t('sources-syntax.indent-deep');
  if (message === 'Expected the front matter to be a list of `key: value` fields') return t('front-matter.yaml.not-fields');
  if ((m = /^Could not read the front matter: (.*)$/s.exec(message))) return t('front-matter.yaml.unreadable', { detail: m[1]! });
  return message;
}
