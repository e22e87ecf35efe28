/**
 * The evidence coverage map (an evidence gap map): which evaluations support each SDG target
 * section. An evaluation supports a target when it is cited inside a section headed by that target
 * (`### SDG 16.1 …`, subsections included). Target sections that rest on fewer than `minimum`
 * evaluations are marked weak. Pure: the hosts read the files and registers.
 */
import { DOCUMENT_WORDS } from './i18n/document.js';
import { format } from './i18n/format.js';
import type { EvidenceRegister } from './evidence.js';
import type { SynthesisDocument } from './parse.js';
import { getCatalogue } from './sdg/catalogue.js';
import type { Language } from './types.js';
import { clip } from './features/common.js';

export interface CoverageSource {
  /** How the host names the file (a path or a URI); used as is in the result. */
  file: string;
  document: SynthesisDocument;
  register?: EvidenceRegister;
}

export interface CoverageOptions {
  /** A target section resting on fewer evaluations than this is weak. Default 2. */
  minimum?: number;
  /** Language of the target titles; by default the first document's. */
  language?: Language;
}

/** One section that heads a target, where it is. */
export interface CoverageSection {
  file: string;
  heading: string;
  /** 1-based line of the heading. */
  line: number;
}

export interface CoverageTarget {
  /** "16.1" (or a goal or indicator id, when a heading names one). */
  target: string;
  /** The official title of the target, when it is one. */
  title?: string;
  /** The files with a section for this target, in input order. */
  files: string[];
  sections: CoverageSection[];
  /** Labels of the evaluations cited in those sections, in column order. */
  evaluations: string[];
  /** Fewer evaluations than the minimum. */
  weak: boolean;
}

export interface CoverageEvaluation {
  id: string;
  /**
   * How the map names it: the id, or — when registers use one id for different evaluations — the
   * id followed by the register's file name.
   */
  label: string;
  title?: string;
  year?: number;
  type?: string;
  /** Whether a register lists it (an unregistered id is cited but unknown). */
  registered: boolean;
  /** SDG targets the register says the evaluation speaks to. */
  declaredTargets: string[];
  /** Citations anywhere in the documents. */
  citations: number;
  /** Targets whose sections cite it. */
  targets: string[];
}

export interface CoverageMatrix {
  minimum: number;
  /** Rows, in the official order of the targets. */
  targets: CoverageTarget[];
  /** Columns: register entries in register order, then cited ids no register lists. */
  evaluations: CoverageEvaluation[];
  /** `matrix[row][column]`: citations of the evaluation inside the target's sections. */
  matrix: number[][];
  /** Files that were mapped, in input order. */
  files: string[];
}

export const DEFAULT_COVERAGE_MINIMUM = 2;

export function coverageMatrix(sources: ReadonlyArray<CoverageSource>, options: CoverageOptions = {}): CoverageMatrix {
  const minimum = Number.isInteger(options.minimum) && options.minimum! >= 0 ? options.minimum! : DEFAULT_COVERAGE_MINIMUM;
  const catalogue = getCatalogue(options.language ?? sources[0]?.document.language ?? 'en');

  // Columns: every registered evaluation first, in register order, then ids cited but unknown.
  // The same id in two registers is one evaluation when the titles agree (a global evaluation
  // reviewed by two country syntheses), two evaluations otherwise.
  const columns = new Map<string, CoverageEvaluation>();
  const keyOf = (id: string, title: string | undefined): string => `${id}\u0000${title === undefined ? '\u0001' : title.trim().toLowerCase()}`;
  const registerOf = new Map<CoverageEvaluation, string>();
  for (const { register } of sources) {
    for (const entry of register?.entries ?? []) {
      const key = keyOf(entry.id, entry.title);
      if (columns.has(key)) continue;
      const evaluation: CoverageEvaluation = { id: entry.id, label: entry.id, registered: true, declaredTargets: [...entry.targets], citations: 0, targets: [] };
      if (entry.title) evaluation.title = entry.title;
      if (entry.year !== undefined) evaluation.year = entry.year;
      if (entry.type) evaluation.type = entry.type;
      columns.set(key, evaluation);
      registerOf.set(evaluation, register!.file);
    }
  }
  /** The column of a citation in a document: through the document's own register. */
  const columnKey = (source: CoverageSource, id: string): string => {
    const entry = source.register?.byId.get(id);
    return entry ? keyOf(id, entry.title) : keyOf(id, undefined);
  };
  for (const source of sources) {
    for (const citation of source.document.citations) {
      const key = columnKey(source, citation.id);
      let evaluation = columns.get(key);
      if (!evaluation) {
        evaluation = { id: citation.id, label: citation.id, registered: false, declaredTargets: [], citations: 0, targets: [] };
        columns.set(key, evaluation);
      }
      evaluation.citations++;
    }
  }
  const evaluations = [...columns.values()];
  labelAmbiguous(evaluations, registerOf);
  const columnOf = new Map([...columns.keys()].map((key, i) => [key, i]));

  // Rows: one per target named by a target section's heading, across all the documents.
  const rows = new Map<string, { target: CoverageTarget; counts: number[] }>();
  for (const source of sources) {
    const { file, document } = source;
    for (const section of document.sections) {
      const tag = section.heading.targetTag;
      if (!tag) continue;
      const cited = document.citations.filter((c) => section.span.start <= c.span.start && c.span.end <= section.span.end);
      for (const id of new Set(tag.refs.map((r) => r.id))) {
        let row = rows.get(id);
        if (!row) {
          const target: CoverageTarget = { target: id, files: [], sections: [], evaluations: [], weak: false };
          const title = catalogue.target(id)?.title ?? catalogue.indicator(id)?.title ?? catalogue.goal(id)?.short;
          if (title) target.title = title;
          row = { target, counts: evaluations.map(() => 0) };
          rows.set(id, row);
        }
        if (!row.target.files.includes(file)) row.target.files.push(file);
        row.target.sections.push({ file, heading: section.heading.text.trim(), line: document.lines.positionAt(section.heading.span.start).line + 1 });
        for (const c of cited) row.counts[columnOf.get(columnKey(source, c.id))!]!++;
      }
    }
  }
  const ordered = [...rows.values()].sort((a, b) => catalogue.compareTargets(a.target.target, b.target.target) || a.target.target.localeCompare(b.target.target));
  for (const { target, counts } of ordered) {
    const supporting = evaluations.filter((_, i) => counts[i]! > 0);
    target.evaluations = supporting.map((e) => e.label);
    target.weak = target.evaluations.length < minimum;
    for (const e of supporting) e.targets.push(target.target);
  }
  return {
    minimum,
    targets: ordered.map((r) => r.target),
    evaluations,
    matrix: ordered.map((r) => r.counts),
    files: sources.map((s) => s.file),
  };
}

/** Two columns with one id get labels naming their registers: `GLO-01 (colombia.csv)`. */
function labelAmbiguous(evaluations: CoverageEvaluation[], registerOf: ReadonlyMap<CoverageEvaluation, string>): void {
  const byId = new Map<string, CoverageEvaluation[]>();
  for (const e of evaluations) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const used = new Set<string>();
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    for (const e of same) {
      let label = `${e.id} (${registerOf.get(e) ?? 'not in a register'})`;
      for (let n = 2; used.has(label); n++) label = `${e.id} (${registerOf.get(e) ?? 'not in a register'}, ${n})`;
      used.add(label);
      e.label = label;
    }
  }
}

// -------------------------------------------------------------------------------------------------
// Output

/**
 * CSV (RFC 4180): one row per target — target, title, number of evaluations, weak (yes/no) — then
 * one column per evaluation with the number of citations of it in the target's sections.
 */
export function coverageToCsv(coverage: CoverageMatrix): string {
  const header = ['target', 'title', 'evaluations', 'weak', ...coverage.evaluations.map((e) => e.label)];
  const rows = coverage.targets.map((t, i) => [t.target, t.title ?? '', String(t.evaluations.length), t.weak ? 'yes' : 'no', ...coverage.matrix[i]!.map(String)]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // A cell a spreadsheet would read as a formula is prefixed with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Markdown: a table with one row per target and one column per evaluation (✓ where the target's
 * sections cite it), weak targets marked ⚠, then the evaluations with their titles and those never
 * cited in a target section. It can be pasted into a synthesis as an annex, so it is written in the
 * document's language (English by default).
 */
export function coverageToMarkdown(coverage: CoverageMatrix, language: Language = 'en'): string {
  const w = DOCUMENT_WORDS[language].coverage;
  const out: string[] = [`# ${w.title}`, ''];
  const { minimum } = coverage;
  if (coverage.targets.length === 0) {
    out.push(w.none, '');
  } else {
    out.push(minimum === 1 ? w.introOne : format(w.intro, { minimum }), '');
    const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    const ids = coverage.evaluations.map((e) => mdCell(e.label));
    out.push(row([w.target, w.titleColumn, w.evaluations, ...ids]));
    out.push(`|${['---', '---', '---:', ...ids.map(() => ':-:')].join('|')}|`);
    coverage.targets.forEach((t, i) => {
      const count = t.weak ? `⚠ ${t.evaluations.length}` : String(t.evaluations.length);
      out.push(row([mdCell(t.target), mdCell(clip(t.title ?? '', 60)), count, ...coverage.matrix[i]!.map((n) => (n > 0 ? '✓' : ' '))]));
    });
    out.push('');
    const weak = coverage.targets.filter((t) => t.weak).map((t) => t.target);
    out.push(weak.length > 0 ? format(w.weak, { targets: weak.join(', ') }) : minimum === 1 ? w.allStrongOne : format(w.allStrong, { minimum }), '');
  }
  if (coverage.evaluations.length > 0) {
    out.push(`## ${w.evaluationsHeading}`, '');
    for (const e of coverage.evaluations) {
      const facts = [e.year, e.type].filter((f) => f !== undefined && f !== '').join(', ');
      const where = e.targets.length > 0 ? format(w.supports, { targets: e.targets.join(', ') }) : w.notCited;
      const known = e.registered ? '' : ` — ${w.notRegistered}`;
      out.push(`- **${mdCell(e.label)}**${e.title ? ` ${mdCell(e.title)}` : ''}${facts ? ` (${mdCell(facts)})` : ''}: ${where}${known}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
