/** Export: a synthesis as a Word document, or as the page a browser prints as the PDF brief. */
export { exportSourceOf, type ExportSource } from './source.js';
export { exportDocx, type DocxOptions, type DocxResult, type ReferenceProblem } from './docx/index.js';
export { printPage, printCss, PAPERS, type Paper } from './print.js';
export { exportLabels, type ExportLabels } from './labels.js';
export { exportSettings, type ExportChoices, type ExportSettings, type ReferenceDocChoice } from './settings.js';
