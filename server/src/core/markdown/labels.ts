/**
 * Which link reference and footnote definitions a stretch of Markdown might use, read from its
 * text alone, so that a change to the document's definitions re-reads only the blocks it can
 * change, in time that grows with their length and not with the number of definitions.
 */
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/** micromark reads no label longer than this. */
const MAX_LABEL = 999;

/**
 * The normalised identifiers (as micromark normalises a label) of every stretch of `source`
 * between a `[` and the next `]` with no unescaped bracket between them: a superset of the labels
 * its references can use (a label holds no unescaped bracket). A footnote call `[^a]` gives `^A`.
 * A label that runs over a line break in a block quote is also given without the quote markers
 * that begin its later lines, which are not part of it.
 */
export function labelsIn(source: string): Set<string> {
  const labels = new Set<string>();
  let open = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
    } else if (c === 91 /* [ */) {
      open = i;
    } else if (c === 93 /* ] */ && open >= 0) {
      const content = source.slice(open + 1, i);
      open = -1;
      if (content.length > MAX_LABEL + 1) continue;
      labels.add(normalizeIdentifier(content));
      if (content.includes('\n') || content.includes('\r')) labels.add(normalizeIdentifier(content.replace(/([\r\n])[ \t]*(?:>[ \t]*)+/g, '$1')));
    }
  }
  return labels;
}
