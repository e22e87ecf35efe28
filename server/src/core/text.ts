/**
 * The one place that converts between UTF-16 offsets and 0-based line/character positions.
 * A line ends at `\n`, `\r\n` or a lone `\r` (as in LSP and CommonMark).
 */
import type { Text } from './pieces.js';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/**
 * Line starts are kept in chunks of about `CHUNK` lines, each relative to the chunk's first line,
 * so that an edit rebuilds only the chunk or two it touches and moves the chunks after it by
 * changing their base: a keystroke in a document of 20,000 lines copies a few hundred numbers
 * instead of every line start (and leaves no large array behind for the garbage collector).
 */
const CHUNK = 512;

export class LineIndex {
  /** Per chunk: the line starts of its lines, relative to `bases[c]` (the first is 0). Shared between versions. */
  private readonly chunks: readonly (readonly number[])[];
  /** Per chunk: the offset where its first line starts. */
  private readonly bases: readonly number[];
  /** Per chunk: its first line's number. */
  private readonly firstLines: readonly number[];
  readonly lineCount: number;

  constructor(text: Text);
  /** @internal From chunks made by `afterEdit`. */
  constructor(text: Text, chunks: (readonly number[])[], bases: number[]);
  constructor(
    readonly text: Text,
    chunks?: (readonly number[])[],
    bases?: number[],
  ) {
    if (!chunks || !bases) {
      const starts = [0];
      scanLineStarts(text, 0, text.length, starts);
      chunks = [];
      bases = [];
      split(starts, 0, starts.length, chunks, bases);
    }
    this.chunks = chunks;
    this.bases = bases;
    const firstLines = new Array<number>(chunks.length);
    let line = 0;
    for (let c = 0; c < chunks.length; c++) {
      firstLines[c] = line;
      line += chunks[c]!.length;
    }
    this.firstLines = firstLines;
    this.lineCount = line;
  }

  /**
   * The index of `text`, an edited version of `previous.text` that shares its first `prefix` and
   * last `suffix` characters: only the lines in between are scanned again.
   */
  static afterEdit(previous: LineIndex, text: Text, prefix: number, suffix: number): LineIndex {
    const delta = text.length - previous.text.length;
    const from = Math.max(0, prefix - 1);
    const to = Math.min(text.length, text.length - suffix + 2);
    const { chunks, bases } = previous;
    // The chunks from the one holding the last line start at or before `from` to the one holding
    // the first old line start kept after the edit are rebuilt; those before are shared, those
    // after shared and moved.
    const first = Math.max(0, lastAtOrBelow(bases, from));
    const starts: number[] = [];
    // Line starts whose line break lies wholly in the unchanged beginning.
    const head = chunks[first]!;
    const base = bases[first]!;
    for (let i = 0; i < head.length && base + head[i]! <= from; i++) starts.push(base + head[i]!);
    scanLineStarts(text, from, to, starts);
    // Line starts whose line break lies wholly in the unchanged end, moved by the edit: the rest
    // of the chunk holding the first of them.
    const keepFrom = Math.max(to, starts[starts.length - 1]!) - delta;
    let last = Math.max(first, lastAtOrBelow(bases, keepFrom));
    const tail = chunks[last]!;
    const tailBase = bases[last]!;
    for (let i = firstAbove(tail, keepFrom - tailBase); i < tail.length; i++) starts.push(tailBase + tail[i]! + delta);
    // A rebuilt stretch much shorter than a chunk takes the next chunk in, so that chunks stay large.
    while (starts.length < CHUNK / 4 && last + 1 < chunks.length) {
      last++;
      for (const start of chunks[last]!) starts.push(bases[last]! + start + delta);
    }
    const newChunks = chunks.slice(0, first);
    const newBases = bases.slice(0, first);
    split(starts, 0, starts.length, newChunks, newBases);
    for (let c = last + 1; c < chunks.length; c++) {
      newChunks.push(chunks[c]!);
      newBases.push(bases[c]! + delta);
    }
    return new LineIndex(text, newChunks, newBases);
  }

  /** Offset where a line starts (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineCount) return this.text.length;
    return this.startOf(line);
  }

  /** Offset where a line's content ends, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineCount - 1) return this.text.length;
    let end = this.startOf(line + 1);
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const c = lastAtOrBelow(this.bases, o);
    const chunk = this.chunks[c]!;
    const base = this.bases[c]!;
    const i = firstAbove(chunk, o - base) - 1;
    const line = this.firstLines[c]! + i;
    return { line, character: Math.min(o, this.lineEnd(line)) - (base + chunk[i]!) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.text.length;
    const start = this.startOf(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), this.lineEnd(position.line)));
  }

  /** Where a line (in range) starts. */
  private startOf(line: number): number {
    const c = lastAtOrBelow(this.firstLines, line);
    return this.bases[c]! + this.chunks[c]![line - this.firstLines[c]!]!;
  }
}

/** Cuts `starts[from, to)` (absolute, ascending) into chunks of at most `CHUNK` lines, appended to `chunks` and `bases`. */
function split(starts: readonly number[], from: number, to: number, chunks: (readonly number[])[], bases: number[]): void {
  const n = to - from;
  const count = Math.max(1, Math.ceil(n / CHUNK));
  for (let k = 0; k < count; k++) {
    const a = from + Math.floor((n * k) / count);
    const b = from + Math.floor((n * (k + 1)) / count);
    const base = starts[a]!;
    const chunk = new Array<number>(b - a);
    for (let i = a; i < b; i++) chunk[i - a] = starts[i]! - base;
    chunks.push(chunk);
    bases.push(base);
  }
}

/** Index of the last of the ascending `values` that is at or below `value` (0 when none is). */
function lastAtOrBelow(values: readonly number[], value: number): number {
  return Math.max(0, firstAbove(values, value) - 1);
}

/** Index of the first of the ascending `starts` that is greater than `offset`. */
function firstAbove(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pushes the offset after each line break that starts in `[from, to)`. */
function scanLineStarts(text: Text, from: number, to: number, starts: number[]): void {
  // One string of the stretch (and the character after it, for a CRLF across its end).
  const s = typeof text === 'string' ? text : text.slice(from, Math.min(text.length, to + 1));
  const base = typeof text === 'string' ? 0 : from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i - base);
    if (c === 10 /* \n */) {
      starts.push(i + 1);
    } else if (c === 13 /* \r */) {
      if (s.charCodeAt(i + 1 - base) === 10) i++;
      starts.push(i + 1);
    }
  }
}
