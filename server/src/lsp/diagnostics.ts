/** Findings -> LSP diagnostics: severity mapping, rule links and the data quick fixes need. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { formatNumber, ruleById, translator, wordMessage, type FileFinding, type Finding, type LineIndex, type Locale, type Severity } from '../core/index.js';
import { toRange } from './positions.js';

export const DIAGNOSTIC_SOURCE = 'synthlint';
/** Where each rule's documentation lives: `<base><rule-id>.md`. */
export const RULE_DOCS_BASE = 'https://github.com/synthesis-markdown/synthesis-markdown/blob/main/docs/rules/';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/** What a diagnostic carries for code actions: the rule and the document version it was made for. */
export interface DiagnosticData {
  rule: string;
  version: number | null;
}

/** The one place a finding's message becomes the text a diagnostic shows, in the editor's language. */
function messageText(finding: Pick<Finding, 'message'>, locale: Locale): string {
  return wordMessage(finding.message, locale);
}

export function toDiagnostic(finding: Finding, lines: LineIndex, version: number | null, locale: Locale): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: toSeverity(finding.severity),
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: messageText(finding, locale),
    data: { rule: finding.rule, version } satisfies DiagnosticData,
  };
  if (ruleById(finding.rule)) diagnostic.codeDescription = { href: `${RULE_DOCS_BASE}${finding.rule}.md` };
  return diagnostic;
}

/** At most this many diagnostics per document: a hostile text must not flood the editor. */
export const MAX_DIAGNOSTICS = 1000;

/** The findings as diagnostics, capped, with one information diagnostic saying how many more. */
export function toDiagnostics(findings: readonly Finding[], lines: LineIndex, version: number | null, locale: Locale): Diagnostic[] {
  const shown = findings.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(f, lines, version, locale));
  if (findings.length > MAX_DIAGNOSTICS) {
    shown.push({
      range: toRange(lines, { start: 0, end: 0 }),
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: translator(locale)('server.more-problems', { count: formatNumber(findings.length - MAX_DIAGNOSTICS, locale) }),
    });
  }
  return shown;
}

/** Findings on a configuration, template or register file (their ranges are already line/character). */
export function toFileDiagnostics(findings: readonly FileFinding[], locale: Locale): Diagnostic[] {
  return findings.slice(0, MAX_DIAGNOSTICS).map((f) => ({ range: f.range, severity: toSeverity(f.severity), source: DIAGNOSTIC_SOURCE, code: f.rule, message: messageText(f, locale) }));
}
