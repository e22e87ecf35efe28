/**
 * Text of Markdown nodes, and cutting a paragraph's inline content at a text offset (to split
 * "SDG 16.1 REDUCING VIOLENCE: Work in…" into a heading and the paragraph that follows it).
 */
import type { Nodes, PhrasingContent } from 'mdast';

/** The text a reader sees: hard breaks as line breaks, code as written, images by their alt text. */
export function plain(node: Nodes | readonly Nodes[]): string {
  if (Array.isArray(node)) return (node as readonly Nodes[]).map((n) => plain(n)).join('');
  const one = node as Nodes;
  switch (one.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
    case 'yaml':
      return one.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return one.alt ?? '';
    default:
      if ('children' in one) {
        const parts = (one.children as Nodes[]).map((c) => plain(c));
        // Blocks inside containers (list items, quotes, cells) are separate lines.
        const blocky = one.type === 'root' || one.type === 'blockquote' || one.type === 'list' || one.type === 'listItem' || one.type === 'table' || one.type === 'tableRow';
        return parts.join(blocky ? '\n' : '');
      }
      return '';
  }
}

/** The inline content covering the text offsets `[start, end)` of `plain(nodes)`, formatting kept. */
export function sliceInline(nodes: readonly PhrasingContent[], start: number, end = Number.POSITIVE_INFINITY): PhrasingContent[] {
  let at = 0;
  const cut = (list: readonly PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    for (const node of list) {
      const length = plain(node).length;
      const from = at;
      const to = at + length;
      if (to <= start || from >= end) {
        at = to;
        // Zero-length nodes (footnote references) belong to the side they start on.
        if (length === 0 && from >= start && from < end) out.push(node);
        continue;
      }
      if (node.type === 'text' || node.type === 'inlineCode') {
        const value = node.value.slice(Math.max(0, start - from), Math.min(length, end - from));
        at = to;
        if (value) out.push({ ...node, value });
        continue;
      }
      if ('children' in node) {
        const children = cut(node.children as PhrasingContent[]);
        if (children.length > 0) out.push({ ...node, children } as PhrasingContent);
        continue;
      }
      at = to;
      out.push(node);
    }
    return out;
  };
  return cut(nodes);
}

/** Leading and trailing white space (and the punctuation that separated a title) removed from inline content. */
export function trimInline(nodes: PhrasingContent[], leading = /^[\s:.\-–—]+/): PhrasingContent[] {
  const out = nodes.slice();
  const edit = (index: number, pattern: RegExp): void => {
    const node = out[index];
    if (!node) return;
    if (node.type === 'text') {
      const value = node.value.replace(pattern, '');
      if (value) out[index] = { ...node, value };
      else out.splice(index, 1);
    } else if ('children' in node && node.type !== 'link') {
      const children = trimInline(node.children as PhrasingContent[], pattern === leading ? leading : /$^/);
      out[index] = { ...node, children } as PhrasingContent;
    }
  };
  edit(0, leading);
  const last = out.length - 1;
  if (last >= 0 && out[last]?.type === 'text') {
    const node = out[last];
    const value = node.value.trimEnd();
    if (value) out[last] = { ...node, value };
    else out.splice(last, 1);
  }
  return out;
}
