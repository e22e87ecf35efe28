/**
 * What an export is made with besides the document: the paper of the PDF and the office's reference
 * document. Worked out here once for `synthlint export` and the editor's commands, from the same
 * layers as every other setting (lowest to highest): the default (A4, no reference document) → the
 * editor's setting (only outside a project that has a configuration file) → what the user gives for
 * this export (a command-line option).
 */
import type { DocumentAnalysis } from '../service/service.js';
import type { Paper } from './print.js';

export interface ExportChoices {
  /** `--paper`: above everything. */
  paper?: Paper;
  /** `--reference-doc`, resolved: a path the user gave, read wherever it is. */
  referenceDoc?: string;
  /** The editor's `synthesis.pdf.paper`. */
  settingsPaper?: Paper;
}

export interface ReferenceDocChoice {
  /** The file to read. */
  path: string;
  /** As the user or the configuration wrote it, for messages. */
  named: string;
  /** The folder the file's real path must stay inside (undefined for a path the user gave). */
  within?: string;
  from: 'user' | 'config';
}

export interface ExportSettings {
  paper: Paper;
  referenceDoc: ReferenceDocChoice | undefined;
}

export function exportSettings(analysis: DocumentAnalysis, given: ExportChoices): ExportSettings {
  const paper = given.paper ?? (analysis.config.source === 'config' ? undefined : given.settingsPaper) ?? 'a4';
  const referenceDoc: ReferenceDocChoice | undefined = given.referenceDoc !== undefined ? { path: given.referenceDoc, named: given.referenceDoc, from: 'user' } : undefined;
  return { paper, referenceDoc };
}
