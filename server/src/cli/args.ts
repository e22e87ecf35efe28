/**
 * The command line: a table of options, tokenised by Node's `util.parseArgs`. Parsing is pure and
 * throws only `UsageError`, whose message (as data, like every message) is shown in the user's
 * language as one line, with exit code 2. The help text is the message `cli.help`.
 */
import { parseArgs as parseTokens } from 'node:util';
import { list, msg, resolveLocale, wordMessage, type Locale, type Message, type SeveritySetting } from '../core/index.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
const SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export interface LintCommand {
  command: 'lint';
  inputs: string[];
  format: Format;
  template?: string;
  severities: Record<string, SeveritySetting>;
  fix: boolean;
  quiet: boolean;
  /** `--lang`: the language of the messages; unset means the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
  lang?: Locale;
  /** `--project`: the folder no project root goes above (default: the current folder). */
  project?: string;
  /** `--cache`: keep findings between runs and re-check only what may have changed. */
  cache?: boolean;
  /** `--cache-location`: the cache file, or a folder to keep it in (default: `.synthesis-cache` in the current folder). */
  cacheLocation?: string;
}

export interface RenderCommand {
  command: 'render';
  file: string;
  /** Where to write the page; `-` is standard output; undefined means beside the file. */
  output?: string;
  template?: string;
  project?: string;
  /** `--lang`: the language of the messages and of the problem marks. */
  lang?: Locale;
}

/** `synthlint coverage`: the evidence coverage map (target × evaluation) of the syntheses. */
export interface CoverageCommand {
  command: 'coverage';
  inputs: string[];
  format: CoverageFormat;
  /** Target sections resting on fewer evaluations are marked weak. */
  minimum?: number;
  /** Where to write the map; undefined or `-` is standard output. */
  output?: string;
  project?: string;
  /** `--by criterion`: the target × OECD-DAC criterion view instead of target × evaluation. */
  by?: 'evaluation' | 'criterion';
  /** `--lang`: the language of the messages and of the Markdown map (else the documents'). */
  lang?: Locale;
}
export const COVERAGE_FORMATS = ['markdown', 'csv', 'json'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** `synthlint codebook`: a template's SDG targets (and sections) as a REFI-QDA codebook. */
export interface CodebookCommand {
  command: 'codebook';
  template?: string;
  /** Also the template's thematic sections as codes. */
  sections: boolean;
  /** Where to write the codebook; undefined or `-` is standard output. */
  output?: string;
  lang?: Locale;
  project?: string;
}

/**
 * `synthlint export` and `synthlint import`: their options are read where they run (cli/export.ts,
 * cli/import.ts), which are loaded only when used (dist/word.js: their libraries are large).
 */
export interface WordCommand {
  command: 'export' | 'import';
  args: string[];
}

export type Command = LintCommand | RenderCommand | CoverageCommand | CodebookCommand | WordCommand | { command: 'help' } | { command: 'version' };

/** A mistake in the command line: shown as one line in the user's language, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly problem: Message) {
    // In English for logs and tests; the user reads `problem` in their own language.
    super(wordMessage(problem));
  }
}

/** Words that start a subcommand when they come first. */
const SUBCOMMANDS = ['render', 'coverage', 'codebook'] as const;
type Subcommand = 'lint' | (typeof SUBCOMMANDS)[number];

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What value the option takes, for messages. */
  value?: Message;
  commands: readonly Subcommand[];
}

const ALL: readonly Subcommand[] = ['lint', 'render', 'coverage', 'codebook'];
const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', short: 'f', value: msg('cli.value.format'), commands: ['lint', 'coverage'] },
  template: { type: 'string', value: msg('cli.value.template'), commands: ['lint', 'render', 'codebook'] },
  rule: { type: 'string', value: msg('cli.value.rule'), commands: ['lint'] },
  fix: { type: 'boolean', commands: ['lint'] },
  quiet: { type: 'boolean', short: 'q', commands: ['lint'] },
  cache: { type: 'boolean', commands: ['lint'] },
  'cache-location': { type: 'string', value: msg('cli.value.cache-location'), commands: ['lint'] },
  lang: { type: 'string', value: msg('cli.value.lang'), commands: ['lint', 'render', 'coverage', 'codebook'] },
  output: { type: 'string', short: 'o', value: msg('cli.value.output'), commands: ['render', 'coverage', 'codebook'] },
  min: { type: 'string', value: msg('cli.value.min'), commands: ['coverage'] },
  by: { type: 'string', value: msg('cli.value.by'), commands: ['coverage'] },
  sections: { type: 'boolean', commands: ['codebook'] },
  project: { type: 'string', value: msg('cli.value.project'), commands: ['lint', 'render', 'coverage', 'codebook'] },
  help: { type: 'boolean', short: 'h', commands: ALL },
  version: { type: 'boolean', short: 'v', commands: ALL },
};

/**
 * Node's `util.parseArgs` splits the command line into tokens (it knows `--name=value`, `-f value`,
 * `--` and lone `-`); the checks and their plain messages are ours, so it runs without `strict`.
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv[0] === 'export' || argv[0] === 'import') return { command: argv[0], args: argv.slice(1) };
  let subcommand: Subcommand = 'lint';
  let rest = argv;
  if (argv[0] !== undefined && (SUBCOMMANDS as readonly string[]).includes(argv[0])) {
    subcommand = argv[0] as Subcommand;
    rest = argv.slice(1);
  }
  const { tokens } = parseTokens({
    args: [...rest],
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }])),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });

  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const written = token.rawName;
    const spec = OPTIONS[token.name];
    if (!spec || (written.startsWith('--') && written !== `--${token.name}`)) throw new UsageError(msg('cli.unknown-option', { option: written }));
    if (!spec.commands.includes(subcommand)) {
      const others = spec.commands.filter((c) => c !== 'lint');
      throw new UsageError(
        subcommand === 'lint'
          ? msg('cli.only-for', {
              option: written,
              commands: list(
                others.map((c) => `'synthlint ${c}'`),
                'or',
              ),
            })
          : msg('cli.not-for', { option: written, command: subcommand }),
      );
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(msg('cli.takes-no-value', { option: written }));
      flags.add(token.name);
      continue;
    }
    if (token.value === undefined || token.value === '') throw new UsageError(msg('cli.needs-value', { option: written, value: spec.value ?? '' }));
    values.set(token.name, [...(values.get(token.name) ?? []), token.value]);
  }

  if (flags.has('help')) return { command: 'help' };
  if (flags.has('version')) return { command: 'version' };
  const template = last(values.get('template'));
  const project = last(values.get('project'));
  const withProject = project === undefined ? {} : { project };

  if (subcommand === 'render') {
    if (positional.length === 0) throw new UsageError(msg('cli.render-needs-file'));
    if (positional.length > 1) throw new UsageError(msg('cli.render-one-file', { count: positional.length }));
    const lang = langOf(values);
    return { command: 'render', file: positional[0]!, output: last(values.get('output')), template, ...withProject, ...(lang ? { lang } : {}) };
  }

  if (subcommand === 'coverage' || subcommand === 'codebook') return { ...parseEvidenceCommand(subcommand, positional, values, flags), ...withProject };

  const format = last(values.get('format')) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(msg('cli.unknown-format', { format }));
  }
  if (positional.length === 0) throw new UsageError(msg('cli.no-files'));
  const lang = langOf(values);
  return {
    command: 'lint',
    inputs: positional,
    format: format as Format,
    template,
    severities: parseRuleSettings(values.get('rule') ?? []),
    fix: flags.has('fix'),
    quiet: flags.has('quiet'),
    // A cache location alone means the cache is wanted (as with ESLint's --cache-location, it is pointless otherwise).
    ...(flags.has('cache') || values.has('cache-location') ? { cache: true } : {}),
    ...(values.has('cache-location') ? { cacheLocation: last(values.get('cache-location'))! } : {}),
    ...(lang ? { lang } : {}),
    ...withProject,
  };
}

function parseEvidenceCommand(subcommand: 'coverage' | 'codebook', positional: string[], values: Map<string, string[]>, flags: Set<string>): CoverageCommand | CodebookCommand {
  const output = last(values.get('output'));
  if (subcommand === 'codebook') {
    if (positional.length > 0) throw new UsageError(msg('cli.codebook-no-files', { found: positional[0]! }));
    const lang = langOf(values);
    const template = last(values.get('template'));
    return { command: 'codebook', sections: flags.has('sections'), ...(template ? { template } : {}), ...(output ? { output } : {}), ...(lang ? { lang } : {}) };
  }
  const format = last(values.get('format')) ?? 'markdown';
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) throw new UsageError(msg('cli.unknown-coverage-format', { format }));
  const minText = last(values.get('min'));
  if (minText !== undefined && !/^\d{1,4}$/.test(minText.trim())) throw new UsageError(msg('cli.min', { found: minText }));
  if (positional.length === 0) throw new UsageError(msg('cli.coverage-no-files'));
  const lang = langOf(values);
  const by = last(values.get('by'));
  if (by !== undefined && by !== 'evaluation' && by !== 'criterion') throw new UsageError(msg('cli.by', { found: by }));
  return {
    command: 'coverage',
    ...(by === 'criterion' ? { by } : {}),
    ...(lang ? { lang } : {}),
    inputs: positional,
    format: format as CoverageFormat,
    ...(minText !== undefined ? { minimum: Number(minText.trim()) } : {}),
    ...(output ? { output } : {}),
  };
}

function parseRuleSettings(entries: readonly string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const entry of entries) {
    const match = /^([^=]+)=(.*)$/.exec(entry);
    const setting = match?.[2]?.trim().toLowerCase();
    if (!match || !setting || !(SETTINGS as readonly string[]).includes(setting)) {
      throw new UsageError(msg('cli.rule-setting', { found: entry }));
    }
    out[match[1]!.trim()] = setting as SeveritySetting;
  }
  return out;
}

/** `--lang`, checked; undefined when not given. */
function langOf(values: Map<string, string[]>): Locale | undefined {
  const text = last(values.get('lang'));
  const lang = text === undefined ? undefined : resolveLocale(text);
  if (text !== undefined && lang === undefined) throw new UsageError(msg('cli.unknown-language', { language: text }));
  return lang;
}

/**
 * The language the command line asks for before it is parsed (its usage errors and help are in it):
 * the last `--lang` that names one of the three, else the environment's.
 */
export function requestedLocale(argv: readonly string[]): Locale | undefined {
  let found: Locale | undefined;
  argv.forEach((arg, i) => {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    const locale = value === undefined ? undefined : resolveLocale(value);
    if (locale) found = locale;
  });
  return found;
}

function last(list: readonly string[] | undefined): string | undefined {
  return list?.[list.length - 1];
}
