/**
 * `synthesis/exportDocument` and `synthesis/importDocument`: the editor's Word and PDF commands.
 *
 * - Export writes a synthesis as a Word document or a printed PDF brief to the file the user chose.
 *   The document is exported as the language service analyses it (the same analysis as its
 *   diagnostics and preview: the project's configuration, templates, register and language), and the
 *   PDF prints the service's rendering, as the preview shows it.
 * - Import writes a file the user chose as a synthesis beside it (`name.synth.md`, or
 *   `name-2.synth.md`… when that exists: nothing is overwritten), following the templates of the
 *   project it lands in, and says what it recognised and what the checks find in it.
 *
 * Files are read and written through node/fs. A path the project's configuration names (the
 * reference document) is read only inside the project; the paths the user chose are trusted, but a
 * file is never written through a link in its folder that leads elsewhere (the folder may be the
 * hostile repository's), and always whole (a temporary file renamed over the target). Every
 * answer is plain data with a message from word-messages.ts; nothing throws to the client.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LANGUAGES, wordMessage, type DocumentSource, type Language } from '../../core/index.js';
import { readBytes, writeBytes } from '../../node/fs/index.js';
import { guard } from '../guard.js';
import { Requests, type ExportDocumentParams, type ExportDocumentResult, type ImportDocumentParams, type ImportDocumentResult } from '../protocol.js';
import type { ServerState } from '../state.js';
import { pathToUri } from '../uris.js';
import { browserProblem, keptPart, MAX_IMPORT_BYTES, MAX_REFERENCE_BYTES, say } from '../word-messages.js';

/** The Word and PDF code (dist/word.js), loaded when first used: its libraries are large and most sessions never export. */
const word = async (): Promise<typeof import('../../word-entry.js')> => import('../../word-entry.js');

export function registerWord(state: ServerState): void {
  // Worded when sent, so that it is in the language the editor gave at initialisation.
  const failed = { ok: false as const, get message() { return say(state.locale, 'failed'); } };
  state.connection.onRequest(Requests.exportDocument, guard(state.log, Requests.exportDocument, failed, (params: Partial<ExportDocumentParams> | null) => exportDocument(state, params)));
  state.connection.onRequest(Requests.importDocument, guard(state.log, Requests.importDocument, failed, (params: Partial<ImportDocumentParams> | null) => importFile(state, params)));
}

async function exportDocument(state: ServerState, params: Partial<ExportDocumentParams> | null): Promise<ExportDocumentResult> {
  if (typeof params?.uri !== 'string' || typeof params.target !== 'string' || (params.to !== 'docx' && params.to !== 'pdf')) return { ok: false, message: say(state.locale, 'nothingToExport') };
  await state.ready;
  const { uri, target, to } = params;
  const path = state.pathOf(uri);
  if (path !== undefined && (await sameFile(path, target))) return { ok: false, message: say(state.locale, 'overSynthesis') };
  const source: DocumentSource | undefined =
    state.source(uri) ?? (typeof params.text === 'string' ? { key: uri, ...(path !== undefined ? { path } : {}), text: params.text, version: null, transient: true } : await state.diskSource(uri));
  if (!source) return { ok: false, message: say(state.locale, 'cannotReadSynthesis') };
  const analysis = await state.service.analyze(source);
  const { exportDocx, exportSettings, exportSourceOf, findBrowser, printPage, printToPdf } = await word();
  const settings = exportSettings(analysis, state.service.host.paths, params.paper === 'a4' || params.paper === 'letter' ? { settingsPaper: params.paper } : {});

  let bytes: Uint8Array;
  let title: string;
  if (to === 'pdf') {
    const browser = findBrowser(typeof params.browser === 'string' ? params.browser : undefined);
    if (!browser.ok) return { ok: false, message: browserProblem(state.locale, browser) };
    const page = printPage(state.service, analysis, settings.paper);
    const printed = await printToPdf(page.html, browser.path);
    if (!printed.ok) return { ok: false, message: say(state.locale, 'printFailed', { browser: browser.path, problem: printed }) };
    ({ bytes } = printed);
    ({ title } = page);
  } else {
    let referenceDoc: Uint8Array | undefined;
    const reference = settings.referenceDoc;
    if (reference) {
      const read = await readBytes(reference.path, { maxBytes: MAX_REFERENCE_BYTES, ...(reference.within !== undefined ? { within: reference.within } : {}) });
      if (!read.ok) return { ok: false, message: say(state.locale, 'cannotReadReference', { named: reference.named, failure: read.failure, ...(read.detail !== undefined ? { detail: read.detail } : {}) }) };
      referenceDoc = read.bytes;
    }
    const result = await exportDocx(exportSourceOf(analysis), referenceDoc ? { referenceDoc } : {});
    if (!result.ok) return { ok: false, message: say(state.locale, 'cannotUseReference', { named: reference?.named ?? '', problem: result.problem }) };
    ({ bytes, title } = result);
  }
  // The user chose the target in a save dialog, which asked before replacing a file.
  const written = await writeBytes(target, bytes, { within: dirname(target) });
  if (!written.ok) return { ok: false, message: say(state.locale, 'cannotWrite', { file: target, failure: written.failure, ...(written.detail !== undefined ? { detail: written.detail } : {}) }) };
  return { ok: true, path: target, title };
}

async function importFile(state: ServerState, params: Partial<ImportDocumentParams> | null): Promise<ImportDocumentResult> {
  if (typeof params?.path !== 'string') return { ok: false, message: say(state.locale, 'noFile') };
  await state.ready;
  const { importDocument, importFormatOf } = await word();
  const input = params.path;
  const name = basename(input);
  const format = importFormatOf(input);
  if (!format) return { ok: false, message: say(state.locale, 'notImportable') };
  const read = await readBytes(input, { maxBytes: MAX_IMPORT_BYTES });
  if (!read.ok) return { ok: false, message: say(state.locale, 'cannotRead', { file: name, failure: read.failure, ...(read.detail !== undefined ? { detail: read.detail } : {}) }) };
  const target = await freeName(input);
  // Where the synthesis lands decides its project: the templates it may follow, its default template and its checks.
  const key = pathToUri(target);
  const context = await state.service.context({ key, path: target, text: '', version: null, transient: true });
  const language = typeof params.language === 'string' && (LANGUAGES as readonly string[]).includes(params.language) ? (params.language as Language) : undefined;
  let result;
  try {
    result = await importDocument(read.bytes, format, {
      templates: context.templates,
      template: typeof params.template === 'string' ? params.template : context.config.defaultTemplate,
      ...(language ? { language } : {}),
    });
  } catch (error) {
    // The readers reject a damaged .docx or .pdf; their first line says what they found.
    return { ok: false, message: say(state.locale, 'cannotReadAs', { file: name, detail: (error instanceof Error ? error.message : String(error)).split('\n')[0] || '?' }) };
  }
  // Exclusive: never over a file, even one that appeared since the name was chosen.
  const written = await writeBytes(target, new TextEncoder().encode(result.markdown), { within: dirname(target), exclusive: true });
  if (!written.ok) return { ok: false, message: say(state.locale, 'cannotWrite', { file: target, failure: written.failure, ...(written.detail !== undefined ? { detail: written.detail } : {}) }) };
  const analysis = await state.service.analyze({ key, path: target, text: result.markdown, version: null, transient: true });
  const count = (severity: string): number => analysis.findings.filter((f) => f.severity === severity).length;
  const warnings = result.report.warnings.map((w) => wordMessage(w, state.locale));
  const kept = result.report.left.map((part) => keptPart(state.locale, part));
  return { ok: true, path: target, report: { ...result.report, warnings, kept, findings: { errors: count('error'), warnings: count('warning'), infos: count('info') } } };
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

async function sameFile(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}
