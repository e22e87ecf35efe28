/**
 * Everything `synthlint export` and `synthlint import` say, in one table: each message is a key and
 * its arguments, put into words here and nowhere else. When messages become data put into words in
 * the user's language (stream `messages`), this table is what moves into the catalogues; the
 * commands keep calling `say(key, args)`.
 */
import type { ImportReport, Paper, ReferenceProblem } from '../core/word.js';
import type { BrowserProblem, PrintProblem } from '../node/pdf/index.js';

const FORMAT_NAMES: Readonly<Record<string, string>> = { docx: 'Word document', pdf: 'PDF', html: 'web page', md: 'Markdown file', txt: 'text file' };
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', es: 'Spanish', fr: 'French' };

const MESSAGES = {
  usage: (a: { command: 'export' | 'import'; problem: string }) => `${a.problem}\nRun 'synthlint ${a.command} --help' for usage.`,
  unknownOption: (a: { option: string }) => `unknown option '${a.option}'`,
  needsValue: (a: { option: string }) => `${a.option} needs a value`,
  oneFile: (a: { command: 'export' | 'import'; count: number }) => `${a.command} takes one file, not ${a.count}`,
  cannotRead: (a: { file: string; reason: string }) => `cannot read ${a.file}: ${a.reason}`,
  cannotWrite: (a: { file: string; reason: string }) => `cannot write ${a.file}: ${a.reason}`,
  unknownTemplate: (a: { id: string; known: readonly string[] }) => `unknown template '${a.id}'; known templates: ${a.known.join(', ')}`,

  exportNeedsFile: () => 'name the synthesis to export, for example: synthlint export brief.synth.md --to docx',
  exportNeedsFormat: () => 'say which format to write with --to docx, --to pdf or --to html',
  unknownExportFormat: (a: { value: string }) => `unknown format '${a.value}': use docx, pdf or html`,
  unknownPaper: (a: { value: string }) => `unknown paper size '${a.value}': use a4 or letter`,
  referenceDocOnlyDocx: () => '--reference-doc applies to --to docx only',
  notOverSynthesis: (a: { file: string }) => `will not write over the synthesis itself (${a.file}): choose another name with -o`,
  cannotReadReference: (a: { file: string; reason: string; from: 'user' | 'config' }) =>
    `cannot read the reference document ${a.file}${a.from === 'config' ? ' (referenceDoc in .synthesis/config.yaml)' : ''}: ${a.reason}`,
  cannotUseReference: (a: { file: string; problem: ReferenceProblem }) => `cannot use the reference document ${a.file}: ${referenceProblem(a.problem)}`,
  registerForAnnex: (a: { message: string }) => `${a.message.replace(/\.$/, '')}; the annex of evaluations lists only the codes the text cites`,
  noBrowser: () =>
    'no Chromium, Chrome or Edge was found to print the PDF. Install one (on Debian or Ubuntu: sudo apt-get install chromium; on macOS or Windows: Google Chrome or Microsoft Edge), or name its program with --browser PATH or the SYNTHESIS_BROWSER environment variable.',
  browserNotFound: (a: { named: string }) => `the browser '${a.named}' was not found or cannot be run; name the Chromium, Chrome or Edge program itself, for example /usr/bin/chromium`,
  printFailed: (a: { browser: string; problem: PrintProblem }) => `the PDF could not be printed with ${a.browser}: ${printProblem(a.problem)}`,
  wrote: (a: { file: string; title: string; paper?: Paper }) => `Wrote ${a.file}${a.title ? ` (${a.title}${a.paper ? `, ${a.paper === 'letter' ? 'Letter' : 'A4'}` : ''})` : ''}.`,

  importNeedsFile: () => 'name the file to import, for example: synthlint import brief.docx',
  unknownReportFormat: (a: { value: string }) => `unknown format '${a.value}': use text or json`,
  unknownLanguage: (a: { value: string }) => `unknown language '${a.value}': use en, es or fr`,
  jsonNeedsFile: () => '--format json prints the report on standard output, so the synthesis needs a file: add -o FILE',
  notImportable: (a: { file: string }) => `cannot import ${a.file}: expected a .docx, .pdf, .html, .md or .txt file`,
  notOverInput: (a: { file: string }) => `will not write over the file being imported (${a.file}): choose another name with -o`,
  outputExists: (a: { file: string }) => `${a.file} already exists: choose another name with -o, or add --force to replace it`,
  cannotReadRegister: (a: { file: string; reason: string }) => `cannot read the evidence register ${a.file}: ${a.reason}`,
  cannotReadAs: (a: { file: string; format: string; detail: string }) => `cannot read ${a.file} as a ${formatName(a.format)}: ${a.detail}`,
  standardOutput: () => 'standard output',
  importReport: (a: { input: string; output: string; report: ImportReport; findings: { errors: number; warnings: number } }) => importReport(a.input, a.output, a.report, a.findings),

  exportHelp: () => `synthlint export: a synthesis as a Word document, a PDF brief or a web page

Usage:
  synthlint export <file> --to docx|pdf|html [-o OUT] [--reference-doc office.docx]
                          [--paper a4|letter] [--browser PATH] [--template ID]
                          [--no-toc] [--force] [--project DIR]

The synthesis is exported as its project sees it (.synthesis/config.yaml, the
project's templates and the evidence register), as synthlint checks it.

Word (.docx): Word's heading styles, a table of contents, the title block,
SDG tags, sources blocks as big-number figures, footnotes, citations linked to
an annex of the evaluations reviewed (from the evidence register) and the
evidence coverage map as an annex. With a reference document (--reference-doc,
or referenceDoc in .synthesis/config.yaml), the styles, page size, margins,
headers and footers come from that Word document, as with Pandoc's
--reference-doc.
PDF: the brief as the preview shows it, printed by the Chromium, Chrome or
Edge installed on this computer (found on the PATH, or named by --browser or
the SYNTHESIS_BROWSER variable). Nothing is downloaded.
HTML: the self-contained page of 'synthlint render'.

Options:
      --to FORMAT           docx, pdf or html (default: from -o's extension)
  -o, --output FILE         where to write (default: beside the file)
      --reference-doc FILE  a Word document whose styles and page to use (docx;
                            default: the project's referenceDoc)
      --paper SIZE          a4 or letter (pdf; default: the project's
                            pdf.paper, else a4)
      --browser PATH        the Chromium, Chrome or Edge program (pdf)
      --template ID         template for a file whose front matter names none
      --no-toc              leave out the table of contents (docx)
      --force               replace the output file if it exists
      --project DIR         the folder no project is looked for above (default:
                            the current folder)
`,

  importHelp: () => `synthlint import: a brief or report as a synthesis (*.synth.md)

Usage:
  synthlint import <file> [-o out.synth.md] [--template ID] [--lang en|es|fr]
                          [--evidence register.csv] [--format text|json]
                          [--force] [--project DIR]

Reads .docx, .pdf, .html, .md and .txt files (text in UTF-8, UTF-16 with a
byte-order mark, or Windows-1252). Recognises the title block (Country:,
Duration/scope:, Synthesis team:, Full report: and their Spanish and French
forms), the template's sections, paragraphs led by an SDG target, big-number
figures and counted sentences (as sources blocks) and, with --evidence, the
register's evaluation codes (as citations). What it cannot place stays as
ordinary Markdown. Parts a synthlint export generated (table of contents,
annexes) are left out. The result follows the templates of the project it is
written into, and is checked as synthlint would check it there.

Options:
  -o, --output FILE     where to write (default: beside the file, .synth.md;
                        '-' writes to standard output)
      --template ID     the template the synthesis follows (default: the
                        project's defaultTemplate)
      --lang LANG       the document's language: en, es or fr (default: guessed)
      --evidence FILE   the evidence register (CSV or YAML) whose codes to cite
  -f, --format FORMAT   the report: text (default, on standard error) or json
                        (on standard output)
      --force           replace the output file if it exists
      --project DIR     the folder no project is looked for above (default:
                        the current folder)
`,
};

export type WordMessages = typeof MESSAGES;
export type WordMessageKey = keyof WordMessages;

/** The words of one message. */
export function say<K extends WordMessageKey>(key: K, ...args: Parameters<WordMessages[K]>): string {
  return (MESSAGES[key] as (...a: Parameters<WordMessages[K]>) => string)(...args);
}

function formatName(format: string): string {
  return FORMAT_NAMES[format] ?? format;
}

function referenceProblem(problem: ReferenceProblem): string {
  switch (problem) {
    case 'not-a-package':
      return 'it is not a Word document (.docx): it cannot be opened as one';
    case 'not-word':
      return 'it is not a Word document (.docx): it has no document or styles part';
    case 'damaged':
      return 'its styles or page settings cannot be read; open it in Word and save it again';
  }
}

function printProblem(problem: PrintProblem): string {
  switch (problem.problem) {
    case 'timeout':
      return `the browser did not finish printing within ${problem.seconds} seconds`;
    case 'not-started':
      return `the browser could not be started: ${problem.detail}`;
    case 'exited':
      return `the browser stopped with code ${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`;
    case 'no-pdf':
      return `the browser wrote no PDF${problem.detail ? ` (${problem.detail})` : ''}`;
  }
}

/** Why no browser can print, in the CLI's words. */
export function browserProblem(problem: BrowserProblem): string {
  return problem.problem === 'no-browser' ? say('noBrowser') : say('browserNotFound', { named: problem.named });
}

function importReport(input: string, output: string, report: ImportReport, findings: { errors: number; warnings: number }): string {
  const lines: string[] = [];
  const language = `${LANGUAGE_NAMES[report.language] ?? report.language}${report.languageGuessed ? ', guessed' : ''}`;
  lines.push(`Imported ${input} (${formatName(report.format)}${report.encoding && report.encoding !== 'utf-8' ? `, ${report.encoding}` : ''}, ${language}) into ${output}, template ${report.template}.`);
  const list = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : 'none');
  lines.push(`  front matter:     ${list(report.frontMatter)}`);
  lines.push(`  sections:         ${list(report.sections.map((s) => s.heading))}`);
  lines.push(`  target sections:  ${list(report.targets)}`);
  lines.push(`  sources blocks:   ${report.sourcesBlocks.length === 0 ? 'none' : report.sourcesBlocks.map((b) => `${b.lines.filter((l) => !l.startsWith(' ')).length} counts${b.section ? ` in ${b.section}` : ''}`).join('; ')}`);
  lines.push(`  citations:        ${report.citations}`);
  if (report.generated.length > 0) lines.push(`  left out, generated by an export: ${report.generated.map((g) => (g.title ? `${g.kind} ("${g.title}")` : g.kind)).join(', ')}`);
  if (report.images > 0) lines.push(`  pictures not imported (their descriptions are kept): ${report.images}`);
  if (report.left.length > 0) {
    lines.push(`  kept as ordinary Markdown (${report.left.length}):`);
    for (const item of report.left.slice(0, 10)) lines.push(`    ${item.kind}: ${item.text}`);
    if (report.left.length > 10) lines.push(`    … and ${report.left.length - 10} more`);
  }
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`  checks: ${plural(findings.errors, 'error')}, ${plural(findings.warnings, 'warning')}${findings.errors + findings.warnings > 0 && output !== say('standardOutput') ? ` (run synthlint ${output} to see them)` : ''}`);
  return `${lines.join('\n')}\n`;
}
