/**
 * The summary matrix of a synthesis: for each target section, its findings, the evidence behind
 * them (the distinct evaluations cited, by kind and year) and its considerations; where the
 * register rates the evaluations' quality, a confidence level per finding. As data (JSON), a
 * Markdown table and CSV. Pure: the caller hands over the document and its register.
 */
import type { EvidenceRegister } from '../evidence.js';
import type { SynthesisDocument } from '../parse.js';
import type { Language, Span } from '../types.js';
import { validMinimum } from './checks.js';
import { rateConfidence, type Concern, type Confidence, type ConfidenceLevel } from './confidence.js';
import { evidenceBase, type EvidenceBase } from './evidence-base.js';
import type { ConsiderationKind } from './labels.js';
import { csvTable, mdCell, oneLine } from './output.js';
import { targetFindings } from './targets.js';

export interface MatrixOptions {
  register?: EvidenceRegister | undefined;
  /** Fewest evaluations a target section should rest on (`coverage.minimum`); 2 by default. */
  minimum?: number;
}

export interface MatrixFinding {
  /** 1-based line where the finding starts. */
  line: number;
  span: Span;
  /** The paragraph as written, on one line. */
  text: string;
  evidence: EvidenceBase;
  /** Only when the register rates its evaluations' quality. */
  confidence?: Confidence;
}

export interface MatrixConsideration {
  kind: ConsiderationKind;
  /** The label as written, such as `Recommendation 2`. */
  label: string;
  line: number;
  span: Span;
  /** Where the label is: the same for the items of a list under one label paragraph. */
  labelSpan: Span;
  text: string;
}

export interface MatrixRow {
  /** The targets the heading names, such as ['16.6', '16.a']. */
  targets: string[];
  heading: string;
  line: number;
  span: Span;
  findings: MatrixFinding[];
  considerations: MatrixConsideration[];
  /** Every evaluation cited in the section (subsections included). */
  evidence: EvidenceBase;
  /** Fewer evaluations than the minimum; only ever true when the document has a register. */
  thin: boolean;
}

export interface SummaryMatrix {
  title: string | undefined;
  language: Language;
  /** Whether the document has an evidence register (kinds, years and `thin` need one). */
  register: boolean;
  /** Whether the register rates any evaluation's quality (then findings have a confidence level). */
  rated: boolean;
  minimum: number;
  rows: MatrixRow[];
}

export function summaryMatrix(document: SynthesisDocument, options: MatrixOptions = {}): SummaryMatrix {
  const register = options.register;
  const minimum = validMinimum(options.minimum);
  const rated = register?.entries.some((e) => e.quality !== undefined) ?? false;
  const country = document.frontMatter?.fields.get('country')?.value;
  const context = { countrySynthesis: typeof country === 'string' && country.trim() !== '' };
  const lineOf = (offset: number): number => document.lines.positionAt(offset).line + 1;
  const slice = (span: Span): string => oneLine(document.source.slice(span.start, span.end));
  const title = document.frontMatter?.fields.get('title')?.value;
  return {
    title: typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined,
    language: document.language,
    register: register !== undefined,
    rated,
    minimum,
    rows: targetFindings(document).map((target) => {
      const evidence = evidenceBase(target.citations, register);
      return {
        targets: target.targets,
        heading: target.heading,
        line: lineOf(target.section.heading.span.start),
        span: target.section.span,
        findings: target.findings.map((f) => {
          const base = evidenceBase(f.citations, register);
          return { line: lineOf(f.span.start), span: f.span, text: slice(f.span), evidence: base, ...(rated ? { confidence: rateConfidence(base, context) } : {}) };
        }),
        considerations: target.considerations.map((c) => ({ kind: c.kind, label: c.label, line: lineOf(c.span.start), span: c.span, labelSpan: c.labelSpan, text: slice(c.textSpan) })),
        evidence,
        thin: register !== undefined && target.section.hasContent && evidence.count < minimum,
      };
    }),
  };
}

/**
 * The matrix of a document as the language service sees it: its `DocumentAnalysis` or
 * `DocumentContext` (the register it found, the effective `coverage.minimum`). A minimum given here
 * (a command-line flag) wins.
 */
export function matrixFor(input: { document: SynthesisDocument; register: { register: EvidenceRegister } | undefined; config: { coverageMinimum: number } }, minimum?: number): SummaryMatrix {
  return summaryMatrix(input.document, { register: input.register?.register, minimum: minimum ?? input.config.coverageMinimum });
}

// -------------------------------------------------------------------------------------------------
// Words of the outputs, in the document's language

export interface MatrixWords {
  title: string;
  /** The heading of the annex in exports. */
  annex: string;
  /** What the annex shows, in one sentence. */
  annexIntro: string;
  /** The hover of a target heading. */
  evidenceBase: string;
  considerationCount: (n: number) => string;
  target: string;
  findings: string;
  evidence: string;
  considerations: string;
  none: string;
  noTargets: string;
  evaluations: (n: number) => string;
  kinds: Record<'country' | 'regional' | 'global' | 'other' | 'unregistered', (n: number) => string>;
  /** "confidence: high", with the language's spacing before the colon. */
  confidence: string;
  /** The colon and semicolon between parts, with French spacing in French. */
  colon: string;
  semicolon: string;
  levels: Record<ConfidenceLevel, string>;
  concern: (c: Concern) => string;
  thin: (minimum: number) => string;
  noRegister: string;
  legend: string;
}

const WORDS: Readonly<Record<Language, MatrixWords>> = {
  en: {
    title: 'Summary matrix',
    annex: 'Annex: Summary matrix of findings, evidence and considerations',
    annexIntro: 'For each target section, its findings, the evaluations behind them and its considerations.',
    evidenceBase: 'Evidence base',
    considerationCount: (n) => (n === 0 ? 'No consideration yet' : `${n} consideration${n === 1 ? '' : 's'}`),
    target: 'Target',
    findings: 'Findings',
    evidence: 'Evidence',
    considerations: 'Considerations',
    none: '—',
    noTargets: 'No target sections (headings such as `### SDG 16.1 …`) were found, so the matrix is empty.',
    evaluations: (n) => `${n} evaluation${n === 1 ? '' : 's'}`,
    kinds: { country: () => 'country-level', regional: () => 'regional', global: () => 'global', other: () => 'other', unregistered: () => 'not in the register' },
    confidence: 'confidence: ',
    colon: ': ',
    semicolon: '; ',
    levels: { high: 'high', moderate: 'moderate', low: 'low', 'very low': 'very low' },
    concern: (c) =>
      c.component === 'none-cited'
        ? 'cites no evaluation'
        : c.component === 'adequacy'
          ? `only ${c.evaluations === 1 ? 'one evaluation' : 'two evaluations'}`
          : c.component === 'quality'
            ? `${c.sound} of ${c.evaluations} rated good or very good`
            : 'no country-level evaluation',
    thin: (m) => `⚠ fewer than ${m} evaluation${m === 1 ? '' : 's'}`,
    noRegister: 'This synthesis has no evidence register, so evaluations are counted by their ids only.',
    legend: 'Confidence (high, moderate, low, very low) follows from the number of evaluations a finding cites, their quality ratings and, in a country synthesis, whether any is country-level; whether the evaluations agree is for the team to judge.',
  },
  es: {
    title: 'Matriz de resumen',
    annex: 'Anexo: Matriz de resumen de hallazgos, evidencia y consideraciones',
    annexIntro: 'Para cada sección de meta, sus hallazgos, las evaluaciones en que se apoyan y sus consideraciones.',
    evidenceBase: 'Base de evidencia',
    considerationCount: (n) => (n === 0 ? 'Todavía ninguna consideración' : `${n} ${n === 1 ? 'consideración' : 'consideraciones'}`),
    target: 'Meta',
    findings: 'Hallazgos',
    evidence: 'Evidencia',
    considerations: 'Consideraciones',
    none: '—',
    noTargets: 'No se encontraron secciones de meta (encabezados como `### ODS 16.1 …`), así que la matriz está vacía.',
    evaluations: (n) => `${n} ${n === 1 ? 'evaluación' : 'evaluaciones'}`,
    kinds: { country: () => 'de país', regional: (n) => (n === 1 ? 'regional' : 'regionales'), global: (n) => (n === 1 ? 'global' : 'globales'), other: (n) => (n === 1 ? 'otra' : 'otras'), unregistered: () => 'fuera del registro' },
    confidence: 'confianza: ',
    colon: ': ',
    semicolon: '; ',
    levels: { high: 'alta', moderate: 'moderada', low: 'baja', 'very low': 'muy baja' },
    concern: (c) =>
      c.component === 'none-cited'
        ? 'no cita ninguna evaluación'
        : c.component === 'adequacy'
          ? `solo ${c.evaluations === 1 ? 'una evaluación' : 'dos evaluaciones'}`
          : c.component === 'quality'
            ? `${c.sound} de ${c.evaluations} con calidad buena o muy buena`
            : 'ninguna evaluación de país',
    thin: (m) => `⚠ menos de ${m} ${m === 1 ? 'evaluación' : 'evaluaciones'}`,
    noRegister: 'Esta síntesis no tiene registro de evaluaciones, así que las evaluaciones se cuentan solo por sus identificadores.',
    legend: 'La confianza (alta, moderada, baja, muy baja) se deduce del número de evaluaciones que cita un hallazgo, de su calidad y, en una síntesis de país, de si alguna es de país; si las evaluaciones concuerdan lo juzga el equipo.',
  },
  fr: {
    title: 'Matrice de synthèse',
    annex: 'Annexe : Matrice de synthèse des constats, des données probantes et des considérations',
    annexIntro: 'Pour chaque section de cible, ses constats, les évaluations sur lesquelles ils reposent et ses considérations.',
    evidenceBase: 'Base de données probantes',
    considerationCount: (n) => (n === 0 ? 'Aucune considération pour l’instant' : `${n} considération${n > 1 ? 's' : ''}`),
    target: 'Cible',
    findings: 'Constats',
    evidence: 'Données probantes',
    considerations: 'Considérations',
    none: '—',
    noTargets: 'Aucune section de cible (titres comme `### ODD 16.1 …`) n’a été trouvée : la matrice est vide.',
    evaluations: (n) => `${n} évaluation${n > 1 ? 's' : ''}`,
    kinds: { country: () => 'de pays', regional: (n) => (n === 1 ? 'régionale' : 'régionales'), global: (n) => (n === 1 ? 'mondiale' : 'mondiales'), other: (n) => (n === 1 ? 'autre' : 'autres'), unregistered: () => 'hors registre' },
    confidence: 'confiance\u00a0: ',
    colon: '\u00a0: ',
    semicolon: '\u00a0; ',
    levels: { high: 'élevée', moderate: 'modérée', low: 'faible', 'very low': 'très faible' },
    concern: (c) =>
      c.component === 'none-cited'
        ? 'ne cite aucune évaluation'
        : c.component === 'adequacy'
          ? `seulement ${c.evaluations === 1 ? 'une évaluation' : 'deux évaluations'}`
          : c.component === 'quality'
            ? `${c.sound} sur ${c.evaluations} de bonne ou très bonne qualité`
            : 'aucune évaluation de pays',
    thin: (m) => `⚠ moins de ${m} évaluation${m > 1 ? 's' : ''}`,
    noRegister: 'Cette synthèse n’a pas de registre des évaluations : les évaluations ne sont comptées que par leurs identifiants.',
    legend: 'La confiance (élevée, modérée, faible, très faible) découle du nombre d’évaluations citées par un constat, de leur qualité et, dans une synthèse de pays, de la présence d’au moins une évaluation de pays ; la cohérence entre évaluations reste à juger par l’équipe.',
  },
};

/** The matrix's words in a language, for the annexes of the exports. */
export function matrixWords(language: Language): Readonly<MatrixWords> {
  return WORDS[language];
}

/** "3 evaluations: 2 country-level, 1 global; 2015–2018" */
export function describeEvidence(base: EvidenceBase, language: Language, withKinds: boolean): string {
  const words = WORDS[language];
  let text = words.evaluations(base.count);
  if (withKinds && base.count > 0) {
    const kinds = (Object.keys(words.kinds) as Array<keyof MatrixWords['kinds']>).filter((k) => base.byKind[k] > 0).map((k) => `${base.byKind[k]} ${words.kinds[k](base.byKind[k])}`);
    text += `${words.colon}${kinds.join(', ')}`;
    if (base.years) text += `${words.semicolon}${base.years.from === base.years.to ? base.years.from : `${base.years.from}–${base.years.to}`}`;
  }
  return text;
}

export function describeConfidence(confidence: Confidence, language: Language): string {
  const words = WORDS[language];
  const level = `${words.confidence}${words.levels[confidence.level]}`;
  return confidence.concerns.length === 0 ? level : `${level} (${confidence.concerns.map(words.concern).join(words.semicolon)})`;
}

/** Markdown: one table row per target section; findings carry their own evidence and confidence. */
export function matrixToMarkdown(matrix: SummaryMatrix): string {
  const words = WORDS[matrix.language];
  // The language's colon: French puts a (non-breaking) space before it.
  const out = [`# ${words.title}${matrix.title ? `${words.colon}${mdCell(matrix.title)}` : ''}`, ''];
  if (matrix.rows.length === 0) {
    out.push(words.noTargets, '');
    return out.join('\n');
  }
  if (!matrix.register) out.push(words.noRegister, '');
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  out.push(row([words.target, words.findings, words.evidence, words.considerations]), '|---|---|---|---|');
  for (const r of matrix.rows) {
    const findings = r.findings.map((f) => {
      const notes = [describeEvidence(f.evidence, matrix.language, false), ...(f.confidence ? [describeConfidence(f.confidence, matrix.language)] : [])];
      return `${mdCell(f.text)} *(${mdCell(notes.join(words.semicolon))})*`;
    });
    const evidence = describeEvidence(r.evidence, matrix.language, matrix.register) + (r.thin ? ` ${words.thin(matrix.minimum)}` : '');
    // The items of a list under one label are shown under that label once.
    const considerations = r.considerations.map((c, i) => {
      const previous = r.considerations[i - 1];
      const listed = r.considerations.some((o) => o !== c && o.labelSpan.start === c.labelSpan.start);
      const label = `**${mdCell(c.label)}${words.colon.trimEnd()}**`;
      if (!listed) return `${label} ${mdCell(c.text)}`;
      const item = `• ${mdCell(c.text)}`;
      return previous && previous.labelSpan.start === c.labelSpan.start ? item : `${label}<br>${item}`;
    });
    const joined = considerations.reduce((text, c, i) => (i === 0 ? c : `${text}${c.startsWith('• ') ? '<br>' : '<br><br>'}${c}`), '');
    out.push(row([mdCell(r.heading), findings.join('<br><br>') || words.none, mdCell(evidence), joined || words.none]));
  }
  out.push('');
  if (matrix.rated) out.push(`*${words.legend}*`, '');
  return out.join('\n');
}

/**
 * CSV, one row per item: a `section` row with the section's evidence, then its `finding` rows (with
 * their own evidence and confidence) and `consideration` rows. Column names are English, for tools.
 */
export function matrixToCsv(matrix: SummaryMatrix): string {
  const header = ['target', 'heading', 'line', 'kind', 'label', 'text', 'evaluations', 'count', 'country-level', 'regional', 'global', 'other', 'not in register', 'years', 'confidence', 'concerns', 'thin'];
  const words = WORDS.en;
  const evidenceCells = (e: EvidenceBase): string[] => [
    e.evaluations.join('; '),
    String(e.count),
    ...(['country', 'regional', 'global', 'other', 'unregistered'] as const).map((k) => String(e.byKind[k])),
    e.years ? (e.years.from === e.years.to ? String(e.years.from) : `${e.years.from}-${e.years.to}`) : '',
  ];
  const rows: string[][] = [header];
  for (const r of matrix.rows) {
    const target = r.targets.join('/');
    rows.push([target, r.heading, String(r.line), 'section', '', '', ...evidenceCells(r.evidence), '', '', r.thin ? 'yes' : 'no']);
    for (const f of r.findings) {
      rows.push([target, r.heading, String(f.line), 'finding', '', f.text, ...evidenceCells(f.evidence), f.confidence?.level ?? '', f.confidence?.concerns.map(words.concern).join('; ') ?? '', '']);
    }
    for (const c of r.considerations) rows.push([target, r.heading, String(c.line), c.kind, c.label, c.text, '', '', '', '', '', '', '', '', '', '', '']);
  }
  return csvTable(rows);
}

/** JSON: the matrix as data, with spans (UTF-16 offsets) and 1-based lines. */
export function matrixToJson(matrix: SummaryMatrix): string {
  return `${JSON.stringify(matrix, null, 2)}\n`;
}
