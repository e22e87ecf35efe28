/**
 * The text of a PDF (pdf.js, through unpdf), rebuilt into paragraphs and headings from the
 * positions and sizes of its pieces of text: lines by their baseline, paragraphs by the gaps
 * between lines, headings by a font size clearly above the body's.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { getDocumentProxy } from 'unpdf';

interface Piece {
  text: string;
  /** The web address of a link over this piece of text. */
  url?: string;
  x: number;
  y: number;
  size: number;
  width: number;
  eol: boolean;
}

interface Line {
  text: string;
  /** Parts of the line that are links: character offsets into `text`. */
  links: Array<{ start: number; end: number; url: string }>;
  y: number;
  size: number;
  page: number;
}

export async function readPdf(bytes: Uint8Array): Promise<{ tree: Root; pages: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const lines: Line[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const links = ((await page.getAnnotations()) as Array<{ subtype?: string; url?: string; rect?: number[] }>).filter(
      (a): a is { subtype: string; url: string; rect: number[] } => a.subtype === 'Link' && typeof a.url === 'string' && Array.isArray(a.rect),
    );
    const pieces: Piece[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [a, b, , , x, y] = item.transform as number[];
      const piece: Piece = { text: item.str, x: x!, y: y!, size: Math.hypot(a!, b!), width: item.width, eol: item.hasEOL };
      const link = links.find(({ rect: [x1, y1, x2, y2] }) => piece.x + piece.width / 2 >= x1! && piece.x + piece.width / 2 <= x2! && piece.y + piece.size / 3 >= y1! && piece.y + piece.size / 3 <= y2!);
      if (link && /^(?:https?|mailto):/i.test(link.url)) piece.url = link.url;
      pieces.push(piece);
    }
    lines.push(...linesOf(pieces, number));
  }
  await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.();
  return { tree: blocksOf(lines), pages: pdf.numPages };
}

/** Pieces on one baseline (within a third of the font size) make a line, left to right. */
function linesOf(pieces: Piece[], page: number): Line[] {
  const sorted = pieces.filter((p) => p.text.length > 0).sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Array<{ pieces: Piece[]; y: number }> = [];
  for (const piece of sorted) {
    const line = lines.find((l) => Math.abs(l.y - piece.y) <= Math.max(1, piece.size / 3));
    if (line) line.pieces.push(piece);
    else lines.push({ pieces: [piece], y: piece.y });
  }
  return lines
    .sort((l, m) => m.y - l.y)
    .map((l) => {
      const ordered = l.pieces.sort((p, q) => p.x - q.x);
      let text = '';
      let end: number | undefined;
      const links: Line['links'] = [];
      for (const p of ordered) {
        // A visible gap between two pieces is a space the PDF did not write.
        if (end !== undefined && p.x - end > p.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(p.text)) text += ' ';
        const value = p.text.replace(/\s+/g, ' ');
        const last = links[links.length - 1];
        if (p.url && last?.url === p.url && last.end >= text.trimEnd().length) last.end = text.length + value.length;
        else if (p.url) links.push({ start: text.length, end: text.length + value.length, url: p.url });
        text += value;
        end = p.x + p.width;
      }
      const size = Math.max(...ordered.map((p) => p.size));
      const lead = text.length - text.trimStart().length;
      const trimmed = text.trim();
      const shifted = links.map((k) => ({ start: Math.max(0, k.start - lead), end: Math.min(trimmed.length, k.end - lead), url: k.url }));
      return { text: trimmed, links: shifted, y: l.y, size, page };
    })
    .filter((l) => l.text.length > 0);
}

/** The most common font size: the body's. */
function bodySize(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + l.text.length);
  let best = 10;
  let most = -1;
  for (const [size, n] of counts) {
    if (n > most) {
      best = size;
      most = n;
    }
  }
  return best;
}

function blocksOf(lines: readonly Line[]): Root {
  const body = bodySize(lines);
  const headingSizes = [...new Set(lines.filter((l) => l.size > body * 1.15 && l.text.length <= 120).map((l) => Math.round(l.size)))].sort((a, b) => b - a);
  const children: RootContent[] = [];
  let current: { lines: Line[]; last: Line; heading: number } | undefined;
  const flush = (): void => {
    if (!current) return;
    if (current.heading > 0) {
      const heading: Heading = { type: 'heading', depth: Math.min(6, current.heading) as Heading['depth'], children: [{ type: 'text', value: current.lines.map((l) => l.text).join(' ') }] };
      children.push(heading);
    } else {
      const inline: PhrasingContent[] = [];
      current.lines.forEach((line, i) => {
        if (i > 0) inline.push({ type: 'text', value: '\n' });
        inline.push(...lineContent(line));
      });
      const paragraph: Paragraph = { type: 'paragraph', children: mergeText(inline) };
      children.push(paragraph);
    }
    current = undefined;
  };
  for (const line of lines) {
    const rank = headingSizes.indexOf(Math.round(line.size));
    const heading = line.size > body * 1.15 && rank >= 0 ? rank + 1 : 0;
    if (current) {
      const gap = current.last.y - line.y;
      const spacing = Math.max(current.last.size, line.size) * 1.75;
      const sameKind = (current.heading > 0) === (heading > 0) && (heading === 0 || Math.round(current.last.size) === Math.round(line.size));
      if (line.page !== current.last.page || gap < 0 || gap > spacing || !sameKind) flush();
    }
    if (current) {
      current.lines.push(line);
      current.last = line;
    } else {
      current = { lines: [line], last: line, heading };
    }
  }
  flush();
  return { type: 'root', children };
}

/** A line's text, with its links as link nodes. */
function lineContent(line: Line): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const link of line.links) {
    if (link.start > at) out.push({ type: 'text', value: line.text.slice(at, link.start) });
    if (link.end > link.start) out.push({ type: 'link', url: link.url, children: [{ type: 'text', value: line.text.slice(link.start, link.end) }] });
    at = Math.max(at, link.end);
  }
  if (at < line.text.length) out.push({ type: 'text', value: line.text.slice(at) });
  return out;
}

/** Neighbouring text nodes as one (a link that runs over two lines stays two links). */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}
