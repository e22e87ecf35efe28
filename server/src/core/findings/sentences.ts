/**
 * Sentences of a paragraph's prose, for rules that weigh a claim against the citations beside it.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (after any closing quotes or brackets) followed by a space
 * or the end, unless the word before the full stop is an abbreviation (`e.g.`, `Ms.`, `No.`, a single
 * letter) or the next sentence would start with a small letter. A citation right after the full
 * stop (`… trained. [@COL-11]`) belongs to the sentence before it.
 */
import type { Span } from '../types.js';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'cf', 'vs', 'al', 'approx', 'no', 'nos', 'p', 'pp', 'vol', 'fig', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st',
  'sr', 'sra', 'srta', 'dra', 'núm', 'pág', 'ej', 'p.ej', 'aprox', 'mme', 'mlle', 'm', 'env', 'ex', 'cit', 'op',
]);

/** Sentences of `prose`, whose first character is at `base` in the document. */
export function sentences(prose: string, base: number): Span[] {
  const out: Span[] = [];
  let start = skipSpace(prose, 0);
  let i = start;
  while (i < prose.length) {
    const c = prose[i]!;
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let end = i + 1;
      while (end < prose.length && /[.!?…"'”’»)\]]/.test(prose[end]!) && !isCitationStart(prose, end)) end++;
      if (end >= prose.length || /\s/.test(prose[end]!)) {
        if (c !== '.' || !isAbbreviation(prose, start, i)) {
          let next = skipSpace(prose, end);
          // A citation after the full stop is the sentence's own.
          if (isCitationStart(prose, next)) {
            end = prose.indexOf(']', next) + 1;
            while (end < prose.length && /[.;,]/.test(prose[end]!)) end++;
            next = skipSpace(prose, end);
          }
          if (next >= prose.length || !/\p{Ll}/u.test(prose[next]!)) {
            if (end > start) out.push({ start: base + start, end: base + end });
            start = next;
            i = next;
            continue;
          }
        }
      }
    }
    i++;
  }
  let tail = prose.length;
  while (tail > start && /\s/.test(prose[tail - 1]!)) tail--;
  if (tail > start) out.push({ start: base + start, end: base + tail });
  return out;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** A `[` that opens a citation group: `[@ID]`, `[see @ID]`, on one line. */
function isCitationStart(text: string, at: number): boolean {
  if (text[at] !== '[') return false;
  // A citation group is at most 500 characters long, as the document's reader takes it.
  const close = text.slice(at, at + 502).indexOf(']');
  if (close < 0) return false;
  return isGroup(text.slice(at + 1, at + close));
}

function isGroup(inner: string): boolean {
  return inner.includes('@') && !inner.includes('\n') && !inner.includes('[');
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  // Abbreviations are short: looking back further would make a long run of dots slow.
  const limit = Math.max(sentenceStart, dot - 12);
  let w = dot;
  while (w > limit && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (word === '') return false;
  // Single letters (initials, "p."), and dotted abbreviations such as "U.N" or "e.g".
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}
