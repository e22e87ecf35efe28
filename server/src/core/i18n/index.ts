/**
 * Messages in the user's language. Two languages are at play and they are kept apart: the
 * DOCUMENT's language (front matter `language:`) decides tag prefixes, the SDG texts shown and
 * everything inserted into the document; the USER's language (the editor's display language, the
 * CLI's `--lang` or environment) decides the language of messages, fix titles, hovers' own words
 * and completion details. This module is the second. It is pure: an analysis carries messages as
 * data (`Message`), and the edges put them into words with `wordMessage(message, locale)`; hovers
 * and completions take the locale in `FeatureOptions.locale`.
 */
import type { Language } from '../types.js';
import { format, type MessageParams, type Placeholders } from './format.js';
import { en, type MessageCatalogue, type MessageKey } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

export { format, formatNumber, formatPercent, listText, placeholdersOf, type MessageParams, type Placeholders } from './format.js';
export type { MessageCatalogue, MessageKey } from './messages/en.js';
export { isMessage, list, message, msg, number, type ArgsFor, type ListArg, type Message, type MessageArg, type NumberArg } from './message.js';
export { catalogue, wordFinding, wordFix, wordMessage, type WordedFinding, type WordedFix } from './words.js';
export { SEVERITY_NAMES } from './severity.js';

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
