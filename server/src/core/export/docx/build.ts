/**
 * A synthesis as a Word document, written with the `docx` package: the Markdown tree is walked
 * block by block into paragraphs, tables and footnotes with Word's own styles, and what a
 * synthesis adds (title block, SDG tags, sources figures, citations, annexes) is written as Word
 * readers expect it. Nothing here writes XML: `docx` does.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InternalHyperlink,
  Paragraph,
  SimpleField,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { Definition, FootnoteDefinition, Heading, List, ListItem, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { coverageMatrix, type CoverageMatrix } from '../../coverage.js';
import { flowCount, flowRows, screeningFlows, type FlowBox, type ScreeningFlow } from '../../findings/flow.js';
import { criteriaMatrix, criteriaWords } from '../../findings/criteria-view.js';
import { plainText } from '../../findings/html.js';
import { describeConfidence, describeEvidence, matrixWords, summaryMatrix, type SummaryMatrix } from '../../findings/matrix.js';
import { targetFindings } from '../../findings/targets.js';
import type { EvidenceEntry } from '../../evidence.js';
import { getCatalogue } from '../../sdg/catalogue.js';
import { scanTags } from '../../sdg/tags.js';
import type { SourcesEntry } from '../../sources.js';
import { sourcesFigures } from '../../render/tiles.js';
import { displayValue } from '../../render/title-block.js';
import { labelsFor } from '../../render/labels.js';
import { textColourOn } from '../../render/styles.js';
import type { Language } from '../../types.js';
import type { ExportSource } from '../source.js';
import { exportLabels, type ExportLabels } from '../labels.js';
import { ACCENT } from './styles.js';

/** Bookmark names that mark what the export generated, so that an import leaves it out. */
export const GENERATED = { toc: '_SynGen_toc', evidence: '_SynGen_evidence', coverage: '_SynGen_coverage', matrix: '_SynGen_matrix', caption: '_SynGen_caption' } as const;
export const SOURCES_MARK = '_SynSrc_';
/** The bookmark in a screening flow diagram, so that an import brings the `sources flow` block back. */
export const FLOW_MARK = '_SynFlow_';
export const EVALUATION_MARK = '_SynEv_';

export interface BuildOptions {
  /** Style id for a style name (the reference document's ids win). */
  style: (name: string) => string;
  /** Table of contents (default true). */
  toc?: boolean;
}

export interface Built {
  children: FileChild[];
  footnotes: Record<string, { children: Paragraph[] }>;
  title: string;
}

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

const LIST_BULLETS = 'synthesis-bullets';
const LIST_NUMBERS = 'synthesis-numbers';
export const NUMBERING_REFERENCES = { bullets: LIST_BULLETS, numbers: LIST_NUMBERS };

const WEB = /^(?:https?:|mailto:)/i;

export function buildDocument(source: ExportSource, options: BuildOptions): Built {
  return new Builder(source, options).build();
}

class Builder {
  private readonly language: Language;
  private readonly labels: ExportLabels;
  private readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private readonly footnoteIds = new Map<string, number>();
  private readonly definitions = new Map<string, Definition>();
  private readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  /** Evaluations the citations link to: bookmark name by id. */
  private readonly evaluationMarks = new Map<string, string>();
  private readonly evaluations: Array<{ id: string; entry: EvidenceEntry | undefined }> = [];
  private tables = 0;
  private sourcesBlocks = 0;
  private numberedLists = 0;
  private headingShift = 0;
  /** Where considerations' labels start, and the list items announced by a label paragraph (offsets). */
  private readonly considerationLabels = new Set<number>();
  private readonly considerationItems = new Set<number>();
  /** The document's screening flows, by where their block starts. */
  private readonly flows: Map<number, ScreeningFlow>;
  private flowDiagrams = 0;

  constructor(
    private readonly source: ExportSource,
    private readonly options: BuildOptions,
  ) {
    this.language = source.language;
    this.labels = exportLabels(this.language);
    const register = source.register;
    for (const entry of register?.entries ?? []) this.addEvaluation(entry.id, entry);
    for (const citation of source.analysis.document.citations) if (!this.evaluationMarks.has(citation.id)) this.addEvaluation(citation.id, undefined);
    this.flows = new Map(screeningFlows(source.analysis.document).map((f) => [f.block.span.start, f]));
    for (const target of targetFindings(source.analysis.document)) {
      for (const c of target.considerations) {
        this.considerationLabels.add(c.labelSpan.start);
        if (c.labelSpan.start < c.span.start) this.considerationItems.add(c.span.start);
      }
    }
  }

  private addEvaluation(id: string, entry: EvidenceEntry | undefined): void {
    if (this.evaluationMarks.has(id)) return;
    // Word bookmark names: letters, digits and underscores, at most 40 characters.
    this.evaluationMarks.set(id, `${EVALUATION_MARK}${this.evaluations.length + 1}`);
    this.evaluations.push({ id, entry });
  }

  build(): Built {
    const { tree } = this.source;
    for (const node of tree.children) {
      if (node.type === 'definition') this.definitions.set(node.identifier.toLowerCase(), node);
      if (node.type === 'footnoteDefinition') this.footnoteDefinitions.set(node.identifier.toLowerCase(), node);
    }
    const children: FileChild[] = [];
    const title = this.titleText();
    let body = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'definition' && n.type !== 'footnoteDefinition');
    // A level-1 heading that repeats the title is the title.
    const firstHeading = body.find((n): n is Heading => n.type === 'heading');
    if (firstHeading?.depth === 1 && title && sameText(textOf(firstHeading), title)) body = body.filter((n) => n !== firstHeading);
    const depths = body.filter((n): n is Heading => n.type === 'heading').map((n) => n.depth);
    this.headingShift = depths.length > 0 ? 1 - Math.min(...depths) : 0;

    children.push(...this.titleBlock(title));
    if (this.options.toc !== false && depths.length > 0) children.push(...this.tableOfContents());
    for (const node of body) children.push(...this.block(node, 0));
    children.push(...this.annexes());
    return { children, footnotes: this.footnotes, title: title || 'Synthesis' };
  }

  private titleText(): string {
    const value = displayValue(this.source.analysis.document.frontMatter?.fields.get('title')?.value);
    if (value) return value;
    const heading = this.source.tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
    return heading ? textOf(heading) : '';
  }

  // ---------------------------------------------------------------------------------------------
  // Title block, table of contents, annexes

  private titleBlock(title: string): Paragraph[] {
    const out: Paragraph[] = [];
    if (title) out.push(new Paragraph({ style: this.options.style('title'), children: [new TextRun(title)] }));
    const frontMatter = this.source.analysis.document.frontMatter;
    if (!frontMatter) return out;
    const words = labelsFor(this.language);
    const field = (key: string): string | undefined => displayValue(frontMatter.fields.get(key)?.value);
    for (const [key, label] of [
      ['country', words.country],
      ['scope', words.scope],
      ['period', words.period],
      ['team', words.team],
      ['report', words.report],
    ] as const) {
      const value = field(key);
      if (!value) continue;
      const content: ParagraphChild[] = [new TextRun({ text: `${label}: `, bold: true })];
      if (key === 'report' && /^https?:\/\/\S+$/i.test(value)) content.push(new ExternalHyperlink({ link: value, children: [new TextRun({ text: value, style: this.options.style('hyperlink') })] }));
      else content.push(new TextRun(value));
      out.push(new Paragraph({ style: this.options.style('title block'), children: content }));
    }
    return out;
  }

  private tableOfContents(): FileChild[] {
    return [
      new Paragraph({ style: this.options.style('toc heading'), children: [new Bookmark({ id: GENERATED.toc, children: [new TextRun(this.labels.contents)] })] }),
      new TableOfContents(this.labels.contents, { hyperlink: true, headingStyleRange: '1-3' }),
    ];
  }

  private annexes(): FileChild[] {
    const out: FileChild[] = [];
    if (this.evaluations.length > 0 && (this.source.register || this.source.analysis.document.citations.length > 0)) out.push(...this.evaluationsAnnex());
    const coverage = this.coverage();
    if (coverage) out.push(...this.coverageAnnex(coverage));
    const matrix = summaryMatrix(this.source.analysis.document, { register: this.source.register, minimum: this.source.coverageMinimum });
    if (matrix.rows.length > 0) out.push(...this.matrixAnnex(matrix));
    return out;
  }

  /** The summary matrix: per target section its findings, their evidence and its considerations. */
  private matrixAnnex(matrix: SummaryMatrix): FileChild[] {
    const words = matrixWords(this.language);
    const rows = matrix.rows.map((r) => {
      const findings = r.findings.flatMap((f) => {
        const notes = [describeEvidence(f.evidence, this.language, false), ...(f.confidence ? [describeConfidence(f.confidence, this.language)] : [])];
        return [new Paragraph({ style: this.options.style('table text'), children: [new TextRun(`${plainText(f.text)} `), new TextRun({ text: `(${notes.join(words.semicolon)})`, italics: true })] })];
      });
      // The items of a list under one label are shown under that label once.
      const considerations = r.considerations.flatMap((c, i) => {
        const previous = r.considerations[i - 1];
        const listed = r.considerations.some((o) => o !== c && o.labelSpan.start === c.labelSpan.start);
        const label = new TextRun({ text: `${c.label}${words.colon.trimEnd()}`, bold: true });
        const text = plainText(c.text);
        const item = new Paragraph({ style: this.options.style('table text'), children: [new TextRun(`• ${text}`)] });
        if (!listed) return [new Paragraph({ style: this.options.style('table text'), children: [label, new TextRun(` ${text}`)] })];
        return previous?.labelSpan.start === c.labelSpan.start ? [item] : [new Paragraph({ style: this.options.style('table text'), children: [label] }), item];
      });
      const evidence = describeEvidence(r.evidence, this.language, matrix.register) + (r.thin ? ` ${words.thin(matrix.minimum)}` : '');
      return [
        [this.cellText(r.heading, { bold: true })],
        findings.length > 0 ? findings : [this.cellText(words.none)],
        [this.cellText(evidence, r.thin ? { italics: true } : {})],
        considerations.length > 0 ? considerations : [this.cellText(words.none)],
      ];
    });
    const out: FileChild[] = [this.annexHeading(GENERATED.matrix, words.annex), new Paragraph({ children: [new TextRun(words.annexIntro)] })];
    if (!matrix.register) out.push(new Paragraph({ children: [new TextRun({ text: words.noRegister, italics: true })] }));
    out.push(this.caption(words.title), this.grid([words.target, words.findings, words.evidence, words.considerations], rows, [18, 40, 17, 25]));
    if (matrix.rated) out.push(new Paragraph({ children: [new TextRun({ text: words.legend, italics: true })] }));
    return out;
  }

  private annexHeading(mark: string, text: string): Paragraph {
    return new Paragraph({ style: this.options.style('heading 1'), pageBreakBefore: true, children: [new Bookmark({ id: mark, children: [new TextRun(text)] })] });
  }

  private evaluationsAnnex(): FileChild[] {
    const l = this.labels;
    const header = [l.id, l.title, l.year, l.type, l.country];
    const rows = this.evaluations.map(({ id, entry }) => {
      const mark = this.evaluationMarks.get(id)!;
      const first = new Paragraph({ style: this.options.style('table text'), children: [new Bookmark({ id: mark, children: [new TextRun({ text: id, bold: true })] })] });
      if (!entry) return [first, this.cellText(l.notInRegister, { italics: true }), this.cellText(''), this.cellText(''), this.cellText('')];
      const title = entry.url && WEB.test(entry.url) ? new Paragraph({ style: this.options.style('table text'), children: [new ExternalHyperlink({ link: entry.url, children: [new TextRun({ text: entry.title || entry.url, style: this.options.style('hyperlink') })] })] }) : this.cellText(entry.title);
      return [first, title, this.cellText(entry.year === undefined ? '' : String(entry.year)), this.cellText(entry.type), this.cellText(entry.country)];
    });
    return [
      this.annexHeading(GENERATED.evidence, l.evaluationsReviewed),
      new Paragraph({ children: [new TextRun(l.evaluationsIntro)] }),
      this.caption(l.evaluationsCaption),
      this.grid(header, rows, [14, 46, 8, 12, 20]),
    ];
  }

  private coverage(): CoverageMatrix | undefined {
    const { document } = this.source.analysis;
    if (!document.headings.some((h) => h.targetTag) || document.citations.length === 0) return undefined;
    const options = { language: this.language, minimum: this.source.coverageMinimum };
    return coverageMatrix([{ file: 'document', document, ...(this.source.register ? { register: this.source.register } : {}) }], options);
  }

  private coverageAnnex(coverage: CoverageMatrix): FileChild[] {
    const l = this.labels;
    const columns = coverage.evaluations.filter((e) => e.citations > 0);
    const header = [l.target, ...columns.map((c) => c.label), l.evaluations];
    const rows = coverage.targets.map((target, row) => {
      const cited = columns.map((c) => coverage.matrix[row]![coverage.evaluations.indexOf(c)] ?? 0);
      const count = cited.filter((n) => n > 0).length;
      return [
        this.cellText(target.title ? `${target.target} ${target.title}` : target.target, { bold: true }),
        ...cited.map((n) => this.cellText(n > 0 ? String(n) : '')),
        this.cellText(target.weak ? `${count} (${l.weak})` : String(count), target.weak ? { italics: true } : {}),
      ];
    });
    const first = 34;
    const rest = columns.length + 1;
    return [
      this.annexHeading(GENERATED.coverage, l.coverage),
      new Paragraph({ children: [new TextRun(l.coverageIntro(coverage.minimum))] }),
      this.caption(l.coverageCaption),
      this.grid(header, rows, [first, ...Array.from({ length: rest }, () => (100 - first) / rest)]),
      ...this.criteriaTable(),
    ];
  }

  /**
   * The target × criterion view, in the coverage annex (so an import leaves it out with the annex),
   * when the register or the text links evaluations to criteria: per target, how many cited
   * evaluations inform each criterion, ✗ where none does.
   */
  private criteriaTable(): FileChild[] {
    const { document } = this.source.analysis;
    const view = criteriaMatrix([{ file: 'document', document, ...(this.source.register ? { register: this.source.register } : {}) }], { language: this.language });
    if (!view.informed || view.rows.length === 0) return [];
    const words = criteriaWords(this.language);
    const rows = view.rows.map((r) => [this.cellText(r.title ? `${r.target} ${r.title}` : r.target, { bold: true }), ...r.cells.map((ids) => this.cellText(ids.length === 0 ? '✗' : String(ids.length), ids.length === 0 ? { bold: true } : {}))]);
    const first = 34;
    return [
      new Paragraph({ children: [new TextRun(words.intro)] }),
      this.caption(words.title),
      this.grid([words.target, ...view.criteria.map((c) => words.names[c])], rows, [first, ...view.criteria.map(() => (100 - first) / view.criteria.length)]),
    ];
  }

  /** "Table 3. Sources of data": numbered by a SEQ field, marked as generated. */
  private caption(text: string): Paragraph {
    this.tables++;
    return new Paragraph({
      style: this.options.style('caption'),
      children: [new Bookmark({ id: `${GENERATED.caption}_${this.tables}`, children: [new TextRun(`${this.labels.table} `), new SimpleField('SEQ Table \\* ARABIC', String(this.tables)), new TextRun(`. ${text}`)] })],
    });
  }

  private cellText(text: string, marks: { bold?: boolean; italics?: boolean } = {}): Paragraph {
    return new Paragraph({ style: this.options.style('table text'), children: [new TextRun({ text, ...marks })] });
  }

  /** A table: a row's cells are paragraphs, or lists of paragraphs for cells that hold several. */
  private grid(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<Paragraph | readonly Paragraph[]>>, widths: readonly number[]): Table {
    const cell = (children: Paragraph[], head: boolean, width: number): TableCell =>
      new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, ...(head ? { shading: { type: ShadingType.CLEAR, fill: 'E6F0F5', color: 'auto' } } : {}) });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell([this.cellText(h, { bold: true })], true, widths[i] ?? 10)) }),
        ...rows.map((r) => new TableRow({ children: r.map((p, i) => cell(p instanceof Paragraph ? [p] : [...p], false, widths[i] ?? 10)) })),
      ],
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Blocks

  private block(node: RootContent, quoteDepth: number): FileChild[] {
    switch (node.type) {
      case 'heading':
        return [this.heading(node)];
      case 'paragraph': {
        const style = this.isConsideration(node) ? this.options.style('consideration') : quoteDepth > 0 ? this.options.style('quote') : undefined;
        return [new Paragraph({ ...(style ? { style } : {}), children: this.inline(node.children, {}) })];
      }
      case 'list':
        return this.list(node, 0, quoteDepth);
      case 'blockquote':
        return node.children.flatMap((c) => this.block(c, quoteDepth + 1));
      case 'code':
        if (node.lang?.trim().toLowerCase() === 'sources') {
          const at = node.position?.start.offset;
          const flow = at !== undefined ? this.flows.get(at) : undefined;
          if (flow) return this.flowDiagram(flow);
          const figures = this.sources(node.value);
          if (figures) return figures;
        }
        return node.value.split(/\r?\n/).map((line) => new Paragraph({ style: this.options.style('source code'), children: [new TextRun(line)] }));
      case 'table':
        return [this.table(node)];
      case 'thematicBreak':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'AAAAAA', space: 1 } }, children: [] })];
      case 'html':
        // Raw HTML is not carried into the document, as in the preview.
        return [];
      default:
        return [];
    }
  }

  /** A paragraph that opens with a consideration's label (as the checks read it), or an item announced by one. */
  private isConsideration(node: MdParagraph, item?: ListItem): boolean {
    const first = node.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
    const at = first?.type === 'strong' ? first.position?.start.offset : undefined;
    if (at !== undefined && this.considerationLabels.has(at)) return true;
    const itemAt = item?.position?.start.offset;
    return itemAt !== undefined && this.considerationItems.has(itemAt);
  }

  private heading(node: Heading): Paragraph {
    const level = Math.max(1, Math.min(6, node.depth + this.headingShift));
    return new Paragraph({ style: this.options.style(`heading ${level}`), children: this.inline(node.children, {}) });
  }

  private list(node: List, depth: number, quoteDepth: number): FileChild[] {
    const ordered = node.ordered === true;
    const instance = ordered ? ++this.numberedLists : 0;
    const out: FileChild[] = [];
    for (const item of node.children as ListItem[]) {
      let first = true;
      for (const child of item.children) {
        if (child.type === 'list') {
          out.push(...this.list(child, depth + 1, quoteDepth));
          continue;
        }
        if (child.type !== 'paragraph') {
          out.push(...this.block(child, quoteDepth));
          continue;
        }
        const prefix: ParagraphChild[] = item.checked === true ? [new TextRun('☒ ')] : item.checked === false ? [new TextRun('☐ ')] : [];
        const consideration = this.isConsideration(child, item);
        out.push(
          new Paragraph({
            ...(consideration ? { style: this.options.style('consideration') } : {}),
            ...(first ? { numbering: { reference: ordered ? LIST_NUMBERS : LIST_BULLETS, level: Math.min(depth, 8), ...(ordered ? { instance } : {}) } } : { indent: { left: 720 * (depth + 1) } }),
            children: [...prefix, ...this.inline(child.children, {})],
          }),
        );
        first = false;
      }
    }
    return out;
  }

  private table(node: MdTable): Table {
    const columns = Math.max(1, ...node.children.map((r) => r.children.length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: node.children.map(
        (row, index) =>
          new TableRow({
            tableHeader: index === 0,
            children: Array.from({ length: columns }, (_, i) => {
              const cell = row.children[i];
              const marks = index === 0 ? { bold: true } : {};
              return new TableCell({
                width: { size: 100 / columns, type: WidthType.PERCENTAGE },
                ...(index === 0 ? { shading: { type: ShadingType.CLEAR, fill: 'E6F0F5', color: 'auto' } } : {}),
                children: [new Paragraph({ style: this.options.style('table text'), children: cell ? this.inline(cell.children, marks) : [] })],
              });
            }),
          }),
      ),
    });
  }

  /**
   * A sources block as the brief's big-number figures: one cell per top-level line (the count
   * large, the label in capitals, the breakdown as a list), under a numbered caption.
   */
  private sources(value: string): FileChild[] | undefined {
    const figures = sourcesFigures(value, this.language);
    if (!figures) return undefined;
    const { entries: blockEntries, count } = figures;
    this.sourcesBlocks++;
    const mark = `${SOURCES_MARK}${this.sourcesBlocks}`;
    const breakdown = (entries: readonly SourcesEntry[], depth: number): Paragraph[] =>
      entries.flatMap((e) => [
        new Paragraph({ style: this.options.style('table text'), numbering: { reference: LIST_BULLETS, level: Math.min(depth, 8) }, children: [new TextRun({ text: count(e), bold: true }), new TextRun(` ${e.label}`)] }),
        ...breakdown(e.children, depth + 1),
      ]);
    const width = 100 / blockEntries.length;
    const cells = blockEntries.map(
      (entry, i) =>
        new TableCell({
          width: { size: width, type: WidthType.PERCENTAGE },
          shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
          borders: { top: { style: BorderStyle.SINGLE, size: 24, color: ACCENT }, bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' }, left: { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' }, right: { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' } },
          margins: { top: 80, bottom: 80, left: 120, right: 120 },
          children: [
            new Paragraph({ style: this.options.style('figure number'), children: i === 0 ? [new Bookmark({ id: mark, children: [new TextRun(count(entry))] })] : [new TextRun(count(entry))] }),
            new Paragraph({ style: this.options.style('figure label'), children: [new TextRun(entry.label)] }),
            ...breakdown(entry.children, 0),
          ],
        }),
    );
    return [this.caption(this.labels.sourcesCaption), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ cantSplit: true, children: cells })] }), new Paragraph({ children: [] })];
  }

  /**
   * A screening flow as a diagram drawn with Word's own table: a bordered box per stage that holds
   * evaluations (identified, screened, assessed, included), down arrows between them, and beside
   * each the boxes of what was taken out there with their reasons, under a numbered caption. The
   * same rows as the preview's diagram (findings/flow.ts); a box worked out from the others, not
   * written in the block, has a dashed border and its label in italics.
   */
  private flowDiagram(flow: ScreeningFlow): FileChild[] {
    this.flowDiagrams++;
    const mark = `${FLOW_MARK}${this.flowDiagrams}`;
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
    const noBorders = { top: none, bottom: none, left: none, right: none };
    const widths = [17, 36, 6, 41];
    const line = (style: (typeof BorderStyle)[keyof typeof BorderStyle], color: string): { style: typeof style; size: number; color: string } => ({ style, size: 12, color });
    let marked = false;
    const boxParagraphs = (b: FlowBox): Paragraph[] => {
      const label = new TextRun({ text: b.label, bold: true, ...(b.written ? {} : { italics: true }) });
      const first = marked ? label : new Bookmark({ id: mark, children: [label] });
      marked = true;
      return [
        new Paragraph({ style: this.options.style('table text'), keepNext: true, children: [first, new TextRun(` (${flowCount(b.count, this.language)})`)] }),
        ...b.parts.map((p) => new Paragraph({ style: this.options.style('table text'), numbering: { reference: LIST_BULLETS, level: 0 }, children: [new TextRun(`${p.label} (${flowCount(p.count, this.language)})`)] })),
      ];
    };
    const empty = (i: number): TableCell => new TableCell({ width: { size: widths[i]!, type: WidthType.PERCENTAGE }, borders: noBorders, children: [new Paragraph({ children: [] })] });
    const arrow = (i: number, glyph: string): TableCell =>
      new TableCell({ width: { size: widths[i]!, type: WidthType.PERCENTAGE }, borders: noBorders, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: glyph, bold: true, color: ACCENT, size: 28 })] })] });
    const box = (i: number, boxes: FlowBox[], side: boolean): TableCell => {
      const written = boxes.every((b) => b.written);
      const border = line(written ? BorderStyle.SINGLE : BorderStyle.DASHED, side ? '888888' : ACCENT);
      return new TableCell({
        width: { size: widths[i]!, type: WidthType.PERCENTAGE },
        borders: { top: border, bottom: border, left: border, right: border },
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
        verticalAlign: VerticalAlign.CENTER,
        children: boxes.flatMap(boxParagraphs),
      });
    };
    const rows: TableRow[] = [];
    flowRows(flow, this.language).forEach((r, i) => {
      if (i > 0) rows.push(new TableRow({ cantSplit: true, children: [empty(0), arrow(1, '↓'), empty(2), empty(3)] }));
      const phase = new TableCell({
        width: { size: widths[0]!, type: WidthType.PERCENTAGE },
        borders: noBorders,
        verticalAlign: VerticalAlign.CENTER,
        // Written across, not turned on its side: a turned word wraps letter by letter in a low row.
        children: [new Paragraph({ children: r.phase ? [new TextRun({ text: r.phase, bold: true, color: ACCENT, size: 18 })] : [] })],
      });
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [phase, r.main ? box(1, [r.main], false) : empty(1), ...(r.out.length > 0 ? [arrow(2, '→'), box(3, r.out, true)] : [empty(2), empty(3)])],
        }),
      );
    });
    return [this.caption(this.labels.flowCaption), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, rows }), new Paragraph({ children: [] })];
  }

  // ---------------------------------------------------------------------------------------------
  // Inline content

  private inline(nodes: readonly PhrasingContent[], marks: Marks): ParagraphChild[] {
    return nodes.flatMap((node) => this.phrasing(node, marks));
  }

  private run(text: string, marks: Marks, extra: { style?: string; color?: string; shading?: string } = {}): TextRun {
    return new TextRun({
      text,
      ...(marks.bold ? { bold: true } : {}),
      ...(marks.italics ? { italics: true } : {}),
      ...(marks.strike ? { strike: true } : {}),
      ...(marks.code ? { font: 'Courier New' } : {}),
      ...(extra.style ? { style: extra.style } : {}),
      ...(extra.color ? { color: extra.color } : {}),
      ...(extra.shading ? { shading: { type: ShadingType.CLEAR, fill: extra.shading, color: 'auto' } } : {}),
    });
  }

  private phrasing(node: PhrasingContent, marks: Marks): ParagraphChild[] {
    switch (node.type) {
      case 'text':
        return this.text(node.value, marks);
      case 'emphasis':
        return this.inline(node.children, { ...marks, italics: true });
      case 'strong':
        return this.inline(node.children, { ...marks, bold: true });
      case 'delete':
        return this.inline(node.children, { ...marks, strike: true });
      case 'inlineCode':
        return [this.run(node.value, { ...marks, code: true })];
      case 'break':
        return [new TextRun({ text: '', break: 1 })];
      case 'link':
        return this.link(node.url, node.children, marks);
      case 'linkReference': {
        const definition = this.definitions.get(node.identifier.toLowerCase());
        return definition ? this.link(definition.url, node.children, marks) : this.inline(node.children, marks);
      }
      case 'image':
      case 'imageReference':
        return node.alt ? [this.run(`[${this.labels.image}: ${node.alt}]`, { ...marks, italics: true })] : [];
      case 'footnoteReference':
        return this.footnote(node.identifier);
      case 'html':
        return [];
      default:
        return [];
    }
  }

  private link(url: string, children: readonly PhrasingContent[], marks: Marks): ParagraphChild[] {
    const runs = this.inline(children, marks);
    if (!WEB.test(url)) return runs;
    const hyperlink = this.options.style('hyperlink');
    const text = children.map(textOf).join('') || url;
    return [new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: hyperlink, ...(marks.bold ? { bold: true } : {}), ...(marks.italics ? { italics: true } : {}) })] })];
  }

  private footnote(identifier: string): ParagraphChild[] {
    const key = identifier.toLowerCase();
    const definition = this.footnoteDefinitions.get(key);
    if (!definition) return [new TextRun(`[^${identifier}]`)];
    let id = this.footnoteIds.get(key);
    if (id === undefined) {
      id = this.footnoteIds.size + 1;
      this.footnoteIds.set(key, id);
      const paragraphs = definition.children.flatMap((c) => this.block(c, 0)).filter((c): c is Paragraph => c instanceof Paragraph);
      this.footnotes[String(id)] = { children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')] };
    }
    return [new FootnoteReferenceRun(id)];
  }

  /** Text with its SDG tags as styled runs in the goal's colour and its citations as links to the annex. */
  private text(value: string, marks: Marks): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const pieces: Array<{ start: number; end: number; make: () => ParagraphChild[] }> = [];
    const catalogue = getCatalogue(this.language);
    for (const tag of scanTags(value, 0, this.language)) {
      const goal = tag.refs[0] ? catalogue.goal(tag.refs[0].goal) : undefined;
      const known = goal && tag.refs.every((r) => (r.kind === 'goal' ? true : r.kind === 'target' ? catalogue.target(r.id) : catalogue.indicator(r.id)));
      pieces.push({
        start: tag.span.start,
        end: tag.span.end,
        make: () => [this.run(tag.raw, { ...marks, bold: true }, known && goal ? { style: this.options.style('sdg tag'), color: textOn(goal.colour), shading: goal.colour.replace('#', '').toUpperCase() } : { style: this.options.style('sdg tag') })],
      });
    }
    for (const match of value.matchAll(/\[([^[\]\n]*)\]/g)) {
      if (!/@[A-Za-z0-9]/.test(match[1]!)) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (pieces.some((p) => p.start < end && p.end > start)) continue;
      pieces.push({ start, end, make: () => this.citation(match[1]!, marks) });
    }
    pieces.sort((a, b) => a.start - b.start);
    let at = 0;
    for (const piece of pieces) {
      if (piece.start < at) continue;
      if (piece.start > at) out.push(this.run(value.slice(at, piece.start), marks));
      out.push(...piece.make());
      at = piece.end;
    }
    if (at < value.length) out.push(this.run(value.slice(at), marks));
    return out;
  }

  /** `[@A; see @B]` as "[A; see B]", each code a link to its row in the "Evaluations reviewed" annex. */
  private citation(inside: string, marks: Marks): ParagraphChild[] {
    const out: ParagraphChild[] = [this.run('[', marks)];
    let at = 0;
    for (const match of inside.matchAll(/@([A-Za-z0-9](?:[A-Za-z0-9_.:-]*[A-Za-z0-9])?)/g)) {
      if (match.index > at) out.push(this.run(inside.slice(at, match.index), marks));
      const id = match[1]!;
      const mark = this.evaluationMarks.get(id);
      const run = new TextRun({ text: id, style: this.options.style('citation'), ...(marks.bold ? { bold: true } : {}), ...(marks.italics ? { italics: true } : {}) });
      out.push(mark ? new InternalHyperlink({ anchor: mark, children: [run] }) : run);
      at = match.index + match[0].length;
    }
    if (at < inside.length) out.push(this.run(inside.slice(at), marks));
    out.push(this.run(']', marks));
    return out;
  }
}

/** White or near-black text on a goal's colour, whichever reads better: the preview's choice, as Word writes a colour. */
function textOn(hex: string): string {
  return textColourOn(hex).replace('#', '').toUpperCase();
}

function textOf(node: RootContent | Root | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as PhrasingContent[]).map(textOf).join('');
  return '';
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}
