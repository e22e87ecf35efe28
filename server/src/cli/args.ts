/**
 * The command line: a table of options, tokenised by Node's `util.parseArgs`. Parsing is pure and
 * throws only `UsageError`, whose message is shown as one line with exit code 2.
 */
import { parseArgs as parseTokens } from 'node:util';
import { resolveLocale, type Locale, type SeveritySetting } from '../core/index.js';

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
}

export interface RenderCommand {
  command: 'render';
  file: string;
  /** Where to write the page; `-` is standard output; undefined means beside the file. */
  output?: string;
  template?: string;
  project?: string;
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

/** A mistake in the command line: shown as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Words that start a subcommand when they come first. */
const SUBCOMMANDS = ['render', 'coverage', 'codebook'] as const;
type Subcommand = 'lint' | (typeof SUBCOMMANDS)[number];

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in messages when the option takes a value. */
  value?: string;
  commands: readonly Subcommand[];
}

const ALL: readonly Subcommand[] = ['lint', 'render', 'coverage', 'codebook'];
const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', short: 'f', value: 'text, json or sarif', commands: ['lint', 'coverage'] },
  template: { type: 'string', value: 'a template id', commands: ['lint', 'render', 'codebook'] },
  rule: { type: 'string', value: 'rule-id=off|info|warning|error', commands: ['lint'] },
  fix: { type: 'boolean', commands: ['lint'] },
  quiet: { type: 'boolean', short: 'q', commands: ['lint'] },
  lang: { type: 'string', value: 'en, es or fr', commands: ['lint', 'codebook'] },
  output: { type: 'string', short: 'o', value: 'a file name', commands: ['render', 'coverage', 'codebook'] },
  min: { type: 'string', value: 'a whole number of evaluations', commands: ['coverage'] },
  sections: { type: 'boolean', commands: ['codebook'] },
  project: { type: 'string', value: 'a folder', commands: ['lint', 'render', 'coverage', 'codebook'] },
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
    if (!spec || (written.startsWith('--') && written !== `--${token.name}`)) throw new UsageError(`unknown option '${written}'`);
    if (!spec.commands.includes(subcommand)) {
      const others = spec.commands.filter((c) => c !== 'lint');
      throw new UsageError(subcommand === 'lint' ? `${written} is only for 'synthlint ${others.join("' or 'synthlint ")}'` : `${written} does not apply to 'synthlint ${subcommand}'`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${written} takes no value`);
      flags.add(token.name);
      continue;
    }
    if (token.value === undefined || token.value === '') throw new UsageError(`${written} needs a value (${spec.value})`);
    values.set(token.name, [...(values.get(token.name) ?? []), token.value]);
  }

  if (flags.has('help')) return { command: 'help' };
  if (flags.has('version')) return { command: 'version' };
  const template = last(values.get('template'));
  const project = last(values.get('project'));
  const withProject = project === undefined ? {} : { project };

  if (subcommand === 'render') {
    if (positional.length === 0) throw new UsageError("'synthlint render' needs a file: synthlint render brief.synth.md -o brief.html");
    if (positional.length > 1) throw new UsageError(`'synthlint render' takes one file, not ${positional.length}`);
    return { command: 'render', file: positional[0]!, output: last(values.get('output')), template, ...withProject };
  }

  if (subcommand === 'coverage' || subcommand === 'codebook') return { ...parseEvidenceCommand(subcommand, positional, values, flags), ...withProject };

  const format = last(values.get('format')) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}': use text, json or sarif`);
  }
  if (positional.length === 0) throw new UsageError('no files given: name files, folders or globs, for example: synthlint .');
  const langText = last(values.get('lang'));
  const lang = langText === undefined ? undefined : resolveLocale(langText);
  if (langText !== undefined && lang === undefined) throw new UsageError(`unknown language '${langText}': use en, es or fr`);
  return {
    command: 'lint',
    inputs: positional,
    format: format as Format,
    template,
    severities: parseRuleSettings(values.get('rule') ?? []),
    fix: flags.has('fix'),
    quiet: flags.has('quiet'),
    ...(lang ? { lang } : {}),
    ...withProject,
  };
}

function parseEvidenceCommand(subcommand: 'coverage' | 'codebook', positional: string[], values: Map<string, string[]>, flags: Set<string>): CoverageCommand | CodebookCommand {
  const output = last(values.get('output'));
  if (subcommand === 'codebook') {
    if (positional.length > 0) throw new UsageError(`'synthlint codebook' takes no files, found '${positional[0]}': name a template with --template`);
    const langText = last(values.get('lang'));
    const lang = langText === undefined ? undefined : resolveLocale(langText);
    if (langText !== undefined && lang === undefined) throw new UsageError(`unknown language '${langText}': use en, es or fr`);
    const template = last(values.get('template'));
    return { command: 'codebook', sections: flags.has('sections'), ...(template ? { template } : {}), ...(output ? { output } : {}), ...(lang ? { lang } : {}) };
  }
  const format = last(values.get('format')) ?? 'markdown';
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown coverage format '${format}': use markdown, csv or json`);
  const minText = last(values.get('min'));
  if (minText !== undefined && !/^\d{1,4}$/.test(minText.trim())) throw new UsageError(`--min expects a whole number of evaluations such as 2, found '${minText}'`);
  if (positional.length === 0) throw new UsageError('no files given: name the syntheses or folders to map, for example: synthlint coverage .');
  return {
    command: 'coverage',
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
      throw new UsageError(`--rule expects rule-id=off|info|warning|error, found '${entry}'`);
    }
    out[match[1]!.trim()] = setting as SeveritySetting;
  }
  return out;
}

function last(list: readonly string[] | undefined): string | undefined {
  return list?.[list.length - 1];
}

export const HELP = `synthlint: check Synthesis Markdown files (*.synth.md)

Usage:
  synthlint [options] <files, folders or globs...>
  synthlint render <file> [-o page.html] [--template ID]
  synthlint coverage [--format markdown|csv|json] [--min N] [-o FILE] <files...>
  synthlint codebook [--template ID] [--sections] [--lang LANG] [-o codes.qdc]
  synthlint export <file> --to docx|pdf|html [-o FILE] [--reference-doc office.docx]
  synthlint import <file.docx|.pdf|.html|.md|.txt> [-o out.synth.md]
  ('synthlint export --help' and 'synthlint import --help' say more)

What it checks:
  Each file against its template (the sections it needs, in order), its SDG
  tags, its sources blocks and the counts quoted in the text. Folders are
  searched for *.synth.md files (node_modules and folders starting with a dot
  are skipped). Files named one by one are checked whatever their extension.

Options:
  -f, --format FORMAT   how to show findings: text (default), json or sarif
      --template ID     template for files whose front matter names none
                        (default: unodc-meta-synthesis)
      --rule ID=LEVEL   set a rule to off, info, warning or error; repeatable
      --fix             correct what can be corrected safely, in place,
                        then show what is left
  -q, --quiet           show errors only, not warnings or information
      --lang LANG       language of the messages: en, es or fr (default: the one
                        LANGUAGE, LC_ALL, LC_MESSAGES or LANG names, else en)
      --project DIR     the folder no project is looked for above (default:
                        the current folder); for every command
  -h, --help            show this help
  -v, --version         show the version

Render:
  synthlint render writes the synthesis as one self-contained HTML page.
  -o, --output FILE     where to write it (default: beside the file, .html;
                        '-' writes to standard output)

Coverage (an evidence gap map):
  synthlint coverage shows which evaluations each SDG target section cites,
  as a target x evaluation table, and marks the target sections that rest
  on fewer than N evaluations. Registers are found as for checking.
  -f, --format FORMAT   markdown (default), csv or json
      --min N           fewest evaluations a target section should rest on
                        (default: the project's coverage.minimum, else 2)
  -o, --output FILE     where to write it (default: standard output)

Codebook (REFI-QDA, for NVivo, ATLAS.ti, MAXQDA, Dedoose...):
  synthlint codebook writes the SDG targets of a template's goals as a
  .qdc codebook, one code per target under one code per goal.
      --template ID     the template (default: unodc-meta-synthesis)
      --sections        also the template's thematic sections as codes
      --lang LANG       language of the SDG texts: en, es or fr
  -o, --output FILE     where to write it (default: standard output)

Projects:
  A file's project is the nearest folder at or above it that holds a
  .synthesis folder, never above the current folder (or --project DIR).
  Its .synthesis/config.yaml sets rule levels, the default template, more
  template folders, the evidence register and the document language for
  every file of the project; --rule and --template come on top. YAML files
  in .synthesis/templates/ are used beside the built-in templates.

Exit codes:
  0  no errors (warnings are allowed)
  1  at least one error
  2  the command could not run as asked: an unknown option, no files found,
     an unknown template or a file that cannot be read

Examples:
  synthlint .                          check every *.synth.md under this folder
  synthlint reports/mexico.synth.md    check one file
  synthlint "reports/**/*.synth.md"    check the files a glob matches
  synthlint --fix reports              correct sums and counts, then re-check
  synthlint --format sarif . > synthlint.sarif
  synthlint render brief.synth.md -o brief.html
  synthlint coverage --format csv --min 3 reports > coverage.csv
  synthlint codebook --sections -o codes.qdc
`;
