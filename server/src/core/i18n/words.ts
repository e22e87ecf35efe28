/**
 * Putting messages into words: the one function every edge (the language server, the CLI, the
 * preview) uses to turn a finding, a fix title or a problem into a sentence in the user's language.
 * The catalogues are the shared messages (messages/*.ts) and each rule's own messages, under
 * `<rule id>.<key>`.
 */
import { RULES } from '../rules/registry.js';
import type { Finding, Fix, Language, TextEdit } from '../types.js';
import { format, formatNumber, listText } from './format.js';
import { isMessage, type Message, type MessageArg } from './message.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

const SHARED: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en, es, fr };

let catalogues: Readonly<Record<Language, ReadonlyMap<string, string>>> | undefined;

/** Every message in each language: the shared ones and the rules' own (built once). */
export function catalogue(language: Language): ReadonlyMap<string, string> {
  catalogues ??= {
    en: build('en'),
    es: build('es'),
    fr: build('fr'),
  };
  return catalogues[language] ?? catalogues.en;
}

function build(language: Language): Map<string, string> {
  const map = new Map(Object.entries(SHARED[language]));
  for (const rule of RULES) {
    for (const [key, text] of Object.entries(rule.messages[language])) map.set(`${rule.id}.${key}`, text);
  }
  return map;
}

/**
 * A message in words, in `language`. A key missing from a translation falls back to English, and a
 * key unknown everywhere is shown as it is: wording never fails.
 */
export function wordMessage(message: Message, language: Language = 'en'): string {
  const text = catalogue(language).get(message.key) ?? catalogue('en').get(message.key) ?? message.key;
  if (!message.args) return text;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.args)) params[name] = wordArg(value, language);
  return format(text, params);
}

function wordArg(value: MessageArg, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isMessage(value)) return wordMessage(value, language);
  if ('list' in value) return listText(value.list.map((item) => wordArg(item, language)), value.conjunction, language);
  if (!value.decimals) return formatNumber(value.number, language);
  const [whole, fraction] = Math.abs(value.number).toFixed(value.decimals).split('.');
  return `${value.number < 0 ? '-' : ''}${formatNumber(Number(whole), language)}${language === 'en' ? '.' : ','}${fraction}`;
}

/** A fix as the edge shows it: its title in words. */
export interface WordedFix {
  title: string;
  edits: TextEdit[];
  suggestion?: boolean;
}

/** A finding as the edge shows it: its message and fix titles in words. */
export interface WordedFinding {
  rule: Finding['rule'];
  severity: Finding['severity'];
  span: Finding['span'];
  message: string;
  fixes?: WordedFix[];
}

export function wordFix(fix: Fix, language: Language = 'en'): WordedFix {
  return { ...fix, title: wordMessage(fix.title, language) };
}

export function wordFinding(finding: Finding, language: Language = 'en'): WordedFinding {
  const worded: WordedFinding = { rule: finding.rule, severity: finding.severity, span: finding.span, message: wordMessage(finding.message, language) };
  if (finding.fixes) worded.fixes = finding.fixes.map((fix) => wordFix(fix, language));
  return worded;
}
