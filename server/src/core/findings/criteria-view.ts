/**
 * The target × criterion view of the coverage map: for each target, which evaluations inform each
 * OECD-DAC criterion, and which criteria none informs.
 *
 * An evaluation informs a criterion for a target when it is cited in that target's section and
 * either its register row lists the criterion, or it is cited in a paragraph tagged with the
 * criterion, or the section's heading carries the tag.
 */
import type { EvidenceRegister } from '../evidence.js';
import type { SynthesisDocument } from '../parse.js';
import { getCatalogue } from '../sdg/catalogue.js';
import type { Language } from '../types.js';
import { CRITERIA, CRITERION_NAMES, scanCriterionTags, type Criterion } from './criteria.js';
import { csvTable } from './output.js';
import { targetFindings } from './targets.js';

export interface CriteriaSource {
  file: string;
  document: SynthesisDocument;
  register?: EvidenceRegister;
}

export interface CriteriaRow {
  target: string;
  title?: string;
  files: string[];
  /** For each criterion, in `CRITERIA` order: the evaluations (ids) that inform it for this target. */
  cells: string[][];
  /** The criteria no evaluation informs. */
  uninformed: Criterion[];
}

export interface CriteriaMatrix {
  criteria: readonly Criterion[];
  rows: CriteriaRow[];
  /** Whether any register of the documents has a `criteria` column value, or any text a tag. */
  informed: boolean;
  files: string[];
}

export function criteriaMatrix(sources: readonly CriteriaSource[], options: { language?: Language } = {}): CriteriaMatrix {
  const catalogue = getCatalogue(options.language ?? sources[0]?.document.language ?? 'en');
  const rows = new Map<string, { row: CriteriaRow; sets: Array<Set<string>> }>();
  let informed = false;
  for (const source of sources) {
    const { document, register } = source;
    if (register?.entries.some((e) => (e.criteria?.length ?? 0) > 0)) informed = true;
    for (const target of targetFindings(document)) {
      // Tags in the heading cover the whole section; tags in a paragraph cover its citations.
      const headingText = document.source.slice(target.section.heading.span.start, target.section.heading.span.end);
      const sectionTags = new Set(scanCriterionTags(headingText, 0).map((t) => t.criterion));
      const paragraphTags = target.findings.map((f) => ({ finding: f, criteria: new Set(scanCriterionTags(f.prose, f.span.start).map((t) => t.criterion)) })).filter((p) => p.criteria.size > 0);
      if (sectionTags.size > 0 || paragraphTags.length > 0) informed = true;
      for (const id of target.targets) {
        let entry = rows.get(id);
        if (!entry) {
          const title = catalogue.target(id)?.title ?? catalogue.indicator(id)?.title ?? catalogue.goal(id)?.short;
          entry = { row: { target: id, ...(title ? { title } : {}), files: [], cells: [], uninformed: [] }, sets: CRITERIA.map(() => new Set<string>()) };
          rows.set(id, entry);
        }
        if (!entry.row.files.includes(source.file)) entry.row.files.push(source.file);
        const add = (criterion: Criterion, id: string): void => void entry.sets[CRITERIA.indexOf(criterion)]!.add(id);
        for (const citation of target.citations) {
          for (const c of register?.byId.get(citation.id)?.criteria ?? []) add(c, citation.id);
          for (const c of sectionTags) add(c, citation.id);
        }
        for (const { finding, criteria } of paragraphTags) for (const citation of finding.citations) for (const c of criteria) add(c, citation.id);
      }
    }
  }
  const ordered = [...rows.values()].sort((a, b) => catalogue.compareTargets(a.row.target, b.row.target) || a.row.target.localeCompare(b.row.target));
  for (const { row, sets } of ordered) {
    row.cells = sets.map((s) => [...s]);
    row.uninformed = CRITERIA.filter((_, i) => sets[i]!.size === 0);
  }
  return { criteria: CRITERIA, rows: ordered.map((r) => r.row), informed, files: sources.map((s) => s.file) };
}

const HEAD: Readonly<Record<Language, { title: string; target: string; none: string; intro: string; missing: string; all: string; noCriteria: string }>> = {
  en: {
    title: 'Evaluation criteria by target',
    target: 'Target',
    none: 'No target sections (headings such as `### SDG 16.1 …`) were found, so there is nothing to map.',
    intro: 'How many evaluations cited in each target section inform each OECD-DAC criterion; ✗ marks a criterion no evaluation informs.',
    missing: 'Not informed',
    all: 'Every target section has evidence on every criterion.',
    noCriteria: 'No evaluation is linked to a criterion yet: add a `criteria` column to the evidence register, or tag paragraphs such as `#effectiveness`.',
  },
  es: {
    title: 'Criterios de evaluación por meta',
    target: 'Meta',
    none: 'No se encontraron secciones de meta (encabezados como `### ODS 16.1 …`), así que no hay nada que mostrar.',
    intro: 'Cuántas evaluaciones citadas en cada sección de meta informan cada criterio del CAD de la OCDE; ✗ marca un criterio que ninguna evaluación informa.',
    missing: 'Sin información',
    all: 'Cada sección de meta tiene evidencia sobre cada criterio.',
    noCriteria: 'Ninguna evaluación está vinculada aún a un criterio: añada una columna `criteria` al registro de evaluaciones o etiquete párrafos como `#eficacia`.',
  },
  fr: {
    title: 'Critères d’évaluation par cible',
    target: 'Cible',
    none: 'Aucune section de cible (titres comme `### ODD 16.1 …`) n’a été trouvée : il n’y a rien à présenter.',
    intro: 'Combien d’évaluations citées dans chaque section de cible renseignent chaque critère du CAD de l’OCDE ; ✗ marque un critère qu’aucune évaluation ne renseigne.',
    missing: 'Non renseignés',
    all: 'Chaque section de cible dispose de données sur chaque critère.',
    noCriteria: 'Aucune évaluation n’est encore liée à un critère : ajoutez une colonne `criteria` au registre des évaluations, ou étiquetez des paragraphes comme `#efficacité`.',
  },
};

export interface CriteriaWords {
  title: string;
  target: string;
  intro: string;
  missing: string;
  all: string;
  noCriteria: string;
  /** Each criterion's name, capitalised. */
  names: Record<Criterion, string>;
}

/** The view's words in a language, for the editor's coverage page (the same words as the CLI's table). */
export function criteriaWords(language: Language): CriteriaWords {
  const words = HEAD[language];
  const names = Object.fromEntries(CRITERIA.map((c) => [c, capitalise(CRITERION_NAMES[language][c])])) as Record<Criterion, string>;
  // The editor's page shows no Markdown: its code marks are dropped.
  return { title: words.title, target: words.target, intro: words.intro, missing: words.missing, all: words.all, noCriteria: words.noCriteria.replace(/`/g, ''), names };
}

/** Markdown: one row per target, one column per criterion with the number of evaluations, ✗ for none. */
export function criteriaToMarkdown(matrix: CriteriaMatrix, language: Language = 'en'): string {
  const words = HEAD[language];
  const names = CRITERION_NAMES[language];
  const out = [`# ${words.title}`, ''];
  if (matrix.rows.length === 0) {
    out.push(words.none, '');
    return out.join('\n');
  }
  if (!matrix.informed) out.push(words.noCriteria, '');
  out.push(words.intro, '');
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  out.push(row([words.target, ...matrix.criteria.map((c) => capitalise(names[c]))]));
  out.push(`|${['---', ...matrix.criteria.map(() => ':-:')].join('|')}|`);
  for (const r of matrix.rows) out.push(row([r.target, ...r.cells.map((ids) => (ids.length === 0 ? '✗' : String(ids.length)))]));
  out.push('');
  const gaps = matrix.rows.filter((r) => r.uninformed.length > 0);
  if (gaps.length === 0) out.push(words.all, '');
  else {
    out.push(`**${words.missing}:**`, '');
    for (const r of gaps) out.push(`- ${r.target}: ${r.uninformed.map((c) => names[c]).join(', ')}`);
    out.push('');
  }
  return out.join('\n');
}

/** CSV: target, title, then one column per criterion holding the ids of the evaluations that inform it (`;`-separated). */
export function criteriaToCsv(matrix: CriteriaMatrix): string {
  const header = ['target', 'title', ...matrix.criteria, 'not informed'];
  const rows = matrix.rows.map((r) => [r.target, r.title ?? '', ...r.cells.map((ids) => ids.join('; ')), r.uninformed.join('; ')]);
  return csvTable([header, ...rows]);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
