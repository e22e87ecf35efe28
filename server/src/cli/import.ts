/**
 * `synthlint import FILE`: a brief or report in Word, PDF, HTML, Markdown or plain text as a
 * synthesis. The core does the reading and recognising; this file reads the input, the templates
 * and the register, writes the result (never over the input, never over a file without --force)
 * and prints what was recognised.
 */
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEvidenceRegister, resolveLocale, type Language } from '../core/index.js';
import { importDocument, importFormatOf, type ImportReport } from '../core/word.js';
import { displayPath } from './files.js';
import type { Environment } from './run.js';
import { loadWorkspaceTemplates } from './workspace.js';

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;
/** Larger inputs are refused: a brief or report is a few megabytes at most, pictures included. */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;
const MAX_REGISTER_BYTES = 10 * 1024 * 1024;

export const IMPORT_HELP = `synthlint import: a brief or report as a synthesis (*.synth.md)

Usage:
  synthlint import <file> [-o out.synth.md] [--template ID] [--lang en|es|fr]
                          [--evidence register.csv] [--format text|json] [--force]

Reads .docx, .pdf, .html, .md and .txt files (text in UTF-8, UTF-16 with a
byte-order mark, or Windows-1252). Recognises the title block (Country:,
Duration/scope:, Synthesis team:, Full report: and their Spanish and French
forms), the template's sections, paragraphs led by an SDG target, big-number
figures and counted sentences (as sources blocks) and, with --evidence, the
register's evaluation codes (as citations). What it cannot place stays as
ordinary Markdown. Parts a synthlint export generated (table of contents,
annexes) are left out.

Options:
  -o, --output FILE     where to write (default: beside the file, .synth.md;
                        '-' writes to standard output)
      --template ID     the template the synthesis follows
      --lang LANG       the document's language: en, es or fr (default: guessed)
      --evidence FILE   the evidence register (CSV or YAML) whose codes to cite
  -f, --format FORMAT   the report: text (default, on standard error) or json
                        (on standard output)
      --force           replace the output file if it exists
`;

const LANGUAGES: readonly Language[] = ['en', 'es', 'fr'];

export async function runImport(argv: readonly string[], env: Environment): Promise<number> {
  const say = (message: string): number => {
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return say(`${plainUsage(error)}\nRun 'synthlint import --help' for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    env.out.stdout(IMPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return say(positionals.length === 0 ? 'name the file to import, for example: synthlint import brief.docx' : `import takes one file, not ${positionals.length}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return say(`unknown format '${format}': use text or json`);
  const lang = values.lang === undefined ? undefined : resolveLocale(values.lang);
  if (values.lang !== undefined && (!lang || !LANGUAGES.includes(lang))) return say(`unknown language '${values.lang}': use en, es or fr`);
  if (values.output === '-' && format === 'json') return say('--format json prints the report on standard output, so the synthesis needs a file: add -o FILE');

  const input = resolve(env.cwd, positionals[0]!);
  const shown = displayPath(input, env.cwd);
  const kind = importFormatOf(input);
  if (!kind) return say(`cannot import ${shown}: expected a .docx, .pdf, .html, .md or .txt file`);
  const bytes = await readBytes(input, MAX_INPUT_BYTES);
  if (typeof bytes === 'string') return say(`cannot read ${shown}: ${bytes}`);

  const templates = await loadWorkspaceTemplates(env.cwd);
  if (values.template !== undefined && !templates.registry.get(values.template)) {
    return say(`unknown template '${values.template}'; known templates: ${templates.registry.list().map((t) => t.id).join(', ')}`);
  }

  const output = values.output === undefined ? defaultOutput(input) : values.output === '-' ? undefined : resolve(env.cwd, values.output);
  if (output !== undefined) {
    if ((await sameFile(output, input)) || output === input) return say(`will not write over the file being imported (${shown}): choose another name with -o`);
    if (!values.force && (await exists(output))) return say(`${displayPath(output, env.cwd)} already exists: choose another name with -o, or add --force to replace it`);
  }

  let register;
  let evidencePath: string | undefined;
  if (values.evidence !== undefined) {
    const path = resolve(env.cwd, values.evidence);
    const text = await readBytes(path, MAX_REGISTER_BYTES);
    if (typeof text === 'string') return say(`cannot read the evidence register ${displayPath(path, env.cwd)}: ${text}`);
    register = parseEvidenceRegister(new TextDecoder().decode(text), basename(path));
    for (const p of register.problems) env.out.stderr(`${displayPath(path, env.cwd)}:${p.line}:${p.column}: ${p.message}\n`);
    const base = output ? dirname(output) : env.cwd;
    evidencePath = relative(base, path).split(sep).join('/');
  }

  let result;
  try {
    result = await importDocument(bytes, kind, {
      templates: templates.registry,
      ...(values.template ? { template: values.template } : {}),
      ...(lang ? { language: lang } : {}),
      ...(register ? { register } : {}),
      ...(evidencePath ? { evidencePath } : {}),
    });
  } catch (error) {
    return say(`cannot read ${shown} as a ${describeFormat(kind)}: ${firstLine(error)}`);
  }

  if (output === undefined) env.out.stdout(result.markdown);
  else {
    try {
      await writeFile(output, result.markdown, 'utf8');
    } catch (error) {
      return say(`cannot write ${displayPath(output, env.cwd)}: ${firstLine(error)}`);
    }
  }
  const target = output ? displayPath(output, env.cwd) : 'standard output';
  if (format === 'json') env.out.stdout(`${JSON.stringify({ input: shown, output: output ? target : null, ...result.report }, null, 2)}\n`);
  else env.out.stderr(textReport(shown, target, result.report));
  return EXIT_OK;
}

function plainUsage(error: unknown): string {
  const message = firstLine(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `${missing[1]!.replace(/^-\w, /, '')} needs a value`;
  return message;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'unknown problem';
}

async function readBytes(path: string, limit: number): Promise<Uint8Array | string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return 'it is a folder, not a file';
    if (!info.isFile()) return 'it is not a regular file';
    if (info.size > limit) return `it is larger than ${Math.round(limit / 1024 / 1024)} MB`;
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : firstLine(error);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
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

/** `brief.docx` → `brief.synth.md`, beside it. */
function defaultOutput(input: string): string {
  const name = basename(input).replace(/\.(docx|pdf|html?|xhtml|md|markdown|txt)$/i, '').replace(/\.synth$/i, '');
  return resolve(dirname(input), `${name || 'imported'}.synth.md`);
}

function describeFormat(format: string): string {
  return { docx: 'Word document', pdf: 'PDF', html: 'web page', md: 'Markdown file', txt: 'text file' }[format] ?? format;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish', fr: 'French' };

function textReport(input: string, output: string, report: ImportReport): string {
  const lines: string[] = [];
  const language = `${LANGUAGE_NAMES[report.language]}${report.languageGuessed ? ', guessed' : ''}`;
  lines.push(`Imported ${input} (${describeFormat(report.format)}${report.encoding && report.encoding !== 'utf-8' ? `, ${report.encoding}` : ''}, ${language}) into ${output}, template ${report.template}.`);
  const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');
  lines.push(`  front matter:     ${list(report.frontMatter)}`);
  lines.push(`  sections:         ${list(report.sections.map((s) => s.heading))}`);
  lines.push(`  target sections:  ${list(report.targets)}`);
  lines.push(`  sources blocks:   ${report.sourcesBlocks.length === 0 ? 'none' : report.sourcesBlocks.map((b) => `${b.lines.filter((l) => !l.startsWith(' ')).length} counts${b.section ? ` in ${b.section}` : ''}`).join('; ')}`);
  lines.push(`  citations:        ${report.citations}`);
  if (report.generated.length > 0) lines.push(`  left out, generated by an export: ${report.generated.map((g) => (g.title ? `${g.kind} ("${g.title}")` : g.kind)).join(', ')}`);
  if (report.images > 0) lines.push(`  pictures not imported (their descriptions are kept): ${report.images}`);
  if (report.left.length > 0) {
    lines.push(`  kept as ordinary Markdown (${report.left.length}):`);
    for (const item of report.left.slice(0, 10)) lines.push(`    ${item.kind}: ${item.text}`);
    if (report.left.length > 10) lines.push(`    … and ${report.left.length - 10} more`);
  }
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  const { errors, warnings } = report.findings;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`  checks: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${errors + warnings > 0 && output !== 'standard output' ? ` (run synthlint ${output} to see them)` : ''}`);
  return `${lines.join('\n')}\n`;
}
