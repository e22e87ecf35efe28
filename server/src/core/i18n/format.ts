/**
 * The message formatter: `{name}` placeholders filled from an object, nothing else. Plurals and
 * optional parts are separate messages, chosen by the code that knows the numbers, so every
 * translation stays a plain sentence a translator can read.
 */
import type { Language } from '../types.js';

/** The placeholder names of a message, at the type level: "Set {label} to {value}" → "label" | "value". */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name extends `${string}${' ' | "'" | '{'}${string}` | ''
    ? Placeholders<Rest>
    : Name | Placeholders<Rest>
  : never;

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names used in a message, sorted and without repeats. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Fills `{name}` placeholders; a name without a value is left as written. */
export function format(message: string, params: MessageParams = {}): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

const CONJUNCTIONS: Readonly<Record<Language, { and: string; or: string }>> = {
  en: { and: 'and', or: 'or' },
  es: { and: 'y', or: 'o' },
  fr: { and: 'et', or: 'ou' },
};

/** Natural-language list: "a", "a and b", "a, b and c" (in Spanish "a, b y c", in French "a, b et c"). */
export function listText(items: readonly string[], conjunction: 'and' | 'or' = 'and', locale: Language = 'en'): string {
  if (items.length <= 1) return items.join('');
  const lastItem = items[items.length - 1]!;
  return `${items.slice(0, -1).join(', ')} ${spanishConjunction(CONJUNCTIONS[locale][conjunction], lastItem, locale)} ${lastItem}`;
}

/** Spanish writes "e" for "y" before an /i/ sound and "u" for "o" before an /o/ sound ("7 u 8"). */
function spanishConjunction(word: string, next: string, locale: Language): string {
  if (locale !== 'es') return word;
  const plain = next.replace(/^['"‘“«*_`]+/, '').toLowerCase();
  if (word === 'y' && /^(?:i|hi)(?![aeouáéó])/.test(plain)) return 'e';
  // 8, 80, 800… ("ocho", "ochenta") and 11, 11 000… ("once"), and words starting with "o"/"ho".
  if (word === 'o' && (/^8/.test(plain) || /^11(?:[ ,.\u00a0\u202f]?\d{3})*(?!\d)/.test(plain) || /^h?o/.test(plain))) return 'u';
  return word;
}

/** Thousands separator of counts shown to the user: "3,076" in English, "3 076" (no-break space) in Spanish and French. */
export function formatNumber(n: number, locale: Language = 'en'): string {
  const digits = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '\u00a0');
  return (n < 0 ? '-' : '') + digits;
}

/** A percentage with the locale's decimal mark and spacing: "62%", "6.5%"; "62 %", "6,5 %". */
export function formatPercent(pct: number, locale: Language = 'en'): string {
  const text = pct >= 10 || pct === 0 ? String(Math.round(pct)) : pct.toFixed(1);
  return locale === 'en' ? `${text}%` : `${text.replace('.', ',')}\u00a0%`;
}
