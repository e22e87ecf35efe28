/** Document links: the front matter's `report` URL (a text or a list of texts). */
import type { SynthesisDocument } from '../parse.js';
import type { Span } from '../types.js';

export interface DocumentLink {
  span: Span;
  target: string;
}

const URL_PATTERN = /(?:https?:\/\/|mailto:)[^\s"'<>]+/g;

export function documentLinks(document: SynthesisDocument): DocumentLink[] {
  const field = document.frontMatter?.fields.get('report');
  if (!field) return [];
  const text = document.source.slice(field.valueSpan.start, field.valueSpan.end);
  const out: DocumentLink[] = [];
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(text); m; m = URL_PATTERN.exec(text)) {
    // Drop trailing punctuation that ends the sentence rather than the address (a loop, not an
    // end-anchored regex, which would backtrack on long runs of it).
    let end = m[0].length;
    while (end > 0 && '),.;]'.includes(m[0][end - 1]!)) end--;
    const url = m[0].slice(0, end);
    const start = field.valueSpan.start + m.index;
    out.push({ span: { start, end: start + url.length }, target: url });
  }
  return out;
}
