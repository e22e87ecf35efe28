/**
 * Text from a repository — file names, titles, template ids, messages that quote a document — made
 * safe to print to a terminal or a CI log. Raw, such text could move the cursor, rewrite earlier
 * lines or retitle the window (ESC and C1 control sequences), reorder what the reader sees
 * (bidirectional overrides), or start a new line that a CI system reads as a command of its own
 * (a file named `x\n::error file=a.md::forged` would add an annotation to a GitHub pull request).
 *
 * Each such character becomes a visible escape (`\n`, `\r`, `\t`, `\u{1B}`); everything else,
 * accents and emoji included, is left as it is.
 */

/**
 * The characters escaped: C0 controls (line breaks and tab included) and DEL, C1 controls, the
 * Unicode line and paragraph separators, bidirectional marks, embeddings, overrides and isolates,
 * and surrogates without their pair (which a terminal shows as garbage or drops).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  if (Object.hasOwn(NAMED, ch)) return NAMED[ch]!;
  return `\\u{${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}}`;
}

/** `text` with every unsafe character made visible; safe to print inside a line of output. */
export function escapeText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/**
 * A whole line of output: `escapeText`, and a line that would start like a CI command (`::` for
 * GitHub Actions, `##` for Azure Pipelines' `##vso[` and the old `##[error]`) gets its first
 * character escaped, so no runner takes it for one.
 */
export function escapeLine(text: string): string {
  const safe = escapeText(text);
  return safe.startsWith('::') || safe.startsWith('##') ? escapeOne(safe[0]!) + safe.slice(1) : safe;
}

/** Text of several lines for a terminal or a log: each line escaped with `escapeLine`, the line breaks kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeLine).join('\n');
}

/** What kind of character a one-line text may not hold (put into words by the caller's catalogue). */
export type UnsafeKind = 'line-break' | 'tab' | 'broken' | 'direction' | 'control';

/**
 * The first character that may not appear in a one-line text (a heading, a title, a label), or
 * undefined. With `lineBreaks`, `\n` is allowed (a description may run over several lines).
 * `code` is the character as U+XXXX, for messages.
 */
export function unsafeCharacter(text: string, options: { lineBreaks?: boolean } = {}): { index: number; character: string; kind: UnsafeKind; code: string } | undefined {
  UNSAFE.lastIndex = 0;
  for (let m = UNSAFE.exec(text); m; m = UNSAFE.exec(text)) {
    const ch = m[0];
    if (options.lineBreaks && ch === '\n') continue;
    return { index: m.index, character: ch, kind: kindOf(ch), code: `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return undefined;
}

function kindOf(ch: string): UnsafeKind {
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\u0085') return 'line-break';
  if (ch === '\t') return 'tab';
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return 'broken';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) return 'direction';
  return 'control';
}
