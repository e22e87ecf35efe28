import { isMap, isScalar, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { msg } from './i18n/message.js';
import { LineIndex } from './text.js';
import type { Message, Span } from './types.js';

export interface FrontMatterField {
  key: string;
  keySpan: Span;
  /** The value's span; the key's span when the value is empty. */
  valueSpan: Span;
  value: unknown;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---`. */
  span: Span;
  /** The YAML text between the fences. */
  contentSpan: Span;
  /** Top-level fields, in document order. Empty when the YAML is not a mapping. */
  fields: Map<string, FrontMatterField>;
  problems: Array<{ span: Span; message: Message }>;
}

/**
 * Reads the YAML between the front-matter fences. `content` is that YAML, `base` its offset in
 * the document. Never throws: YAML errors become problems located in the document.
 */
export function parseFrontMatter(original: string, base: number, span: Span): FrontMatter {
  const fields = new Map<string, FrontMatterField>();
  const problems: FrontMatter['problems'] = [];
  // The YAML is read with LF line breaks (the library's error ranges differ with CRLF); offsets in
  // it are mapped back to the original text line by line.
  const content = original.replace(/\r\n?/g, '\n');
  const toOriginal = content === original ? (k: number) => k : lineMapper(content, original);
  const at = (offset: number, end?: number): Span => {
    const s = base + toOriginal(Math.max(0, Math.min(offset, content.length)));
    return { start: s, end: Math.max(s, base + toOriginal(Math.max(0, Math.min(end ?? offset + 1, content.length)))) };
  };
  try {
    const doc = parseDocument(content, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
    for (const e of doc.errors) {
      // Underline within the error's first line.
      // (indexOf, not a slice of the rest: with many errors that would be quadratic.)
      const lineEnd = content.indexOf('\n', e.pos[0]);
      const end = lineEnd < 0 ? e.pos[1] : Math.min(e.pos[1], lineEnd);
      problems.push({ span: at(e.pos[0], end), message: yamlProblem(e) });
    }
    if (doc.errors.length > 0) return { span, contentSpan: at(0, content.length), fields, problems };
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
      return { span, contentSpan: at(0, content.length), fields, problems };
    }
    if (!isMap(root)) {
      const r = root.range ?? [0, content.length];
      problems.push({ span: at(r[0], r[1]), message: msg('yaml.not-fields') });
      return { span, contentSpan: at(0, content.length), fields, problems };
    }
    for (const pair of root.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') continue;
      const kr = keyNode.range ?? [0, 0];
      // A repeated field is reported at its second occurrence (the YAML library's own check is
      // slower and points elsewhere); the first one is kept.
      if (fields.has(keyNode.value)) {
        problems.push({ span: at(kr[0], kr[1]), message: msg('yaml.duplicate-key') });
        continue;
      }
      const valueNode = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
      let value: unknown = null;
      try {
        value = valueNode && typeof valueNode.toJSON === 'function' ? valueNode.toJSON() : valueNode === null ? null : (valueNode as unknown);
      } catch {
        value = null;
      }
      const vr = valueNode?.range;
      fields.set(keyNode.value, {
        key: keyNode.value,
        keySpan: at(kr[0], kr[1]),
        valueSpan: vr ? at(vr[0], vr[1]) : at(kr[0], kr[1]),
        value,
      });
    }
  } catch (error) {
    problems.push({ span: at(0, content.length), message: msg('yaml.unreadable', { detail: firstLine(String(error)) }) });
  }
  return { span, contentSpan: at(0, content.length), fields, problems };
}

/**
 * The YAML library's error, said the way an evaluator would: its code (and, where one code covers
 * several slips, the character it was missing) chooses the message. The library's own English
 * wording is never shown.
 */
function yamlProblem(error: YAMLError): Message {
  // An unclosed list or group is reported as a missing character or, inside the front matter's
  // mapping, as bad indentation: the character the library expected tells them apart.
  if (/end with a \]/.test(error.message)) return msg('yaml.unclosed-list');
  if (/end with a \}/.test(error.message)) return msg('yaml.unclosed-map');
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return msg('yaml.duplicate-key');
    case 'TAB_AS_INDENT':
      return msg('yaml.tab');
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return msg('yaml.one-per-line');
    case 'BAD_INDENT':
      return msg('yaml.indent');
    case 'UNEXPECTED_TOKEN':
      return msg('yaml.unexpected');
    case 'MISSING_CHAR':
      return /closing "?'?quote/i.test(error.message) ? msg('yaml.unclosed-quote') : msg('yaml.other');
    default:
      return msg('yaml.other');
  }
}

/** Maps an offset in `normal` (LF line breaks) to the same line and column in `original`. */
function lineMapper(normal: string, original: string): (offset: number) => number {
  const from = new LineIndex(normal);
  const to = new LineIndex(original);
  return (offset) => {
    const p = from.positionAt(offset);
    return to.lineStart(p.line) + p.character;
  };
}

function firstLine(s: string): string {
  // Without carriage returns: a CRLF document gets the same message as an LF one.
  return s.replace(/\r/g, '').split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}
