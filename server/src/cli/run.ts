/**
 * The CLI's work, from parsed arguments to an exit code: collect the files, analyse each one with
 * the language service (on worker threads for many files), hand each file's findings to the
 * reporter as soon as they are known, together with the findings on the configuration, template
 * and register files it uses (each of those once).
 */
import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { escapeLines, list, localeFromEnvironment, MAX_DOCUMENT_BYTES, msg, RULES, settableRuleIds, TOOL_CHECKS, translator, wordMessage, type FileFailure, type LanguageService, type Locale, type Message } from '../core/index.js';
import { decodeText, hasByteOrderMark, readBytes, readTextFile, realFolder, writeTextFile, type WriteFailure } from '../node/fs/index.js';
import { parseArgs, requestedLocale, UsageError, type LintCommand, type RenderCommand } from './args.js';
import { runCodebook, runCoverage } from './coverage.js';
import { runMatrix } from './matrix.js';
import { collectFiles, displayPath, type CliFile, type Collected } from './files.js';
import { cacheFile, loadCache, RunCache, saveCache, settingsKey } from './cache.js';
import { cacheKey, cacheKeyFile } from './cache-key.js';
import { fileFindingData, toCliFileFindings, wordFindings, type CliFinding, type FindingData } from './findings.js';
import { createCliService, createLinter, textHash, type JobOutcome, type JobSettings, type RelatedFile } from './lint-job.js';
import { lintFiles } from './pool.js';
import { jsonReporter, sarifReporter, textReporter, type Output, type Reporter, type RunSummary, type ToolInfo } from './report.js';

export const SYNTH_SUFFIX = '.synth.md';

/** How many files `--cache` checks against the cache at once. */
const CACHE_LOOKUPS = 16;

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

export async function run(argv: readonly string[], environment: Environment): Promise<number> {
  // Standard error is text for a terminal or a CI log, and its messages name files and quote
  // documents: every line is escaped here, once (core/escape.ts).
  const env: Environment = { ...environment, out: { stdout: (t) => environment.out.stdout(t), stderr: (t) => environment.out.stderr(escapeLines(t)) } };
  // The language of everything said to the user: --lang, else the environment's.
  const locale = requestedLocale(argv) ?? localeFromEnvironment(env.vars ?? {});
  // The summary matrix: a command with its own options (cli/matrix.ts).
  if (argv[0] === 'matrix') return runMatrix(argv.slice(1), { ...env, locale });
  let command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(env, error.problem, locale);
    throw error;
  }
  switch (command.command) {
    case 'help':
      env.out.stdout(translator(locale)('cli.help'));
      return EXIT_OK;
    case 'version':
      env.out.stdout(`${env.pkg.version}\n`);
      return EXIT_OK;
    case 'render':
      return runRender(command, { ...env, locale: command.lang ?? locale } satisfies CommandEnvironment);
    case 'coverage':
      return runCoverage(command, { ...env, locale: command.lang ?? locale });
    case 'codebook':
      return runCodebook(command, { ...env, locale: command.lang ?? locale });
    case 'lint':
      return runLint(command, { ...env, locale: command.lang ?? locale });
    // Word and PDF, loaded on demand (dist/word.js): their libraries are large, and checking files should not wait for them.
    case 'export':
      return (await import('../word-entry.js')).runExport(command.args, { ...env, locale });
    case 'import':
      return (await import('../word-entry.js')).runImport(command.args, { ...env, locale });
  }
}

/** The environment of one command, with the language it speaks in. */
export interface CommandEnvironment extends Environment {
  locale: Locale;
}

/** A usage error: one line, the hint to `--help`, exit code 2. */
export function usageError(env: Environment, problem: Message, locale: Locale): number {
  const t = translator(locale);
  env.out.stderr(`synthlint: ${wordMessage(problem, locale)}\n${t('cli.usage-hint')}\n`);
  return EXIT_TROUBLE;
}

/** Says one thing on standard error, as `synthlint: …`, in the command's language. */
export function say(env: CommandEnvironment, problem: Message): void {
  env.out.stderr(`synthlint: ${wordMessage(problem, env.locale)}\n`);
}

/**
 * Reads a file the user named (or, with `within`, one found inside a folder they named); if it
 * cannot be read, says why in one line and gives undefined.
 */
export async function readOrSay(path: string, env: CommandEnvironment, within?: string): Promise<string | undefined> {
  const read = await readTextFile(path, { ...(within !== undefined ? { within } : {}), maxBytes: MAX_DOCUMENT_BYTES });
  if (read.ok) return read.text;
  say(env, msg('cli.cannot-read', { file: displayPath(path, env.cwd), reason: failureWords(read.failure, read.detail, MAX_DOCUMENT_BYTES) }));
  return undefined;
}

/** Why a file cannot be read or written, in the CLI's words: one short phrase, no jargon. */
export function failureWords(failure: FileFailure | WriteFailure, detail?: Message, maxBytes?: number): Message {
  // The system's own words for an input/output error, or node/fs's, inside "it could not be read (…)".
  if (failure === 'io' && detail) return msg('file.io-detail', { detail });
  // What node/fs found out (which line is not UTF-8, the size against the limit, a link leading out of the project).
  if (detail) return detail;
  // A file refused for its size: the limit it is over, so the user knows what to split it into.
  if (failure === 'too-large' && maxBytes !== undefined) return msg('file.too-large', { size: Math.round(maxBytes / (1024 * 1024)) });
  return msg(`cli.failure.${failure}`);
}

/** Why a file could not be written: the reason, and that the file on disk is untouched (node/fs writes whole or not at all). */
export function writeFailureWords(failure: WriteFailure, detail?: Message): Message {
  // Only the system's words are added: node/fs's other details speak of reading (and of a project, where a write is held to its folder).
  const reason = failure === 'io' && detail ? msg('cli.write-io-detail', { detail }) : failureWords(failure);
  return msg('cli.write-failure', { reason });
}

/** Says, as failures, which folders could not be searched for syntheses. */
export function reportUnreadable(unreadable: Collected['unreadable'], env: Environment, fail: (file: string, message: Message) => void): void {
  for (const folder of unreadable) {
    const shown = displayPath(folder.path, env.cwd);
    fail(shown, msg('cli.folder-unreadable', { folder: shown, reason: failureWords(folder.failure, folder.detail) }));
  }
}

/** The folder no project root goes above: --project, else the current folder. */
export function projectFolder(project: string | undefined, env: Environment): string {
  return project === undefined ? env.cwd : resolve(env.cwd, project);
}

/** A template id the command line names must exist in the current folder's project (or be built in). */
async function checkTemplate(service: LanguageService, folder: string, template: string | undefined): Promise<Message | undefined> {
  if (template === undefined) return undefined;
  const registry = await service.templates(join(folder, 'x.synth.md'));
  if (registry.get(template)) return undefined;
  return msg('cli.unknown-template', { template, known: registry.list().map((t) => t.id).join(', ') });
}

function unknownRules(severities: Readonly<Record<string, unknown>>): string[] {
  const known = settableRuleIds();
  return Object.keys(severities).filter((id) => !known.has(id));
}

function toolInfo(pkg: PackageInfo, locale: Locale): ToolInfo {
  return {
    name: 'synthlint',
    version: pkg.version,
    informationUri: pkg.homepage,
    helpUri: (id) => (TOOL_CHECKS.some((r) => r.id === id) ? `${pkg.docsBase}docs/cli.md` : `${pkg.docsBase}docs/rules/${id}.md`),
    locale,
  };
}

function reporterFor(command: LintCommand, env: Environment, locale: Locale): Reporter {
  switch (command.format) {
    case 'json':
      return jsonReporter(env.out);
    case 'sarif':
      return sarifReporter(env.out, toolInfo(env.pkg, locale), pathToFileURL(env.cwd).href);
    case 'text':
      return textReporter(env.out, locale);
  }
}

async function runLint(command: LintCommand, env: CommandEnvironment): Promise<number> {
  const unknown = unknownRules(command.severities);
  if (unknown.length > 0) {
    return usageError(env, msg('cli.unknown-rules', { rules: list(unknown.map((id) => `'${id}'`)), known: RULES.map((r) => r.id).join(', ') }), env.locale);
  }
  const settings: JobSettings = {
    project: projectFolder(command.project, env),
    ...(command.template !== undefined ? { defaultTemplate: command.template } : {}),
    severities: command.severities,
    fix: command.fix,
  };
  const service = createCliService(settings);
  const badTemplate = await checkTemplate(service, settings.project, command.template);
  if (badTemplate) return usageError(env, badTemplate, env.locale);
  const { files, empty, unreadable } = await collectFiles(command.inputs, env.cwd, service);
  if (files.length === 0 && unreadable.length === 0) {
    return usageError(env, msg('cli.no-synth-files', { suffix: SYNTH_SUFFIX, where: list(empty.map((e) => `'${e}'`)) }), env.locale);
  }

  // Findings come back from the workers as data: they are put into words here, in the language of the messages.
  const reporter = reporterFor(command, env, env.locale);
  const keep = (f: CliFinding): boolean => !command.quiet || f.severity === 'error';
  const words = (findings: readonly FindingData[]): CliFinding[] => wordFindings(findings, env.locale);
  const summary: RunSummary = { files: 0, fixesApplied: 0, filesFixed: 0, failures: [] };
  let errors = 0;
  const fail = (file: string, message: Message): void => {
    summary.failures.push({ file, message: wordMessage(message, env.locale) });
    say(env, message);
  };
  reportUnreadable(unreadable, env, fail);
  // After a failed write the file on disk is not the fixed text: its findings are read again.
  let onDisk: ((file: CliFile) => ReturnType<ReturnType<typeof createLinter>>) | undefined;
  // Configuration, template and register files are shared by many syntheses: each is reported
  // once, before the first synthesis that uses it.
  const reported = new Set<string>();
  const reportRelated = (related: readonly RelatedFile[]): void => {
    for (const file of related) {
      if (reported.has(file.path)) continue;
      reported.add(file.path);
      if (file.findings.length === 0) continue;
      errors += file.findings.filter((f) => f.severity === 'error').length;
      reporter.file({ file: displayPath(file.path, env.cwd), findings: words(file.findings).filter(keep) });
    }
  };
  // The current folder's project first: its templates are the ones --template was checked against.
  reportRelated((await service.projectReports(settings.project)).map((r) => ({ path: r.path, findings: fileFindingData(r.findings) })));

  const cache = command.cache ? await openCache(command, settings, env, service) : undefined;
  // `cached`: the outcome came from the cache, whose entry the lookup already kept for the next run.
  const onOutcome = async (file: CliFile, outcome: JobOutcome, cached = false): Promise<void> => {
    const shown = displayPath(file.path, env.cwd);
    if (!outcome.ok) {
      fail(shown, msg('cli.cannot-read', { file: shown, reason: failureWords(outcome.failure, outcome.detail, MAX_DOCUMENT_BYTES) }));
      return;
    }
    reportRelated(outcome.related);
    let findings = outcome.findings;
    if (outcome.fixedText !== undefined) {
      // Only inside the folder the file was named in or found in, and only if nobody changed it meanwhile.
      const written = await writeTextFile(file.path, outcome.fixedText, { within: file.within, expected: outcome.stamp, encoding: outcome.encoding });
      if (written.ok) {
        summary.fixesApplied += outcome.fixesApplied;
        summary.filesFixed++;
        await cache?.run.remember(file.path, outcome);
      } else {
        fail(shown, msg('cli.cannot-write', { file: shown, reason: writeFailureWords(written.failure, written.detail) }));
        onDisk ??= createLinter({ ...settings, fix: false });
        const again = await onDisk(file);
        findings = again.ok ? again.findings : [];
      }
    } else if (!cached) {
      await cache?.run.remember(file.path, outcome);
    }
    summary.files++;
    errors += findings.filter((f) => f.severity === 'error').length;
    reporter.file({ file: shown, findings: words(findings).filter(keep) });
  };
  if (cache) {
    // The syntheses whose findings are known are not checked again; the others are, and every
    // file is still reported in order.
    const known = new Map<CliFile, JobOutcome>();
    // Several files are read and hashed at a time: one after another, a warm run mostly waits on the disk.
    let next = 0;
    const realFolders = new Map<string, Promise<string>>();
    const lookUp = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++]!;
        const outcome = await cachedOutcome(cache.run, file, command.fix, realFolders);
        if (outcome) known.set(file, outcome);
      }
    };
    await Promise.all(Array.from({ length: CACHE_LOOKUPS }, lookUp));
    const fresh = new Map<CliFile, JobOutcome>();
    await lintFiles(files.filter((f) => !known.has(f)), settings, async (file, outcome) => void fresh.set(file, outcome));
    for (const file of files) {
      const hit = known.get(file);
      await onOutcome(file, hit ?? fresh.get(file)!, hit !== undefined);
    }
    const saved = cache.keep ? await saveCache(cache.path, await cache.run.serialise(new Set(files.map((f) => f.path))), cache.within) : undefined;
    if (saved?.ok === false) say(env, msg('cli.cannot-write', { file: displayPath(cache.path, env.cwd), reason: writeFailureWords(saved.failure, saved.detail) }));
  } else {
    // Files are linted in parallel when there are many; results still arrive in file order.
    await lintFiles(files, settings, onOutcome);
  }
  reporter.end(summary);
  if (summary.failures.length > 0) return EXIT_TROUBLE;
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The cache of this run: its file read (or, when it cannot be used, said in one line and started anew). */
async function openCache(command: LintCommand, settings: JobSettings, env: CommandEnvironment, service: LanguageService): Promise<{ path: string; within: string | undefined; keep: boolean; run: RunCache }> {
  const path = cacheFile(command.cacheLocation, env.cwd, (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false);
  // The default location is the current folder's; one the user named is theirs.
  const within = command.cacheLocation === undefined ? env.cwd : undefined;
  const key = settingsKey(`${env.pkg.version} ${codeHash()}`, settings);
  // Entries are believed only when made with the user's own key (a cache file a repository brings is not).
  const secret = await cacheKey(cacheKeyFile(env.vars ?? {}));
  if (!secret.ok) {
    const shown = displayPath(secret.file, env.cwd);
    const reason = 'reading' in secret ? msg('cli.cannot-read', { file: shown, reason: failureWords(secret.reading, secret.detail) }) : msg('cli.cannot-write', { file: shown, reason: writeFailureWords(secret.writing, secret.detail) });
    say(env, msg('cli.cache-ignored', { file: displayPath(path, env.cwd), reason: msg('cli.cache-no-key', { reason }) }));
    // The cache file is neither read nor rewritten: its entries could not be believed, nor
    // entries made now ever be used.
    return { path, within, keep: false, run: new RunCache(service.host, secret.key, key, settings.project, new Map()) };
  }
  const loaded = await loadCache(path, within);
  // A cache not there yet, or of another format, is started anew without a word.
  if (!loaded.ok && loaded.reason !== 'not-found' && loaded.reason !== 'other-format') {
    const reason = loaded.reason === 'not-ours' ? msg('cli.cache-not-ours') : failureWords((loaded.failure ?? 'io') as FileFailure);
    say(env, msg('cli.cache-ignored', { file: displayPath(path, env.cwd), reason }));
  }
  return { path, within, keep: true, run: new RunCache(service.host, secret.key, key, settings.project, loaded.ok ? loaded.entries : new Map()) };
}

/**
 * The hash of the running program (the bundle, or this module when run from source): a build
 * that changed the rules without a new version number must not reuse the old findings. A bundle
 * ends with its build id, the hash of its text (scripts/build.mjs), which is used with its size
 * rather than hashing the bundle again at every run.
 */
function codeHash(): string {
  try {
    const bytes = readFileSync(fileURLToPath(import.meta.url));
    const id = /\/\/# synthesisBuild=([0-9a-f]{64})\s*$/.exec(bytes.toString('latin1', Math.max(0, bytes.length - 120)))?.[1];
    return id !== undefined ? `${id} ${bytes.length}` : hash('sha256', bytes);
  } catch {
    return 'unknown';
  }
}

/**
 * A file's outcome from the cache, when its text and everything its findings depend on are as
 * they were. With --fix, only when nothing in it can be fixed: otherwise it is fixed now.
 * `realFolders`: the real path of each folder files were found in, resolved once per run.
 */
async function cachedOutcome(cache: RunCache, { path, within, found }: CliFile, fix: boolean, realFolders: Map<string, Promise<string>>): Promise<JobOutcome | undefined> {
  if (!cache.has(path)) return undefined;
  // Read as the check reads it (lint-job.ts): a file found in a folder only inside that folder.
  let realWithin: Promise<string> | undefined;
  if (found) {
    realWithin = realFolders.get(within) ?? realFolder(within);
    realFolders.set(within, realWithin);
  }
  const read = await readBytes(path, { ...(found ? { within, realWithin: await realWithin } : {}), maxBytes: MAX_DOCUMENT_BYTES, blocking: true });
  if (!read.ok) return undefined;
  let outcome: JobOutcome | undefined;
  if (!hasByteOrderMark(read.bytes)) {
    // Without a byte-order mark the text is the bytes themselves: the hash the read already made is
    // the text's. A match means these bytes are the very text checked before (so they are UTF-8 as
    // it was), and nothing needs decoding.
    outcome = await cache.lookup(path, read.stamp.hash, 'utf-8', read.stamp);
  } else {
    const decoded = decodeText(read.bytes);
    if (decoded.ok) outcome = await cache.lookup(path, textHash(decoded.text), decoded.encoding, read.stamp);
  }
  if (outcome?.ok && fix && outcome.findings.some((f) => f.fixable)) return undefined;
  return outcome;
}

async function runRender(command: RenderCommand, env: CommandEnvironment): Promise<number> {
  const project = projectFolder(command.project, env);
  const { locale } = env;
  const service = createCliService({ project, severities: {}, fix: false, ...(command.template !== undefined ? { defaultTemplate: command.template } : {}) });
  const badTemplate = await checkTemplate(service, project, command.template);
  if (badTemplate) return usageError(env, badTemplate, locale);
  const path = resolve(env.cwd, command.file);
  const text = await readOrSay(path, env);
  if (text === undefined) return EXIT_TROUBLE;
  const analysis = await service.analyze({ key: path, path, text, version: null });
  // The rendering does not need them, but a broken template or configuration explains a surprise.
  for (const report of analysis.related) {
    for (const f of toCliFileFindings(report.findings, locale)) {
      if (f.severity === 'error') env.out.stderr(`${displayPath(report.path, env.cwd)}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}\n`);
    }
  }
  const page = service.render(analysis, { standalone: true, locale });
  if (command.output === '-') {
    env.out.stdout(page.html);
    return EXIT_OK;
  }
  const target = command.output !== undefined ? resolve(env.cwd, command.output) : defaultOutput(path);
  // Into the folder the output names (or the synthesis's own): a link planted there that leads
  // elsewhere is not written through.
  const written = await writeTextFile(target, page.html, { encoding: 'utf-8', within: dirname(target) });
  if (!written.ok) {
    say(env, msg('cli.cannot-write', { file: displayPath(target, env.cwd), reason: writeFailureWords(written.failure, written.detail) }));
    return EXIT_TROUBLE;
  }
  const file = displayPath(target, env.cwd);
  env.out.stderr(`${wordMessage(page.title ? msg('cli.wrote-titled', { file, title: page.title }) : msg('cli.wrote', { file }), locale)}\n`);
  return EXIT_OK;
}

/** `brief.synth.md` → `brief.html`, beside it. */
function defaultOutput(path: string): string {
  const name = basename(path).replace(/(\.synth)?\.md$/i, '');
  return resolve(dirname(path), `${name}.html`);
}
