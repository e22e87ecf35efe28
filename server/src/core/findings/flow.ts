/**
 * The screening flow: how the evaluations of a synthesis were selected, in the manner of a PRISMA
 * 2020 flow diagram, written as a sources block whose info string adds `flow`:
 *
 * ```sources flow
 * evaluations identified: 64
 *   evaluation database: 52
 *   other sources: 12
 * duplicates removed: 4
 * evaluations screened: 60
 * excluded at screening: 31
 * reports assessed for eligibility: 29
 * reports excluded: 8
 *   outside the period: 5
 *   no country component: 3
 * evaluations included: 21
 * ```
 *
 * It is an ordinary sources block (the same syntax and checks, breakdowns that add up); each
 * top-level line is a stage recognised by a word of its label, in English, Spanish or French. The
 * stages that hold evaluations (identified, screened, sought, assessed, included) come in that order;
 * between two of them, the lines that take evaluations out (removed, excluded, not retrieved) must
 * account for the difference. Words for each stage, the checks, the diagram and the CSV layout of
 * the PRISMA2020 R package are described in docs/findings.md.
 */
import type { Element, ElementContent } from 'hast';
import type { EvidenceRegister } from '../evidence.js';
import type { SynthesisDocument } from '../parse.js';
import { h, text } from '../render/hast.js';
import type { Text } from '../pieces.js';
import type { SourcesBlock, SourcesEntry } from '../sources.js';
import type { Language, Span } from '../types.js';
import { fold } from './fold.js';
import { csvTable } from './output.js';

export type StageKind = 'identified' | 'removed' | 'screened' | 'excluded' | 'sought' | 'not-retrieved' | 'assessed' | 'included';

/** Stages that hold evaluations, in the order a flow passes them. */
export const POOL_STAGES: readonly StageKind[] = ['identified', 'screened', 'sought', 'assessed', 'included'];

export function isPool(kind: StageKind): boolean {
  return POOL_STAGES.includes(kind);
}

/**
 * The words that name each stage, matched at the start of a word of the label (folded: any case,
 * no accents). Checked in this order, so that "reports not retrieved" is not read as retrieved, and
 * "records excluded after screening" is an exclusion.
 */
const STAGE_WORDS: ReadonlyArray<[StageKind, RegExp]> = [
  ['not-retrieved', /(?<![a-z])(?:not|no|non)\s+(?:retrieved|obtained|available|found|obtenid|recuperad|disponible|encontrad|obtenu|recupere|trouve)|(?<![a-z])(?:unavailable|indisponible)/],
  ['excluded', /(?<![a-z])(?:excluded|excluid|exclu)/],
  ['removed', /(?<![a-z])(?:removed|duplicate|eliminad|duplicad|retirad|supprime|retire|doublon|elimine)/],
  ['included', /(?<![a-z])(?:included|incluid|inclus|retenu)/],
  ['assessed', /(?<![a-z])(?:assessed|eligibility|elegibilidad|valorad|evaluad|eligibilite|evaluee?s?(?![a-z]))/],
  ['sought', /(?<![a-z])(?:sought|requested|solicitad|buscad|demande|sollicite)/],
  ['screened', /(?<![a-z])(?:screened|cribad|tamizad|preseleccionad|preselectionne|filtre|triee?s?(?![a-z]))/],
  ['identified', /(?<![a-z])(?:identified|found|identificad|encontrad|identifie|trouve)/],
];

export function stageOf(label: string): StageKind | undefined {
  const folded = fold(label);
  for (const [kind, pattern] of STAGE_WORDS) if (pattern.test(folded)) return kind;
  return undefined;
}

export interface FlowStage {
  kind: StageKind;
  entry: SourcesEntry;
}

export interface ScreeningFlow {
  block: SourcesBlock;
  /** The top-level lines that name a stage, in order. */
  stages: FlowStage[];
  /** Top-level lines whose label names no stage. */
  unknown: SourcesEntry[];
}

/** Whether a sources block's opening fence says `sources flow`. */
export function isFlowBlock(documentText: Text, block: SourcesBlock): boolean {
  const lineEnd = documentText.slice(block.span.start, Math.min(documentText.length, block.span.start + 300)).search(/\r|\n|$/);
  const line = documentText.slice(block.span.start, block.span.start + lineEnd);
  // The fence, then its info words (split, not matched by one regex: linear on any line).
  const fence = /^[\s>]*(?:`{3,}|~{3,})/.exec(line);
  if (!fence) return false;
  const [first, ...rest] = line.slice(fence[0].length).trim().toLowerCase().split(/\s+/);
  return first === 'sources' && rest.includes('flow');
}

/** The document's screening flows: its sources blocks marked `flow`. */
export function screeningFlows(document: SynthesisDocument): ScreeningFlow[] {
  return document.sourcesBlocks.filter((b) => isFlowBlock(document.source, b)).map(readFlow);
}

export function readFlow(block: SourcesBlock): ScreeningFlow {
  const stages: FlowStage[] = [];
  const unknown: SourcesEntry[] = [];
  for (const entry of block.entries) {
    const kind = stageOf(entry.label);
    if (kind) stages.push({ kind, entry });
    else unknown.push(entry);
  }
  return { block, stages, unknown };
}

export type FlowProblem =
  | { kind: 'unknown-stage'; span: Span; label: string }
  | { kind: 'missing-stage'; span: Span; stage: 'identified' | 'included' }
  | { kind: 'order'; span: Span; label: string; stage: StageKind; after: string }
  | { kind: 'nothing-before'; span: Span; label: string }
  | { kind: 'nothing-after'; span: Span; label: string }
  | { kind: 'arithmetic'; span: Span; label: string; expected: number; found: number; from: { label: string; count: number }; minus: Array<{ label: string; count: number }> }
  | { kind: 'register'; span: Span; label: string; included: number; registered: number };

/**
 * The flow's problems: lines that name no stage, a flow without its first or last stage, stages
 * out of order, lines that take evaluations out with no stage before or after them, and counts
 * that do not follow from the stage before (`evaluations screened` must be `identified` minus the
 * lines between them). With a register, the evaluations included must be the register's rows.
 */
export function checkFlow(flow: ScreeningFlow, register?: EvidenceRegister): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const blockStart: Span = { start: flow.block.span.start, end: flow.block.span.start };
  for (const entry of flow.unknown) problems.push({ kind: 'unknown-stage', span: entry.labelSpan, label: entry.label });
  if (!flow.stages.some((s) => s.kind === 'identified')) problems.push({ kind: 'missing-stage', span: blockStart, stage: 'identified' });
  if (!flow.stages.some((s) => s.kind === 'included')) problems.push({ kind: 'missing-stage', span: blockStart, stage: 'included' });

  let pool: FlowStage | undefined;
  let outs: FlowStage[] = [];
  for (const stage of flow.stages) {
    if (!isPool(stage.kind)) {
      if (!pool) problems.push({ kind: 'nothing-before', span: stage.entry.labelSpan, label: stage.entry.label });
      else outs.push(stage);
      continue;
    }
    if (pool && POOL_STAGES.indexOf(stage.kind) <= POOL_STAGES.indexOf(pool.kind)) {
      problems.push({ kind: 'order', span: stage.entry.labelSpan, label: stage.entry.label, stage: stage.kind, after: pool.entry.label });
      continue;
    }
    if (pool && pool.entry.count !== undefined && stage.entry.count !== undefined && outs.every((o) => o.entry.count !== undefined)) {
      const minus = outs.map((o) => ({ label: o.entry.label, count: o.entry.count! }));
      const expected = pool.entry.count - minus.reduce((n, o) => n + o.count, 0);
      if (expected !== stage.entry.count) {
        problems.push({ kind: 'arithmetic', span: stage.entry.countSpan, label: stage.entry.label, expected, found: stage.entry.count, from: { label: pool.entry.label, count: pool.entry.count }, minus });
      }
    }
    pool = stage;
    outs = [];
  }
  for (const out of outs) problems.push({ kind: 'nothing-after', span: out.entry.labelSpan, label: out.entry.label });

  const included = flow.stages.find((s) => s.kind === 'included');
  if (register && register.entries.length > 0 && included?.entry.count !== undefined && included.entry.count !== register.entries.length) {
    problems.push({ kind: 'register', span: included.entry.countSpan, label: included.entry.label, included: included.entry.count, registered: register.entries.length });
  }
  return problems.sort((a, b) => a.span.start - b.span.start);
}

// -------------------------------------------------------------------------------------------------
// The flow's figures, as the PRISMA 2020 diagram arranges them

export interface FlowFigures {
  identified: FlowBox | undefined;
  removed: FlowBox[];
  screened: FlowBox | undefined;
  excludedAtScreening: FlowBox[];
  sought: FlowBox | undefined;
  notRetrieved: FlowBox[];
  assessed: FlowBox | undefined;
  excludedAfterAssessment: FlowBox[];
  included: FlowBox | undefined;
}

export interface FlowBox {
  label: string;
  count: number | undefined;
  /** The breakdown: sources of the records, or reasons for excluding them. */
  parts: Array<{ label: string; count: number | undefined }>;
  /** Given in the block (false: worked out from the stages around it). */
  written: boolean;
}

/**
 * The figures of each box. A stage the block leaves out is worked out where the arithmetic allows
 * (screened = identified − removed; sought = screened − excluded at screening; assessed = sought −
 * not retrieved). An exclusion counts as "at screening" until the flow reaches `sought` or
 * `assessed`, and "after assessment" from then on.
 */
export function flowFigures(flow: ScreeningFlow, language: Language = 'en'): FlowFigures {
  const box = (entry: SourcesEntry): FlowBox => ({ label: entry.label, count: entry.count, parts: entry.children.map((c) => ({ label: c.label, count: c.count })), written: true });
  const first = (kind: StageKind): FlowBox | undefined => {
    const stage = flow.stages.find((s) => s.kind === kind);
    return stage ? box(stage.entry) : undefined;
  };
  const figures: FlowFigures = {
    identified: first('identified'),
    removed: [],
    screened: first('screened'),
    excludedAtScreening: [],
    sought: first('sought'),
    notRetrieved: [],
    assessed: first('assessed'),
    excludedAfterAssessment: [],
    included: first('included'),
  };
  let phase: 'screening' | 'eligibility' = 'screening';
  for (const stage of flow.stages) {
    if (stage.kind === 'sought' || stage.kind === 'assessed') phase = 'eligibility';
    if (stage.kind === 'removed') figures.removed.push(box(stage.entry));
    else if (stage.kind === 'not-retrieved') figures.notRetrieved.push(box(stage.entry));
    else if (stage.kind === 'excluded') (phase === 'screening' ? figures.excludedAtScreening : figures.excludedAfterAssessment).push(box(stage.entry));
  }
  const words = FLOW_WORDS[language];
  const total = (boxes: FlowBox[]): number | undefined => (boxes.some((b) => b.count === undefined) ? undefined : boxes.reduce((n, b) => n + b.count!, 0));
  const minus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a - b);
  const derived = (label: string, count: number | undefined): FlowBox => ({ label, count, parts: [], written: false });
  figures.screened ??= derived(words.screened, minus(figures.identified?.count, total(figures.removed)));
  figures.sought ??= derived(words.sought, figures.assessed && figures.notRetrieved.length === 0 ? figures.assessed.count : minus(figures.screened.count, total(figures.excludedAtScreening)));
  figures.assessed ??= derived(words.assessed, minus(figures.sought.count, total(figures.notRetrieved)));
  return figures;
}

// -------------------------------------------------------------------------------------------------
// Words

interface FlowWords {
  identification: string;
  screening: string;
  inclusion: string;
  screened: string;
  sought: string;
  assessed: string;
  previous: string;
  otherMethods: string;
  notUsed: string;
}

const FLOW_WORDS: Readonly<Record<Language, FlowWords>> = {
  en: {
    identification: 'Identification',
    screening: 'Screening',
    inclusion: 'Included',
    screened: 'Evaluations screened',
    sought: 'Reports sought',
    assessed: 'Reports assessed',
    previous: 'Earlier syntheses (not used)',
    otherMethods: 'Other methods (not used)',
    notUsed: 'Not used in this synthesis',
  },
  es: {
    identification: 'Identificación',
    screening: 'Cribado',
    inclusion: 'Inclusión',
    screened: 'Evaluaciones cribadas',
    sought: 'Informes solicitados',
    assessed: 'Informes valorados',
    previous: 'Síntesis anteriores (no se usan)',
    otherMethods: 'Otros métodos (no se usan)',
    notUsed: 'No se usa en esta síntesis',
  },
  fr: {
    identification: 'Identification',
    screening: 'Sélection',
    inclusion: 'Inclusion',
    screened: 'Évaluations présélectionnées',
    sought: 'Rapports demandés',
    assessed: 'Rapports évalués',
    previous: 'Synthèses antérieures (non utilisé)',
    otherMethods: 'Autres méthodes (non utilisé)',
    notUsed: 'Non utilisé dans cette synthèse',
  },
};

// -------------------------------------------------------------------------------------------------
// The flow diagram, as an HTML tree (no SVG: the preview's sanitiser removes it)

/** The classes the diagram uses; the render schema allows exactly these. */
export const FLOW_CLASSES = ['synthesis-flow', 'synthesis-flow-phase', 'synthesis-flow-box', 'synthesis-flow-side', 'synthesis-flow-arrow', 'synthesis-flow-derived'] as const;

/** One row of the diagram: the phase it opens (if any), its box, and the boxes of what was taken out beside it. */
export interface FlowRow {
  phase: string;
  main: FlowBox | undefined;
  out: FlowBox[];
}

/**
 * The rows the diagram draws, top to bottom, as the preview, the exported page and the Word
 * document draw them. Sought and assessed are drawn only when the block gives them or what was
 * taken out after them.
 */
export function flowRows(flow: ScreeningFlow, language: Language = 'en'): FlowRow[] {
  const figures = flowFigures(flow, language);
  const words = FLOW_WORDS[language];
  const rows: FlowRow[] = [
    { phase: words.identification, main: figures.identified, out: figures.removed },
    { phase: words.screening, main: figures.screened, out: figures.excludedAtScreening },
    { phase: '', main: figures.sought, out: figures.notRetrieved },
    { phase: '', main: figures.assessed, out: figures.excludedAfterAssessment },
    { phase: words.inclusion, main: figures.included, out: [] },
  ];
  return rows.filter((r, i) => !(i === 2 || i === 3) || r.main?.written === true || r.out.length > 0);
}

/** A box's figure as the diagram writes it: "n = 1,234" in the language's digits, "n = ?" when unknown. */
export function flowCount(count: number | undefined, language: Language): string {
  return count === undefined ? 'n = ?' : `n = ${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(count)}`;
}

/**
 * A table with one row per stage that holds evaluations: the phase, the box, an arrow and the
 * boxes of what was taken out at that stage, with down arrows between the rows. Readable as a plain
 * table where no style applies (e-mail, an import), drawn as boxes and arrows by the styles. A box
 * the block does not give (worked out from the others) has its label in italics as well.
 */
export function flowDiagram(flow: ScreeningFlow, language: Language = 'en'): Element {
  const n = (count: number | undefined): string => flowCount(count, language);
  const content = (b: FlowBox): ElementContent[] => {
    const parts: ElementContent[] = [h('strong', {}, b.written ? [text(b.label)] : [h('em', {}, [text(b.label)])]), text(` (${n(b.count)})`)];
    if (b.parts.length > 0) parts.push(h('ul', {}, b.parts.map((p) => h('li', {}, [text(`${p.label} (${n(p.count)})`)]))));
    return parts;
  };
  const cell = (b: FlowBox | undefined): Element => (b ? h('td', { className: b.written ? ['synthesis-flow-box'] : ['synthesis-flow-box', 'synthesis-flow-derived'] }, content(b)) : h('td', {}, []));
  const side = (boxes: FlowBox[]): Element[] =>
    boxes.length === 0 ? [h('td', {}, []), h('td', {}, [])] : [h('td', { className: ['synthesis-flow-arrow'] }, [text('→')]), h('td', { className: ['synthesis-flow-side'] }, boxes.flatMap((b, i) => (i === 0 ? content(b) : [h('br', {}, []), ...content(b)])))];
  const body: Element[] = [];
  flowRows(flow, language).forEach((r, i) => {
    if (i > 0) body.push(h('tr', {}, [h('th', {}, []), h('td', { className: ['synthesis-flow-arrow'] }, [text('↓')]), h('td', {}, []), h('td', {}, [])]));
    body.push(h('tr', {}, [h('th', { className: ['synthesis-flow-phase'] }, r.phase ? [text(r.phase)] : []), cell(r.main), ...side(r.out)]));
  });
  return h('table', { className: ['synthesis-flow'] }, [h('tbody', {}, body)]);
}

// -------------------------------------------------------------------------------------------------
// The CSV layout of the PRISMA2020 R package

/** Reason and source names may not hold the `,` and `;` that separate them in the package's `n` cells. */
function reasonName(label: string): string {
  return label.replace(/[,;]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function reasons(boxes: FlowBox[]): string {
  const items = boxes.flatMap((b) => (b.parts.length > 0 ? b.parts : [{ label: b.label, count: b.count }]));
  return items.map((p) => `${reasonName(p.label)}, ${p.count ?? ''}`).join('; ');
}

/**
 * The flow in the layout of the template CSV of the PRISMA2020 R package (`inst/extdata/PRISMA.csv`:
 * columns data, node, box, description, boxtext, tooltips, url, n), so that
 * `PRISMA_flowdiagram(PRISMA_data(read.csv(file)), previous = FALSE, other = FALSE)` draws it.
 * Every row of the template is written, those the flow does not use with 0. Box texts are the
 * block's labels; the breakdown of the identified line fills `database_specific_results` (draw
 * with `detail_databases = TRUE` to show it) and the reasons of the exclusions after assessment
 * fill `dbr_excluded`.
 */
export function flowToPrismaCsv(flow: ScreeningFlow, language: Language = 'en'): string {
  const f = flowFigures(flow, language);
  const words = FLOW_WORDS[language];
  const num = (count: number | undefined): string => (count === undefined ? '' : String(count));
  const sum = (boxes: FlowBox[]): number | undefined => (boxes.some((b) => b.count === undefined) ? undefined : boxes.reduce((n, b) => n + b.count!, 0));
  const label = (boxes: FlowBox[], fallback: string): string => (boxes.length > 0 ? boxes.map((b) => b.label).join(' / ') : fallback);
  const unused = words.notUsed;
  const row = (data: string, node: string, box: string, description: string, boxtext: string, n: string, tooltip?: string): string[] => [data, node, box, description, boxtext, tooltip ?? description, 'NA', n];
  const identifiedParts = f.identified?.parts ?? [];
  const rows: string[][] = [
    ['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n'],
    row('NA', 'node4', 'prevstud', words.previous, words.previous, '0'),
    row('previous_studies', 'node5', 'box1', unused, unused, '0'),
    row('previous_reports', 'NA', 'box1', unused, unused, '0', 'NA'),
    row('NA', 'node6', 'newstud', words.identification, words.identification, '0'),
    row('database_results', 'node7', 'box2', f.identified?.label ?? '', f.identified?.label ?? '', num(f.identified?.count)),
    row('database_specific_results', 'NA', 'box2', f.identified?.label ?? '', f.identified?.label ?? '', identifiedParts.map((p) => `${reasonName(p.label)}, ${p.count ?? ''}`).join('; '), 'NA'),
    row('register_results', 'NA', 'box2', unused, unused, '0', 'NA'),
    row('register_specific_results', 'NA', 'box2', unused, unused, '', 'NA'),
    row('NA', 'node16', 'othstud', words.otherMethods, words.otherMethods, '0'),
    row('website_results', 'node17', 'box11', unused, unused, '0'),
    row('organisation_results', 'NA', 'box11', unused, unused, '0', 'NA'),
    row('citations_results', 'NA', 'box11', unused, unused, '0', 'NA'),
    row('duplicates', 'node8', 'box3', label(f.removed, unused), label(f.removed, unused), num(sum(f.removed) ?? 0)),
    row('excluded_automatic', 'NA', 'box3', unused, unused, '0', 'NA'),
    row('excluded_other', 'NA', 'box3', unused, unused, '0', 'NA'),
    row('records_screened', 'node9', 'box4', f.screened!.label, f.screened!.label, num(f.screened!.count)),
    row('records_excluded', 'node10', 'box5', label(f.excludedAtScreening, unused), label(f.excludedAtScreening, unused), num(sum(f.excludedAtScreening) ?? 0)),
    row('dbr_sought_reports', 'node11', 'box6', f.sought!.label, f.sought!.label, num(f.sought!.count)),
    row('dbr_notretrieved_reports', 'node12', 'box7', label(f.notRetrieved, unused), label(f.notRetrieved, unused), num(sum(f.notRetrieved) ?? 0)),
    row('other_sought_reports', 'node18', 'box12', unused, unused, '0'),
    row('other_notretrieved_reports', 'node19', 'box13', unused, unused, '0'),
    row('dbr_assessed', 'node13', 'box8', f.assessed!.label, f.assessed!.label, num(f.assessed!.count)),
    row('dbr_excluded', 'node14', 'box9', label(f.excludedAfterAssessment, unused), label(f.excludedAfterAssessment, unused), reasons(f.excludedAfterAssessment)),
    row('other_assessed', 'node20', 'box14', unused, unused, '0'),
    row('other_excluded', 'node21', 'box15', unused, unused, ''),
    row('new_studies', 'node15', 'box10', f.included?.label ?? '', f.included?.label ?? '', num(f.included?.count)),
    row('new_reports', 'NA', 'box10', f.included?.label ?? '', f.included?.label ?? '', num(f.included?.count), 'NA'),
    row('total_studies', 'node22', 'box16', f.included?.label ?? '', f.included?.label ?? '', num(f.included?.count)),
    row('total_reports', 'NA', 'box16', f.included?.label ?? '', f.included?.label ?? '', num(f.included?.count), 'NA'),
    row('identification', 'node1', 'identification', words.identification, words.identification, '0'),
    row('screening', 'node2', 'screening', words.screening, words.screening, '0'),
    row('included', 'node3', 'included', words.inclusion, words.inclusion, '0'),
  ];
  return csvTable(rows);
}
