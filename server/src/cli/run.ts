/**
 * The CLI's work, from parsed arguments to an exit code: collect the files, lint each one (the
 * pure `lintText`), hand each file's findings to the reporter as soon as they are known.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localeFromEnvironment, RULES, wordMessage, type EvidenceProblem, type SeveritySetting } from '../core/index.js';
import { HELP, parseArgs, UsageError, type LintCommand, type RenderCommand } from './args.js';
import { runCodebook, runCoverage } from './coverage.js';
import { collectFiles, displayPath, SYNTH_SUFFIX } from './files.js';
import type { CliFinding } from './lint-file.js';
import type { JobSettings } from './lint-job.js';
import { lintFiles } from './pool.js';
import { renderPage } from './render.js';
import { jsonReporter, sarifReporter, textReporter, TOOL_RULES, type Output, type Reporter, type RunSummary, type ToolInfo } from './report.js';
import { loadWorkspaceTemplates, templatesPerFile, type WorkspaceTemplates } from './workspace.js';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_TROUBLE = 2;

export interface PackageInfo {
  version: string;
  /** Absolute URI under which `docs/…` can be read (a repository's file view, or a file: URI). */
  docsBase: string;
  /** The product's home page. */
  homepage: string;
}

export interface Environment {
  cwd: string;
  out: Output;
  pkg: PackageInfo;
  /** Environment variables (LC_ALL, LC_MESSAGES, LANG) that choose the messages' language when `--lang` does not. */
  vars?: Readonly<Record<string, string | undefined>>;
}

export async function run(argv: readonly string[], env: Environment): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(env, error.message);
    throw error;
  }
  switch (command.command) {
    case 'help':
      env.out.stdout(HELP);
      return EXIT_OK;
    case 'version':
      env.out.stdout(`${env.pkg.version}\n`);
      return EXIT_OK;
    case 'render':
      return runRender(command, env);
    case 'coverage':
      return runCoverage(command, env);
    case 'codebook':
      return runCodebook(command, env);
    case 'lint':
      return runLint(command, env);
  }
}

function usageError(env: Environment, message: string): number {
  env.out.stderr(`synthlint: ${message}\nRun 'synthlint --help' for usage.\n`);
  return EXIT_TROUBLE;
}

/** One line for an unreadable file, from a Node error's code: no stack, no jargon. */
/** Reads a file the user named; if it cannot be read, says why in one line and gives undefined. */
export async function readOrSay(path: string, env: Environment): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    env.out.stderr(`synthlint: cannot read ${displayPath(path, env.cwd)}: ${readFailure(error)}\n`);
    return undefined;
  }
}

export function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.split('\n')[0]!;
    }
  }
}

async function workspace(env: Environment, template: string | undefined): Promise<WorkspaceTemplates | string> {
  const loaded = await loadWorkspaceTemplates(env.cwd);
  if (template !== undefined && !loaded.registry.get(template)) {
    const known = loaded.registry.list().map((t) => t.id).join(', ');
    return `unknown template '${template}'; known templates: ${known}`;
  }
  return loaded;
}

function unknownRules(severities: Readonly<Record<string, SeveritySetting>>): string[] {
  const known = new Set([...RULES.map((r) => r.id), ...TOOL_RULES.map((r) => r.id)]);
  return Object.keys(severities).filter((id) => !known.has(id));
}

function toolInfo(pkg: PackageInfo): ToolInfo {
  return {
    name: 'synthlint',
    version: pkg.version,
    informationUri: pkg.homepage,
    helpUri: (id) => (TOOL_RULES.some((r) => r.id === id) ? `${pkg.docsBase}docs/cli.md` : `${pkg.docsBase}docs/rules/${id}.md`),
    rules: [...RULES, ...TOOL_RULES],
  };
}

function reporterFor(command: LintCommand, env: Environment): Reporter {
  switch (command.format) {
    case 'json':
      return jsonReporter(env.out);
    case 'sarif':
      return sarifReporter(env.out, toolInfo(env.pkg), pathToFileURL(env.cwd).href);
    case 'text':
      return textReporter(env.out);
  }
}

async function runLint(command: LintCommand, env: Environment): Promise<number> {
  const unknown = unknownRules(command.severities);
  if (unknown.length > 0) {
    return usageError(env, `unknown rule ${unknown.map((id) => `'${id}'`).join(', ')}; known rules: ${RULES.map((r) => r.id).join(', ')}`);
  }
  const loaded = await workspace(env, command.template);
  if (typeof loaded === 'string') return usageError(env, loaded);
  const { files, empty } = await collectFiles(command.inputs, env.cwd);
  if (files.length === 0) {
    return usageError(env, `no ${SYNTH_SUFFIX} files found in ${empty.map((e) => `'${e}'`).join(', ')}`);
  }

  const locale = command.lang ?? localeFromEnvironment(env.vars ?? {});
  const reporter = reporterFor(command, env);
  const keep = (f: CliFinding): boolean => !command.quiet || f.severity === 'error';
  const summary: RunSummary = { files: 0, fixesApplied: 0, filesFixed: 0, failures: [] };
  let errors = 0;
  const fail = (file: string, message: string): void => {
    summary.failures.push({ file, message });
    env.out.stderr(`synthlint: ${message}\n`);
  };

  // The templates of every `.synthesis` folder the files use (and the run's own): each folder's
  // broken templates are reported once.
  const perFile = templatesPerFile(Promise.resolve(loaded));
  const templateSets = new Map([loaded, ...(await Promise.all(files.map(perFile)))].map((set) => [set.folder ?? '', set])).values();
  const templateSetting = command.severities.template;
  for (const set of templateSets) {
    for (const { file, error } of set.unreadable) {
      fail(displayPath(file, env.cwd), `cannot read ${displayPath(file, env.cwd)}: ${readFailure(error)}`);
    }
    if (set.problems.length === 0 || templateSetting === 'off') continue;
    const severity = templateSetting ?? 'error';
    const byFile = new Map<string, CliFinding[]>();
    for (const p of set.problems) {
      const list = byFile.get(p.file) ?? [];
      list.push({ line: p.line, column: p.column, endLine: p.line, endColumn: p.column, severity, rule: 'template', message: wordMessage(p.message, locale), fixable: false });
      byFile.set(p.file, list);
    }
    for (const [file, findings] of byFile) {
      if (severity === 'error') errors += findings.length;
      reporter.file({ file: displayPath(file, env.cwd), findings: findings.filter(keep) });
    }
  }

  const settings: JobSettings = {
    cwd: env.cwd,
    defaultTemplate: command.template,
    severities: command.severities,
    locale,
    fix: command.fix,
  };
  // Registers are shared by the files of a folder: report each one's problems once.
  const registers = new Set<string>();
  const reportRegister = (register: { path: string; problems: readonly EvidenceProblem[]; error?: string }): void => {
    if (registers.has(register.path)) return;
    registers.add(register.path);
    const shownRegister = displayPath(register.path, env.cwd);
    if (register.error) fail(shownRegister, register.error);
    const setting = command.severities.evidence;
    if (register.problems.length === 0 || setting === 'off') return;
    const severity = setting ?? 'error';
    if (severity === 'error') errors += register.problems.length;
    reporter.file({
      file: shownRegister,
      findings: register.problems
        .map((p) => ({ line: p.line, column: p.column, endLine: p.line, endColumn: p.column, severity, rule: 'evidence', message: wordMessage(p.message, locale), fixable: false }))
        .filter(keep),
    });
  };
  // Files are linted in parallel when there are many; results still arrive in file order.
  await lintFiles(files, settings, async (path, outcome) => {
    const shown = displayPath(path, env.cwd);
    if (!outcome.ok) {
      fail(shown, `cannot read ${shown}: ${readFailure(outcome.error)}`);
      return;
    }
    const { result, register } = outcome;
    if (register) reportRegister(register);
    if (result.fixedText !== undefined) {
      try {
        await writeFile(path, result.fixedText, 'utf8');
        summary.fixesApplied += result.fixesApplied;
        summary.filesFixed++;
      } catch (error) {
        fail(shown, `cannot write ${shown}: ${readFailure(error)}`);
      }
    }
    summary.files++;
    errors += result.findings.filter((f) => f.severity === 'error').length;
    reporter.file({ file: shown, findings: result.findings.filter(keep) });
  });
  reporter.end(summary);
  if (summary.failures.length > 0) return EXIT_TROUBLE;
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function runRender(command: RenderCommand, env: Environment): Promise<number> {
  const loaded = await workspace(env, command.template);
  if (typeof loaded === 'string') return usageError(env, loaded);
  for (const p of loaded.problems) {
    env.out.stderr(`${displayPath(p.file, env.cwd)}:${p.line}:${p.column}: error template ${wordMessage(p.message, localeFromEnvironment(env.vars ?? {}))}\n`);
  }
  const path = resolve(env.cwd, command.file);
  const text = await readOrSay(path, env);
  if (text === undefined) return EXIT_TROUBLE;
  const page = renderPage(text, loaded.registry, command.template);
  if (command.output === '-') {
    env.out.stdout(page.html);
    return EXIT_OK;
  }
  const target = command.output !== undefined ? resolve(env.cwd, command.output) : defaultOutput(path);
  try {
    await writeFile(target, page.html, 'utf8');
  } catch (error) {
    env.out.stderr(`synthlint: cannot write ${displayPath(target, env.cwd)}: ${readFailure(error)}\n`);
    return EXIT_TROUBLE;
  }
  env.out.stderr(`Wrote ${displayPath(target, env.cwd)}${page.title ? ` (${page.title})` : ''}.\n`);
  return EXIT_OK;
}

/** `brief.synth.md` → `brief.html`, beside it. */
function defaultOutput(path: string): string {
  const name = basename(path).replace(/(\.synth)?\.md$/i, '');
  return resolve(dirname(path), `${name}.html`);
}
