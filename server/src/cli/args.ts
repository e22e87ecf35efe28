/**
 * The command line, parsed by hand: a small table of options, no dependency. Parsing is pure and
 * throws only `UsageError`, whose message is shown as one line with exit code 2.
 */
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
}

export interface RenderCommand {
  command: 'render';
  file: string;
  /** Where to write the page; `-` is standard output; undefined means beside the file. */
  output?: string;
  template?: string;
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
}

export type Command = LintCommand | RenderCommand | CoverageCommand | CodebookCommand | { command: 'help' } | { command: 'version' };

/** A mistake in the command line: shown as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Words that start a subcommand when they come first. */
const SUBCOMMANDS = ['render', 'coverage', 'codebook'] as const;
type Subcommand = 'lint' | (typeof SUBCOMMANDS)[number];

interface OptionSpec {
  /** Placeholder shown in messages when the option takes a value. */
  value?: string;
  commands: readonly Subcommand[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  '--format': { value: 'text, json or sarif', commands: ['lint', 'coverage'] },
  '--template': { value: 'a template id', commands: ['lint', 'render', 'codebook'] },
  '--rule': { value: 'rule-id=off|info|warning|error', commands: ['lint'] },
  '--fix': { commands: ['lint'] },
  '--quiet': { commands: ['lint'] },
  '--lang': { value: 'en, es or fr', commands: ['lint', 'codebook'] },
  '--output': { value: 'a file name', commands: ['render', 'coverage', 'codebook'] },
  '--min': { value: 'a whole number of evaluations', commands: ['coverage'] },
  '--sections': { commands: ['codebook'] },
  '--help': { commands: ['lint', 'render', 'coverage', 'codebook'] },
  '--version': { commands: ['lint', 'render', 'coverage', 'codebook'] },
};
const SHORT: Readonly<Record<string, string>> = { '-f': '--format', '-o': '--output', '-q': '--quiet', '-h': '--help', '-v': '--version' };

export function parseArgs(argv: readonly string[]): Command {
  let subcommand: Subcommand = 'lint';
  let rest = argv;
  if (argv[0] !== undefined && (SUBCOMMANDS as readonly string[]).includes(argv[0])) {
    subcommand = argv[0] as Subcommand;
    rest = argv.slice(1);
  }

  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const written = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = SHORT[written] ?? written;
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(`unknown option '${written}'`);
    if (!spec.commands.includes(subcommand)) {
      throw new UsageError(subcommand === 'lint' ? `${written} is only for 'synthlint ${spec.commands.join("' or 'synthlint ")}'` : `${written} does not apply to 'synthlint ${subcommand}'`);
    }
    if (spec.value === undefined) {
      if (eq >= 0) throw new UsageError(`${written} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length) value = rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${written} needs a value (${spec.value})`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }

  if (flags.has('--help')) return { command: 'help' };
  if (flags.has('--version')) return { command: 'version' };
  const template = last(values.get('--template'));

  if (subcommand === 'render') {
    if (positional.length === 0) throw new UsageError("'synthlint render' needs a file: synthlint render brief.synth.md -o brief.html");
    if (positional.length > 1) throw new UsageError(`'synthlint render' takes one file, not ${positional.length}`);
    return { command: 'render', file: positional[0]!, output: last(values.get('--output')), template };
  }

  if (subcommand === 'coverage' || subcommand === 'codebook') return parseEvidenceCommand(subcommand, positional, values, flags);

  const format = last(values.get('--format')) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}': use text, json or sarif`);
  }
  if (positional.length === 0) throw new UsageError('no files given: name files, folders or globs, for example: synthlint .');
  const langText = last(values.get('--lang'));
  const lang = langText === undefined ? undefined : resolveLocale(langText);
  if (langText !== undefined && lang === undefined) throw new UsageError(`unknown language '${langText}': use en, es or fr`);
  return {
    command: 'lint',
    inputs: positional,
    format: format as Format,
    template,
    severities: parseRuleSettings(values.get('--rule') ?? []),
    fix: flags.has('--fix'),
    quiet: flags.has('--quiet'),
    ...(lang ? { lang } : {}),
  };
}

function parseEvidenceCommand(subcommand: 'coverage' | 'codebook', positional: string[], values: Map<string, string[]>, flags: Set<string>): CoverageCommand | CodebookCommand {
  const output = last(values.get('--output'));
  if (subcommand === 'codebook') {
    if (positional.length > 0) throw new UsageError(`'synthlint codebook' takes no files, found '${positional[0]}': name a template with --template`);
    const langText = last(values.get('--lang'));
    const lang = langText === undefined ? undefined : resolveLocale(langText);
    if (langText !== undefined && lang === undefined) throw new UsageError(`unknown language '${langText}': use en, es or fr`);
    const template = last(values.get('--template'));
    return { command: 'codebook', sections: flags.has('--sections'), ...(template ? { template } : {}), ...(output ? { output } : {}), ...(lang ? { lang } : {}) };
  }
  const format = last(values.get('--format')) ?? 'markdown';
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown coverage format '${format}': use markdown, csv or json`);
  const minText = last(values.get('--min'));
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
                        (default: 2)
  -o, --output FILE     where to write it (default: standard output)

Codebook (REFI-QDA, for NVivo, ATLAS.ti, MAXQDA, Dedoose...):
  synthlint codebook writes the SDG targets of a template's goals as a
  .qdc codebook, one code per target under one code per goal.
      --template ID     the template (default: unodc-meta-synthesis)
      --sections        also the template's thematic sections as codes
      --lang LANG       language of the SDG texts: en, es or fr
  -o, --output FILE     where to write it (default: standard output)

Your own templates:
  YAML files in .synthesis/templates/ of the current folder (or of the nearest
  folder above it that has a .synthesis folder) are used beside the built-in
  templates.

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
