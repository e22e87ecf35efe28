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
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const visit = (parent: Root | Element): void => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return;
      const code = sourcesCode(child);
      if (code) {
        const tiles = tilesFor(textOf(code), format);
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

function tilesFor(value: string, format: Intl.NumberFormat): Element | undefined {
  const lines: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const line of value.split(/\r?\n|\r/)) {
    lines.push({ text: line, offset });
    offset += line.length + 1;
  }
  const block = parseSourcesLines(lines, { start: 0, end: value.length });
  if (block.entries.length === 0) return undefined;
  const countText = (entry: SourcesEntry): string =>
    entry.count !== undefined ? format.format(entry.count) : value.slice(entry.countSpan.start, entry.countSpan.end).trim() || '?';
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
    block.entries.map((entry) => h('div', { className: ['sources-tile'] }, item(entry))),
  );
}
