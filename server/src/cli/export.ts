/**
 * `synthlint export FILE --to docx|pdf|html`: a synthesis as a Word document (optionally on an
 * office's reference document), as the PDF brief (printed by a local Chromium) or as the HTML page
 * `synthlint render` writes. The core builds the documents; this file reads and writes files and
 * starts the browser.
 */
import { readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from '../core/index.js';
import { exportDocx, exportSource, printPage, ReferenceDocumentError, type Paper } from '../core/word.js';
import { loadEvidenceFor } from '../node/evidence.js';
import { findBrowser, printToPdf } from '../node/pdf/index.js';
import { displayPath } from './files.js';
import { renderPage } from './render.js';
import type { Environment } from './run.js';
import { findSynthesisFolder, loadTemplatesIn, loadWorkspaceTemplates } from './workspace.js';

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;
const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;
const TARGETS = ['docx', 'pdf', 'html'] as const;
type Target = (typeof TARGETS)[number];

export const EXPORT_HELP = `synthlint export: a synthesis as a Word document, a PDF brief or a web page

Usage:
  synthlint export <file> --to docx|pdf|html [-o OUT] [--reference-doc office.docx]
                          [--paper a4|letter] [--browser PATH] [--template ID] [--no-toc]

Word (.docx): Word's heading styles, a table of contents, the title block,
SDG tags, sources blocks as big-number figures, footnotes, citations linked to
an annex of the evaluations reviewed (from the evidence register) and the
evidence coverage map as an annex. With --reference-doc, the styles, page
size, margins, headers and footers come from that Word document, as with
Pandoc's --reference-doc.
PDF: the brief as the preview shows it, printed by the Chromium, Chrome or
Edge installed on this computer (found on the PATH, or named by --browser or
the SYNTHESIS_BROWSER variable). Nothing is downloaded.
HTML: the self-contained page of 'synthlint render'.

Options:
      --to FORMAT           docx, pdf or html (default: from -o's extension)
  -o, --output FILE         where to write (default: beside the file)
      --reference-doc FILE  a Word document whose styles and page to use (docx)
      --paper SIZE          a4 (default) or letter (pdf)
      --browser PATH        the Chromium, Chrome or Edge program (pdf)
      --template ID         template for a file whose front matter names none
      --no-toc              leave out the table of contents (docx)
`;

export async function runExport(argv: readonly string[], env: Environment): Promise<number> {
  const say = (message: string): number => {
    env.out.stderr(`synthlint export: ${message}\n`);
    return EXIT_TROUBLE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'reference-doc': { type: 'string' },
        paper: { type: 'string' },
        browser: { type: 'string' },
        template: { type: 'string' },
        'no-toc': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return say(`${plainUsage(error)}\nRun 'synthlint export --help' for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    env.out.stdout(EXPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return say(positionals.length === 0 ? 'name the synthesis to export, for example: synthlint export brief.synth.md --to docx' : `export takes one file, not ${positionals.length}`);
  const extension = values.output ? /\.(docx|pdf|html?)$/i.exec(values.output)?.[1]?.toLowerCase() : undefined;
  const fromOutput = extension === 'htm' ? 'html' : extension;
  const to = (values.to?.toLowerCase() ?? fromOutput) as Target | undefined;
  if (!to) return say('say which format to write with --to docx, --to pdf or --to html');
  if (!TARGETS.includes(to)) return say(`unknown format '${values.to}': use docx, pdf or html`);
  const paper = (values.paper?.toLowerCase() ?? 'a4') as Paper;
  if (paper !== 'a4' && paper !== 'letter') return say(`unknown paper size '${values.paper}': use a4 or letter`);
  if (values['reference-doc'] !== undefined && to !== 'docx') return say('--reference-doc applies to --to docx only');

  const input = resolve(env.cwd, positionals[0]!);
  const shown = displayPath(input, env.cwd);
  let text: string;
  try {
    const info = await stat(input);
    if (!info.isFile()) return say(`cannot read ${shown}: it is not a file`);
    text = await readFile(input, 'utf8');
  } catch (error) {
    return say(`cannot read ${shown}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : firstLine(error)}`);
  }
  const output = values.output === undefined ? defaultOutput(input, to) : resolve(env.cwd, values.output);
  if (output === input || (await sameFile(output, input))) return say(`will not write over the synthesis itself (${shown}): choose another name with -o`);

  // The templates of the nearest .synthesis folder above the file (else the current folder's).
  const folder = await findSynthesisFolder(dirname(input));
  const templates = folder ? await loadTemplatesIn(folder) : await loadWorkspaceTemplates(env.cwd);
  if (values.template !== undefined && !templates.registry.get(values.template)) {
    return say(`unknown template '${values.template}'; known templates: ${templates.registry.list().map((t) => t.id).join(', ')}`);
  }

  let bytes: Uint8Array | string;
  let title: string;
  if (to === 'html') {
    const page = renderPage(text, templates.registry, values.template);
    ({ html: bytes, title } = page);
  } else if (to === 'pdf') {
    const browser = findBrowser(values.browser, env.vars ?? process.env);
    if (!browser.ok) return say(browser.message);
    const page = printPage(text, { paper, templates: templates.registry, ...(values.template ? { defaultTemplate: values.template } : {}) });
    title = page.title;
    const printed = await printToPdf(page.html, browser.path);
    if (!printed.ok || !printed.bytes) return say(`the PDF could not be printed with ${browser.path}: ${printed.message ?? 'no reason given'}`);
    bytes = printed.bytes;
  } else {
    const evidence = loadEvidenceFor(input, parse(text));
    if (evidence.error) env.out.stderr(`synthlint export: ${evidence.error}; the annex of evaluations lists only the codes the text cites\n`);
    let referenceDoc: Uint8Array | undefined;
    if (values['reference-doc'] !== undefined) {
      const path = resolve(env.cwd, values['reference-doc']);
      try {
        const info = await stat(path);
        if (!info.isFile()) return say(`cannot read the reference document ${displayPath(path, env.cwd)}: it is not a file`);
        if (info.size > MAX_REFERENCE_BYTES) return say(`the reference document ${displayPath(path, env.cwd)} is larger than 50 MB`);
        referenceDoc = new Uint8Array(await readFile(path));
      } catch (error) {
        return say(`cannot read the reference document ${displayPath(path, env.cwd)}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : firstLine(error)}`);
      }
    }
    const source = exportSource(text, { templates: templates.registry, ...(values.template ? { defaultTemplate: values.template } : {}), ...(evidence.register ? { register: evidence.register } : {}) });
    try {
      const result = await exportDocx(source, { ...(referenceDoc ? { referenceDoc } : {}), ...(values['no-toc'] ? { toc: false } : {}) });
      ({ bytes, title } = result);
    } catch (error) {
      if (error instanceof ReferenceDocumentError) return say(`cannot use the reference document ${displayPath(resolve(env.cwd, values['reference-doc']!), env.cwd)}: ${error.message}`);
      throw error;
    }
  }
  try {
    await writeFile(output, bytes);
  } catch (error) {
    return say(`cannot write ${displayPath(output, env.cwd)}: ${firstLine(error)}`);
  }
  env.out.stderr(`Wrote ${displayPath(output, env.cwd)}${title ? ` (${title})` : ''}.\n`);
  return EXIT_OK;
}

function plainUsage(error: unknown): string {
  const message = firstLine(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `${missing[1]!.replace(/^-\w, /, '')} needs a value`;
  return message;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'unknown problem';
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

/** `brief.synth.md` → `brief.docx` (or .pdf, .html), beside it. */
function defaultOutput(input: string, to: Target): string {
  const name = basename(input).replace(/(\.synth)?\.md$/i, '');
  return resolve(dirname(input), `${name || 'brief'}.${to}`);
}
