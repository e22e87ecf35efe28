import { labelKey } from './i18n/labels.js';
import { msg } from './i18n/message.js';
import type { Language, Message, Span } from './types.js';

/** One `label: count` line of a sources block, with the lines indented under it. */
export interface SourcesEntry {
  label: string;
  /** Label normalised for comparison in the document's language (see `normaliseLabel`). */
  key: string;
  /** Undefined when the count could not be read (a `sources-syntax` finding says why). */
  count: number | undefined;
  labelSpan: Span;
  countSpan: Span;
  lineSpan: Span;
  /** 0 for top-level lines, 1 for their breakdown, and so on. */
  depth: number;
  children: SourcesEntry[];
  parent: SourcesEntry | undefined;
}

export interface SourcesSyntaxProblem {
  span: Span;
  message: Message;
}

export interface SourcesBlock {
  /** The whole fenced block, fences included. */
  span: Span;
  /** Top-level entries, in order. */
  entries: SourcesEntry[];
  /** Every entry, in document order. */
  all: SourcesEntry[];
  problems: SourcesSyntaxProblem[];
}

/**
 * The form in which labels are compared, in the document's language: "Evaluation Reports" and
 * "evaluation report", "Informes de evaluación" and "informe de evaluacion" compare equal (see
 * `labelKey` for the rules of each language).
 */
export function normaliseLabel(label: string, language: Language = 'en'): string {
  return labelKey(label, language);
}

/** `3076`, `3,076` and `3 076` (also with a no-break or narrow no-break space). */
const COUNT = /^(?:\d{1,3}(?:[,\u0020\u00a0\u202f]\d{3})+|\d{1,15})$/;

export function parseCount(text: string): number | undefined {
  const t = text.trim();
  if (!COUNT.test(t)) return undefined;
  return Number(t.replace(/[^\d]/g, ''));
}

/**
 * Reads the content lines of a sources block. `lines` are the block's content lines with the
 * offset at which each starts in the document.
 */
export function parseSourcesLines(lines: ReadonlyArray<{ text: string; offset: number }>, span: Span, language: Language = 'en'): SourcesBlock {
  const entries: SourcesEntry[] = [];
  const all: SourcesEntry[] = [];
  const problems: SourcesSyntaxProblem[] = [];
  /** The most recent entry at each depth. */
  const stack: SourcesEntry[] = [];
  let baseIndent: number | undefined;

  for (const { text, offset } of lines) {
    if (text.trim() === '') continue;
    const lineSpan = { start: offset, end: offset + text.length };
    const indentMatch = /^[ \t]*/.exec(text)![0];
    if (indentMatch.includes('\t')) {
      problems.push({ span: lineSpan, message: msg('sources.tab') });
      continue;
    }
    const indent = indentMatch.length;
    baseIndent ??= indent;
    const body = text.slice(indent);
    const colon = body.lastIndexOf(':');
    if (colon <= 0) {
      problems.push({ span: lineSpan, message: msg('sources.line', { found: clip(body) }) });
      continue;
    }
    const label = body.slice(0, colon).trim();
    const countText = body.slice(colon + 1);
    const countStartInBody = colon + 1 + (countText.length - countText.trimStart().length);
    // A count of only spaces ("label: ") is an empty span after them, never one that ends before it starts.
    const countStart = offset + indent + countStartInBody;
    const countSpan = { start: countStart, end: Math.max(countStart, offset + indent + colon + 1 + countText.trimEnd().length) };
    const count = parseCount(countText);
    if (count === undefined) {
      const found = countText.trim();
      problems.push({
        span: found ? countSpan : lineSpan,
        message: found ? msg('sources.not-number', { label: clip(label), found: clip(found) }) : msg('sources.no-count', { label: clip(label) }),
      });
    }
    const rel = indent - baseIndent;
    let depth: number;
    if (rel < 0 || rel % 2 !== 0) {
      problems.push({ span: lineSpan, message: msg('sources.indent-even') });
      depth = Math.max(0, Math.min(stack.length, Math.floor(Math.max(0, rel) / 2)));
    } else {
      depth = rel / 2;
      if (depth > stack.length) {
        problems.push({ span: lineSpan, message: msg('sources.indent-deep') });
        depth = stack.length;
      }
    }
    const labelStart = offset + indent;
    const entry: SourcesEntry = {
      label,
      key: normaliseLabel(label, language),
      count,
      labelSpan: { start: labelStart, end: labelStart + body.slice(0, colon).trimEnd().length },
      countSpan,
      lineSpan,
      depth,
      children: [],
      parent: depth > 0 ? stack[depth - 1] : undefined,
    };
    stack.length = depth;
    stack.push(entry);
    if (entry.parent) entry.parent.children.push(entry);
    else entries.push(entry);
    all.push(entry);
  }
  return { span, entries, all, problems };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
