/**
 * What every export starts from: the language service's analysis of the document (so the template,
 * register, configuration and language are the project's, the same as the diagnostics' and the
 * preview's), plus the document's Markdown tree.
 */
import type { Root } from 'mdast';
import type { EvidenceRegister } from '../evidence.js';
import type { Analysis } from '../lint.js';
import { markdownTree } from '../render/markdown.js';
import type { DocumentAnalysis } from '../service/service.js';
import type { Language } from '../types.js';

export interface ExportSource {
  text: string;
  analysis: Analysis;
  tree: Root;
  register: EvidenceRegister | undefined;
  /** The document's language: of its front matter, else its project's. */
  language: Language;
  /** Target sections resting on fewer evaluations are marked weak in the coverage annex. */
  coverageMinimum: number;
}

export function exportSourceOf(analysis: DocumentAnalysis): ExportSource {
  return {
    text: analysis.document.text,
    analysis,
    tree: markdownTree(analysis.document.text),
    register: analysis.register?.register,
    language: analysis.language,
    coverageMinimum: analysis.config.coverageMinimum,
  };
}
