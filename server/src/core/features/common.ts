/**
 * What the editor features share: the options they take and how they find the document's
 * template. Everything here is pure and works on offsets.
 */
import type { EvidenceRegister } from '../evidence.js';
import type { Locale } from '../i18n/index.js';
import { DEFAULT_TEMPLATE, templateIdOf } from '../lint.js';
import type { SynthesisDocument } from '../parse.js';
import { tagPrefixes } from '../sdg/tags.js';
import { builtinTemplates, type Template, type TemplateRegistry } from '../templates/template.js';
import type { Language, Span } from '../types.js';

export interface FeatureOptions {
  /** Templates to resolve the document's `template` against; the built-ins by default. */
  templates?: TemplateRegistry;
  /** Template used when the front matter names none. */
  defaultTemplate?: string;
  /** The user's language for the features' own words (the SDG texts follow the document's language). */
  locale?: Locale;
  /** For the evidence base in the hover of a target heading: the register and `coverage.minimum`. */
  evidence?: { register: EvidenceRegister | undefined; minimum: number };
}

export interface ResolvedTemplate {
  templates: TemplateRegistry;
  templateId: string;
  template: Template | undefined;
}

export function resolveTemplate(document: SynthesisDocument, options: FeatureOptions = {}): ResolvedTemplate {
  const templates = options.templates ?? builtinTemplates();
  const templateId = templateIdOf(document, options.defaultTemplate ?? DEFAULT_TEMPLATE);
  return { templates, templateId, template: templates.get(templateId) };
}

/** Tag prefixes a document in `language` may use, the language's own first ("ODS" before "SDG"). */
export function prefixesFor(language: Language): string[] {
  return [...tagPrefixes(language)].sort((a, b) => (a === 'SDG' ? 1 : 0) - (b === 'SDG' ? 1 : 0));
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Formats a count as writers of the brief do: 3,076. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Words for "goal", "target", "indicator" in the document's language. */
export const SDG_WORDS: Readonly<Record<Language, { goal: string; target: string; indicator: string; indicators: string }>> = {
  en: { goal: 'Goal', target: 'Target', indicator: 'Indicator', indicators: 'Indicators' },
  es: { goal: 'Objetivo', target: 'Meta', indicator: 'Indicador', indicators: 'Indicadores' },
  fr: { goal: 'Objectif', target: 'Cible', indicator: 'Indicateur', indicators: 'Indicateurs' },
};

/** Shortens a text to at most `max` characters, at a word boundary where there is one. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (text[max - 1] !== ' ' && space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:]+$/, '')}…`;
}
