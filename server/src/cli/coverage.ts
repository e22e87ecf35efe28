/**
 * `synthlint coverage` (the evidence coverage map of the syntheses, as Markdown, CSV or JSON) and
 * `synthlint codebook` (a template's SDG targets as a REFI-QDA codebook). The work is the core's;
 * this module reads the files and registers and writes the result.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  codebookFromTemplate,
  coverageMatrix,
  coverageToCsv,
  coverageToMarkdown,
  DEFAULT_TEMPLATE,
  parse,
  toQdc,
  type CoverageMatrix,
  type CoverageSource,
} from '../core/index.js';
import { loadEvidenceFor } from '../node/evidence.js';
import type { CodebookCommand, CoverageCommand } from './args.js';
import { collectFiles, displayPath, SYNTH_SUFFIX } from './files.js';
import { EXIT_OK, EXIT_TROUBLE, readFailure, readOrSay, type Environment } from './run.js';
import { loadWorkspaceTemplates } from './workspace.js';

export async function runCoverage(command: CoverageCommand, env: Environment): Promise<number> {
  const { files, empty } = await collectFiles(command.inputs, env.cwd);
  if (files.length === 0) return usage(env, `no ${SYNTH_SUFFIX} files found in ${empty.map((e) => `'${e}'`).join(', ')}`);
  let trouble = false;
  const sources: CoverageSource[] = [];
  const reported = new Set<string>();
  for (const path of files) {
    const shown = displayPath(path, env.cwd);
    const text = await readOrSay(path, env);
    if (text === undefined) {
      trouble = true;
      continue;
    }
    const document = parse(text);
    const found = loadEvidenceFor(path, document);
    if (found.error && found.path && !reported.has(found.path)) {
      reported.add(found.path);
      env.out.stderr(`synthlint: ${shown}: ${found.error}\n`);
      trouble = true;
    }
    sources.push({ file: shown, document, ...(found.register ? { register: found.register } : {}) });
  }
  const coverage = coverageMatrix(sources, command.minimum === undefined ? {} : { minimum: command.minimum });
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
      return coverageToMarkdown(coverage);
  }
}

export async function runCodebook(command: CodebookCommand, env: Environment): Promise<number> {
  const loaded = await loadWorkspaceTemplates(env.cwd);
  const id = command.template ?? DEFAULT_TEMPLATE;
  const template = loaded.registry.get(id);
  if (!template) return usage(env, `unknown template '${id}'; known templates: ${loaded.registry.list().map((t) => t.id).join(', ')}`);
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
  try {
    await writeFile(target, text, 'utf8');
    return true;
  } catch (error) {
    env.out.stderr(`synthlint: cannot write ${displayPath(target, env.cwd)}: ${readFailure(error)}\n`);
    return false;
  }
}

function usage(env: Environment, message: string): number {
  env.out.stderr(`synthlint: ${message}\nRun 'synthlint --help' for usage.\n`);
  return EXIT_TROUBLE;
}
