/**
 * `synthlint matrix FILE`: the summary matrix of a synthesis (findings, evidence, confidence,
 * considerations) as Markdown, CSV or JSON; and the criteria view of `synthlint coverage --by
 * criterion`. The language service finds the document's project, register and configuration; this
 * module reads the arguments and writes the result.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs as parseTokens } from 'node:util';
import { checkFlow, criteriaToCsv, criteriaToMarkdown, flowToPrismaCsv, matrixFor, matrixToCsv, matrixToJson, matrixToMarkdown, msg, screeningFlows, type CriteriaMatrix, type DocumentContext, type DocumentSource, flowProblemMessage, wordMessage } from '../core/index.js';
import { writeTextFile } from '../node/fs/index.js';
import { displayPath } from './files.js';
import { createCliService } from './lint-job.js';
import { EXIT_OK, EXIT_TROUBLE, failureWords, projectFolder, readOrSay, say, writeFailureWords, type CommandEnvironment } from './run.js';

export const MATRIX_HELP = `synthlint matrix: the summary matrix of a synthesis

Usage:
  synthlint matrix <file> [--format md|csv|json|prisma] [--min N] [-o FILE]

For each SDG target section: its findings with the evaluations each cites
(and, where the evidence register rates their quality, a confidence level),
the evidence behind the section (evaluations by kind and year) and its
considerations. The register is found as for checking.

Options:
  -f, --format FORMAT   md (Markdown, the default), csv or json; or prisma:
                        the screening flow (a 'sources flow' block) in the
                        CSV layout of the PRISMA2020 R package
      --min N           fewest evaluations a target section should rest on
                        (default: the project's coverage.minimum, else 2)
  -o, --output FILE     where to write it (default: standard output)
      --project DIR     the folder no project is looked for above
  -h, --help            show this help
`;

const FORMATS = ['md', 'markdown', 'csv', 'json', 'prisma'] as const;
type MatrixFormat = 'md' | 'csv' | 'json' | 'prisma';

type MatrixArgs = { help: true } | { help: false; file: string; format: MatrixFormat; minimum?: number; output?: string; project?: string };

/** The arguments after `matrix`; a mistake is a message in plain words. */
export function parseMatrixArgs(argv: readonly string[]): MatrixArgs | { error: string } {
  let parsed;
  try {
    parsed = parseTokens({
      args: [...argv],
      options: { format: { type: 'string', short: 'f' }, min: { type: 'string' }, output: { type: 'string', short: 'o' }, project: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages name the option; keep their first sentence.
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\. To specify .*$/, '') };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length === 0) return { error: "'synthlint matrix' needs a file: synthlint matrix brief.synth.md" };
  if (positionals.length > 1) return { error: `'synthlint matrix' takes one file, not ${positionals.length}` };
  const format = values.format ?? 'md';
  if (!(FORMATS as readonly string[]).includes(format)) return { error: `unknown matrix format '${format}': use md, csv, json or prisma` };
  const minText = values.min;
  if (minText !== undefined && !/^\d{1,4}$/.test(minText.trim())) return { error: `--min expects a whole number of evaluations such as 2, found '${minText}'` };
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
  const args = parseMatrixArgs(argv);
  if ('error' in args) {
    env.out.stderr(`synthlint: ${args.error}\nRun 'synthlint matrix --help' for usage.\n`);
    return EXIT_TROUBLE;
  }
  if (args.help) {
    env.out.stdout(MATRIX_HELP);
    return EXIT_OK;
  }
  const service = createCliService({ project: projectFolder(args.project, env), severities: {}, locale: env.locale, fix: false });
  const path = resolve(env.cwd, args.file);
  const text = await readOrSay(path, env);
  if (text === undefined) return EXIT_TROUBLE;
  if (args.output !== undefined && args.output !== '-' && resolve(env.cwd, args.output) === path) {
    env.out.stderr(`synthlint: -o names the synthesis itself (${displayPath(path, env.cwd)}); name another file for the matrix\n`);
    return EXIT_TROUBLE;
  }
  const source: DocumentSource = { key: displayPath(path, env.cwd), path, text, version: null, transient: true };
  const context = await service.context(source);
  let trouble = false;
  if (context.registerFailure) {
    env.out.stderr(`synthlint: ${source.key}: cannot read the evidence register ${context.registerFailure.named}: ${wordMessage(failureWords(context.registerFailure.failure, context.registerFailure.detail), env.locale)}\n`);
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
  const flows = screeningFlows(context.document);
  const flow = flows[0];
  if (!flow) {
    env.out.stderr(`synthlint: ${shown} has no screening flow: write one as a sources block that starts with \`\`\`sources flow\n`);
    return EXIT_TROUBLE;
  }
  const line = (offset: number): number => context.document.lines.positionAt(offset).line + 1;
  if (flows.length > 1) env.out.stderr(`synthlint: ${shown} has ${flows.length} screening flows; writing the first (line ${line(flow.block.span.start)})\n`);
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

/** Writes to the file, or to standard output for none or `-`; false (with a message) if that fails. */
async function writeOutput(env: CommandEnvironment, output: string | undefined, text: string): Promise<boolean> {
  if (output === undefined || output === '-') {
    env.out.stdout(text);
    return true;
  }
  const target = resolve(env.cwd, output);
  const written = await writeTextFile(target, text, { encoding: 'utf-8', within: dirname(target) });
  if (!written.ok) say(env, msg('cli.cannot-write', { file: displayPath(target, env.cwd), reason: writeFailureWords(written.failure, written.detail) }));
  return written.ok;
}
