/**
 * HTML (a web page, our own exported brief, or what mammoth reads out of a .docx) to a Markdown
 * tree. Besides hast-util-to-mdast's reading it knows:
 *
 * - the parts our exporter generated (table of contents, annexes, captions), marked by bookmarks
 *   whose names start with `_SynGen_`: left out, and counted;
 * - our sources tables (a `_SynSrc_` bookmark) and the preview's sources tiles: back to a sources block;
 * - our screening flow diagrams (a `_SynFlow_` bookmark, or the page's `table.synthesis-flow`):
 *   back to a `sources flow` block;
 * - links to an evaluation in the "Evaluations reviewed" annex (`#_SynEv_…`): citations;
 * - mammoth's footnotes: Markdown footnotes;
 * - the title block of the brief (`dt`/`dd` pairs): "Label: value" lines.
 */
import type { Element, ElementContent, Root as Hast, RootContent as HastContent } from 'hast';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import type { FootnoteDefinition, PhrasingContent, Root, RootContent } from 'mdast';
import { plain } from './inline.js';
import type { CitationNode } from './recognise.js';

export const GENERATED_PREFIX = '_SynGen_';
export const SOURCES_PREFIX = '_SynSrc_';
export const FLOW_PREFIX = '_SynFlow_';
export const EVALUATION_PREFIX = '_SynEv_';

export interface GeneratedPart {
  kind: string;
  /** Its heading or first words. */
  title: string;
}

export interface HtmlReading {
  tree: Root;
  generated: GeneratedPart[];
  /** Images whose pictures were not brought in (their alt text is kept). */
  images: number;
}

export function htmlToMarkdownTree(hast: Hast): HtmlReading {
  const generated = removeGenerated(hast);
  rewrite(hast);
  let images = 0;
  const handlers: Record<string, Handle> = {
    'x-citation': (_state: State, node: Element) => ({ type: 'synthesisCitation', ids: [String(node.properties.dataId ?? '')] }) as unknown as PhrasingContent,
    'x-footnote-ref': (_state: State, node: Element) => ({ type: 'footnoteReference', identifier: String(node.properties.dataId), label: String(node.properties.dataId) }),
    'x-footnote-def': (state: State, node: Element) => {
      const definition: FootnoteDefinition = { type: 'footnoteDefinition', identifier: String(node.properties.dataId), label: String(node.properties.dataId), children: state.toFlow(state.all(node)) as FootnoteDefinition['children'] };
      return definition;
    },
    // A flow comes back as `pre` (its lines kept as they are), marked to say `sources flow`.
    pre: (state: State, node: Element) => {
      const code = defaultHandlers.pre!(state, node);
      return node.properties.dataSynFlow !== undefined && code && !Array.isArray(code) && code.type === 'code' ? { ...code, meta: 'flow' } : code;
    },
    img: (_state: State, node: Element) => {
      images++;
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
      return alt ? { type: 'text', value: alt } : undefined;
    },
  };
  const tree = toMdast(hast, { handlers }) as Root;
  mergeCitationGroups(tree);
  return { tree, generated, images };
}

function isElement(node: HastContent | ElementContent | undefined): node is Element {
  return node?.type === 'element';
}

function textOf(node: HastContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

function anchorIds(node: Element, prefix: string): string[] {
  const ids: string[] = [];
  const visit = (n: Element): void => {
    const id = n.properties.id;
    if (n.tagName === 'a' && typeof id === 'string' && id.startsWith(prefix)) ids.push(id);
    for (const c of n.children) if (isElement(c)) visit(c);
  };
  visit(node);
  return ids;
}

const HEADING = /^h([1-6])$/;

/** The children that hold the document's blocks: mammoth's flat list, or a page's body/main. */
function blockParent(hast: Hast): { children: Array<HastContent | ElementContent> } {
  let parent: { children: Array<HastContent | ElementContent> } = hast;
  for (;;) {
    const elements = parent.children.filter(isElement);
    const only = elements.length === 1 ? elements[0]! : undefined;
    const wrapper = only && ['html', 'body', 'main', 'article'].includes(only.tagName) ? only : elements.find((e) => e.tagName === 'body' || e.tagName === 'main');
    if (!wrapper) return parent;
    parent = wrapper;
  }
}

/**
 * Leaves out what the exporter generated. A marked heading starts a part that runs to the next
 * heading of its level or above; a marked table of contents runs to the next heading; anything
 * else marked (a caption) is one block.
 */
function removeGenerated(hast: Hast): GeneratedPart[] {
  const parent = blockParent(hast);
  const parts: GeneratedPart[] = [];
  const kept: Array<HastContent | ElementContent> = [];
  let skipping: { level: number } | undefined;
  for (const child of parent.children) {
    const marks = isElement(child) ? anchorIds(child, GENERATED_PREFIX) : [];
    const level = isElement(child) ? Number(HEADING.exec(child.tagName)?.[1] ?? 0) : 0;
    if (skipping && level > 0 && level <= skipping.level && marks.length === 0) skipping = undefined;
    // The summary matrix and coverage annexes of our exported page (findings/html.ts): generated, left out.
    if (isElement(child) && child.tagName === 'section' && hasClass(child, 'synthesis-annex')) {
      parts.push({ kind: hasClass(child, 'synthesis-coverage') ? 'coverage' : 'matrix', title: textOf(child.children.find((c) => isElement(c) && HEADING.test(c.tagName)) ?? child).replace(/\s+/g, ' ').trim() });
      continue;
    }
    if (marks.length > 0 && isElement(child)) {
      const kind = marks[0]!.slice(GENERATED_PREFIX.length).split('_')[0]!;
      parts.push({ kind, title: textOf(child).replace(/\s+/g, ' ').trim() });
      if (level > 0) skipping = { level };
      else if (kind === 'toc') skipping = { level: 6 };
      continue;
    }
    if (skipping) continue;
    kept.push(child);
  }
  parent.children = kept;
  return parts;
}

/** Our constructs, made into elements the handlers above (or the default reading) understand. */
function rewrite(hast: Hast): void {
  const visit = (parent: { children: Array<HastContent | ElementContent> }): void => {
    parent.children = parent.children.flatMap((child): Array<HastContent | ElementContent> => {
      if (!isElement(child)) return [child];
      const replaced = replacement(child);
      if (replaced) return replaced;
      visit(child);
      return [child];
    });
  };
  visit(hast);
}

function replacement(node: Element): ElementContent[] | undefined {
  const id = typeof node.properties.id === 'string' ? node.properties.id : '';
  const href = typeof node.properties.href === 'string' ? node.properties.href : '';
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  if (node.tagName === 'a' && href.startsWith(`#${EVALUATION_PREFIX}`)) {
    return [{ type: 'element', tagName: 'x-citation', properties: { dataId: textOf(node).trim() }, children: [] }];
  }
  // mammoth: <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>
  if (node.tagName === 'sup' && node.children.length === 1) {
    const a = node.children[0];
    const target = isElement(a) && typeof a.properties.href === 'string' ? /^#(?:footnote|endnote)-(\d+)$/.exec(a.properties.href) : null;
    if (target) return [{ type: 'element', tagName: 'x-footnote-ref', properties: { dataId: target[1]! }, children: [] }];
  }
  // mammoth: <ol><li id="footnote-1"><p>… <a href="#footnote-ref-1">↑</a></p></li></ol>
  if (node.tagName === 'ol' && node.children.filter(isElement).every((li) => typeof li.properties.id === 'string' && /^(?:footnote|endnote)-\d+$/.test(li.properties.id))) {
    const items = node.children.filter(isElement);
    if (items.length > 0) {
      return items.map((li) => {
        stripBackLinks(li);
        return { type: 'element', tagName: 'x-footnote-def', properties: { dataId: String(li.properties.id).replace(/^\D+/, '') }, children: li.children };
      });
    }
  }
  if (id.startsWith('user-content-fn') || (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined)) return [];
  if (node.tagName === 'table' && (anchorIds(node, FLOW_PREFIX).length > 0 || classes.includes('synthesis-flow'))) {
    const lines = flowLines(node);
    if (lines.length > 0) return [{ ...sourcesPre(lines), properties: { dataSynFlow: '' } }];
  }
  if (node.tagName === 'table' && anchorIds(node, SOURCES_PREFIX).length > 0) return [sourcesPre(tableLines(node))];
  if (node.tagName === 'div' && classes.includes('sources-tiles')) return [sourcesPre(tileLines(node))];
  if (node.tagName === 'dl') return definitionLines(node);
  return undefined;
}

function stripBackLinks(node: Element): void {
  node.children = node.children.filter((c) => !(isElement(c) && c.tagName === 'a' && typeof c.properties.href === 'string' && /^#(?:footnote|endnote)-ref-/.test(c.properties.href)));
  for (const c of node.children) if (isElement(c)) stripBackLinks(c);
}

function sourcesPre(lines: string[]): Element {
  return { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: { className: ['language-sources'] }, children: [{ type: 'text', value: `${lines.join('\n')}\n` }] }] };
}


/** The cells of a table, in the order of the page, nested tables' included. */
function cellsOf(table: Element): Element[] {
  const cells: Element[] = [];
  const collect = (n: Element): void => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'td' || c.tagName === 'th') cells.push(c);
      else collect(c);
    }
  };
  collect(table);
  return cells;
}

/**
 * Our sources table: one cell per top-level line, holding the count, the label and the breakdown
 * as a (nested) list of "count label" items.
 */
function tableLines(table: Element): string[] {
  const lines: string[] = [];
  const cells = cellsOf(table);
  for (const cell of cells) {
    const blocks = cell.children.filter(isElement);
    const paragraphs = blocks.filter((b) => b.tagName === 'p').map((p) => textOf(p).trim()).filter(Boolean);
    if (paragraphs.length < 2) continue;
    lines.push(`${paragraphs.slice(1).join(' ').toLowerCase()}: ${paragraphs[0]}`);
    for (const list of blocks.filter((b) => b.tagName === 'ul' || b.tagName === 'ol')) listLines(list, 1, lines);
  }
  return lines;
}

/** The start of a figure: "(n =", with any spaces. */
const FIGURE_HEAD = /\(\s*n\s*=/y;

/**
 * "label (n = 33)" → "label"; undefined when the text does not end with such a figure. Read
 * without a regular expression over the whole text: one that lets the label and the spaces before
 * the figure both take the spaces is quadratic on hostile input. The figure is the last pair of
 * brackets, so its "(" comes after the one ")" before the last.
 */
/**
 * What stands between "(n =" and ")" in the first figure of `text`. Searched by hand: a regular
 * expression would read to the end of the text again from every "(n =" that is never closed.
 */
function figureIn(text: string): string | undefined {
  for (let at = text.indexOf('('); at !== -1; at = text.indexOf('(', at + 1)) {
    FIGURE_HEAD.lastIndex = at;
    if (!FIGURE_HEAD.test(text)) continue;
    const close = text.indexOf(')', FIGURE_HEAD.lastIndex);
    // No ")" after this figure's start: none after a later one either.
    return close === -1 ? undefined : text.slice(FIGURE_HEAD.lastIndex, close);
  }
  return undefined;
}

function labelBeforeFigure(text: string): string | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return undefined;
  const last = trimmed.length - 1;
  for (let at = trimmed.indexOf('(', trimmed.lastIndexOf(')', last - 1) + 1); at !== -1 && at < last; at = trimmed.indexOf('(', at + 1)) {
    FIGURE_HEAD.lastIndex = at;
    if (FIGURE_HEAD.test(trimmed)) return trimmed.slice(0, at).trimEnd();
  }
  return undefined;
}

/**
 * Our flow diagram, read box by box in the order of the page (each stage, then what was taken out
 * beside it): a box is a bold label followed by "(n = 41)", its breakdown a list of
 * "label (n = 33)" items. A box whose label is also in italics was worked out by the diagram, not
 * written in the block, and is left out.
 */
function flowLines(table: Element): string[] {
  const lines: string[] = [];
  const figure = (text: string): string | undefined => {
    const inside = figureIn(text);
    if (inside === undefined) return undefined;
    const digits = inside.replace(/[^\d]/g, '');
    return digits === '' ? '?' : digits;
  };
  const derived = (label: Element): boolean => {
    const own = label.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
    return own.length > 0 && own.every((c) => isElement(c) && (c.tagName === 'em' || c.tagName === 'i'));
  };
  const cell = (nodes: readonly ElementContent[]): void => {
    let open: { label: string; skip: boolean; count: string | undefined; parts: string[] } | undefined;
    const close = (): void => {
      // Only a label followed by its figure is a box (the phase names and arrows are not).
      if (open && !open.skip && open.label && open.count !== undefined) lines.push(`${open.label}: ${open.count}`, ...open.parts);
    };
    const visit = (list: readonly ElementContent[]): void => {
      for (const node of list) {
        if (node.type === 'text') {
          if (open && open.count === undefined) open.count = figure(node.value);
          continue;
        }
        if (!isElement(node)) continue;
        // mammoth writes bold italics as <strong><em>…</em></strong> or the other way round.
        const strong = node.tagName === 'strong' || node.tagName === 'b' ? node : (node.tagName === 'em' || node.tagName === 'i') && node.children.some((c) => isElement(c) && (c.tagName === 'strong' || c.tagName === 'b')) ? node : undefined;
        if (strong) {
          close();
          open = { label: textOf(strong).replace(/\s+/g, ' ').trim(), skip: strong.tagName === 'em' || strong.tagName === 'i' || derived(strong), count: undefined, parts: [] };
        } else if (node.tagName === 'ul' || node.tagName === 'ol') {
          for (const item of node.children.filter(isElement)) {
            const text = textOf(item).replace(/\s+/g, ' ').trim();
            const label = labelBeforeFigure(text);
            if (label !== undefined && open) open.parts.push(`  ${label}: ${figure(text) ?? '?'}`);
          }
        } else {
          visit(node.children);
        }
      }
    };
    visit(nodes);
    close();
  };
  const cells = cellsOf(table);
  for (const c of cells) cell(c.children);
  return lines;
}

function listLines(list: Element, depth: number, lines: string[]): void {
  for (const item of list.children.filter(isElement)) {
    const own = item.children.filter((c) => !(isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol')));
    const text = own.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
    const match = counted(text);
    if (match) lines.push(`${'  '.repeat(depth)}${match.label}: ${match.count}`);
    for (const nested of item.children.filter((c): c is Element => isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol'))) listLines(nested, depth + 1, lines);
  }
}

/** "13 country-level": the count (digits and group separators) and the label after it. */
function counted(text: string): { count: string; label: string } | undefined {
  const trimmed = text.trim();
  let end = 0;
  while (end < trimmed.length && /[\d,\u00a0\u202f ]/.test(trimmed[end]!)) end++;
  const count = trimmed.slice(0, end).trim();
  const label = trimmed.slice(end).trim();
  return /^\d/.test(count) && label ? { count, label } : undefined;
}

/** The preview's tiles: span.sources-count + span.sources-label, breakdown lists inside. */
function tileLines(tiles: Element): string[] {
  const lines: string[] = [];
  const item = (node: Element, depth: number): void => {
    const spans = node.children.filter(isElement);
    const count = spans.find((s) => hasClass(s, 'sources-count'));
    const label = spans.find((s) => hasClass(s, 'sources-label'));
    if (count && label) lines.push(`${'  '.repeat(depth)}${textOf(label).trim()}: ${textOf(count).trim()}`);
    for (const list of spans.filter((s) => s.tagName === 'ul')) for (const li of list.children.filter(isElement)) item(li, depth + 1);
  };
  for (const tile of tiles.children.filter(isElement)) item(tile, 0);
  return lines;
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.map(String).includes(name);
}

/** `<dt>Country</dt><dd>Mexico</dd>` as the paragraph "Country: Mexico". */
function definitionLines(dl: Element): ElementContent[] {
  const out: ElementContent[] = [];
  let term: Element | undefined;
  for (const child of dl.children.filter(isElement)) {
    if (child.tagName === 'dt') term = child;
    else if (child.tagName === 'dd') {
      const label: ElementContent[] = term ? [...term.children, { type: 'text', value: ': ' }] : [];
      out.push({ type: 'element', tagName: 'p', properties: {}, children: [...label, ...child.children] });
      term = undefined;
    }
  }
  return out;
}

/**
 * `[`, citation, `; `, citation, `]` as written in a Word document: one citation of several
 * evaluations, `[@A; @B]`.
 */
function mergeCitationGroups(tree: Root): void {
  const visit = (node: Root | RootContent): void => {
    if (!('children' in node)) return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      node.children = mergeIn(node.children);
    }
    for (const child of node.children as RootContent[]) visit(child);
  };
  visit(tree);
}

function mergeIn(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'synthesisCitation') {
      out.push(node);
      continue;
    }
    const ids = [...(node as CitationNode).ids];
    let j = i + 1;
    while (children[j]?.type === 'text' && /^\s*[;,]\s*$/.test(plain(children[j]!)) && children[j + 1]?.type === 'synthesisCitation') {
      ids.push(...(children[j + 1] as CitationNode).ids);
      j += 2;
    }
    const before = out[out.length - 1];
    const after = children[j];
    if (before?.type === 'text' && /[[(]\s*$/.test(before.value) && after?.type === 'text' && /^\s*[\])]/.test(after.value)) {
      before.value = before.value.replace(/[[(]\s*$/, '');
      if (!before.value) out.pop();
      const rest = after.value.replace(/^\s*[\])]/, '');
      out.push({ type: 'synthesisCitation', ids });
      if (rest) out.push({ type: 'text', value: rest });
      i = j;
      continue;
    }
    out.push({ type: 'synthesisCitation', ids });
    i = j - 1;
  }
  return out;
}
