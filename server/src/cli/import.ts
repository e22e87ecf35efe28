/**
 * `synthlint import FILE`: a brief or report in Word, PDF, HTML, Markdown or plain text as a
 * synthesis. The core does the reading and recognising; the language service gives the templates of
 * the project the result is written into and checks the result as `synthlint` would there. This
 * file reads the input and the register and writes the result (through node/fs: never over
 * the input, never over a file without --force, never through a link in the output's folder that
 * leads elsewhere) and prints what was recognised. Its words are in
 * word-messages.ts.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGES, MAX_SIDE_FILE_BYTES, parseEvidenceRegister, resolveLocale, type Language } from '../core/index.js';
import { importDocument, importFormatOf } from '../core/word.js';
import { readBytes, readTextFile, writeBytes, writeFailureText } from '../node/fs/index.js';
import { exists, plainUsage } from './export.js';
import { displayPath } from './files.js';
import { createCliService } from './lint-job.js';
import { failureWords, projectFolder, type Environment } from './run.js';
import { say } from './word-messages.js';

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;
/** Larger inputs are refused: a brief or report is a few megabytes at most, pictures included. */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export async function runImport(argv: readonly string[], env: Environment): Promise<number> {
  const fail = (message: string): number => {
    env.out.stderr(`synthlint import: ${message}\n`);
    return EXIT_TROUBLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        template: { type: 'string' },
        lang: { type: 'string' },
        evidence: { type: 'string' },
        format: { type: 'string', short: 'f' },
        force: { type: 'boolean' },
        project: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(say('usage', { command: 'import', problem: plainUsage(error) }));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    env.out.stdout(say('importHelp'));
    return EXIT_OK;
  }
  if (positionals.length !== 1) return fail(positionals.length === 0 ? say('importNeedsFile') : say('oneFile', { command: 'import', count: positionals.length }));
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(say('unknownReportFormat', { value: format }));
  const lang = values.lang === undefined ? undefined : resolveLocale(values.lang);
  if (values.lang !== undefined && (!lang || !(LANGUAGES as readonly string[]).includes(lang))) return fail(say('unknownLanguage', { value: values.lang }));
  if (values.output === '-' && format === 'json') return fail(say('jsonNeedsFile'));

  // The input, the register and the output are paths the user gave: read and written wherever they are.
  const input = resolve(env.cwd, positionals[0]!);
  const shown = displayPath(input, env.cwd);
  const kind = importFormatOf(input);
  if (!kind) return fail(say('notImportable', { file: shown }));
  const read = await readBytes(input, { maxBytes: MAX_INPUT_BYTES });
  if (!read.ok) return fail(say('cannotRead', { file: shown, reason: failureWords(read.failure, read.detail) }));

  const output = values.output === undefined ? defaultOutput(input) : values.output === '-' ? undefined : resolve(env.cwd, values.output);
  if (output !== undefined) {
    if (output === input || (await sameFile(output, input))) return fail(say('notOverInput', { file: shown }));
    if (!values.force && (await exists(output))) return fail(say('outputExists', { file: displayPath(output, env.cwd) }));
  }
  // Where the synthesis will live decides its project: its templates, default template and checks.
  const target = output ?? defaultOutput(input);
  const service = createCliService({ project: projectFolder(values.project, env), severities: {}, locale: 'en', fix: false });
  const context = await service.context({ key: target, path: target, text: '', version: null, transient: true });
  if (values.template !== undefined && !context.templates.get(values.template)) {
    return fail(say('unknownTemplate', { id: values.template, known: context.templates.list().map((t) => t.id) }));
  }

  let register;
  let evidencePath: string | undefined;
  if (values.evidence !== undefined) {
    const path = resolve(env.cwd, values.evidence);
    const text = await readTextFile(path, { maxBytes: MAX_SIDE_FILE_BYTES });
    if (!text.ok) return fail(say('cannotReadRegister', { file: displayPath(path, env.cwd), reason: failureWords(text.failure, text.detail) }));
    register = parseEvidenceRegister(text.text, basename(path));
    for (const p of register.problems) env.out.stderr(`${displayPath(path, env.cwd)}:${p.line}:${p.column}: ${p.message}\n`);
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
    return fail(say('cannotReadAs', { file: shown, format: kind, detail: (error instanceof Error ? error.message : String(error)).split('\n')[0] || '?' }));
  }

  if (output === undefined) env.out.stdout(result.markdown);
  else {
    const written = await writeBytes(output, new TextEncoder().encode(result.markdown), { within: dirname(output), exclusive: !values.force });
    if (!written.ok) {
      if (written.failure === 'exists') return fail(say('outputExists', { file: displayPath(output, env.cwd) }));
      return fail(say('cannotWrite', { file: displayPath(output, env.cwd), reason: writeFailureText(written.failure, written.detail) }));
    }
  }
  // Checked as `synthlint` will check the file where it was written.
  const analysis = await service.analyze({ key: target, path: target, text: result.markdown, version: null, transient: true });
  const count = (severity: string): number => analysis.findings.filter((f) => f.severity === severity).length;
  const findings = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  const written = output ? displayPath(output, env.cwd) : say('standardOutput');
  if (format === 'json') env.out.stdout(`${JSON.stringify({ input: shown, output: output ? written : null, ...result.report, findings }, null, 2)}\n`);
  else env.out.stderr(say('importReport', { input: shown, output: written, report: result.report, findings }));
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
