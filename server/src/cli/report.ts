/**
 * The output formats. A reporter is told about each file as soon as its findings are known (so
 * output streams, whatever order files finish in) and about the end of the run.
 *
 * - text: one line per finding on standard output, `file:line:column: severity rule message`;
 *   the summary goes to standard error, so standard output stays a plain list of findings.
 * - json: a JSON array, one finding per line, written as files complete.
 * - sarif: one SARIF 2.1.0 log, written at the end (SARIF is a single document).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { escapeLine, msg, sarifRules, wordMessage, type Locale, type Message, type MessageKey, type Severity } from '../core/index.js';
import type { CliFinding } from './findings.js';

export interface FileReport {
  /** Path shown to the user: relative to the current folder, forward slashes. */
  file: string;
  findings: CliFinding[];
}

export interface RunSummary {
  /** Files checked (not counting template files). */
  files: number;
  /** Fixes applied with --fix, and in how many files. */
  fixesApplied: number;
  filesFixed: number;
  /** One-line messages about files that could not be read or checked. */
  failures: Array<{ file: string; message: string }>;
}

export interface Reporter {
  file(report: FileReport): void;
  end(summary: RunSummary): void;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What SARIF says about the tool. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
  /** Absolute URI of a rule's documentation. */
  helpUri(ruleId: string): string;
  /** The language of the rules' descriptions. */
  locale: Locale;
}

interface Counts {
  error: number;
  warning: number;
  info: number;
  fixable: number;
}

function count(counts: Counts, findings: readonly CliFinding[]): void {
  for (const f of findings) {
    counts[f.severity]++;
    if (f.fixable) counts.fixable++;
  }
}

/** "1 error", "3 errors": a count with its word, in the user's language. */
function counted(n: number, one: MessageKey, many: MessageKey): Message {
  return msg((n === 1 ? one : many) as 'cli.n.error', { n });
}

export function textReporter(out: Output, locale: Locale = 'en'): Reporter {
  const words = (m: Message): string => wordMessage(m, locale);
  const counts: Counts = { error: 0, warning: 0, info: 0, fixable: 0 };
  return {
    file({ file, findings }) {
      count(counts, findings);
      let chunk = '';
      // One line per finding, escaped: a file name or a message can hold line breaks and escape
      // sequences (a line break in a file name would let it forge a CI annotation).
      for (const f of findings) chunk += `${escapeLine(`${file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${oneLine(f.message)}`)}\n`;
      if (chunk) out.stdout(chunk);
    },
    end(summary) {
      const lines: string[] = [];
      const files = (n: number): Message => counted(n, 'cli.n.file-one', 'cli.n.file');
      if (summary.fixesApplied > 0) lines.push(words(msg('cli.fixed', { problems: counted(summary.fixesApplied, 'cli.n.problem-one', 'cli.n.problem'), files: files(summary.filesFixed) })));
      const parts = [
        counts.error ? words(counted(counts.error, 'cli.n.error-one', 'cli.n.error')) : '',
        counts.warning ? words(counted(counts.warning, 'cli.n.warning-one', 'cli.n.warning')) : '',
        counts.info ? words(msg('cli.n.info', { n: counts.info })) : '',
      ].filter(Boolean);
      let line = parts.length ? words(msg('cli.summary', { counts: parts.join(', '), files: files(summary.files) })) : words(msg('cli.summary-clean', { files: files(summary.files) }));
      if (counts.fixable > 0) line += words(msg('cli.summary-fixable', { n: counts.fixable }));
      const failed = summary.failures.length;
      if (failed > 0) line += words(msg(failed === 1 ? 'cli.summary-failed-one' : 'cli.summary-failed', { files: files(failed) }));
      lines.push(`${line}.`);
      out.stderr(lines.join('\n') + '\n');
    },
  };
}

/** The JSON record of one finding: exactly the documented keys, in this order. */
export function jsonFinding(file: string, f: CliFinding): Record<string, string | number> {
  return { file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, severity: f.severity, rule: f.rule, message: f.message };
}

export function jsonReporter(out: Output): Reporter {
  let first = true;
  return {
    file({ file, findings }) {
      let chunk = '';
      for (const f of findings) {
        chunk += `${first ? '[\n' : ',\n'}  ${JSON.stringify(jsonFinding(file, f))}`;
        first = false;
      }
      if (chunk) out.stdout(chunk);
    },
    end() {
      out.stdout(first ? '[]\n' : '\n]\n');
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function sarifReporter(out: Output, tool: ToolInfo, cwdUri: string): Reporter {
  // Built from the rule units (and the tool's own checks), described in the user's language.
  const rules: ReportingDescriptor[] = sarifRules(tool.locale, (id) => tool.helpUri(id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  return {
    file({ file, findings }) {
      for (const f of findings) {
        const index = ruleIndex.get(f.rule);
        results.push({
          ruleId: f.rule,
          ...(index === undefined ? {} : { ruleIndex: index }),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUriPath(file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        });
      }
    },
    end(summary) {
      const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules } },
            originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
            invocations: [
              {
                executionSuccessful: summary.failures.length === 0,
                toolExecutionNotifications: summary.failures.map((failure) => ({
                  level: 'error',
                  message: { text: failure.message },
                  locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(failure.file), uriBaseId: '%SRCROOT%' } } }],
                })),
              },
            ],
            columnKind: 'utf16CodeUnits',
            results,
          },
        ],
      };
      out.stdout(JSON.stringify(log, null, 2) + '\n');
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function encodeUriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
