/**
 * `synthlint export FILE --to docx|pdf|html`: a synthesis as a Word document (optionally on an
 * office's reference document), as the PDF brief (printed by a local Chromium) or as the HTML page
 * `synthlint render` writes. The document is exported as the language service analyses it (its
 * project's configuration, templates and register); the core builds the documents; this file reads
 * and writes files (through node/fs) and starts the browser. Its words are in word-messages.ts.
 *
 * A reference document the project's configuration names is read only inside the project. The
 * output is never written through a link in its folder that leads elsewhere, and an existing file is
 * replaced only with --force (then whole or not at all: a temporary file renamed over it).
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_DOCUMENT_BYTES } from '../core/index.js';
import { exportDocx, exportSettings, exportSourceOf, PAPERS, printPage, type Paper } from '../core/word.js';
import { readBytes, readTextFile, writeBytes, writeFailureText } from '../node/fs/index.js';
import { findBrowser, printToPdf } from '../node/pdf/index.js';
import { displayPath } from './files.js';
import { createCliService } from './lint-job.js';
import { failureWords, projectFolder, type Environment } from './run.js';
import { browserProblem, say } from './word-messages.js';

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;
/** A reference document is a Word file with the office's styles and perhaps a logo: far below this. */
const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;
const TARGETS = ['docx', 'pdf', 'html'] as const;
type Target = (typeof TARGETS)[number];

export async function runExport(argv: readonly string[], env: Environment): Promise<number> {
  const fail = (message: string): number => {
    env.out.stderr(`synthlint export: ${message}\n`);
    return EXIT_TROUBLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'reference-doc': { type: 'string' },
        paper: { type: 'string' },
        browser: { type: 'string' },
        template: { type: 'string' },
        'no-toc': { type: 'boolean' },
        force: { type: 'boolean' },
        project: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(say('usage', { command: 'export', problem: plainUsage(error) }));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    env.out.stdout(say('exportHelp'));
    return EXIT_OK;
  }
  if (positionals.length !== 1) return fail(positionals.length === 0 ? say('exportNeedsFile') : say('oneFile', { command: 'export', count: positionals.length }));
  const extension = values.output ? /\.(docx|pdf|html?)$/i.exec(values.output)?.[1]?.toLowerCase() : undefined;
  const fromOutput = extension === 'htm' ? 'html' : extension;
  const to = (values.to?.toLowerCase() ?? fromOutput) as Target | undefined;
  if (!to) return fail(say('exportNeedsFormat'));
  if (!TARGETS.includes(to)) return fail(say('unknownExportFormat', { value: values.to ?? '' }));
  const paper = values.paper?.toLowerCase() as Paper | undefined;
  if (paper !== undefined && !PAPERS.includes(paper)) return fail(say('unknownPaper', { value: values.paper ?? '' }));
  if (values['reference-doc'] !== undefined && to !== 'docx') return fail(say('referenceDocOnlyDocx'));

  // The synthesis is a file the user named: read wherever it is.
  const input = resolve(env.cwd, positionals[0]!);
  const shown = displayPath(input, env.cwd);
  const read = await readTextFile(input, { maxBytes: MAX_DOCUMENT_BYTES });
  if (!read.ok) return fail(say('cannotRead', { file: shown, reason: failureWords(read.failure, read.detail) }));
  const output = values.output === undefined ? defaultOutput(input, to) : resolve(env.cwd, values.output);
  if (output === input || (await sameFile(output, input))) return fail(say('notOverSynthesis', { file: shown }));
  if (!values.force && (await exists(output))) return fail(say('outputExists', { file: displayPath(output, env.cwd) }));

  const service = createCliService({ project: projectFolder(values.project, env), severities: {}, locale: 'en', fix: false, ...(values.template !== undefined ? { defaultTemplate: values.template } : {}) });
  if (values.template !== undefined) {
    const templates = await service.templates(input);
    if (!templates.get(values.template)) return fail(say('unknownTemplate', { id: values.template, known: templates.list().map((t) => t.id) }));
  }
  // The same analysis as `synthlint FILE` and the editor's: the project's configuration, templates, register and language.
  const analysis = await service.analyze({ key: input, path: input, text: read.text, version: null, transient: true });
  const settings = exportSettings(analysis, service.host.paths, {
    ...(paper !== undefined ? { paper } : {}),
    ...(values['reference-doc'] !== undefined ? { referenceDoc: resolve(env.cwd, values['reference-doc']) } : {}),
  });

  let bytes: Uint8Array;
  let title: string;
  if (to === 'html') {
    const page = service.render(analysis, { standalone: true });
    bytes = new TextEncoder().encode(page.html);
    ({ title } = page);
  } else if (to === 'pdf') {
    const browser = findBrowser(values.browser, env.vars ?? process.env);
    if (!browser.ok) return fail(browserProblem(browser));
    const page = printPage(service, analysis, settings.paper);
    const printed = await printToPdf(page.html, browser.path);
    if (!printed.ok) return fail(say('printFailed', { browser: browser.path, problem: printed }));
    ({ bytes } = printed);
    ({ title } = page);
  } else {
    // A register that cannot be read is a finding on the synthesis; the annex does without it.
    for (const finding of analysis.findings) if (finding.rule === 'evidence') env.out.stderr(`synthlint export: ${say('registerForAnnex', { message: finding.message })}\n`);
    let referenceDoc: Uint8Array | undefined;
    const reference = settings.referenceDoc;
    if (reference) {
      const file = reference.from === 'user' ? displayPath(reference.path, env.cwd) : reference.named;
      const bytesRead = await readBytes(reference.path, { maxBytes: MAX_REFERENCE_BYTES, ...(reference.within !== undefined ? { within: reference.within } : {}) });
      if (!bytesRead.ok) return fail(say('cannotReadReference', { file, from: reference.from, reason: failureWords(bytesRead.failure, bytesRead.detail) }));
      referenceDoc = bytesRead.bytes;
    }
    const result = await exportDocx(exportSourceOf(analysis), { ...(referenceDoc ? { referenceDoc } : {}), ...(values['no-toc'] ? { toc: false } : {}) });
    if (!result.ok) return fail(say('cannotUseReference', { file: reference?.from === 'user' ? displayPath(reference.path, env.cwd) : (reference?.named ?? ''), problem: result.problem }));
    ({ bytes, title } = result);
  }
  // The output is a path the user gave (or beside the file they named), but its folder may be the
  // hostile repository's: a link planted there is not written through. Without --force, a file that
  // appeared since the check above is not replaced either.
  const written = await writeBytes(output, bytes, { within: dirname(output), exclusive: !values.force });
  if (!written.ok) {
    if (written.failure === 'exists') return fail(say('outputExists', { file: displayPath(output, env.cwd) }));
    return fail(say('cannotWrite', { file: displayPath(output, env.cwd), reason: writeFailureText(written.failure, written.detail) }));
  }
  env.out.stderr(`${say('wrote', { file: displayPath(output, env.cwd), title, ...(to === 'pdf' ? { paper: settings.paper } : {}) })}\n`);
  return EXIT_OK;
}

/** Node's parseArgs messages, in ours. */
export function plainUsage(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] || '';
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return say('unknownOption', { option: unknown[1]! });
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return say('needsValue', { option: missing[1]!.replace(/^-\w, /, '') });
  return message;
}

/** Whether anything is at `path`, a link that leads nowhere included. */
export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

/** `brief.synth.md` → `brief.docx` (or .pdf, .html), beside it. */
function defaultOutput(input: string, to: Target): string {
  const name = basename(input).replace(/(\.synth)?\.md$/i, '');
  return resolve(dirname(input), `${name || 'brief'}.${to}`);
}
