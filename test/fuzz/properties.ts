/**
 * The reliability properties of the analysis core, as fast-check properties. The unit test
 * (test/unit/properties.test.ts) runs a few thousand documents; `npm run test:fuzz`
 * (scripts/fuzz.mjs) runs the same properties over 100,000.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  analyze,
  analyzeDocument,
  applyFixes,
  IncrementalParser,
  LineIndex,
  parseEvidenceRegister,
  wordMessage,
  type Analysis,
  type EvidenceRegister,
  type Finding,
} from '../../server/src/core/index.js';
import { anyDocument, applyEdit, edit, lfDocument, registerCase, synthesisWithRegister, type EvidenceCase, type RegisterCase } from './arbitraries.js';

/** How many passes `--fix` may need: a fix that overlaps another waits for the next pass. */
export const MAX_FIX_PASSES = 4;

/**
 * Running totals, for the figures the fuzz run reports. `analyses` counts every analysis;
 * `distinct` counts different generated inputs (a document and its register), so that properties
 * which see the same input, or a generator that repeats itself, do not inflate the figures.
 */
export const stats = { analyses: 0, characters: 0, findings: 0, fixesApplied: 0, edits: 0, registers: 0, registerProblems: 0 };
const seenInputs = new Set<number>();

export function distinctInputs(): number {
  return seenInputs.size;
}

/** Forgets the counts (between runs in one process). */
export function resetStats(): void {
  for (const key of Object.keys(stats) as Array<keyof typeof stats>) stats[key] = 0;
  seenInputs.clear();
}

/** A 53-bit hash of a string (cyrb53): enough to count 100,000 inputs without keeping their text. */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Records one generated input (as the generator made it, before any property transforms it). */
function generated(text: string, register?: RegisterCase): void {
  seenInputs.add(hash53(register ? `${text}\u0000${register.file}\u0000${register.text}` : text));
}

function readRegister(register: RegisterCase | undefined): EvidenceRegister | undefined {
  if (!register) return undefined;
  stats.registers++;
  const parsed = parseEvidenceRegister(register.text, register.file);
  stats.registerProblems += parsed.problems.length;
  return parsed;
}

function analyse(text: string, evidence?: EvidenceRegister): Analysis {
  stats.analyses++;
  stats.characters += text.length;
  const analysis = analyze(text, evidence ? { evidence } : {});
  stats.findings += analysis.findings.length;
  return analysis;
}

/** Findings as plain data, for equality. */
function plain(findings: readonly Finding[]): string {
  return JSON.stringify(findings);
}

/** Every finding's span, and every edit of every fix, lies inside the text; no rule failed. */
export function assertSpansInside(text: string, findings: readonly Finding[]): void {
  // A rule that throws, or reports a malformed finding, becomes a finding saying so (lint.ts).
  const failed = findings.find((f) => f.message.key === 'lint.rule-failed');
  assert.equal(failed, undefined, failed && wordMessage(failed.message));
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
export function fixRepeatedly(text: string, passes = MAX_FIX_PASSES, evidence?: EvidenceRegister): string {
  let current = text;
  for (let pass = 0; pass < passes; pass++) {
    const { text: next, applied } = applyFixes(current, analyse(current, evidence).findings);
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
    weight: 3,
    check: (parameters) =>
      fc.assert(
        fc.property(anyDocument(), (text) => {
          generated(text);
          assertSpansInside(text, analyse(text).findings);
        }),
        parameters,
      ),
  },
  {
    name: 'with an evidence register (CSV or YAML, hostile cells): analysis never throws, findings and fixes inside the document',
    weight: 2,
    check: (parameters) =>
      fc.assert(
        fc.property(synthesisWithRegister(), ({ text, register }: EvidenceCase) => {
          generated(text, register);
          assertSpansInside(text, analyse(text, readRegister(register)).findings);
        }),
        parameters,
      ),
  },
  {
    name: 'reading a register never throws, and every problem lies inside the file',
    weight: 1,
    check: (parameters) =>
      fc.assert(
        fc.property(registerCase, (register) => {
          if (!register) return;
          generated('', register);
          const parsed = readRegister(register)!;
          const lines = new LineIndex(register.text.replace(/^\uFEFF/, ''));
          for (const p of parsed.problems) {
            assert.ok(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.lineCount, `problem on line ${p.line} of ${lines.lineCount}: ${wordMessage(p.message)}`);
            assert.ok(Number.isInteger(p.column) && p.column >= 1, `problem at column ${p.column}: ${wordMessage(p.message)}`);
            assert.equal(typeof p.message.key, 'string');
          }
          for (const entry of parsed.entries) assert.equal(parsed.byId.get(entry.id), entry, `the id '${entry.id}' finds its own entry`);
        }),
        parameters,
      ),
  },
  {
    name: 'analysis is deterministic',
    weight: 1,
    check: (parameters) =>
      fc.assert(
        fc.property(synthesisWithRegister(), ({ text, register }: EvidenceCase) => {
          generated(text, register);
          const evidence = readRegister(register);
          assert.equal(plain(analyse(text, evidence).findings), plain(analyse(text, evidence).findings));
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
          generated(lf);
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
        fc.property(synthesisWithRegister(), ({ text, register }: EvidenceCase) => {
          generated(text, register);
          const evidence = readRegister(register);
          const fixed = fixRepeatedly(text, MAX_FIX_PASSES, evidence);
          // Suggestions need the writer's judgement: --fix never applies them.
          const left = analyse(fixed, evidence).findings.filter((f) => (f.fixes ?? []).some((x) => !x.suggestion));
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
        fc.property(synthesisWithRegister(), fc.array(edit, { maxLength: 8 }), ({ text: initial, register }: EvidenceCase, edits) => {
          generated(initial, register);
          const evidence = readRegister(register);
          const parser = new IncrementalParser();
          let text = initial;
          for (let i = 0; i <= edits.length; i++) {
            if (i > 0) text = applyEdit(text, edits[i - 1]!).text;
            stats.edits++;
            const incremental = analyzeDocument(parser.parse(text), evidence ? { evidence } : {});
            assert.equal(plain(incremental.findings), plain(analyse(text, evidence).findings));
          }
        }),
        parameters,
      ),
  },
];

/**
 * The seed of one property in a run: derived from the run's seed and the property's name, so that
 * each property draws its own documents (with one seed for all, properties built on the same
 * generator would all check the same documents).
 */
export function propertySeed(runSeed: number, name: string): number {
  return hash53(name, runSeed) % 2_147_483_647;
}

/** How many of `total` runs a property gets. */
export function runsFor(property: NamedProperty, total: number): number {
  const weights = PROPERTIES.reduce((sum, p) => sum + p.weight, 0);
  return Math.max(1, Math.round((total * property.weight) / weights));
}
