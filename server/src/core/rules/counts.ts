/**
 * One consistent correction of a document's counts, shared by the three rules that can fix a count
 * (`sources-sum`, `register-mismatch`, `count-mismatch`). Each of them alone would propose its own
 * number for the same line — the breakdown's sum, the register's figure — and their fixes would undo
 * each other pass after pass. Instead the document's counts are planned once:
 *
 * 1. a line the evidence register can count (the evaluations, their types, the projects) takes the
 *    register's figure;
 * 2. any other line with a breakdown takes the sum of its breakdown's planned counts (bottom-up,
 *    so a corrected inner breakdown feeds its parent);
 * 3. a number in the text takes the planned count of the line it quotes — the line whose written
 *    count it repeated, or the one figure its label has.
 *
 * Every finding the plan resolves offers the same fix, with every change the plan makes, so that
 * `--fix` applies it once and converges in one pass; a finding the plan cannot resolve (a breakdown
 * that the register contradicts line by line, a label with several figures) offers no fix.
 */
import type { EvidenceEntry, EvidenceRegister } from '../evidence.js';
import { breakdownType, countedBy, registerType, type RegisterType } from '../i18n/labels.js';
import { list, msg, type Message, type MessageArg } from '../i18n/message.js';
import type { ProseCount, SynthesisDocument } from '../parse.js';
import type { SourcesBlock, SourcesEntry } from '../sources.js';
import type { Fix, Span, TextEdit } from '../types.js';
import { formatCount } from './util.js';

/** What the register says a line should count. */
export interface RegisterFigure {
  expected: number;
  /** What the register counted, as data for the message. */
  what: { kind: 'evaluations'; count: number } | { kind: 'type'; type: RegisterType; count: number } | { kind: 'projects'; count: number };
}

export interface CountPlan {
  /** The register's figure for each line it can count. */
  register: Map<SourcesEntry, RegisterFigure>;
  /** The planned count of each readable line. */
  target: Map<SourcesEntry, number>;
  /** The planned count of each number in the text that quotes a sources label. */
  prose: Map<ProseCount, number>;
  /** Every change the plan makes, as one fix; undefined when it changes nothing. */
  fix: Fix | undefined;
}

const plans = new WeakMap<SynthesisDocument, Map<EvidenceRegister | undefined, CountPlan>>();

/**
 * The document's plan, computed once per document and register. Pass no register when its counts
 * are not in force (`register-mismatch` is off): the plan then leaves them alone.
 */
export function planCounts(document: SynthesisDocument, evidence: EvidenceRegister | undefined): CountPlan {
  let byRegister = plans.get(document);
  if (!byRegister) plans.set(document, (byRegister = new Map()));
  let plan = byRegister.get(evidence);
  if (!plan) byRegister.set(evidence, (plan = makePlan(document, evidence)));
  return plan;
}

function makePlan(document: SynthesisDocument, evidence: EvidenceRegister | undefined): CountPlan {
  const register = new Map<SourcesEntry, RegisterFigure>();
  const target = new Map<SourcesEntry, number>();
  for (const block of document.sourcesBlocks) {
    if (evidence && evidence.entries.length > 0) registerFigures(block, evidence.entries, document, register);
    for (const entry of block.entries) planLine(block, entry, register, target);
  }
  const prose = planProse(document, target);

  const changes: Array<{ edit: TextEdit; change: MessageArg }> = [];
  for (const block of document.sourcesBlocks) {
    for (const entry of block.all) {
      const planned = target.get(entry);
      if (planned === undefined || planned === entry.count) continue;
      const written = document.source.slice(entry.countSpan.start, entry.countSpan.end);
      const value = formatCount(planned, written);
      changes.push({ edit: { span: entry.countSpan, newText: value }, change: msg('counts.change-line', { label: entry.label, value }) });
    }
  }
  for (const [claim, planned] of prose) {
    const written = document.source.slice(claim.valueSpan.start, claim.valueSpan.end);
    const value = formatCount(planned, written);
    changes.push({ edit: { span: claim.valueSpan, newText: value }, change: msg('counts.change-text', { written, label: claim.label, value }) });
  }
  changes.sort((a, b) => a.edit.span.start - b.edit.span.start);
  const fix: Fix | undefined = changes.length === 0 ? undefined : { title: title(changes.map((c) => c.change)), edits: changes.map((c) => c.edit) };
  return { register, target, prose, fix };
}

/** "Set projects to 16", "Set evaluation reports to 14, country-level to 9 and the text's 15 evaluation reports to 14". */
function title(changes: MessageArg[]): Message {
  return msg('counts.fix', { changes: list(changes) });
}

/** The register's figures for the lines of a block it can count. */
function registerFigures(block: SourcesBlock, entries: readonly EvidenceEntry[], document: SynthesisDocument, out: Map<SourcesEntry, RegisterFigure>): void {
  for (const line of block.entries) {
    const counted = countedBy(line.label, document.language);
    if (counted === 'evaluations') {
      out.set(line, { expected: entries.length, what: { kind: 'evaluations', count: entries.length } });
      for (const child of line.children) {
        const type = breakdownType(child.label, document.language);
        if (type === undefined) continue;
        const n = typeCounts(entries).get(type) ?? 0;
        out.set(child, { expected: n, what: { kind: 'type', type, count: n } });
      }
    } else if (counted === 'projects' && entries.every((e) => e.projects !== undefined)) {
      const total = entries.reduce((sum, e) => sum + e.projects!, 0);
      out.set(line, { expected: total, what: { kind: 'projects', count: total } });
    }
  }
}

/**
 * How many evaluations of the register are of each type, counted once per register: a long report
 * has many sources blocks, each checked after every keystroke.
 */
const typeCountsMemo = new WeakMap<readonly EvidenceEntry[], Map<ReturnType<typeof registerType>, number>>();

function typeCounts(entries: readonly EvidenceEntry[]): Map<ReturnType<typeof registerType>, number> {
  let counts = typeCountsMemo.get(entries);
  if (!counts) {
    counts = new Map();
    for (const e of entries) {
      const type = registerType(e.type);
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    typeCountsMemo.set(entries, counts);
  }
  return counts;
}

/** Plans a line and its breakdown, bottom-up. */
function planLine(block: SourcesBlock, entry: SourcesEntry, register: ReadonlyMap<SourcesEntry, RegisterFigure>, target: Map<SourcesEntry, number>): void {
  for (const child of entry.children) planLine(block, child, register, target);
  const known = register.get(entry);
  if (known) {
    target.set(entry, known.expected);
    return;
  }
  if (entry.count === undefined) return;
  if (entry.children.length > 0 && summable(block, entry)) {
    target.set(entry, entry.children.reduce((sum, c) => sum + target.get(c)!, 0));
    return;
  }
  target.set(entry, entry.count);
}

/**
 * Whether a breakdown can be added up: every part has a count, and no line of it was misread (a
 * count that could not be read, or a place in the breakdown that was a guess: `sources-syntax`
 * reports those, and a sum over them would be a guess too).
 */
export function summable(block: SourcesBlock, parent: SourcesEntry): boolean {
  const unsure = (span: Span): boolean => block.problems.some((p) => p.span.start < span.end && span.start < p.span.end);
  return parent.children.every((c) => c.count !== undefined) && ![parent, ...parent.children].some((e) => unsure(e.lineSpan));
}

/**
 * The lines of the sources blocks that give a count, by label (normalised): the counts a number in
 * the text with that label is compared with, in the order they appear.
 */
export function countedEntriesByLabel(document: SynthesisDocument): Map<string, SourcesEntry[]> {
  const byKey = new Map<string, SourcesEntry[]>();
  for (const block of document.sourcesBlocks) {
    for (const entry of block.all) {
      if (entry.count === undefined) continue;
      const same = byKey.get(entry.key);
      if (same) same.push(entry);
      else byKey.set(entry.key, [entry]);
    }
  }
  return byKey;
}

/** The planned count of each number in the text that the plan changes. */
function planProse(document: SynthesisDocument, target: ReadonlyMap<SourcesEntry, number>): Map<ProseCount, number> {
  const byKey = countedEntriesByLabel(document);
  const prose = new Map<ProseCount, number>();
  for (const claim of document.proseCounts) {
    const entries = byKey.get(claim.key);
    if (!entries) continue;
    const planned = entries.map((e) => target.get(e) ?? e.count!);
    if (planned.includes(claim.value)) continue;
    // The lines whose written count the text repeats; else every line with its label.
    const quoted = entries.filter((e) => e.count === claim.value);
    const figures = new Set((quoted.length > 0 ? quoted : entries).map((e) => target.get(e) ?? e.count!));
    if (figures.size === 1) prose.set(claim, [...figures][0]!);
  }
  return prose;
}
