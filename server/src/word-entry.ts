/**
 * Everything Word and PDF needs at run time, in one module that the build bundles on its own
 * (dist/word.js): docx, mammoth and pdf.js are several megabytes, so the CLI and the language server
 * load it only when a user exports or imports, and checking documents starts as fast as before.
 */
export { runExport } from './cli/export.js';
export { runImport } from './cli/import.js';
export { exportDocx, exportSettings, exportSourceOf, importDocument, importFormatOf, printPage } from './core/word.js';
export { findBrowser, printToPdf } from './node/pdf/index.js';
