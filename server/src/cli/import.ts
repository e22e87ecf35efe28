/**
 * `synthlint import FILE`: a brief or report in Word, PDF, HTML, Markdown or plain text as a
 * synthesis. The core does the reading and recognising; the language service gives the templates of
 * the project the result is written into and checks the result as `synthlint` would there. This
 * file reads the input and the register and writes the result (through node/fs: never over
 * the input, never over a file without --force, never through a link in the output's folder that
 * leads elsewhere) and prints what was recognised. Its words are in the catalogue (`cli.import.*`),
 * in the language of the messages; word-messages.ts writes the report.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { LANGUAGES, MAX_SIDE_FILE_BYTES, parseEvidenceRegister, resolveLocale, type Language } from '../core/index.js';
import { importDocument, importFormatOf } from '../core/word.js';
import { readBytes, readTextFile, writeBytes } from '../node/fs/index.js';
import { exists } from './export.js';
import { displayPath } from './files.js';
import { createCliService } from './lint-job.js';
import { failureWords, writeFailureWords, projectFolder, type Environment } from './run.js';
import { translator, wordMessage, type Locale } from '../core/index.js';
import { commandArgs, commandFailure, formatName, importReport, usage } from './word-messages.js';

const EXIT_OK = 0;
/** Larger inputs are refused: a brief or report is a few megabytes at most, pictures included. */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export async function runImport(argv: readonly string[], env: Environment & { locale?: Locale }): Promise<number> {
  // The reasons a file cannot be read come from the shared catalogue, in the command's language.
  const reason = (m: Parameters<typeof wordMessage>[0]): string => wordMessage(m, env.locale);
  const t = translator(env.locale);
  const fail = commandFailure(env, 'import');
  const parsed = commandArgs('import', argv, {
    output: { type: 'string', short: 'o' },
    template: { type: 'string' },
    lang: { type: 'string' },
    evidence: { type: 'string' },
    format: { type: 'string', short: 'f' },
    force: { type: 'boolean' },
    project: { type: 'string' },
  }, env);
  if ('exit' in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return fail(positionals.length === 0 ? t('cli.import.needs-file') : t('cli.import.one-file', { count: positionals.length }));
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(t('cli.import.unknown-report-format', { format }));
  const lang = values.lang === undefined ? undefined : resolveLocale(values.lang);
  if (values.lang !== undefined && (!lang || !(LANGUAGES as readonly string[]).includes(lang))) return fail(usage(env.locale, 'import', t('cli.unknown-language', { language: values.lang })));
  if (values.output === '-' && format === 'json') return fail(t('cli.import.json-needs-file'));

  // The input, the register and the output are paths the user gave: read and written wherever they are.
  const input = resolve(env.cwd, positionals[0]!);
  const shown = displayPath(input, env.cwd);
  const kind = importFormatOf(input);
  if (!kind) return fail(t('cli.import.not-importable', { file: shown }));
  const read = await readBytes(input, { maxBytes: MAX_INPUT_BYTES });
  if (!read.ok) return fail(t('cli.cannot-read', { file: shown, reason: reason(failureWords(read.failure, read.detail, MAX_INPUT_BYTES)) }));

  const output = values.output === undefined ? defaultOutput(input) : values.output === '-' ? undefined : resolve(env.cwd, values.output);
  if (output !== undefined) {
    if (output === input || (await sameFile(output, input))) return fail(t('cli.import.not-over-input', { file: shown }));
    if (!values.force && (await exists(output))) return fail(t('cli.import.output-exists', { file: displayPath(output, env.cwd) }));
  }
  // Where the synthesis will live decides its project: its templates, default template and checks.
  const target = output ?? defaultOutput(input);
  const service = createCliService({ project: projectFolder(values.project, env), severities: {}, fix: false });
  const context = await service.context({ key: target, path: target, text: '', version: null, transient: true });
  if (values.template !== undefined && !context.templates.get(values.template)) {
    return fail(t('cli.unknown-template', { template: values.template, known: context.templates.list().map((template) => template.id).join(', ') }));
  }

  let register;
  let evidencePath: string | undefined;
  if (values.evidence !== undefined) {
    const path = resolve(env.cwd, values.evidence);
    const text = await readTextFile(path, { maxBytes: MAX_SIDE_FILE_BYTES });
    if (!text.ok) return fail(t('cli.import.cannot-read-register', { file: displayPath(path, env.cwd), reason: reason(failureWords(text.failure, text.detail, MAX_SIDE_FILE_BYTES)) }));
    register = parseEvidenceRegister(text.text, basename(path));
    for (const p of register.problems) env.out.stderr(`${displayPath(path, env.cwd)}:${p.line}:${p.column}: ${reason(p.message)}\n`);
    evidencePath = relative(dirname(target), path).split(sep).join('/');
  }

  let result;
  try {
    result = await importDocument(read.bytes, kind, {
      templates: context.templates,
      template: values.template ?? context.config.defaultTemplate,
      ...(lang ? { language: lang as Language } : {}),
      ...(register ? { register } : {}),
      ...(evidencePath ? { evidencePath } : {}),
    });
  } catch (error) {
    // The readers reject a damaged .docx or .pdf; their first line says what they found.
    return fail(t('cli.import.cannot-read-as', { file: shown, format: formatName(env.locale, kind), detail: (error instanceof Error ? error.message : String(error)).split('\n')[0] || '?' }));
  }

  if (output === undefined) env.out.stdout(result.markdown);
  else {
    const written = await writeBytes(output, new TextEncoder().encode(result.markdown), { within: dirname(output), exclusive: !values.force });
    if (!written.ok) {
      if (written.failure === 'exists') return fail(t('cli.import.output-exists', { file: displayPath(output, env.cwd) }));
      return fail(t('cli.cannot-write', { file: displayPath(output, env.cwd), reason: reason(writeFailureWords(written.failure, written.detail)) }));
    }
  }
  // Checked as `synthlint` will check the file where it was written.
  const analysis = await service.analyze({ key: target, path: target, text: result.markdown, version: null, transient: true });
  const count = (severity: string): number => analysis.findings.filter((f) => f.severity === severity).length;
  const findings = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  const written = output ? displayPath(output, env.cwd) : t('cli.import.standard-output');
  const template = context.templates.get(result.report.template);
  const sectionHeading = (id: string): string | undefined => template?.sections.find((s) => s.id === id)?.headings[env.locale ?? 'en'];
  if (format === 'json') {
    // Headings and notes are words the user reads, in the language of the messages as in the text report; ids and kinds are codes for programs.
    const sections = result.report.sections.map((s) => ({ ...s, heading: sectionHeading(s.id) ?? s.heading }));
    const warnings = result.report.warnings.map((w) => wordMessage(w, env.locale));
    env.out.stdout(`${JSON.stringify({ input: shown, output: output ? written : null, ...result.report, sections, warnings, findings }, null, 2)}\n`);
  }
  else env.out.stderr(importReport(env.locale, { input: shown, output: written, toStandardOutput: output === undefined, report: result.report, findings, sectionHeading }));
  return EXIT_OK;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

/** `brief.docx` → `brief.synth.md`, beside it. */
function defaultOutput(input: string): string {
  const name = basename(input).replace(/\.(docx|pdf|html?|xhtml|md|markdown|txt)$/i, '').replace(/\.synth$/i, '');
  return resolve(dirname(input), `${name || 'imported'}.synth.md`);
}
