import type { EvidenceRegister } from '../evidence.js';
import type { Locale, Translate } from '../i18n/index.js';
import type { SynthesisDocument } from '../parse.js';
import type { SdgCatalogue } from '../sdg/catalogue.js';
import type { Template, TemplateRegistry } from '../templates/template.js';
import type { Report, Severity } from '../types.js';

/** What a rule sees: the document's index, its template and the catalogue. */
export interface RuleContext {
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
  /** The user's language, for messages and fix titles (not the document's: see `catalogue`). */
  readonly locale: Locale;
  /** Messages in `locale`: `t('sources-sum.fix', { label, value })`. */
  readonly t: Translate;
  report(finding: Report): void;
}

export interface Rule {
  /** Public, stable id: used in CLI output, suppression comments and settings. */
  readonly id: string;
  /** One plain sentence: what the rule finds. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  check(context: RuleContext): void;
}
