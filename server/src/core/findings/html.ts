/**
 * What the findings add to rendered HTML (the preview and the exported page): considerations marked
 * so the styles can set them apart, screening flows drawn as diagrams, and the summary matrix as an
 * annex. Works on the renderer's HTML tree before it is sanitised; every class used here is allowed
 * by render/schema.ts and styled by render/styles.ts.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { PhrasingContent, Root as Mdast, RootContent } from 'mdast';
import { coverageMatrix, type CoverageMatrix } from '../coverage.js';
import type { EvidenceRegister } from '../evidence.js';
import { exportLabels } from '../export/labels.js';
import type { SynthesisDocument } from '../parse.js';
import { h, text, addClasses, classesOf } from '../render/hast.js';
import { markdownTree } from '../render/markdown.js';
import type { Language } from '../types.js';
import { criteriaMatrix, criteriaWords, type CriteriaMatrix } from './criteria-view.js';
import { flowDiagram, screeningFlows } from './flow.js';
import { describeConfidence, describeEvidence, matrixWords, type SummaryMatrix } from './matrix.js';
import { targetFindings } from './targets.js';

export const CONSIDERATION_CLASSES = ['synthesis-consideration', 'synthesis-consideration-label', 'synthesis-consideration-item'] as const;
export const ANNEX_CLASSES = ['synthesis-annex', 'synthesis-coverage', 'synthesis-matrix', 'synthesis-matrix-note'] as const;

/**
 * Marks each consideration: its paragraph (`synthesis-consideration`), its bold label
 * (`synthesis-consideration-label`), and the items of a list announced by a label paragraph
 * (`synthesis-consideration-item`). Only target sections have considerations, as the checks read them.
 */
export function markConsiderations(tree: Root, document: SynthesisDocument): void {
  const labels = new Set<number>();
  const items = new Set<number>();
  for (const target of targetFindings(document)) {
    for (const c of target.considerations) {
      labels.add(c.labelSpan.start);
      // An item of a list under a label paragraph: its label is before it.
      if (c.labelSpan.start < c.span.start) items.add(c.span.start);
    }
  }
  if (labels.size === 0) return;
  const visit = (parent: Root | Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const start = child.position?.start.offset;
      if (child.tagName === 'li' && start !== undefined && items.has(start)) addClasses(child, 'synthesis-consideration-item');
      if (child.tagName === 'p') {
        const strong = child.children.find((c): c is Element => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
        const at = strong?.type === 'element' && strong.tagName === 'strong' ? strong.position?.start.offset : undefined;
        if (strong?.type === 'element' && at !== undefined && labels.has(at)) {
          addClasses(child, 'synthesis-consideration');
          addClasses(strong, 'synthesis-consideration-label');
        }
      }
      visit(child);
    }
  };
  visit(tree);
}

/** Replaces each `sources flow` block (already a code block in the tree) with its flow diagram. */
export function addFlowDiagrams(tree: Root, document: SynthesisDocument): void {
  const flows = new Map(screeningFlows(document).map((f) => [f.block.span.start, f]));
  if (flows.size === 0) return;
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      const start = child.position?.start.offset;
      const flow = child.tagName === 'pre' && start !== undefined ? flows.get(start) : undefined;
      const code = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (flow && code && classesOf(code).some((c) => c.toLowerCase() === 'language-sources')) {
        const diagram = flowDiagram(flow, document.language);
        if (child.position) diagram.position = child.position;
        parent.children[i] = diagram;
        return;
      }
      visit(child);
    });
  };
  visit(tree);
}

/**
 * The summary matrix as an annex of the exported page: a heading, a note on what it shows and a
 * table (target, findings with their evidence and confidence, evidence, considerations), in the
 * document's language. Undefined when the document has no target sections.
 */
export function matrixAnnex(matrix: SummaryMatrix): Element | undefined {
  if (matrix.rows.length === 0) return undefined;
  const words = matrixWords(matrix.language);
  const cell = (tag: 'td' | 'th', children: ElementContent[]): Element => h(tag, {}, children);
  const rows = matrix.rows.map((r) => {
    const findings = r.findings.map((f) => {
      const notes = [describeEvidence(f.evidence, matrix.language, false), ...(f.confidence ? [describeConfidence(f.confidence, matrix.language)] : [])];
      return h('p', {}, [...inline(f.text), text(' '), h('em', {}, [text(`(${notes.join(words.semicolon)})`)])]);
    });
    const evidence = describeEvidence(r.evidence, matrix.language, matrix.register) + (r.thin ? ` ${words.thin(matrix.minimum)}` : '');
    const considerations: Element[] = [];
    let list: Element | undefined;
    r.considerations.forEach((c, i) => {
      const listed = r.considerations.some((o) => o !== c && o.labelSpan.start === c.labelSpan.start);
      const previous = r.considerations[i - 1];
      if (listed && previous?.labelSpan.start === c.labelSpan.start && list) {
        list.children.push(h('li', {}, inline(c.text)));
        return;
      }
      const label = h('strong', { className: ['synthesis-consideration-label'] }, [text(`${c.label}${words.colon.trimEnd()}`)]);
      if (listed) {
        list = h('ul', {}, [h('li', {}, inline(c.text))]);
        considerations.push(h('p', {}, [label]), list);
      } else {
        list = undefined;
        considerations.push(h('p', {}, [label, text(' '), ...inline(c.text)]));
      }
    });
    return h('tr', {}, [
      cell('th', [text(r.heading)]),
      cell('td', findings.length > 0 ? findings : [text(words.none)]),
      cell('td', [text(evidence)]),
      cell('td', considerations.length > 0 ? considerations : [text(words.none)]),
    ]);
  });
  const children: ElementContent[] = [h('h2', {}, [text(words.annex)]), h('p', {}, [text(words.annexIntro)])];
  if (!matrix.register) children.push(h('p', { className: ['synthesis-matrix-note'] }, [text(words.noRegister)]));
  children.push(
    h('table', { className: ['synthesis-matrix'] }, [
      h('thead', {}, [h('tr', {}, [words.target, words.findings, words.evidence, words.considerations].map((w) => cell('th', [text(w)])))]),
      h('tbody', {}, rows),
    ]),
  );
  if (matrix.rated) children.push(h('p', { className: ['synthesis-matrix-note'] }, [text(words.legend)]));
  return h('section', { className: ['synthesis-annex'] }, children);
}

/** What the coverage annex of the exported page shows: the evidence coverage map and, when any evaluation is linked to a criterion, the target × criterion view. */
export interface CoverageAnnex {
  language: Language;
  coverage: CoverageMatrix;
  criteria?: CriteriaMatrix;
}

/**
 * The coverage annex of a document, from the same functions as the Word export's annex and the
 * editor's coverage view. Undefined unless the document has an evidence register, target sections
 * and citations: without a register the map only repeats the citations, and documents without
 * one see nothing new.
 */
export function coverageAnnexFor(input: { document: SynthesisDocument; language?: Language; register: { register: EvidenceRegister } | undefined; config: { coverageMinimum: number } }): CoverageAnnex | undefined {
  const { document } = input;
  const register = input.register?.register;
  if (!register || !document.headings.some((h) => h.targetTag) || document.citations.length === 0) return undefined;
  const language = input.language ?? document.language;
  const source = { file: 'document', document, register };
  const coverage = coverageMatrix([source], { language, minimum: input.config.coverageMinimum });
  const criteria = criteriaMatrix([source], { language });
  return { language, coverage, ...(criteria.informed && criteria.rows.length > 0 ? { criteria } : {}) };
}

/**
 * The coverage annex as the exported page shows it, with the Word annex's words: how many times
 * each cited evaluation is cited in each target section (weak sections marked), then the
 * target × criterion table with ✗ where no evaluation informs a criterion. Every cell is a text
 * node, so register and document text is escaped when the page is written.
 */
export function coverageAnnex(annex: CoverageAnnex): Element | undefined {
  const { coverage, criteria, language } = annex;
  if (coverage.targets.length === 0) return undefined;
  const l = exportLabels(language);
  const head = (cells: readonly string[]): Element => h('thead', {}, [h('tr', {}, cells.map((c) => h('th', {}, [text(c)])))]);
  const targetCell = (target: string, title: string | undefined): Element => h('th', {}, [text(title ? `${target} ${title}` : target)]);
  const caption = (words: string): Element => h('p', {}, [h('strong', {}, [text(words)])]);

  const columns = coverage.evaluations.filter((e) => e.citations > 0);
  const rows = coverage.targets.map((target, row) => {
    const cited = columns.map((c) => coverage.matrix[row]![coverage.evaluations.indexOf(c)] ?? 0);
    const count = cited.filter((n) => n > 0).length;
    return h('tr', {}, [
      targetCell(target.target, target.title),
      ...cited.map((n) => h('td', {}, n > 0 ? [text(String(n))] : [])),
      h('td', {}, [target.weak ? h('em', {}, [text(`${count} (${l.weak})`)]) : text(String(count))]),
    ]);
  });
  const children: ElementContent[] = [
    h('h2', {}, [text(l.coverage)]),
    h('p', {}, [text(l.coverageIntro(coverage.minimum))]),
    caption(l.coverageCaption),
    h('table', { className: ['synthesis-matrix'] }, [head([l.target, ...columns.map((c) => c.label), l.evaluations]), h('tbody', {}, rows)]),
  ];
  if (criteria) {
    const words = criteriaWords(language);
    const criteriaRows = criteria.rows.map((r) =>
      h('tr', {}, [targetCell(r.target, r.title), ...r.cells.map((ids) => h('td', {}, [ids.length === 0 ? h('strong', {}, [text('✗')]) : text(String(ids.length))]))]),
    );
    children.push(
      h('p', {}, [text(words.intro)]),
      caption(words.title),
      h('table', { className: ['synthesis-matrix'] }, [head([words.target, ...criteria.criteria.map((c) => words.names[c])]), h('tbody', {}, criteriaRows)]),
    );
  }
  // `synthesis-coverage` tells the importer this annex from the summary matrix's.
  return h('section', { className: ['synthesis-annex', 'synthesis-coverage'] }, children);
}

/** A finding's or a consideration's Markdown as HTML inline content: emphasis, code and links kept as text marks. */
function inline(markdown: string): ElementContent[] {
  const tree: Mdast = markdownTree(markdown);
  const first = tree.children[0];
  return first && 'children' in first ? (first.children as PhrasingContent[]).flatMap(phrasing) : [text(markdown)];
}

function phrasing(node: PhrasingContent | RootContent): ElementContent[] {
  switch (node.type) {
    case 'text':
      return [text(node.value)];
    case 'inlineCode':
      return [h('code', {}, [text(node.value)])];
    case 'strong':
      return [h('strong', {}, node.children.flatMap(phrasing))];
    case 'emphasis':
      return [h('em', {}, node.children.flatMap(phrasing))];
    case 'delete':
      return [h('del', {}, node.children.flatMap(phrasing))];
    case 'break':
      return [text(' ')];
    default:
      // Links, images, footnote references and anything else: their text only, so the annex
      // carries no address the page itself does not show.
      return 'children' in node ? (node.children as PhrasingContent[]).flatMap(phrasing) : 'value' in node && typeof node.value === 'string' ? [text(node.value)] : [];
  }
}

/** The plain text of a finding's or consideration's Markdown (for the Word annex): marks dropped. */
export function plainText(markdown: string): string {
  const tree = markdownTree(markdown);
  const first = tree.children[0];
  const textOf = (n: PhrasingContent | RootContent): string => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? (n.children as PhrasingContent[]).map(textOf).join('') : '');
  return first ? textOf(first) : markdown;
}
