/**
 * What an export is made with besides the document: the paper of the PDF and the office's reference
 * document. Worked out here once for `synthlint export` and the editor's commands, from the same
 * layers as every other setting, lowest to highest: the default (A4, no reference document) → the
 * editor's `synthesis.pdf.paper` (only outside a project that has a configuration file) → the
 * project's `.synthesis/config.yaml` (`pdf.paper`, `referenceDoc`) → what the user gives for this
 * export (`--paper`, `--reference-doc`).
 */
import type { HostPaths } from '../service/host.js';
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
  /** The folder the file's real path must stay inside: the project root for the configuration's; none for the user's own. */
  within?: string;
  from: 'user' | 'config';
}

export interface ExportSettings {
  paper: Paper;
  referenceDoc: ReferenceDocChoice | undefined;
}

export function exportSettings(analysis: DocumentAnalysis, paths: HostPaths, given: ExportChoices): ExportSettings {
  const { file, source } = analysis.config;
  const paper = given.paper ?? file.pdfPaper ?? (source === 'config' ? undefined : given.settingsPaper) ?? 'a4';
  let referenceDoc: ReferenceDocChoice | undefined;
  if (given.referenceDoc !== undefined) referenceDoc = { path: given.referenceDoc, named: given.referenceDoc, from: 'user' };
  else if (file.referenceDoc !== undefined && analysis.projectRoot !== undefined) {
    referenceDoc = { path: paths.resolve(analysis.projectRoot, file.referenceDoc), named: file.referenceDoc, within: analysis.projectRoot, from: 'config' };
  }
  return { paper, referenceDoc };
}
