/**
 * What every export starts from: the document's analysis (its parsed index, template and findings),
 * its Markdown tree and its evidence register. This is the one place an export reads a document, so
 * that it can be pointed at the language service's per-document analysis when that lands.
 */
import type { Root } from 'mdast';
import type { EvidenceRegister } from '../evidence.js';
import { analyze, type Analysis } from '../lint.js';
import { markdownTree } from '../render/markdown.js';
import type { TemplateRegistry } from '../templates/template.js';
import type { SeveritySetting } from '../types.js';

export interface ExportSourceOptions {
  templates?: TemplateRegistry;
  defaultTemplate?: string;
  register?: EvidenceRegister;
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface ExportSource {
  text: string;
  analysis: Analysis;
  tree: Root;
  register: EvidenceRegister | undefined;
}

export function exportSource(text: string, options: ExportSourceOptions = {}): ExportSource {
  const analysis = analyze(text, {
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.defaultTemplate ? { defaultTemplate: options.defaultTemplate } : {}),
    ...(options.register ? { evidence: options.register } : {}),
    ...(options.severities ? { severities: options.severities } : {}),
  });
  return { text, analysis, tree: markdownTree(text), register: options.register };
}
