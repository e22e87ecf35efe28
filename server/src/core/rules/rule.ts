/**
 * A rule is one unit: its file holds its id, what it finds in three languages, its default level,
 * its tags, its messages in three languages, and the check itself — in that order, as markdownlint's
 * rules put their names, description and tags first. Everything else about a rule (the editor's
 * settings, their translations, the README's table, SARIF's rule metadata) is generated from it.
 */
import type { EvidenceRegister } from '../evidence.js';
import { message, type ArgsFor, type Message } from '../i18n/message.js';
import type { SynthesisDocument } from '../parse.js';
import type { SdgCatalogue } from '../sdg/catalogue.js';
import type { Template, TemplateRegistry } from '../templates/template.js';
import type { Localised, Report, Severity } from '../types.js';

export type { Localised } from '../types.js';

/** A rule's messages: English is the reference; a translation has exactly its keys. */
export type RuleMessages<M extends Readonly<Record<string, string>>> = {
  readonly en: M;
  readonly es: { readonly [K in keyof M]: string };
  readonly fr: { readonly [K in keyof M]: string };
};

/** What a rule sees: the document's index, its template and the catalogue. No user language: see `Message`. */
export interface RuleContext<M extends Readonly<Record<string, string>> = Readonly<Record<string, string>>> {
  readonly document: SynthesisDocument;
  /** The document's template; undefined when its id is unknown (`unknown-template` says so). */
  readonly template: Template | undefined;
  /** The id the document asks for, or the configured default. */
  readonly templateId: string;
  readonly templates: TemplateRegistry;
  /** The catalogue in the document's language. */
  readonly catalogue: SdgCatalogue;
  /** The evidence register beside the document, when the host found one. */
  readonly evidence: EvidenceRegister | undefined;
  /** The project's settings the evidence rules read (`coverage.minimum`, `overclaim.words`). */
  readonly settings: RuleSettings;
  /** Whether a rule runs on this document (its level is not `off`). */
  enabled(rule: string): boolean;
  /** One of this rule's messages, as data: `message('fix', { label, value })`. */
  message<K extends keyof M & string>(key: K, ...args: ArgsFor<M[K]>): Message;
  report(finding: Report): void;
}

/** Configuration a rule reads besides its level: defaults unless the project's configuration sets them. */
export interface RuleSettings {
  /** Fewest distinct evaluations a target section should rest on (`coverage.minimum`). */
  readonly coverageMinimum: number;
  /** Strong wording the team adds to the built-in list (`overclaim.words`). */
  readonly overclaimWords: readonly string[];
}

export interface RuleUnit<M extends Readonly<Record<string, string>>> {
  /** Public, stable id: used in CLI output, suppression comments and settings. */
  readonly id: string;
  /** One plain sentence per language: what the rule finds. */
  readonly description: Localised;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  readonly messages: RuleMessages<M>;
  check(context: RuleContext<M>): void;
}

/** A rule as the registry holds it: its messages' keys are `<rule id>.<key>` in the catalogues. */
export interface Rule {
  readonly id: string;
  readonly description: Localised;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  readonly messages: Localised<Readonly<Record<string, string>>>;
  check(context: Omit<RuleContext, 'message'>): void;
}

/**
 * Declares a rule. The English messages fix the keys and the placeholders each call must fill, so
 * `context.message('fix', { label })` fails to compile when the message also needs `{value}`.
 */
export function defineRule<const M extends Readonly<Record<string, string>>>(unit: RuleUnit<M>): Rule {
  const say = (key: string, args?: Readonly<Record<string, never>>): Message => message(`${unit.id}.${key}`, args);
  return Object.freeze({
    id: unit.id,
    description: unit.description,
    defaultSeverity: unit.defaultSeverity,
    tags: unit.tags,
    messages: unit.messages,
    check: (context: Omit<RuleContext, 'message'>) => unit.check({ ...context, message: say as RuleContext<M>['message'] }),
  });
}
