/**
 * The one place that converts between UTF-16 offsets and 0-based line/character positions.
 * A line ends at `\n`, `\r\n` or a lone `\r` (as in LSP and CommonMark).
 */
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[];

  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
    } else {
      this.starts = [0];
      scanLineStarts(text, 0, text.length, this.starts);
    }
  }

  /**
   * The index of `text`, an edited version of `previous.text` that shares its first `prefix` and
   * last `suffix` characters: only the lines in between are scanned again.
   */
  static afterEdit(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const delta = text.length - previous.text.length;
    const from = Math.max(0, prefix - 1);
    const to = Math.min(text.length, text.length - suffix + 2);
    const old = previous.starts;
    // Line starts whose line break lies wholly in the unchanged beginning: copied in one go (a
    // keystroke near the end of a long document would otherwise walk every line).
    const starts = old.slice(0, firstAbove(old, from));
    scanLineStarts(text, from, to, starts);
    // Line starts whose line break lies wholly in the unchanged end, moved by the edit.
    const last = starts[starts.length - 1]!;
    for (let k = firstAbove(old, Math.max(to, last) - delta); k < old.length; k++) starts.push(old[k]! + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where a line starts (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** Offset where a line's content ends, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1]!;
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
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.max(start, Math.min(start + Math.max(0, position.character), this.lineEnd(position.line)));
  }
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
function scanLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      starts.push(i + 1);
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}
