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
    const end = endPos.character === 0 && section.span.end < document.source.length ? endPos.line - 1 : endPos.line;
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

/** Fenced code blocks, sources blocks among them, as the parser found them. */
export function fencedBlocks(document: SynthesisDocument): Array<{ startLine: number; endLine: number }> {
  const { lines } = document;
  return document.codeBlocks.map((b) => ({ startLine: lines.positionAt(b.start).line, endLine: lines.positionAt(b.end).line }));
}
