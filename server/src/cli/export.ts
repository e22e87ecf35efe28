/**
 * `synthlint export FILE --to docx|pdf|html`: a synthesis as a Word document (optionally on an
 * office's reference document), as the PDF brief (printed by a local Chromium) or as the HTML page
 * `synthlint render` writes. The document is exported as the language service analyses it (its
 * project's configuration, templates and register); the core builds the documents; this file reads
 * and writes files (through node/fs) and starts the browser. Its words are in the catalogue
 * (`cli.export.*`), in the language of the messages; word-messages.ts puts the longer ones together.
 *
 * A reference document the project's configuration names is read only inside the project. The
 * output is never written through a link in its folder that leads elsewhere, and an existing file is
 * replaced only with --force (then whole or not at all: a temporary file renamed over it).
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../core/index.js';
import { exportDocx, exportSettings, exportSourceOf, PAPERS, printPage, type Paper } from '../core/word.js';
import { readBytes, readTextFile, writeBytes } from '../node/fs/index.js';
import { findBrowser, printToPdf } from '../node/pdf/index.js';
import { displayPath } from './files.js';
import { createCliService } from './lint-job.js';
import { failureWords, writeFailureWords, projectFolder, type Environment } from './run.js';
import { resolveLocale, translator, wordMessage, type Locale } from '../core/index.js';
import { browserProblem, commandArgs, commandFailure, printProblem, referenceProblem, usage } from './word-messages.js';

const EXIT_OK = 0;
/** A reference document is a Word file with the office's styles and perhaps a logo: far below this. */
const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;
const TARGETS = ['docx', 'pdf', 'html'] as const;
type Target = (typeof TARGETS)[number];

export async function runExport(argv: readonly string[], env: Environment & { locale?: Locale }): Promise<number> {
  // The reasons a file cannot be read come from the shared catalogue, in the command's language.
  const reason = (m: Parameters<typeof wordMessage>[0]): string => wordMessage(m, env.locale);
  const t = translator(env.locale);
  const fail = commandFailure(env, 'export');
  const parsed = commandArgs('export', argv, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'reference-doc': { type: 'string' },
    paper: { type: 'string' },
    browser: { type: 'string' },
    template: { type: 'string' },
    'no-toc': { type: 'boolean' },
    force: { type: 'boolean' },
    // Read by the CLI before the command runs (it chooses the language of everything said here); checked below.
    lang: { type: 'string' },
    project: { type: 'string' },
  }, env);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !resolveLocale(values.lang)) return fail(usage(env.locale, 'export', t('cli.unknown-language', { language: values.lang })));
  if (positionals.length !== 1) return fail(positionals.length === 0 ? t('cli.export.needs-file') : t('cli.export.one-file', { count: positionals.length }));
  const extension = values.output ? /\.(docx|pdf|html?)$/i.exec(values.output)?.[1]?.toLowerCase() : undefined;
  const fromOutput = extension === 'htm' ? 'html' : extension;
  const to = (values.to?.toLowerCase() ?? fromOutput) as Target | undefined;
  if (!to) return fail(t('cli.export.needs-format'));
  if (!TARGETS.includes(to)) return fail(t('cli.export.unknown-format', { format: values.to ?? '' }));
  const paper = values.paper?.toLowerCase() as Paper | undefined;
  if (paper !== undefined && !PAPERS.includes(paper)) return fail(t('cli.export.unknown-paper', { paper: values.paper ?? '' }));
  if (values['reference-doc'] !== undefined && to !== 'docx') return fail(t('cli.export.reference-doc-only-docx'));

  // The synthesis is a file the user named: read wherever it is.
  const input = resolve(env.cwd, positionals[0]!);
  const shown = displayPath(input, env.cwd);
  const read = await readTextFile(input, { maxBytes: MAX_DOCUMENT_BYTES });
  if (!read.ok) return fail(t('cli.cannot-read', { file: shown, reason: reason(failureWords(read.failure, read.detail, MAX_DOCUMENT_BYTES)) }));
  const output = values.output === undefined ? defaultOutput(input, to) : resolve(env.cwd, values.output);
  if (output === input || (await sameFile(output, input))) return fail(t('cli.export.not-over-synthesis', { file: shown }));
  if (!values.force && (await exists(output))) return fail(t('cli.export.output-exists', { file: displayPath(output, env.cwd) }));

  const service = createCliService({ project: projectFolder(values.project, env), severities: {}, fix: false, ...(values.template !== undefined ? { defaultTemplate: values.template } : {}) });
  if (values.template !== undefined) {
    const templates = await service.templates(input);
    if (!templates.get(values.template)) return fail(t('cli.unknown-template', { template: values.template, known: templates.list().map((template) => template.id).join(', ') }));
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
    const page = service.render(analysis, { standalone: true, ...(env.locale !== undefined ? { locale: env.locale } : {}) });
    bytes = new TextEncoder().encode(page.html);
    ({ title } = page);
  } else if (to === 'pdf') {
    const browser = findBrowser(values.browser, env.vars ?? process.env);
    if (!browser.ok) return fail(browserProblem(env.locale, browser));
    const page = printPage(service, analysis, settings.paper);
    const printed = await printToPdf(page.html, browser.path);
    if (!printed.ok) return fail(t('cli.export.print-failed', { browser: browser.path, problem: printProblem(env.locale, printed) }));
    ({ bytes } = printed);
    ({ title } = page);
  } else {
    // A register that cannot be read is a finding on the synthesis; the annex does without it.
    for (const finding of analysis.findings) if (finding.rule === 'evidence') env.out.stderr(`synthlint export: ${t('cli.export.register-for-annex', { problem: reason(finding.message).replace(/\.$/, '') })}\n`);
    let referenceDoc: Uint8Array | undefined;
    const reference = settings.referenceDoc;
    if (reference) {
      const file = reference.from === 'user' ? displayPath(reference.path, env.cwd) : reference.named;
      const bytesRead = await readBytes(reference.path, { maxBytes: MAX_REFERENCE_BYTES, ...(reference.within !== undefined ? { within: reference.within } : {}) });
      if (!bytesRead.ok) return fail(t(reference.from === 'config' ? 'cli.export.cannot-read-reference-config' : 'cli.export.cannot-read-reference', { file, reason: reason(failureWords(bytesRead.failure, bytesRead.detail, MAX_REFERENCE_BYTES)) }));
      referenceDoc = bytesRead.bytes;
    }
    const result = await exportDocx(exportSourceOf(analysis), { ...(referenceDoc ? { referenceDoc } : {}), ...(values['no-toc'] ? { toc: false } : {}) });
    if (!result.ok) return fail(t('cli.export.cannot-use-reference', { file: reference?.from === 'user' ? displayPath(reference.path, env.cwd) : (reference?.named ?? ''), problem: referenceProblem(env.locale, result.problem) }));
    ({ bytes, title } = result);
  }
  // The output is a path the user gave (or beside the file they named), but its folder may be the
  // hostile repository's: a link planted there is not written through. Without --force, a file that
  // appeared since the check above is not replaced either.
  const written = await writeBytes(output, bytes, { within: dirname(output), exclusive: !values.force });
  if (!written.ok) {
    if (written.failure === 'exists') return fail(t('cli.export.output-exists', { file: displayPath(output, env.cwd) }));
    return fail(t('cli.cannot-write', { file: displayPath(output, env.cwd), reason: reason(writeFailureWords(written.failure, written.detail)) }));
  }
  const file = displayPath(output, env.cwd);
  const paperName = settings.paper === 'letter' ? t('cli.export.paper.letter') : t('cli.export.paper.a4');
  const wrote = !title ? t('cli.wrote', { file }) : to === 'pdf' ? t('cli.export.wrote-paper', { file, title, paper: paperName }) : t('cli.wrote-titled', { file, title });
  env.out.stderr(`${wrote}\n`);
  return EXIT_OK;
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
