/**
 * The one place that converts between the core's UTF-16 offsets and LSP positions. The core's
 * LineIndex counts lines and characters exactly as LSP's default (UTF-16) encoding does.
 */
import type { Position, Range } from 'vscode-languageserver';
import { LineIndex, type Span } from '../core/index.js';

export function toPosition(lines: LineIndex, offset: number): Position {
  return lines.positionAt(offset);
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(Math.max(span.start, span.end)) };
}

/** The offset of an LSP position; positions outside the document are clamped to it. */
export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt({ line: Math.trunc(Number(position.line)) || 0, character: Math.trunc(Number(position.character)) || 0 });
}

export function toSpan(lines: LineIndex, range: Range): Span {
  const start = toOffset(lines, range.start);
  return { start, end: Math.max(start, toOffset(lines, range.end)) };
}

/** The range of a problem given as a 1-based line and column: from there to the end of the line. */
export function problemRange(lines: LineIndex, line: number, column: number): Range {
  const l = Math.max(0, line - 1);
  const start = Math.min(lines.lineStart(l) + Math.max(0, column - 1), lines.lineEnd(l));
  const end = lines.lineEnd(l);
  return toRange(lines, { start, end: end > start ? end : start });
}
