/**
 * `synthlint coverage` (the evidence coverage map of the syntheses, as Markdown, CSV or JSON) and
 * `synthlint codebook` (a template's SDG targets as a REFI-QDA codebook). The language service
 * finds each synthesis's register and project; this module reads the files and writes the result.
 */
import { dirname, join, resolve } from 'node:path';
import { codebookFromTemplate, coverageToCsv, coverageToMarkdown, DEFAULT_TEMPLATE, escapeLines, toQdc, type CoverageMatrix, type DocumentSource } from '../core/index.js';
import { writeFailureText, writeTextFile } from '../node/fs/index.js';
import type { CodebookCommand, CoverageCommand } from './args.js';
import { collectFiles, displayPath } from './files.js';
import { createCliService } from './lint-job.js';
import { EXIT_OK, EXIT_TROUBLE, failureWords, projectFolder, readOrSay, reportUnreadable, SYNTH_SUFFIX, type Environment } from './run.js';

export async function runCoverage(command: CoverageCommand, env: Environment): Promise<number> {
  const service = createCliService({ project: projectFolder(command.project, env), severities: {}, locale: 'en', fix: false });
  const { files, empty, unreadable } = await collectFiles(command.inputs, env.cwd, service);
  if (files.length === 0 && unreadable.length === 0) return usage(env, `no ${SYNTH_SUFFIX} files found in ${empty.map((e) => `'${e}'`).join(', ')}`);
  let trouble = false;
  reportUnreadable(unreadable, env, (_file, message) => {
    trouble = true;
    env.out.stderr(`synthlint: ${message}\n`);
  });
  const sources: DocumentSource[] = [];
  const reported = new Set<string>();
  for (const { path, within, found } of files) {
    const shown = displayPath(path, env.cwd);
    const text = await readOrSay(path, env, found ? within : undefined);
    if (text === undefined) {
      trouble = true;
      continue;
    }
    const source: DocumentSource = { key: shown, path, text, version: null, transient: true };
    const failed = (await service.context(source)).registerFailure;
    if (failed && !reported.has(failed.path)) {
      reported.add(failed.path);
      env.out.stderr(`synthlint: ${shown}: cannot read the evidence register ${failed.named}: ${failureWords(failed.failure, failed.detail)}\n`);
      trouble = true;
    }
    sources.push(source);
  }
  const coverage = await service.coverage(sources, command.minimum === undefined ? {} : { minimum: command.minimum });
  const written = await write(env, command.output, formatCoverage(coverage, command.format));
  return written && !trouble ? EXIT_OK : EXIT_TROUBLE;
}

export function formatCoverage(coverage: CoverageMatrix, format: CoverageCommand['format']): string {
  switch (format) {
    case 'csv':
      return coverageToCsv(coverage);
    case 'json':
      return `${JSON.stringify(coverage, null, 2)}\n`;
    case 'markdown':
      // Text for people (and terminals): titles and ids from the registers are escaped.
      return escapeLines(coverageToMarkdown(coverage));
  }
}

export async function runCodebook(command: CodebookCommand, env: Environment): Promise<number> {
  const project = projectFolder(command.project, env);
  const service = createCliService({ project, severities: {}, locale: 'en', fix: false });
  const registry = await service.templates(join(project, 'x.synth.md'));
  const id = command.template ?? DEFAULT_TEMPLATE;
  const template = registry.get(id);
  if (!template) return usage(env, `unknown template '${id}'; known templates: ${registry.list().map((t) => t.id).join(', ')}`);
  const codes = codebookFromTemplate(template, { sections: command.sections, ...(command.lang ? { language: command.lang } : {}) });
  if (codes.length === 0) {
    env.out.stderr(`synthlint: the template '${id}' names no SDG goal${command.sections ? ' and no thematic section' : ''}, so the codebook would be empty\n`);
    return EXIT_TROUBLE;
  }
  const xml = toQdc(codes, { origin: `synthlint ${env.pkg.version}` });
  const written = await write(env, command.output, xml);
  if (written && command.output !== undefined && command.output !== '-') {
    const count = codes.reduce((n, c) => n + 1 + c.children.length, 0);
    env.out.stderr(`Wrote ${displayPath(resolve(env.cwd, command.output), env.cwd)} (${count} codes from the template '${id}').\n`);
  }
  return written ? EXIT_OK : EXIT_TROUBLE;
}

/** Writes to the file, or to standard output for none or `-`; false (with a message) if that fails. */
async function write(env: Environment, output: string | undefined, text: string): Promise<boolean> {
  if (output === undefined || output === '-') {
    env.out.stdout(text);
    return true;
  }
  const target = resolve(env.cwd, output);
  const written = await writeTextFile(target, text, { encoding: 'utf-8', within: dirname(target) });
  if (!written.ok) env.out.stderr(`synthlint: cannot write ${displayPath(target, env.cwd)}: ${writeFailureText(written.failure, written.detail)}\n`);
  return written.ok;
}

function usage(env: Environment, message: string): number {
  env.out.stderr(`synthlint: ${message}\nRun 'synthlint --help' for usage.\n`);
  return EXIT_TROUBLE;
}
