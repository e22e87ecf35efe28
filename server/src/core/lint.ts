import type { EvidenceRegister } from './evidence.js';
import { msg } from './i18n/message.js';
import { parse, type Suppression, type SynthesisDocument } from './parse.js';
import { DEFAULT_MINIMUM } from './findings/checks.js';
import { RULES } from './rules/registry.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { getCatalogue } from './sdg/catalogue.js';
import { builtinTemplates, type Template, type TemplateRegistry } from './templates/template.js';
import type { Finding, Report, SeveritySetting } from './types.js';

export const DEFAULT_TEMPLATE = 'unodc-meta-synthesis';

export interface AnalysisOptions {
  /** Templates to resolve the document's `template` against; the built-ins by default. */
  templates?: TemplateRegistry;
  /** Template used when the front matter names none. */
  defaultTemplate?: string;
  /** The register of evaluations the document cites (`evidence.csv` / `evidence.yaml`). */
  evidence?: EvidenceRegister;
  /** Per-rule severity overrides; `off` disables a rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** `coverage.minimum`: fewest evaluations a target section should rest on (2 by default). */
  coverageMinimum?: number;
  /** `overclaim.words`: strong wording the team adds to the built-in list. */
  overclaimWords?: readonly string[];
}

export interface Analysis {
  document: SynthesisDocument;
  template: Template | undefined;
  templateId: string;
  /**
   * Findings in document order, suppressions and severity settings applied. Their messages are
   * data: the same analysis serves every user, whatever their language (see `wordMessage`).
   */
  findings: Finding[];
}

/** The document's template id: its front matter's `template`, else the default. */
export function templateIdOf(document: SynthesisDocument, defaultTemplate = DEFAULT_TEMPLATE): string {
  const value = document.frontMatter?.fields.get('template')?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : defaultTemplate;
}

/** Parses and checks a synthesis. Never throws: a failing rule becomes a finding of its own. */
export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return analyzeDocument(parse(text), options);
}

export function analyzeDocument(document: SynthesisDocument, options: AnalysisOptions = {}): Analysis {
  const templates = options.templates ?? builtinTemplates();
  const templateId = templateIdOf(document, options.defaultTemplate);
  const template = templates.get(templateId);
  const catalogue = getCatalogue(document.language);
  const findings: Finding[] = [];
  const enabled = (id: string): boolean => options.severities?.[id] !== 'off';
  const settings = { coverageMinimum: options.coverageMinimum ?? DEFAULT_MINIMUM, overclaimWords: options.overclaimWords ?? [] };
  for (const rule of RULES) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.defaultSeverity;
    runRule(rule, (report) => findings.push({ ...report, rule: rule.id, severity }), { document, template, templateId, templates, catalogue, evidence: options.evidence, settings, enabled });
  }
  for (const problem of document.problems) {
    findings.push({ rule: 'document', severity: 'info', message: problem.message, span: problem.span });
  }
  const kept = applySuppressions(document, findings);
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { document, template, templateId, findings: kept };
}

function runRule(rule: Rule, push: (report: Report) => void, context: Omit<RuleContext, 'report' | 'message'>): void {
  // A malformed report (no span, a message that is not a catalogue key) would break the sort below
  // and lose every rule's findings: it counts as the rule failing instead.
  const checked = (report: Report): void => {
    if (!wellFormed(report, context.document.source.length)) throw new Error('it reported a malformed finding');
    push(report);
  };
  try {
    rule.check({ ...context, report: checked });
  } catch (error) {
    // A bug in one rule must not hide the others' findings.
    push({ message: msg('lint.rule-failed', { rule: rule.id, error: String(error).split('\n')[0]! }), span: { start: 0, end: 0 } });
  }
}

function wellFormed(report: Report, length: number): boolean {
  const inside = (span: Report['span'] | undefined): boolean =>
    span !== undefined && span !== null && Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= length;
  const isMessage = (m: unknown): boolean => typeof m === 'object' && m !== null && typeof (m as { key?: unknown }).key === 'string';
  if (!isMessage(report?.message) || !inside(report.span)) return false;
  return (report.fixes ?? []).every((fix) => isMessage(fix?.title) && Array.isArray(fix.edits) && fix.edits.every((e) => typeof e?.newText === 'string' && inside(e.span)));
}

function applySuppressions(document: SynthesisDocument, findings: Finding[]): Finding[] {
  if (document.suppressions.length === 0) return findings;
  const ordered = [...document.suppressions].sort((a, b) => a.line - b.line);
  return findings.filter((f) => !suppressed(document, ordered, f));
}

function suppressed(document: SynthesisDocument, suppressions: readonly Suppression[], finding: Finding): boolean {
  const line = document.lines.positionAt(finding.span.start).line;
  const applies = (s: Suppression): boolean => s.rules.length === 0 || s.rules.includes(finding.rule);
  let disabled = false;
  for (const s of suppressions) {
    if (s.kind === 'disable-next-line') {
      if (s.targetLine === line && applies(s)) return true;
      continue;
    }
    if (s.line > line) break;
    if (applies(s)) disabled = s.kind === 'disable';
  }
  return disabled;
}
