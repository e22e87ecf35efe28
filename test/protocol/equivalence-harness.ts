/**
 * What the editor and CI comparisons share (test/protocol/equivalence.test.ts,
 * test/differential/server-vs-cli.test.ts): a finding as both sides can say it, the server's
 * diagnostics and `synthlint --format json` put in that form, and one order to compare them in.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import type { PublishDiagnosticsParams } from './lsp-client.js';

/** One finding, with 1-based lines and columns as synthlint prints them. */
export interface Finding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
}

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

export const sortFindings = (list: readonly Finding[]): Finding[] =>
  [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));

/** The server's published diagnostics as findings, sorted. */
export function fromDiagnostics(p: PublishDiagnosticsParams): Finding[] {
  return sortFindings(
    p.diagnostics.map((d) => ({
      rule: String(d.code),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: SEVERITY_NAMES[d.severity ?? 1]!,
      message: d.message,
    })),
  );
}

/**
 * `synthlint --format json --lang en <inputs>` (the built CLI, dist/cli.js) run in `cwd`: the
 * findings of each file it names (relative to `cwd`, with '/'), in its order. Exit code 0 (no
 * errors) or 1 (errors found) is a run; anything else fails the test with what it said.
 */
export function synthlintFindings(cwd: string, inputs: readonly string[]): Map<string, Finding[]> {
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), '--format', 'json', '--lang', 'en', ...inputs], { cwd, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `synthlint exited with ${run.status}: ${run.stderr}`);
  const byFile = new Map<string, Finding[]>();
  for (const { file, ...finding } of JSON.parse(run.stdout) as Array<Finding & { file: string }>) {
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  return byFile;
}
