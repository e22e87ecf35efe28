import type { Element, ElementContent, Root } from 'hast';
import { parseSourcesLines, type SourcesEntry } from '../sources.js';
import type { Language } from '../types.js';
import { classesOf, h, text, textOf } from './hast.js';

/**
 * Replaces each `sources` code block with large-number tiles, one per top-level line, with the
 * lines indented under it as a breakdown list inside its tile. A block with no readable line
 * stays a code block.
 */
export function addTiles(tree: Root, language: Language): void {
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      const code = sourcesCode(child);
      if (code) {
        const tiles = tilesFor(textOf(code), language);
        if (tiles) {
          if (child.position) tiles.position = child.position;
          parent.children[i] = tiles;
        }
        return;
      }
      visit(child);
    });
  };
  visit(tree);
}

/** The `code` element of a `pre` that holds a sources block. */
function sourcesCode(element: Element): Element | undefined {
  if (element.tagName !== 'pre') return undefined;
  const code = element.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  if (!code) return undefined;
  return classesOf(code).some((c) => c.toLowerCase() === 'language-sources') ? code : undefined;
}

/** A sources block read as the brief's big-number figures: its lines, and each line's figure as shown. */
export interface SourcesFigures {
  entries: SourcesEntry[];
  /** The count in the language's digits, or as written when it is not a number (`?` when empty). */
  count: (entry: SourcesEntry) => string;
}

/**
 * The figures of a sources block's text (the code block's content), for the preview's tiles and
 * the Word document's figures alike; undefined when no line is readable.
 */
export function sourcesFigures(value: string, language: Language): SourcesFigures | undefined {
  const lines: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const line of value.split(/\r?\n|\r/)) {
    lines.push({ text: line, offset });
    offset += line.length + 1;
  }
  const block = parseSourcesLines(lines, { start: 0, end: value.length });
  if (block.entries.length === 0) return undefined;
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  return {
    entries: block.entries,
    count: (entry) => (entry.count !== undefined ? format.format(entry.count) : value.slice(entry.countSpan.start, entry.countSpan.end).trim() || '?'),
  };
}

function tilesFor(value: string, language: Language): Element | undefined {
  const figures = sourcesFigures(value, language);
  if (!figures) return undefined;
  const countText = figures.count;
  const item = (entry: SourcesEntry): ElementContent[] => {
    const parts: ElementContent[] = [
      h('span', { className: ['sources-count'] }, [text(countText(entry))]),
      text(' '),
      h('span', { className: ['sources-label'] }, [text(entry.label)]),
    ];
    if (entry.children.length > 0) parts.push(breakdown(entry.children));
    return parts;
  };
  const breakdown = (entries: SourcesEntry[]): Element =>
    h('ul', { className: ['sources-breakdown'] }, entries.map((e) => h('li', {}, item(e))));
  return h(
    'div',
    { className: ['sources-tiles'] },
    figures.entries.map((entry) => h('div', { className: ['sources-tile'] }, item(entry))),
  );
}
