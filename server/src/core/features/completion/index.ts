/**
 * Completion: asks each source in turn; the first that serves the cursor's place answers.
 */
import { translator } from '../../i18n/index.js';
import type { SynthesisDocument } from '../../parse.js';
import { getCatalogue } from '../../sdg/catalogue.js';
import { resolveTemplate, type FeatureOptions } from '../common.js';
import { completeConsiderationLabel } from '../../findings/editor.js';
import { completeFrontMatter } from './frontmatter.js';
import { completeHeadings } from './headings.js';
import { completeSdg } from './sdg.js';
import { completeSourcesLabels } from './sources.js';
import { sortKey, type Completion, type CompletionContext, type CompletionSource } from './types.js';

export type { Completion, CompletionKind } from './types.js';
export { FRONT_MATTER_FIELDS } from './frontmatter.js';

export interface CompletionOptions extends FeatureOptions {
  /** Sources labels used in other documents of the workspace. */
  workspaceLabels?: readonly string[];
}

/** In order: the first source that recognises the place answers. */
const SOURCES: readonly CompletionSource[] = [completeFrontMatter, completeSourcesLabels, completeSdg, completeHeadings, completeLabels];

/** A consideration's bold label at the start of a paragraph of a target section (findings/editor.ts). */
function completeLabels(context: CompletionContext): Completion[] | undefined {
  return completeConsiderationLabel(context.document, context.offset, context.linePrefix)?.map((item, i) => ({ ...item, kind: 'label' as const, sortText: sortKey(0, i) }));
}

/** Proposals at `offset` (clamped to the document). Never throws. */
export function complete(document: SynthesisDocument, offset: number, options: CompletionOptions = {}): Completion[] {
  const at = Math.max(0, Math.min(offset, document.source.length));
  const position = document.lines.positionAt(at);
  const lineStart = document.lines.lineStart(position.line);
  const { templates, templateId, template } = resolveTemplate(document, options);
  const context: CompletionContext = {
    document,
    offset: at,
    linePrefix: document.source.slice(lineStart, at),
    lineStart,
    templates,
    templateId,
    template,
    catalogue: getCatalogue(document.language),
    workspaceLabels: options.workspaceLabels ?? [],
    t: translator(options.locale),
    locale: options.locale ?? 'en',
  };
  for (const source of SOURCES) {
    const items = source(context);
    if (items) return items;
  }
  return [];
}
