/**
 * The sentences of `synthlint export` and `synthlint import` that are more than one catalogue
 * message: the nested problems, the import report, the usage line. Every word comes from the shared
 * catalogue (`cli.export.*`, `cli.import.*` in core/i18n/messages), in the language the rest of the
 * CLI speaks (`--lang`, else the environment), so a reason inside a sentence is never in another
 * language than the sentence.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalogue, translator, wordMessage, type Locale, type Translate } from '../core/index.js';
import type { ImportReport } from '../core/word.js';
import type { BrowserProblem } from '../node/pdf/index.js';
export { printProblem, referenceProblem } from '../node/word-problems.js';
import type { Environment } from './run.js';

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;

type WordCommandName = 'export' | 'import';
type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Says a problem of `synthlint <command>` on standard error, after the command's name; the exit code to return. */
export function commandFailure(env: Environment, command: WordCommandName): (message: string) => number {
  return (message) => {
    env.out.stderr(`synthlint ${command}: ${message}\n`);
    return EXIT_TROUBLE;
  };
}

/**
 * The options of `synthlint export` or `import`, with `--help` (`-h`) answered: either what was
 * given, or the exit code once the help is printed or a usage error said (in the command's language,
 * with where its usage is explained).
 */
export function commandArgs<T extends Options>(
  command: WordCommandName,
  argv: readonly string[],
  options: T,
  env: Environment & { locale?: Locale },
): Parsed<T & typeof HELP> | { exit: number } {
  let parsed: Parsed<T & typeof HELP>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { ...options, ...HELP } });
  } catch (error) {
    return { exit: commandFailure(env, command)(usage(env.locale, command, plainUsage(error, env.locale))) };
  }
  if ((parsed.values as { help?: boolean }).help) {
    env.out.stdout(translator(env.locale)(command === 'export' ? 'cli.export.help' : 'cli.import.help'));
    return { exit: EXIT_OK };
  }
  return parsed;
}

/** A usage error: the problem, then where the command's usage is explained. */
export function usage(locale: Locale | undefined, command: WordCommandName, problem: string): string {
  const t = translator(locale);
  return `${problem}\n${command === 'export' ? t('cli.export.usage-hint') : t('cli.import.usage-hint')}`;
}

/** Node's parseArgs messages (English, and the only thing we get from it), in ours. */
export function plainUsage(error: unknown, locale: Locale | undefined): string {
  const t = translator(locale);
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] || '';
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return t('cli.unknown-option', { option: unknown[1]! });
  // "argument is ambiguous": the value after the option starts with a dash (`--to --lang es`), so none was given.
  const missing = /Option '([^']+)' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return t('cli.word.needs-value', { option: missing[1]!.replace(/^-\w, /, '') });
  const noValue = /Option '([^']+)' does not take an argument/.exec(message);
  if (noValue) return t('cli.takes-no-value', { option: noValue[1]!.replace(/^-\w, /, '') });
  return message;
}

/** Why no browser can print, in the CLI's words (an option and a variable, not a setting). */
export function browserProblem(locale: Locale | undefined, problem: BrowserProblem): string {
  const t = translator(locale);
  return problem.problem === 'no-browser' ? t('cli.export.no-browser') : t('cli.export.browser-not-found', { named: problem.named });
}

/** "Word document", "documento de Word", "document Word"…; an unknown format as it is. */
export function formatName(locale: Locale | undefined, format: string): string {
  return wordOf(locale, `cli.import.format.${format}`) ?? format;
}

/** The words of a catalogue key built from data (a format, a kind of block), if the catalogue has it. */
function wordOf(locale: Locale | undefined, key: string): string | undefined {
  return catalogue(locale ?? 'en').get(key) ?? catalogue('en').get(key);
}

/** A kind of block the importer left out or kept ("toc", "code block"…), in words. */
function kindName(locale: Locale | undefined, kind: string): string {
  return wordOf(locale, `cli.import.kind.${kind.replace(/\s+/g, '-')}`) ?? kind;
}

/** What `synthlint import` recognised, on standard error: one headline, then one line per part. */
export function importReport(
  locale: Locale | undefined,
  a: {
    input: string;
    output: string;
    toStandardOutput: boolean;
    report: ImportReport;
    findings: { errors: number; warnings: number };
    /** The template's heading of a section, in the user's language (the report holds the English one). */
    sectionHeading?: (id: string) => string | undefined;
  },
): string {
  const t = translator(locale);
  const { report, findings } = a;
  const languageName = wordOf(locale, `cli.import.language.${report.language}`) ?? report.language;
  const language = report.languageGuessed ? t('cli.import.language-guessed', { language: languageName }) : languageName;
  const details = [formatName(locale, report.format), ...(report.encoding && report.encoding !== 'utf-8' ? [report.encoding] : []), language].join(', ');
  const lines = [t('cli.import.report.imported', { input: a.input, details, output: a.output, template: report.template })];

  const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : t('cli.import.report.none'));
  const counts = (n: number): string => (n === 1 ? t('cli.import.report.counts-one', { n }) : t('cli.import.report.counts', { n }));
  const sources = report.sourcesBlocks.map((b) => {
    const text = counts(b.lines.filter((l) => !l.startsWith(' ')).length);
    return b.section ? t('cli.import.report.counts-in', { counts: text, section: b.section }) : text;
  });
  const rows: Array<[string, string]> = [
    [t('cli.import.report.front-matter'), list(report.frontMatter)],
    [t('cli.import.report.sections'), list(report.sections.map((s) => a.sectionHeading?.(s.id) ?? s.heading))],
    [t('cli.import.report.targets'), list(report.targets)],
    ...(report.considerations.length > 0
      ? [[t('cli.import.report.considerations'), t('cli.import.report.considerations-marked', { n: report.considerations.length })] as [string, string]]
      : []),
    [t('cli.import.report.sources'), sources.length === 0 ? t('cli.import.report.none') : sources.join('; ')],
    [t('cli.import.report.citations'), String(report.citations)],
  ];
  // The values line up under the longest label, whatever the language's labels are.
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}${value}`);

  if (report.generated.length > 0) {
    const parts = report.generated.map((g) => (g.title ? `${kindName(locale, g.kind)} ("${g.title}")` : kindName(locale, g.kind)));
    lines.push(`  ${t('cli.import.report.generated', { parts: parts.join(', ') })}`);
  }
  if (report.images > 0) lines.push(`  ${t('cli.import.report.pictures', { n: report.images })}`);
  if (report.left.length > 0) {
    lines.push(`  ${t('cli.import.report.kept', { n: report.left.length })}`);
    for (const item of report.left.slice(0, 10)) lines.push(`    ${t('cli.import.report.kept-item', { kind: kindName(locale, item.kind), text: item.text })}`);
    if (report.left.length > 10) lines.push(`    ${t('cli.import.report.more', { n: report.left.length - 10 })}`);
  }
  // What the reader could not bring in (a part of a .docx it cannot read), in the user's language.
  for (const warning of report.warnings) lines.push(`  ${t('cli.import.report.note', { note: wordMessage(warning, locale) })}`);
  const checks = { errors: plural(t, findings.errors, 'error'), warnings: plural(t, findings.warnings, 'warning') };
  lines.push(`  ${findings.errors + findings.warnings > 0 && !a.toStandardOutput ? t('cli.import.report.checks-see', { ...checks, output: a.output }) : t('cli.import.report.checks', checks)}`);
  return `${lines.join('\n')}\n`;
}

function plural(t: Translate, n: number, what: 'error' | 'warning'): string {
  if (what === 'error') return n === 1 ? t('cli.n.error-one', { n }) : t('cli.n.error', { n });
  return n === 1 ? t('cli.n.warning-one', { n }) : t('cli.n.warning', { n });
}
