/**
 * An open document as the server keeps it: each version's text as pieces of the one before it
 * (core/pieces.ts), and the start of every line, kept up to date by each change.
 *
 * It reads a change's range as `TextDocument` of vscode-languageserver-textdocument does (the same
 * offsets, line breaks and clamping; a test holds the two to the same texts and offsets under
 * random changes). The difference is the cost of a version: that library splices strings, so
 * each version is a new string of the whole text, which V8 copies into fresh memory on first read
 * (about 2 ms per keystroke at 1 MB). Here a version shares the text before it, and the parser
 * and the checks read only the pieces they need.
 *
 * Every code unit is kept as the editor sent it, lone surrogates included.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { PieceText, type OffsetEdit, type Text } from '../core/index.js';

const CR = 13;
const LF = 10;

export class OpenDocument {
  private content: PieceText;
  /** The offset at which each line starts; line 0 starts at 0. */
  private lineStarts: number[];
  private current: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.current = version;
    this.content = PieceText.of(content);
    this.lineStarts = this.lineStartsIn(0, content.length, true);
  }

  get version(): number {
    return this.current;
  }

  /** The text of this version, read by offsets. */
  get text(): Text {
    return this.content;
  }

  /** The offset of a position, clamped to its line and the text as `TextDocument.offsetAt` does. */
  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    const line = integer(position.line);
    const character = integer(position.character);
    if (line >= starts.length) return this.content.length;
    if (line < 0) return 0;
    const lineStart = starts[line]!;
    if (character <= 0) return lineStart;
    const next = line + 1 < starts.length ? starts[line + 1]! : this.content.length;
    return this.beforeLineBreak(Math.min(lineStart + character, next), lineStart);
  }

  /**
   * Applies the changes in order (each range is in the text the changes before it left) and moves
   * to `version`. Returns the changes as offsets, or undefined when one replaced the whole text.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): OffsetEdit[] | undefined {
    const edits: OffsetEdit[] = [];
    let whole = false;
    for (const change of changes) {
      if (isIncremental(change)) edits.push(this.replace(change.range, change.text));
      else if (isWhole(change)) {
        this.content = PieceText.of(change.text);
        this.lineStarts = this.lineStartsIn(0, change.text.length, true);
        whole = true;
      } else throw new Error('Unknown change event received');
    }
    this.current = version;
    return whole ? undefined : edits;
  }

  private replace(range: Range, insert: string): OffsetEdit {
    let start = this.offsetAt(range.start);
    let end = this.offsetAt(range.end);
    // A range given backwards (or with numbers a hostile client sent as strings) is read forwards.
    if (end < start) [start, end] = [end, start];
    // The lines the change begins and ends on, from its offsets: a range past the end is clamped.
    const firstLine = this.lineOf(start);
    const lastLine = this.lineOf(end);
    this.content = this.content.edit(start, end, insert);

    const insertedEnd = start + insert.length;
    const text = this.content;
    if ((text.charCodeAt(start - 1) === CR && text.charCodeAt(start) === LF) || (text.charCodeAt(insertedEnd - 1) === CR && text.charCodeAt(insertedEnd) === LF)) {
      // A CR and an LF that the change joins or splits: the lines are counted again.
      this.lineStarts = this.lineStartsIn(0, text.length, true);
    } else {
      const added = this.lineStartsIn(start, insertedEnd, false);
      const starts = this.lineStarts;
      if (lastLine - firstLine === added.length) {
        for (let i = 0; i < added.length; i++) starts[firstLine + 1 + i] = added[i]!;
      } else if (added.length < 10_000) {
        starts.splice(firstLine + 1, lastLine - firstLine, ...added);
      } else {
        this.lineStarts = starts.slice(0, firstLine + 1).concat(added, starts.slice(lastLine + 1));
      }
      const delta = insert.length - (end - start);
      if (delta !== 0) {
        const moved = this.lineStarts;
        for (let i = firstLine + 1 + added.length; i < moved.length; i++) moved[i] = moved[i]! + delta;
      }
    }
    return { start, end, text: insert };
  }

  /** The starts of the lines that begin inside `[from, to)` (and `from` itself when `atLineStart`). */
  private lineStartsIn(from: number, to: number, atLineStart: boolean): number[] {
    const out = atLineStart ? [from] : [];
    const s = this.content.slice(from, to);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === CR || c === LF) {
        if (c === CR && s.charCodeAt(i + 1) === LF) i++;
        out.push(from + i + 1);
      }
    }
    return out;
  }

  /** The line that holds `offset` (the last line whose start is at or before it). */
  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    return low - 1;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart) {
      const c = this.content.charCodeAt(at - 1);
      if (c !== CR && c !== LF) break;
      at--;
    }
    return at;
  }
}

/** A position's line or character as an integer: what a hostile client sends counts as 0. */
function integer(n: number): number {
  return Math.trunc(Number(n)) || 0;
}

function isIncremental(change: TextDocumentContentChangeEvent): change is { range: Range; rangeLength?: number; text: string } {
  const c = change as { range?: unknown; rangeLength?: unknown; text?: unknown } | null | undefined;
  return c !== undefined && c !== null && typeof c.text === 'string' && c.range !== undefined && (c.rangeLength === undefined || typeof c.rangeLength === 'number');
}

function isWhole(change: TextDocumentContentChangeEvent): change is { text: string } {
  const c = change as { range?: unknown; rangeLength?: unknown; text?: unknown } | null | undefined;
  return c !== undefined && c !== null && typeof c.text === 'string' && c.range === undefined && c.rangeLength === undefined;
}
