/**
 * Text read by offsets, and an edited version of a text kept as pieces of the one before it.
 *
 * Every version of a document an editor sends is a new string of the whole text, and V8 copies a
 * string made of an old one's parts into fresh memory the first time it is read: at 1 MB, about
 * 2 ms per keystroke, most of it the kernel mapping new pages. A `PieceText` is the new version as
 * slices of the old text (which share its memory) and the inserted strings, so reading a few
 * lines of it copies only those lines. The parser and the checks that run at every keystroke read
 * through `Text`; what needs the whole text as one string asks for it (`String(text)`), once per
 * version. After `MAX_PIECES` pieces a version is made one string again, so that reads stay fast.
 */

import { lowerBound } from './search.js';

/** A text read by offsets: a string is one, and so is a `PieceText`. */
export interface Text {
  readonly length: number;
  charCodeAt(index: number): number;
  /** The characters of `[start, end)`, with `start` and `end` within the text. */
  slice(start: number, end?: number): string;
  toString(): string;
}

/** Pieces after which an edited version is joined into one string again. */
export const MAX_PIECES = 48;

export class PieceText implements Text {
  private flat: string | undefined;

  private constructor(
    /** The pieces, none empty (an empty text has none). */
    private readonly pieces: readonly string[],
    /** Where each piece starts in the text. */
    private readonly starts: readonly number[],
    readonly length: number,
  ) {
    if (pieces.length === 1) this.flat = pieces[0];
    else if (pieces.length === 0) this.flat = '';
  }

  static of(text: string): PieceText {
    return text.length === 0 ? new PieceText([], [], 0) : new PieceText([text], [0], text.length);
  }

  /** This text with `[start, end)` (within it, `start <= end`) replaced by `insert`. */
  edit(start: number, end: number, insert: string): PieceText {
    const pieces: string[] = [];
    const { pieces: old, starts } = this;
    let k = 0;
    // The pieces wholly before the edit, and the part before it of the one it starts in.
    for (; k < old.length && starts[k]! + old[k]!.length <= start; k++) pieces.push(old[k]!);
    if (k < old.length && starts[k]! < start) pieces.push(old[k]!.slice(0, start - starts[k]!));
    if (insert.length > 0) pieces.push(insert);
    // The part after the edit of the piece it ends in, and the pieces wholly after it.
    while (k < old.length && starts[k]! + old[k]!.length <= end) k++;
    if (k < old.length && starts[k]! < end) pieces.push(old[k]!.slice(end - starts[k]!));
    else if (k < old.length) pieces.push(old[k]!);
    for (k++; k < old.length; k++) pieces.push(old[k]!);
    const length = this.length - (end - start) + insert.length;
    mergeShort(pieces);
    if (pieces.length > MAX_PIECES) return PieceText.of(pieces.join(''));
    const at = new Array<number>(pieces.length);
    let offset = 0;
    for (let i = 0; i < pieces.length; i++) {
      at[i] = offset;
      offset += pieces[i]!.length;
    }
    return new PieceText(pieces, at, length);
  }

  charCodeAt(index: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(index);
    if (!(index >= 0 && index < this.length)) return NaN;
    const k = this.pieceAt(index);
    return this.pieces[k]!.charCodeAt(index - this.starts[k]!);
  }

  slice(start: number, end: number = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (from === to) return '';
    let k = this.pieceAt(from);
    const first = this.pieces[k]!;
    const base = this.starts[k]!;
    if (to <= base + first.length) return first.slice(from - base, to - base);
    let out = first.slice(from - base);
    for (k++; k < this.pieces.length; k++) {
      const piece = this.pieces[k]!;
      const pieceStart = this.starts[k]!;
      if (to <= pieceStart + piece.length) return out + piece.slice(0, to - pieceStart);
      out += piece;
    }
    return out;
  }

  /** How many pieces the text is kept in. */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** The whole text as one string, made once. */
  toString(): string {
    this.flat ??= this.pieces.join('');
    return this.flat;
  }

  /** The piece that holds `index` (within the text): the last that starts at or before it. */
  private pieceAt(index: number): number {
    return lowerBound(this.starts, index + 1) - 1;
  }
}

/** Pieces shorter than this are joined with a short neighbour: typing in one place adds no pieces. */
const SHORT = 1024;

function mergeShort(pieces: string[]): void {
  let w = 0;
  for (let r = 0; r < pieces.length; r++) {
    const piece = pieces[r]!;
    if (w > 0 && piece.length < SHORT && pieces[w - 1]!.length < SHORT) pieces[w - 1] += piece;
    else pieces[w++] = piece;
  }
  pieces.length = w;
}

/** Stretches a piece text is searched in by `indexIn`. */
const STRETCH = 64 * 1024;

/** `text.indexOf(search, from)` for any `Text`: a piece text is searched stretch by stretch. */
export function indexIn(text: Text, search: string, from: number): number {
  if (typeof text === 'string') return text.indexOf(search, from);
  for (let at = Math.max(0, from); at < text.length; at += STRETCH) {
    // Stretches overlap by the length of `search` less one: a match across two is found.
    const i = text.slice(at, Math.min(text.length, at + STRETCH + search.length - 1)).indexOf(search);
    if (i >= 0) return at + i;
  }
  return -1;
}
