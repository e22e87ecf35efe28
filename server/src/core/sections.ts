import type { Heading, Section } from './parse.js';
import type { Text } from './pieces.js';
import { lowerBound } from './search.js';

/** Sections as the full parser builds them: to the next heading of the same or a higher level. */
export function buildSections(text: Text, headings: readonly Heading[], contentStarts: readonly number[]): Section[] {
  // contentStarts must be ascending.
  const firstContentFrom = (from: number): number => {
    const i = lowerBound(contentStarts, from);
    return i < contentStarts.length ? contentStarts[i]! : Infinity;
  };
  // The end of each section: the next heading at the same or a higher level (a stack keeps it linear).
  const ends = new Array<number>(headings.length).fill(text.length);
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length > 0 && headings[open[open.length - 1]!]!.depth >= h.depth) ends[open.pop()!] = h.span.start;
    open.push(i);
  });
  return headings.map((heading, i) => {
    const next = headings[i + 1]?.span.start ?? text.length;
    const first = firstContentFrom(heading.span.end);
    return { heading, span: { start: heading.span.start, end: ends[i]! }, hasContent: first < ends[i]!, hasOwnContent: first < next };
  });
}
