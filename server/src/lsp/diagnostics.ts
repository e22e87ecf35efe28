/** Findings -> LSP diagnostics: severity mapping, rule links and the data quick fixes need. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleById, type Finding, type LineIndex, type Severity } from '../core/index.js';
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

export function toDiagnostic(finding: Finding, lines: LineIndex, version: number | null): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: toSeverity(finding.severity),
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { rule: finding.rule, version } satisfies DiagnosticData,
  };
  if (ruleById(finding.rule)) diagnostic.codeDescription = { href: `${RULE_DOCS_BASE}${finding.rule}.md` };
  return diagnostic;
}
