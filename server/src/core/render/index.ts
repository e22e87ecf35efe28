/**
 * The renderer: a synthesis as HTML for the preview and for the exported brief. One pipeline,
 * from the same Markdown reading as the checks:
 *
 *   Markdown tree → HTML tree (raw HTML dropped) → sources tiles, SDG badges, title block,
 *   source lines, problem marks → sanitizer (GitHub's rules, narrowly extended) → HTML text.
 *
 * Pure (no I/O) and never throws: whatever goes wrong, a short plain message is rendered instead.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Position as UnistPosition } from 'unist';
import { analyze, type Analysis, type AnalysisOptions } from '../lint.js';
import { MAX_NESTING } from '../parse.js';
import { getCatalogue } from '../sdg/catalogue.js';
import type { TemplateRegistry } from '../templates/template.js';
import type { Language as Locale, SeveritySetting } from '../types.js';
import { addFlowDiagrams, coverageAnnex, markConsiderations, matrixAnnex, type CoverageAnnex } from '../findings/html.js';
import type { SummaryMatrix } from '../findings/matrix.js';
import { addBadges } from './badges.js';
import { addLineNumbers, markProblems } from './blocks.js';
import { addClasses, h, text as textNode, textOf } from './hast.js';
import { labelsFor, type RenderLabels } from './labels.js';
import { htmlTree, markdownTree, sanitize, serialise } from './markdown.js';
import { PAGE_CSS, PREVIEW_CSS } from './styles.js';
import { addTiles } from './tiles.js';
import { titleBlock } from './title-block.js';

export { PAGE_CSS, PREVIEW_CSS } from './styles.js';

export interface RenderOptions {
  templates?: TemplateRegistry;
  defaultTemplate?: string;
  severities?: Record<string, SeveritySetting>;
  /** Mark the blocks that have findings (default true). */
  showProblems?: boolean;
  /** The reader's language for the problem marks' messages (English by default). */
  locale?: Locale;
  /** Styles added after the page's own, for the standalone page: the printed PDF's page size and type. */
  extraCss?: string;
  /**
   * The summary matrix, added at the end as an annex (the preview and the HTML export show the same
   * annex). Nothing is added for a document without target sections.
   */
  matrix?: SummaryMatrix;
  /**
   * The evidence coverage annex of the exported page (the coverage map and the target × criterion
   * view, as in the Word export), after the summary matrix. The preview leaves it out: the editor
   * has its own coverage view.
   */
  coverage?: CoverageAnnex;
}

export interface RenderedPreview {
  /** A body fragment. */
  html: string;
  title: string;
  analysis: Analysis;
}

export interface RenderedPage {
  /** A complete, self-contained HTML page. */
  html: string;
  title: string;
}

/** Documents longer than this (in UTF-16 code units, about 2 MB of text) are not rendered: a notice is shown instead. */
export const MAX_RENDER_LENGTH = 2_000_000;

/**
 * The exported page's policy: no script of any kind, styles only from the page itself, images
 * only inline (`data:`) or over https. Remote images are kept in the export because the author
 * put them there; they load only when a reader opens the page.
 */
export const STANDALONE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:";

/**
 * The document as an HTML fragment for the preview, with the analysis it was marked from. The
 * preview fetches nothing from the web: each remote image is replaced by a line of text that
 * says so and names the image (see `remoteImagePlaceholders`).
 */
export function renderPreview(text: string, options: RenderOptions = {}): RenderedPreview {
  return renderPreviewOf(safeAnalyze(text, options), options);
}

/**
 * The preview fragment of a document already analysed: its problem marks are that analysis's
 * findings; with `matrix`, it ends with the summary matrix annex, as the exported page does.
 */
export function renderPreviewOf(analysis: Analysis, options: Pick<RenderOptions, 'showProblems' | 'locale' | 'matrix'> = {}): RenderedPreview {
  // The coverage annex is the exported page's only (the editor has its own coverage view).
  const { tree, title } = render(analysis.document.text, analysis, { ...options, coverage: undefined });
  remoteImagePlaceholders(tree, labelsFor(analysis.document.language));
  return { html: safeSerialise(tree, analysis), title, analysis };
}

/**
 * The document as a complete, printable page: inline styles only, no script, a strict
 * Content-Security-Policy.
 */
export function renderStandalonePage(text: string, options: RenderOptions = {}): RenderedPage {
  return renderStandalonePageOf(safeAnalyze(text, options), options);
}

/** The standalone page of a document already analysed. */
export function renderStandalonePageOf(analysis: Analysis, options: Pick<RenderOptions, 'showProblems' | 'locale' | 'extraCss' | 'matrix' | 'coverage'> = {}): RenderedPage {
  const text = analysis.document.text;
  const { tree, title } = render(text, analysis, options);
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: analysis.document.language }, [
        h('head', {}, [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: ['Content-Security-Policy'], content: STANDALONE_CSP }),
          h('meta', { name: 'referrer', content: 'no-referrer' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'Synthesis Markdown' }),
          h('title', {}, [textNode(title)]),
          h('style', {}, [textNode(PREVIEW_CSS + PAGE_CSS + (options.extraCss ?? ''))]),
        ]),
        h('body', {}, [h('main', { className: ['synthesis-document'] }, tree.children as ElementContent[])]),
      ]),
    ],
  };
  return { html: safeSerialise(page, analysis), title };
}

function analysisOptions(options: RenderOptions): AnalysisOptions {
  const out: AnalysisOptions = {};
  if (options.templates) out.templates = options.templates;
  if (options.defaultTemplate !== undefined) out.defaultTemplate = options.defaultTemplate;
  if (options.severities) out.severities = options.severities;
  return out;
}

function safeAnalyze(text: string, options: RenderOptions): Analysis {
  try {
    return analyze(text, analysisOptions(options));
  } catch {
    // `analyze` does not throw by design; should it ever, render without findings.
    return analyze('', {});
  }
}

function safeSerialise(tree: Root, analysis: Analysis): string {
  try {
    return serialise(tree);
  } catch {
    return serialise({ type: 'root', children: [notice(labelsFor(analysis.document.language).failed)] });
  }
}

/** The sanitized HTML tree of the document, and its title. */
function render(text: string, analysis: Analysis, options: Pick<RenderOptions, 'showProblems' | 'locale' | 'matrix' | 'coverage'>): { tree: Root; title: string } {
  const labels = labelsFor(analysis.document.language);
  const title = titleOf(analysis);
  try {
    return { tree: sanitize(buildTree(text, analysis, options, labels)), title };
  } catch {
    return { tree: { type: 'root', children: [notice(labels.failed)] }, title };
  }
}

function buildTree(text: string, analysis: Analysis, options: Pick<RenderOptions, 'showProblems' | 'locale' | 'matrix' | 'coverage'>, labels: RenderLabels): Root {
  if (text.length > MAX_RENDER_LENGTH) {
    const count = new Intl.NumberFormat(analysis.document.language);
    return { type: 'root', children: [notice(labels.tooLarge(count.format(text.length), count.format(MAX_RENDER_LENGTH)))] };
  }
  if (nestingDepth(text) > MAX_NESTING) {
    // Markdown parsing grows steeply with nesting depth; show the text itself instead.
    return { type: 'root', children: [notice(labels.tooDeep(MAX_NESTING)), h('pre', {}, [textNode(text)])] };
  }
  const { document } = analysis;
  const tree = htmlTree(markdownTree(text));
  addBadges(tree, document.language, getCatalogue(document.language), labels);
  addFlowDiagrams(tree, document);
  addTiles(tree, document.language);
  markConsiderations(tree, document);

  if (document.frontMatter) {
    const block = titleBlock(document.frontMatter, labels);
    if (block) {
      mergeTitle(block, tree);
      const { span } = document.frontMatter;
      const start = document.lines.positionAt(span.start);
      const end = document.lines.positionAt(span.end);
      const position: UnistPosition = {
        start: { line: start.line + 1, column: start.character + 1, offset: span.start },
        end: { line: end.line + 1, column: end.character + 1, offset: span.end },
      };
      block.position = position;
      tree.children.unshift(block);
    }
  }
  addLineNumbers(tree);
  if (options.showProblems !== false) markProblems(tree, analysis.findings, options.locale);
  // After the line numbers and marks: the annexes are not part of the document's text. The summary
  // matrix comes first, as in the preview (which ends with it); the coverage annex follows.
  const annex = options.matrix ? matrixAnnex(options.matrix) : undefined;
  if (annex) tree.children.push(annex);
  const coverage = options.coverage ? coverageAnnex(options.coverage) : undefined;
  if (coverage) tree.children.push(coverage);
  return tree;
}

/**
 * When the document itself starts with a level-1 heading, the title block and that heading are one
 * title: a heading that repeats the front-matter title is dropped, and without a front-matter
 * title the heading becomes the block's title.
 */
function mergeTitle(block: Element, tree: Root): void {
  const index = tree.children.findIndex((c) => c.type === 'element');
  const heading = tree.children[index];
  if (heading?.type !== 'element' || heading.tagName !== 'h1') return;
  const own = block.children[0];
  if (own?.type === 'element' && own.tagName === 'h1') {
    const same = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
    if (same(textOf(heading), textOf(own))) tree.children.splice(index, 1);
    return;
  }
  tree.children.splice(index, 1);
  addClasses(heading, 'synthesis-title');
  delete heading.position;
  block.children.unshift(heading);
}

function titleOf(analysis: Analysis): string {
  const { document } = analysis;
  const value = document.frontMatter?.fields.get('title')?.value;
  if (typeof value === 'string' && value.trim()) return value.trim();
  const heading = document.headings.find((h) => h.depth === 1) ?? document.headings[0];
  if (heading && heading.text.trim()) return heading.text.trim();
  return 'Synthesis';
}

/**
 * Replaces each image that would load from the web (an `https:` address, the only remote scheme
 * the sanitizer keeps, or no address left after the sanitizer dropped an `http:` one) with a
 * visible line of plain text. Runs on the sanitized tree and adds only text and a fixed class.
 * Inline `data:` images and relative addresses are left as they are.
 */
function remoteImagePlaceholders(tree: Root, labels: RenderLabels): void {
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (child.tagName !== 'img') {
        visit(child);
        return;
      }
      const src = typeof child.properties.src === 'string' ? child.properties.src.trim() : '';
      if (src !== '' && !/^https:/i.test(src)) return;
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt.trim() : '';
      const placeholder = h('span', { className: ['synthesis-remote-image'] }, [textNode(labels.remoteImage(alt, src))]);
      if (child.position) placeholder.position = child.position;
      (parent.children as ElementContent[])[index] = placeholder;
    });
  };
  visit(tree);
}

function notice(message: string): RootContent & Element {
  return h('div', { className: ['synthesis-notice'] }, [h('p', {}, [textNode(message)])]);
}

/**
 * The deepest container nesting a line can open: the quote and list markers at its start, plus
 * one level per two columns of indentation before a marker (how nested lists are written).
 * Indented lines without a marker (code, wrapped text) do not count. Linear in the text.
 */
function nestingDepth(text: string): number {
  let deepest = 0;
  let depth = 0;
  let columns = 0;
  let atLineStart = true;
  const marker = (): void => {
    depth++;
    deepest = Math.max(deepest, depth + (columns >> 1));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      atLineStart = true;
      depth = 0;
      columns = 0;
      continue;
    }
    if (!atLineStart) continue;
    if (c === 32) columns++;
    else if (c === 9) columns += 4;
    else if (c === 62 /* > */) marker();
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isBlank(text.charCodeAt(i + 1))) marker();
    else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const after = text.charCodeAt(j);
      if ((after === 46 || after === 41) /* . ) */ && isBlank(text.charCodeAt(j + 1))) {
        marker();
        i = j;
      } else {
        atLineStart = false;
      }
    } else {
      atLineStart = false;
    }
  }
  return deepest;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}
