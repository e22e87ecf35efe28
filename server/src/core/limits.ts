/**
 * Resource guards: limits that keep the analysis finite on hostile input. Each says so in a
 * finding when it applies; none decides what ordinary Markdown means.
 */
import { msg, number } from './i18n/message.js';
import type { Text } from './pieces.js';
import type { LineIndex } from './text.js';
import type { Message } from './types.js';

/**
 * Container markers nested deeper than this are read as plain text: on one line (`> > > …`,
 * `- - - …`), or by indentation (a marker that starts beyond column 2 × MAX_NESTING, where no
 * list of MAX_NESTING levels reaches). micromark's work per line grows with the nesting (it copies
 * its stack of open blocks for each block it continues): 1,000 list levels nested by indentation,
 * 1 MB, take 40 s, and 1,000 markers on one line a third of a second; remark's tree builder also
 * recurses once per level until the stack runs out (5,000 levels: a RangeError after 11 s). No
 * report nests 64 deep.
 */
export const MAX_NESTING = 64;

/**
 * Documents longer than this many characters (50 million, about 50 MB) are checked in full like
 * any other, with one information finding: no synthesis comes near, so such a file is most likely
 * not one, and checking it takes a minute and gigabytes of memory.
 */
export const VERY_LARGE_DOCUMENT = 50 * 1024 * 1024;

/** The one information message about a very large document, as data (worded at the edge). */
export function veryLargeDocumentMessage(length: number): Message {
  return msg('document.large', { size: number(length / 1_000_000, 1) });
}

/**
 * The text of `[from, to)` with container markers beyond MAX_NESTING on a line replaced by spaces
 * (offsets unchanged), and the offsets of the lines where that happened. `from` is a line start.
 */
export function flattenNesting(text: Text, from: number, to: number, lines: LineIndex): { text: string; flattened: number[] } {
  const slice = text.slice(from, to);
  const flattened: number[] = [];
  let ranges: number[] | undefined;
  const last = lines.positionAt(to).line;
  for (let line = lines.positionAt(from).line; line <= last; line++) {
    const start = lines.lineStart(line);
    const end = Math.min(lines.lineEnd(line), to);
    // Only lines that hold more characters than the limit can nest beyond it.
    if (end - start < MAX_NESTING) continue;
    let depth = 0;
    let column = 0;
    let i = start;
    let cut = -1;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        column = c === 9 ? column + 4 - (column % 4) : column + 1;
        i++;
        continue;
      }
      let marker = 0;
      if (c === 62 /* > */ || ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpace(text.charCodeAt(i + 1)))) marker = 1;
      else {
        const m = /^\d{1,9}[.)](?=[ \t])/.exec(text.slice(i, i + 11));
        if (m) marker = m[0].length;
      }
      if (marker === 0) break;
      depth++;
      if (cut < 0 && (depth > MAX_NESTING || column >= 2 * MAX_NESTING)) cut = i;
      i += marker;
      column += marker;
    }
    if (cut >= 0) {
      flattened.push(start);
      (ranges ??= []).push(cut - from, i - from);
    }
  }
  if (!ranges) return { text: slice, flattened };
  const chars = slice.split('');
  for (let r = 0; r < ranges.length; r += 2) {
    for (let k = ranges[r]!; k < ranges[r + 1]!; k++) if (chars[k] !== ' ' && chars[k] !== '\t') chars[k] = ' ';
  }
  return { text: chars.join(''), flattened };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || Number.isNaN(c);
}
