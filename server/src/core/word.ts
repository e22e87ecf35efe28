/**
 * The core's second public entry: Word and PDF export and import. Kept apart from `index.ts` because
 * the libraries behind it (docx, mammoth, pdf.js) are large: the language server and the CLI load
 * this entry only when a user exports or imports, so checking documents starts as fast as before.
 */
export { importDocument, importFormatOf, decodeText, guessLanguage, IMPORT_FORMATS, type ImportFormat, type ImportOptions, type ImportReport, type ImportResult, type TextEncodingName } from './import/index.js';
export * from './export/index.js';
