/**
 * The language server's Word and PDF requests, for the editor's export and import commands:
 *
 * - `synthesis/exportDocument` {uri, text?, to: 'docx' | 'pdf', target, paper?, browser?} writes the
 *   synthesis as a Word document or a printed PDF brief to `target` (a path the user chose);
 * - `synthesis/importDocument` {path, template?, language?} writes the file as a synthesis beside
 *   it (`name.synth.md`, or `name-2.synth.md`… when that exists) and says what it recognised.
 *
 * The core builds and reads the documents; this file reads and writes files and starts the browser.
 * Answers are plain data with a message the user can read; nothing throws to the client.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { EvidenceRegister, Language, TemplateRegistry } from '../core/index.js';
import type { ImportReport } from '../core/word.js';
import { uriToPath } from './files.js';
import { guard, type Log } from './guard.js';

export const WordRequests = {
  exportDocument: 'synthesis/exportDocument',
  importDocument: 'synthesis/importDocument',
} as const;

export interface ExportDocumentParams {
  uri: string;
  text?: string;
  to: 'docx' | 'pdf';
  /** File system path to write. */
  target: string;
  paper?: 'a4' | 'letter';
  /** The browser program the user's (machine-wide) setting names. */
  browser?: string;
}
export type ExportDocumentResult = { ok: true; path: string; title: string } | { ok: false; message: string };

export interface ImportDocumentParams {
  path: string;
  template?: string;
  language?: Language;
}
export type ImportDocumentResult = { ok: true; path: string; report: ImportReport } | { ok: false; message: string };

/** What the handlers need from the server: open documents' text, templates, registers. */
export interface WordHost {
  text(uri: string): string | undefined;
  templates(): TemplateRegistry;
  defaultTemplate(): string | undefined;
  register(uri: string, text: string): EvidenceRegister | undefined;
}

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function registerWordRequests(connection: Connection, host: WordHost, log: Log): void {
  const failed = { ok: false, message: 'The request failed; the output panel has the details.' } as const;
  connection.onRequest(WordRequests.exportDocument, guard(log, WordRequests.exportDocument, failed, (params: ExportDocumentParams) => exportDocument(params, host)));
  connection.onRequest(WordRequests.importDocument, guard(log, WordRequests.importDocument, failed, (params: ImportDocumentParams) => importFile(params, host)));
}

/** The Word and PDF code (dist/word.js), loaded when first used: its libraries are large and most sessions never export. */
const word = async (): Promise<typeof import('../word-entry.js')> => import('../word-entry.js');

async function exportDocument(params: ExportDocumentParams, host: WordHost): Promise<ExportDocumentResult> {
  const { exportDocx, exportSource, printPage } = await word();
  if (typeof params?.uri !== 'string' || typeof params.target !== 'string' || (params.to !== 'docx' && params.to !== 'pdf')) return { ok: false, message: 'Nothing to export: no document or no destination.' };
  let text = host.text(params.uri) ?? (typeof params.text === 'string' ? params.text : undefined);
  const path = uriToPath(params.uri);
  if (text === undefined && path) text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { ok: false, message: 'The synthesis could not be read.' };
  const templates = host.templates();
  const defaultTemplate = host.defaultTemplate();
  let bytes: Uint8Array;
  let title: string;
  if (params.to === 'pdf') {
    const { findBrowser, printToPdf } = await word();
    const browser = findBrowser(params.browser);
    if (!browser.ok) return { ok: false, message: browser.message };
    const page = printPage(text, { paper: params.paper === 'letter' ? 'letter' : 'a4', templates, ...(defaultTemplate ? { defaultTemplate } : {}) });
    const printed = await printToPdf(page.html, browser.path);
    if (!printed.ok || !printed.bytes) return { ok: false, message: `The PDF could not be printed with ${browser.path}: ${printed.message ?? 'no reason given'}` };
    ({ bytes } = printed);
    ({ title } = page);
  } else {
    const register = host.register(params.uri, text);
    const source = exportSource(text, { templates, ...(defaultTemplate ? { defaultTemplate } : {}), ...(register ? { register } : {}) });
    ({ bytes, title } = await exportDocx(source));
  }
  if (path && params.target === path) return { ok: false, message: 'Choose another file: the export would replace the synthesis itself.' };
  try {
    await writeFile(params.target, bytes);
  } catch (error) {
    return { ok: false, message: `${params.target} could not be written: ${why(error)}` };
  }
  return { ok: true, path: params.target, title };
}

async function importFile(params: ImportDocumentParams, host: WordHost): Promise<ImportDocumentResult> {
  const { importDocument, importFormatOf } = await word();
  if (typeof params?.path !== 'string') return { ok: false, message: 'No file to import.' };
  const format = importFormatOf(params.path);
  if (!format) return { ok: false, message: 'Only .docx, .pdf, .html, .md and .txt files can be imported.' };
  const info = await stat(params.path).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, message: `${basename(params.path)} could not be read.` };
  if (info.size > MAX_IMPORT_BYTES) return { ok: false, message: `${basename(params.path)} is larger than 50 MB.` };
  const bytes = new Uint8Array(await readFile(params.path));
  let result;
  try {
    result = await importDocument(bytes, format, {
      templates: host.templates(),
      ...(params.template ? { template: params.template } : {}),
      ...(params.language ? { language: params.language } : {}),
    });
  } catch (error) {
    return { ok: false, message: `${basename(params.path)} could not be read: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
  const target = await freeName(params.path);
  try {
    // 'wx': never over a file, even one that appeared since the name was chosen.
    await writeFile(target, result.markdown, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    return { ok: false, message: `${target} could not be written: ${why(error)}` };
  }
  return { ok: true, path: target, report: result.report };
}

/** `brief.docx` → `brief.synth.md` beside it, or `brief-2.synth.md`… when that exists: nothing is overwritten. */
async function freeName(input: string): Promise<string> {
  const base = basename(input).replace(/\.[^.]+$/, '').replace(/\.synth$/i, '') || 'imported';
  for (let n = 1; n < 1000; n++) {
    const candidate = join(dirname(input), n === 1 ? `${base}.synth.md` : `${base}-${n}.synth.md`);
    if (!(await stat(candidate).catch(() => undefined))) return candidate;
  }
  return join(dirname(input), `${base}-${Date.now()}.synth.md`);
}

/** Why a file could not be written, in a few plain words. */
function why(error: unknown): string {
  switch ((error as { code?: string } | null)?.code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EEXIST':
      return 'a file of that name appeared meanwhile; try again';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  }
}
