/** Export: a synthesis as a Word document, or as the page a browser prints as the PDF brief. */
export { exportSource, type ExportSource, type ExportSourceOptions } from './source.js';
export { exportDocx, ReferenceDocumentError, type DocxOptions, type DocxResult } from './docx/index.js';
export { printPage, printCss, PAPERS, type Paper, type PrintOptions } from './print.js';
export { exportLabels, type ExportLabels } from './labels.js';
