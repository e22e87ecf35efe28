/**
 * Findings as the CLI shows them: 1-based lines and columns counting UTF-16 code units (what
 * editors and SARIF's default `columnKind` use), and the message in words. Plain, cloneable data,
 * so a worker thread can post it to the main thread.
 */
import { wordMessage, type DocumentAnalysis, type FileFinding, type Locale, type Message, type Severity } from '../core/index.js';

/**
 * `endColumn` is exclusive: it is the column just after the last character of the range, so an
 * empty range has `endColumn === column`.
 */
export interface CliFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /** `--fix` can correct it. */
  fixable: boolean;
}

/**
 * A finding before it is put into words: its message is `{ key, args }`. Jobs (and the cache,
 * cli/cache.ts) hand these around; the words come at output, in the language of that run.
 */
export type FindingData = Omit<CliFinding, 'message'> & { message: Message };

/** The one place a finding's message becomes the text the CLI prints, in the user's language. */
export function wordFindings(findings: readonly FindingData[], locale: Locale): CliFinding[] {
  return findings.map((f) => ({ ...f, message: wordMessage(f.message, locale) }));
}

/** A document's findings, from the core's offsets. */
export function findingData(analysis: DocumentAnalysis): FindingData[] {
  const lines = analysis.document.lines;
  return analysis.findings.map((f) => {
    const start = lines.positionAt(f.span.start);
    const end = lines.positionAt(Math.max(f.span.start, f.span.end));
    return {
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      fixable: f.fixes?.some((x) => !x.suggestion) ?? false,
    };
  });
}

/** The findings on a template, register or configuration file. */
export function fileFindingData(findings: readonly FileFinding[]): FindingData[] {
  return findings.map((f) => ({
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    fixable: false,
  }));
}

/** A document's findings in words. */
export function toCliFindings(analysis: DocumentAnalysis, locale: Locale): CliFinding[] {
  return wordFindings(findingData(analysis), locale);
}

/** The findings on a template, register or configuration file, in words. */
export function toCliFileFindings(findings: readonly FileFinding[], locale: Locale): CliFinding[] {
  return wordFindings(fileFindingData(findings), locale);
}
