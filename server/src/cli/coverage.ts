/**
 * `synthlint coverage` (the evidence coverage map of the syntheses, as Markdown, CSV or JSON) and
 * `synthlint codebook` (a template's SDG targets as a REFI-QDA codebook). The language service
 * finds each synthesis's register and project; this module reads the files and writes the result.
 */
import { join, resolve } from 'node:path';
import { codebookFromTemplate, coverageToCsv, coverageToMarkdown, criteriaMatrix, DEFAULT_TEMPLATE, escapeLines, list, msg, toQdc, wordMessage, type CoverageMatrix, type CriteriaSource, type DocumentSource, type Language } from '../core/index.js';
import type { CodebookCommand, CoverageCommand } from './args.js';
import { collectFiles, displayPath } from './files.js';
import { writeOutput } from './output.js';
import { formatCriteria } from './matrix.js';
import { createCliService } from './lint-job.js';
import { EXIT_OK, EXIT_TROUBLE, failureWords, projectFolder, readOrSay, reportUnreadable, say, SYNTH_SUFFIX, usageError, type CommandEnvironment } from './run.js';

export async function runCoverage(command: CoverageCommand, env: CommandEnvironment): Promise<number> {
  const service = createCliService({ project: projectFolder(command.project, env), severities: {}, fix: false });
  const { files, empty, unreadable } = await collectFiles(command.inputs, env.cwd, service);
  if (files.length === 0 && unreadable.length === 0) return usageError(env, msg('cli.no-synth-files', { suffix: SYNTH_SUFFIX, where: list(empty.map((e) => `'${e}'`)) }), env.locale);
  let trouble = false;
  reportUnreadable(unreadable, env, (_file, message) => {
    trouble = true;
    say(env, message);
  });
  const sources: DocumentSource[] = [];
  const criteria: CriteriaSource[] = [];
  const languages = new Set<Language>();
  const reported = new Set<string>();
  for (const { path, within, found } of files) {
    const shown = displayPath(path, env.cwd);
    const text = await readOrSay(path, env, found ? within : undefined);
    if (text === undefined) {
      trouble = true;
      continue;
    }
    const source: DocumentSource = { key: shown, path, text, version: null, transient: true };
    const context = await service.context(source);
    criteria.push({ file: shown, document: context.document, ...(context.register ? { register: context.register.register } : {}) });
    languages.add(context.document.language);
    const failed = context.registerFailure;
    if (failed && !reported.has(failed.path)) {
      reported.add(failed.path);
      say(env, msg('cli.cannot-read-register', { file: shown, named: failed.named, reason: failureWords(failed.failure, failed.detail) }));
      trouble = true;
    }
    sources.push(source);
  }
  // The Markdown map may become an annex: in the documents' language when they share one.
  const language = command.lang ?? (languages.size === 1 ? [...languages][0]! : 'en');
  let text: string;
  if (command.by === 'criterion') {
    text = formatCriteria(criteriaMatrix(criteria), command.format, language);
  } else {
    const coverage = await service.coverage(sources, command.minimum === undefined ? {} : { minimum: command.minimum });
    text = formatCoverage(coverage, command.format, language);
  }
  const written = await writeOutput(env, command.output, text);
  return written && !trouble ? EXIT_OK : EXIT_TROUBLE;
}

export function formatCoverage(coverage: CoverageMatrix, format: CoverageCommand['format'], language: Language = 'en'): string {
  switch (format) {
    case 'csv':
      return coverageToCsv(coverage);
    case 'json':
      return `${JSON.stringify(coverage, null, 2)}\n`;
    case 'markdown':
      // Text for people (and terminals): titles and ids from the registers are escaped.
      return escapeLines(coverageToMarkdown(coverage, language));
  }
}

export async function runCodebook(command: CodebookCommand, env: CommandEnvironment): Promise<number> {
  const project = projectFolder(command.project, env);
  const service = createCliService({ project, severities: {}, fix: false });
  const registry = await service.templates(join(project, 'x.synth.md'));
  const id = command.template ?? DEFAULT_TEMPLATE;
  const template = registry.get(id);
  if (!template) return usageError(env, msg('cli.unknown-template', { template: id, known: registry.list().map((t) => t.id).join(', ') }), env.locale);
  const codes = codebookFromTemplate(template, { sections: command.sections, ...(command.lang ? { language: command.lang } : {}) });
  if (codes.length === 0) {
    say(env, msg(command.sections ? 'cli.empty-codebook-sections' : 'cli.empty-codebook', { template: id }));
    return EXIT_TROUBLE;
  }
  const xml = toQdc(codes, { origin: `synthlint ${env.pkg.version}` });
  const written = await writeOutput(env, command.output, xml);
  if (written && command.output !== undefined && command.output !== '-') {
    const count = codes.reduce((n, c) => n + 1 + c.children.length, 0);
    env.out.stderr(`${wordMessage(msg('cli.wrote-codebook', { file: displayPath(resolve(env.cwd, command.output), env.cwd), count, template: id }), env.locale)}\n`);
  }
  return written ? EXIT_OK : EXIT_TROUBLE;
}


