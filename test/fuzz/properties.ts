/**
 * The reliability properties of the analysis core, as fast-check properties. The unit test
 * (test/unit/properties.test.ts) runs a few thousand documents; `npm run test:fuzz`
 * (scripts/fuzz.mjs) runs the same properties over 100,000.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, analyzeDocument, applyFixes, IncrementalParser, LineIndex, wordMessage, type Analysis, type Finding } from '../../server/src/core/index.js';
import { anyDocument, applyEdit, edit, lfDocument, synthesisDocument } from './arbitraries.js';

/** How many passes `--fix` may need: a fix that overlaps another waits for the next pass. */
export const MAX_FIX_PASSES = 4;

/** Running totals, for the figures the fuzz run prints. */
export const stats = { documents: 0, characters: 0, findings: 0, fixesApplied: 0, edits: 0 };

function analyse(text: string): Analysis {
  stats.documents++;
  stats.characters += text.length;
  const analysis = analyze(text);
  stats.findings += analysis.findings.length;
  return analysis;
}

/** Findings as plain data, for equality. */
function plain(findings: readonly Finding[]): string {
  return JSON.stringify(findings);
}

/** Every finding's span, and every edit of every fix, lies inside the text. */
export function assertSpansInside(text: string, findings: readonly Finding[]): void {
  const inside = (s: { start: number; end: number }): boolean =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
  for (const f of findings) {
    assert.ok(inside(f.span), `finding ${f.rule} '${wordMessage(f.message)}' has span ${JSON.stringify(f.span)} outside 0..${text.length}`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) assert.ok(inside(e.span), `fix '${fix.title}' of ${f.rule} edits ${JSON.stringify(e.span)} outside 0..${text.length}`);
    }
  }
}

/** What a user sees of a finding, independent of line-break width: rule, message, line/column. */
function seen(findings: readonly Finding[], lines: LineIndex): string[] {
  return findings.map((f) => {
    const a = lines.positionAt(f.span.start);
    const b = lines.positionAt(f.span.end);
    return `${a.line}:${a.character}-${b.line}:${b.character} ${f.rule} ${wordMessage(f.message)}`;
  });
}

/** Applies fixes the way `synthlint --fix` does until nothing more applies; returns the final text. */
export function fixRepeatedly(text: string, passes = MAX_FIX_PASSES): string {
  let current = text;
  for (let pass = 0; pass < passes; pass++) {
    const { text: next, applied } = applyFixes(current, analyse(current).findings);
    stats.fixesApplied += applied;
    if (applied === 0) break;
    current = next;
  }
  return current;
}

export interface RunParameters {
  numRuns: number;
  seed?: number;
}

export interface NamedProperty {
  name: string;
  /** Share of the total number of runs. */
  weight: number;
  /** Checks the property over `numRuns` generated cases; throws with the shrunk case on failure. */
  check: (parameters: RunParameters) => void;
}

export const PROPERTIES: NamedProperty[] = [
  {
    name: 'analysis never throws, and every finding and fix lies inside the document',
    weight: 4,
    check: (parameters) =>
      fc.assert(
        fc.property(anyDocument(), (text) => {
          assertSpansInside(text, analyse(text).findings);
        }),
        parameters,
      ),
  },
  {
    name: 'analysis is deterministic',
    weight: 1,
    check: (parameters) =>
      fc.assert(
        fc.property(anyDocument(), (text) => {
          assert.equal(plain(analyse(text).findings), plain(analyse(text).findings));
        }),
        parameters,
      ),
  },
  {
    name: 'CRLF and LF line breaks give the same findings at the same lines and columns',
    weight: 2,
    check: (parameters) =>
      fc.assert(
        fc.property(lfDocument(), (lf) => {
          const crlf = lf.replace(/\n/g, '\r\n');
          assert.deepEqual(seen(analyse(crlf).findings, new LineIndex(crlf)), seen(analyse(lf).findings, new LineIndex(lf)));
        }),
        parameters,
      ),
  },
  {
    name: '--fix output re-lints with no fixable finding',
    weight: 2,
    check: (parameters) =>
      fc.assert(
        fc.property(synthesisDocument(), (text) => {
          const fixed = fixRepeatedly(text);
          // Suggestions need the writer's judgement: --fix never applies them.
          const left = analyse(fixed).findings.filter((f) => (f.fixes ?? []).some((x) => !x.suggestion));
          assert.deepEqual(
            left.map((f) => `${f.rule}: ${wordMessage(f.message)}`),
            [],
            `still fixable after ${MAX_FIX_PASSES} passes of --fix:\n${fixed}`,
          );
        }),
        parameters,
      ),
  },
  {
    name: 'incremental analysis after each edit equals analysis from scratch',
    weight: 1,
    check: (parameters) =>
      fc.assert(
        fc.property(synthesisDocument(), fc.array(edit, { maxLength: 8 }), (initial, edits) => {
          const parser = new IncrementalParser();
          let text = initial;
          for (let i = 0; i <= edits.length; i++) {
            if (i > 0) text = applyEdit(text, edits[i - 1]!).text;
            stats.edits++;
            const incremental = analyzeDocument(parser.parse(text));
            assert.equal(plain(incremental.findings), plain(analyse(text).findings));
          }
        }),
        parameters,
      ),
  },
];

/**
 * Runs every property with its share of `total` runs. Returns the time each took, in ms.
 * `seed` makes a failing run reproducible (fast-check prints the seed and the shrunk case).
 */
export function runProperties(total: number, options: { seed?: number; onProgress?: (name: string, ms: number) => void } = {}): Array<{ name: string; runs: number; ms: number }> {
  const weights = PROPERTIES.reduce((sum, p) => sum + p.weight, 0);
  const results: Array<{ name: string; runs: number; ms: number }> = [];
  for (const p of PROPERTIES) {
    const runs = Math.max(1, Math.round((total * p.weight) / weights));
    const started = performance.now();
    p.check({ numRuns: runs, ...(options.seed === undefined ? {} : { seed: options.seed }) });
    const ms = performance.now() - started;
    results.push({ name: p.name, runs, ms });
    options.onProgress?.(p.name, ms);
  }
  return results;
}
