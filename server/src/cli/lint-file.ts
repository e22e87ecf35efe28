/**
 * Lints one file's text and returns plain results: the one piece of work the CLI does per file.
 * It does no I/O and keeps no state, so a worker thread can run it as it is and post the result
 * (plain, cloneable data) back to the main thread.
 */
import {
  analyzeDocument,
  applyFixes,
  parse,
  type Analysis,
  type EvidenceRegister,
  type Finding,
  type Locale,
  type Severity,
  type SeveritySetting,
  type SynthesisDocument,
  type TemplateRegistry,
  wordMessage,
} from '../core/index.js';

export interface LintSettings {
  templates: TemplateRegistry;
  /** Template for files whose front matter names none. */
  defaultTemplate?: string;
  /** Per-rule severity settings from `--rule id=level`. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The language of the messages; English by default. */
  locale?: Locale;
}

/**
 * One finding as the CLI shows it. Lines and columns are 1-based and count UTF-16 code units
 * (what editors and SARIF's default `columnKind` use); `endColumn` is exclusive: it is the column
 * just after the last character of the range, so an empty range has `endColumn === column`.
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

export interface LintResult {
  findings: CliFinding[];
  /** With `fix`: the corrected text when at least one fix was applied. */
  fixedText?: string;
  /** With `fix`: how many fixes were applied over all passes. */
  fixesApplied: number;
}

/** Fix passes at most: a fix may uncover another (a corrected sum feeds its own parent). */
export const MAX_FIX_PASSES = 10;

/** Analyses `text`; with `fix`, applies safe fixes until none applies, then reports what remains. */
export function lintText(
  text: string,
  settings: LintSettings,
  options: { fix?: boolean; evidence?: (document: SynthesisDocument) => EvidenceRegister | undefined } = {},
): LintResult {
  const analyze = (t: string): Analysis => {
    const document = parse(t);
    const evidence = options.evidence?.(document);
    return analyzeDocument(document, { templates: settings.templates, defaultTemplate: settings.defaultTemplate, severities: settings.severities, ...(evidence ? { evidence } : {}) });
  };
  let current = text;
  let analysis = analyze(current);
  let fixesApplied = 0;
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const { text: next, applied } = applyFixes(current, analysis.findings);
      if (applied === 0 || next === current) break;
      fixesApplied += applied;
      current = next;
      analysis = analyze(current);
    }
  }
  return {
    findings: toCliFindings(analysis, settings.locale),
    fixedText: current !== text ? current : undefined,
    fixesApplied,
  };
}

/** The core's offset-based findings as 1-based lines and columns. */
export function toCliFindings(analysis: Analysis, locale: Locale = 'en'): CliFinding[] {
  const lines = analysis.document.lines;
  return analysis.findings.map((f: Finding) => {
    const start = lines.positionAt(f.span.start);
    const end = lines.positionAt(Math.max(f.span.start, f.span.end));
    return {
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: f.severity,
      rule: f.rule,
      message: wordMessage(f.message, locale),
      fixable: f.fixes?.some((x) => !x.suggestion) ?? false,
    };
  });
}
