/**
 * The outline: front matter, sections nested by heading level, target sections, and sources blocks
 * with their entries. Also the flat list of target sections for workspace symbols.
 */
import { considerationSymbols } from '../findings/editor.js';
import type { SynthesisDocument } from '../parse.js';
import { getCatalogue } from '../sdg/catalogue.js';
import type { Span } from '../types.js';
import { clip, formatCount } from './common.js';

export type OutlineKind = 'front-matter' | 'section' | 'target-section' | 'sources' | 'sources-entry' | 'consideration';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** Everything the symbol covers. */
  span: Span;
  /** The part to select and reveal (the heading's text). */
  selectionSpan: Span;
  children: OutlineSymbol[];
}

export function documentSymbols(document: SynthesisDocument): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const fm = document.frontMatter;
  if (fm) {
    const title = fm.fields.get('title')?.value;
    const symbol: OutlineSymbol = { name: 'Front matter', kind: 'front-matter', span: fm.span, selectionSpan: { start: fm.span.start, end: fm.span.start + 3 }, children: [] };
    if (typeof title === 'string') symbol.detail = clip(title, 60);
    roots.push(symbol);
  }
  const catalogue = getCatalogue(document.language);
  const stack: Array<{ depth: number; symbol: OutlineSymbol }> = [];
  const sectionSymbols: OutlineSymbol[] = [];
  for (const section of document.sections) {
    const h = section.heading;
    const target = h.targetTag?.refs[0];
    const symbol: OutlineSymbol = {
      name: h.text.trim() === '' ? '(empty heading)' : h.text.trim(),
      kind: target ? 'target-section' : 'section',
      span: section.span,
      selectionSpan: h.textSpan.end > h.textSpan.start ? h.textSpan : h.span,
      children: [],
    };
    if (target) {
      const title = target.kind === 'target' ? catalogue.target(target.id)?.title : undefined;
      symbol.detail = title ? clip(title, 60) : `SDG ${target.id}`;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.symbol.children : roots).push(symbol);
    stack.push({ depth: h.depth, symbol });
    sectionSymbols.push(symbol);
  }
  for (const block of document.sourcesBlocks) {
    const counted = block.entries.filter((e) => e.count !== undefined);
    const total = counted.reduce((sum, e) => sum + e.count!, 0);
    const symbol: OutlineSymbol = {
      name: 'sources',
      detail: counted.length > 0 ? `total ${formatCount(total)}` : 'no counts',
      kind: 'sources',
      span: block.span,
      selectionSpan: { start: block.span.start, end: Math.min(block.span.end, block.span.start + 3) },
      children: block.entries.map((e) => ({
        name: e.label,
        detail: e.count === undefined ? '?' : formatCount(e.count),
        kind: 'sources-entry' as const,
        span: e.lineSpan,
        selectionSpan: e.labelSpan,
        children: [],
      })),
    };
    // The innermost section that contains the block.
    let owner: OutlineSymbol | undefined;
    for (const s of sectionSymbols) if (s.span.start <= block.span.start && block.span.end <= s.span.end) owner = s;
    if (owner) insertInOrder(owner.children, symbol);
    else insertInOrder(roots, symbol);
  }
  // Considerations under their target section, in the order of the text.
  for (const c of considerationSymbols(document)) {
    const owner = sectionSymbols.find((s) => s.span.start === c.section.start && s.span.end === c.section.end);
    if (owner) insertInOrder(owner.children, { name: c.name, detail: c.detail, kind: 'consideration', span: c.span, selectionSpan: c.selectionSpan, children: [] });
  }
  return roots;
}

function insertInOrder(list: OutlineSymbol[], symbol: OutlineSymbol): void {
  const i = list.findIndex((s) => s.span.start > symbol.span.start);
  if (i < 0) list.push(symbol);
  else list.splice(i, 0, symbol);
}

export interface TargetSectionSymbol {
  /** The heading text, e.g. "SDG 16.1 Reducing violence". */
  name: string;
  /** Ids of the targets the heading names. */
  targets: string[];
  span: Span;
  selectionSpan: Span;
}

/** Every target section of a document, for workspace symbols. */
export function targetSections(document: SynthesisDocument): TargetSectionSymbol[] {
  return document.sections
    .filter((s) => s.heading.targetTag)
    .map((s) => ({ name: s.heading.text.trim(), targets: s.heading.targetTag!.refs.map((r) => r.id), span: s.span, selectionSpan: s.heading.textSpan }));
}
