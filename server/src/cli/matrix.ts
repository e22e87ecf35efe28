/**
 * `synthlint matrix FILE`: the summary matrix of a synthesis (findings, evidence, confidence,
 * considerations) as Markdown, CSV or JSON; and the criteria view of `synthlint coverage --by
 * criterion`. The language service finds the document's project, register and configuration; this
 * module reads the arguments and writes the result.
 */
import { resolve } from 'node:path';
import { parseArgs as parseTokens } from 'node:util';
import { checkFlow, criteriaToCsv, criteriaToMarkdown, flowToPrismaCsv, matrixFor, matrixToCsv, matrixToJson, matrixToMarkdown, resolveLocale, screeningFlows, translator, type Locale, type CriteriaMatrix, type DocumentContext, type DocumentSource, flowProblemMessage, wordMessage } from '../core/index.js';
import { displayPath } from './files.js';
import { writeOutput } from './output.js';
import { createCliService } from './lint-job.js';
import { plainUsage } from './word-messages.js';
import { EXIT_OK, EXIT_TROUBLE, failureWords, projectFolder, readOrSay, type CommandEnvironment } from './run.js';

/** The command's help, in the language of the messages (`cli.matrix.help`; English by default). */
export function matrixHelp(locale?: Locale): string {
  return translator(locale)('cli.matrix.help');
}

const FORMATS = ['md', 'markdown', 'csv', 'json', 'prisma'] as const;
type MatrixFormat = 'md' | 'csv' | 'json' | 'prisma';

type MatrixArgs = { help: true } | { help: false; file: string; format: MatrixFormat; minimum?: number; output?: string; project?: string };

/** The arguments after `matrix`; a mistake is a message in plain words. */
export function parseMatrixArgs(argv: readonly string[], locale?: Locale): MatrixArgs | { error: string } {
  const t = translator(locale);
  let parsed;
  try {
    parsed = parseTokens({
      args: [...argv],
      // --lang is read by the CLI before the command runs (it chooses the language of everything said here); checked below.
      options: { format: { type: 'string', short: 'f' }, min: { type: 'string' }, output: { type: 'string', short: 'o' }, lang: { type: 'string' }, project: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages are English: the option they name, in the catalogue's words.
    return { error: plainUsage(error, locale) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (values.lang !== undefined && !resolveLocale(values.lang)) return { error: t('cli.unknown-language', { language: values.lang }) };
  if (positionals.length === 0) return { error: t('cli.matrix.needs-file') };
  if (positionals.length > 1) return { error: t('cli.matrix.one-file', { count: positionals.length }) };
  const format = values.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) return { error: t('cli.matrix.unknown-format', { format }) };
  const minText = values.min;
  if (minText !== undefined && !/^\d{1,4}$/.test(minText.trim())) return { error: t('cli.matrix.bad-min', { found: minText }) };
  return {
    help: false,
    file: positionals[0]!,
    format: format === 'markdown' ? 'md' : (format as MatrixFormat),
    ...(minText !== undefined ? { minimum: Number(minText.trim()) } : {}),
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(values.project !== undefined ? { project: values.project } : {}),
  };
}

export async function runMatrix(argv: readonly string[], env: CommandEnvironment): Promise<number> {
  const t = translator(env.locale);
  const args = parseMatrixArgs(argv, env.locale);
  if ('error' in args) {
    env.out.stderr(`synthlint: ${args.error}\n${t('cli.matrix.usage-hint')}\n`);
    return EXIT_TROUBLE;
  }
  if (args.help) {
    env.out.stdout(matrixHelp(env.locale));
    return EXIT_OK;
  }
  const service = createCliService({ project: projectFolder(args.project, env), severities: {}, fix: false });
  const path = resolve(env.cwd, args.file);
  const text = await readOrSay(path, env);
  if (text === undefined) return EXIT_TROUBLE;
  if (args.output !== undefined && args.output !== '-' && resolve(env.cwd, args.output) === path) {
    env.out.stderr(`synthlint: ${t('cli.matrix.output-is-synthesis', { file: displayPath(path, env.cwd) })}\n`);
    return EXIT_TROUBLE;
  }
  const source: DocumentSource = { key: displayPath(path, env.cwd), path, text, version: null, transient: true };
  const context = await service.context(source);
  let trouble = false;
  if (context.registerFailure) {
    const reason = wordMessage(failureWords(context.registerFailure.failure, context.registerFailure.detail), env.locale);
    env.out.stderr(`synthlint: ${t('cli.matrix.register-unreadable', { file: source.key, named: context.registerFailure.named, reason })}\n`);
    trouble = true;
  }
  if (args.format === 'prisma') return writeFlow(env, args.output, source.key, context, trouble);
  const matrix = matrixFor(context, args.minimum);
  const output = args.format === 'csv' ? matrixToCsv(matrix) : args.format === 'json' ? matrixToJson(matrix) : matrixToMarkdown(matrix);
  const written = await writeOutput(env, args.output, output);
  return written && !trouble ? EXIT_OK : EXIT_TROUBLE;
}

/** The first screening flow of the document in the PRISMA2020 layout; its problems on standard error. */
async function writeFlow(env: CommandEnvironment, output: string | undefined, shown: string, context: DocumentContext, trouble: boolean): Promise<number> {
  const t = translator(env.locale);
  const flows = screeningFlows(context.document);
  const flow = flows[0];
  if (!flow) {
    env.out.stderr(`synthlint: ${t('cli.matrix.no-flow', { file: shown })}\n`);
    return EXIT_TROUBLE;
  }
  const line = (offset: number): number => context.document.lines.positionAt(offset).line + 1;
  if (flows.length > 1) env.out.stderr(`synthlint: ${t('cli.matrix.several-flows', { file: shown, count: flows.length, line: line(flow.block.span.start) })}\n`);
  for (const problem of checkFlow(flow, context.register?.register)) env.out.stderr(`synthlint: ${shown}:${line(problem.span.start)}: ${wordMessage(flowProblemMessage(problem), env.locale)}\n`);
  const written = await writeOutput(env, output, flowToPrismaCsv(flow, context.document.language));
  return written && !trouble ? EXIT_OK : EXIT_TROUBLE;
}

/** The criteria view in the coverage command's formats. */
export function formatCriteria(matrix: CriteriaMatrix, format: 'markdown' | 'csv' | 'json', language: 'en' | 'es' | 'fr'): string {
  if (format === 'csv') return criteriaToCsv(matrix);
  if (format === 'json') return `${JSON.stringify(matrix, null, 2)}\n`;
  return criteriaToMarkdown(matrix, language);
}

