/**
 * The command line, parsed by hand: a small table of options, no dependency. Parsing is pure and
 * throws only `UsageError`, whose message is shown as one line with exit code 2.
 */
import type { SeveritySetting } from '../core/index.js';

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
}

export interface RenderCommand {
  command: 'render';
  file: string;
  /** Where to write the page; `-` is standard output; undefined means beside the file. */
  output?: string;
  template?: string;
}

export type Command = LintCommand | RenderCommand | { command: 'help' } | { command: 'version' };

/** A mistake in the command line: shown as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Words that start a subcommand when they come first. */
const SUBCOMMANDS = ['render'] as const;
type Subcommand = 'lint' | (typeof SUBCOMMANDS)[number];

interface OptionSpec {
  /** Placeholder shown in messages when the option takes a value. */
  value?: string;
  commands: readonly Subcommand[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  '--format': { value: 'text, json or sarif', commands: ['lint'] },
  '--template': { value: 'a template id', commands: ['lint', 'render'] },
  '--rule': { value: 'rule-id=off|info|warning|error', commands: ['lint'] },
  '--fix': { commands: ['lint'] },
  '--quiet': { commands: ['lint'] },
  '--output': { value: 'a file name', commands: ['render'] },
  '--help': { commands: ['lint', 'render'] },
  '--version': { commands: ['lint', 'render'] },
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

  const format = last(values.get('--format')) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}': use text, json or sarif`);
  }
  if (positional.length === 0) throw new UsageError('no files given: name files, folders or globs, for example: synthlint .');
  return {
    command: 'lint',
    inputs: positional,
    format: format as Format,
    template,
    severities: parseRuleSettings(values.get('--rule') ?? []),
    fix: flags.has('--fix'),
    quiet: flags.has('--quiet'),
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
  -h, --help            show this help
  -v, --version         show the version

Render:
  synthlint render writes the synthesis as one self-contained HTML page.
  -o, --output FILE     where to write it (default: beside the file, .html;
                        '-' writes to standard output)

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
`;
