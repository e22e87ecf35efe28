/**
 * Folding ranges, in 0-based lines: sections (to their last non-blank line), the front matter,
 * sources blocks and other fenced code blocks.
 */
import type { SynthesisDocument } from '../parse.js';

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind: 'section' | 'front-matter' | 'sources' | 'code';
}

export function foldingRanges(document: SynthesisDocument): FoldingRegion[] {
  const { lines } = document;
  const out: FoldingRegion[] = [];
  const add = (startLine: number, endLine: number, kind: FoldingRegion['kind']): void => {
    if (endLine > startLine) out.push({ startLine, endLine, kind });
  };
  const lastNonBlank = (from: number, to: number): number => {
    let line = to;
    while (line > from && lines.lineText(line).trim() === '') line--;
    return line;
  };
  if (document.frontMatter) {
    add(lines.positionAt(document.frontMatter.span.start).line, lines.positionAt(document.frontMatter.span.end).line, 'front-matter');
  }
  for (const section of document.sections) {
    const start = lines.positionAt(section.heading.span.start).line;
    const endPos = lines.positionAt(section.span.end);
    // A section that stops at the next heading ends on the line before it.
    const end = endPos.character === 0 && section.span.end < document.text.length ? endPos.line - 1 : endPos.line;
    add(start, lastNonBlank(start, end), 'section');
  }
  const sourcesStarts = new Set<number>();
  for (const block of document.sourcesBlocks) {
    const start = lines.positionAt(block.span.start).line;
    sourcesStarts.add(start);
    add(start, lines.positionAt(block.span.end).line, 'sources');
  }
  for (const fence of fencedBlocks(document)) if (!sourcesStarts.has(fence.startLine)) add(fence.startLine, fence.endLine, 'code');
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Fenced code blocks, found line by line (the index keeps only the sources blocks). */
export function fencedBlocks(document: SynthesisDocument): Array<{ startLine: number; endLine: number }> {
  const { lines } = document;
  const out: Array<{ startLine: number; endLine: number }> = [];
  const first = document.frontMatter ? lines.positionAt(document.frontMatter.span.end).line + 1 : 0;
  let open: { line: number; marker: string; prefix: string } | undefined;
  for (let line = first; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const m = /^((?:[ \t]*>)*[ \t]{0,3})(`{3,}|~{3,})(.*)$/.exec(text);
    if (!open) {
      if (m && !(m[2]!.startsWith('`') && m[3]!.includes('`'))) open = { line, marker: m[2]!, prefix: m[1]! };
    } else if (m && m[2]![0] === open.marker[0] && m[2]!.length >= open.marker.length && m[3]!.trim() === '') {
      out.push({ startLine: open.line, endLine: line });
      open = undefined;
    }
  }
  if (open) out.push({ startLine: open.line, endLine: lines.lineCount - 1 });
  return out;
}
