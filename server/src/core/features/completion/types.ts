import type { Translate } from '../../i18n/index.js';
import type { SynthesisDocument } from '../../parse.js';
import type { SdgCatalogue } from '../../sdg/catalogue.js';
import type { Template, TemplateRegistry } from '../../templates/template.js';
import type { Language, Span } from '../../types.js';

export type CompletionKind = 'goal' | 'target' | 'indicator' | 'section' | 'target-section' | 'field' | 'value' | 'label';

/** One completion proposal, in plain data: the language server turns it into an LSP item. */
export interface Completion {
  label: string;
  kind: CompletionKind;
  /** A short text shown next to the label. */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** The text that replaces `replace`. */
  insertText: string;
  /** The part of the document the completion replaces (what was typed so far). */
  replace: Span;
  /** Text the editor matches what was typed against; the insert text by default. */
  filterText?: string;
  /** Order among the proposals. */
  sortText: string;
}

/** What a completion source sees. */
export interface CompletionContext {
  document: SynthesisDocument;
  offset: number;
  /** The current line up to the cursor, and where that line starts. */
  linePrefix: string;
  lineStart: number;
  templates: TemplateRegistry;
  templateId: string;
  template: Template | undefined;
  catalogue: SdgCatalogue;
  /** Sources labels used in other documents of the workspace. */
  workspaceLabels: readonly string[];
  /** The features' own words (details, descriptions) in the user's language. */
  t: Translate;
  /** The user's language, for the template's descriptions. */
  locale: Language;
}

/**
 * A completion source: proposals when the cursor is in the place it serves, `undefined` when it is
 * not (so the next source is asked).
 */
export type CompletionSource = (context: CompletionContext) => Completion[] | undefined;

export function sortKey(group: number, index: number): string {
  return `${String(group).padStart(2, '0')}-${String(index).padStart(4, '0')}`;
}
