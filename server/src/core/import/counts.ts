/**
 * Counted sources, as a brief states them: big-number figures ("3076 / DOCUMENTS") and counted
 * sentences in a methodology ("21 evaluation reports … (13 …country-level…, 3 regional … and 5
 * global …) plus 12 secondary documents"). Both become the lines of a sources block.
 */
import { isShouting } from './casing.js';
import { BREAKDOWN_KINDS, COUNT_LABELS } from './vocabulary.js';

export interface CountLine {
  label: string;
  /** The count as written in the source (kept, so no figure changes its form), digits only when it used dots. */
  count: string;
  value: number;
  children: CountLine[];
}

const NUMBER = String.raw`\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+|\d+`;

/** A count as a sources block accepts it: `3,076` and `3 076` stay; `3.076` (a Spanish style) becomes `3 076`. */
function countText(written: string): { count: string; value: number } {
  let digits = '';
  let count = '';
  for (const c of written) {
    if (c >= '0' && c <= '9') digits += c;
    count += c === '.' || c === '\u00a0' || c === '\u202f' ? ' ' : c;
  }
  return { count, value: Number(digits) };
}

/**
 * A big-number figure: a number then a label in capitals, on one line or two ("3076\nDOCUMENTS",
 * "697 SURVEYS", "419\nINTERVIEW AND\nFOCUS GROUP\nPARTICIPANTS"). Undefined for anything else.
 */
export function figure(text: string): CountLine | undefined {
  const match = new RegExp(String.raw`^\s*(${NUMBER})\s+([^\d][\s\S]*)$`, 'u').exec(text);
  if (!match) return undefined;
  const label = match[2]!.replace(/\s+/g, ' ').trim();
  if (label.length > 80 || !isShouting(label) || /[.:;!?]$/.test(label)) return undefined;
  if (!/\n/.test(text) && !/^\s*\d/.test(text)) return undefined;
  return { label: label.toLowerCase(), ...countText(match[1]!), children: [] };
}

/** The counted sources a paragraph states, with breakdowns in brackets that add up to one of them. */
export function countedSentences(text: string): CountLine[] {
  const flat = text.replace(/\s+/g, ' ');
  const lines: CountLine[] = [];
  const seen = new Set<string>();
  const found: Array<{ line: CountLine; at: number }> = [];
  const numbers = new RegExp(String.raw`(?<![\p{L}\p{N}.,/-])(${NUMBER})(?![\p{N}]|[.,/]\p{N})`, 'gu');
  for (const match of flat.matchAll(numbers)) {
    const after = flat.slice(match.index + match[0].length);
    const label = knownLabel(after);
    if (!label) continue;
    const line: CountLine = { label, ...countText(match[1]!), children: [] };
    found.push({ line, at: match.index });
    if (seen.has(label)) continue;
    seen.add(label);
    lines.push(line);
  }
  // Breakdowns: a bracket whose counts each name a kind of evaluation and add up to a count
  // stated before it in the same paragraph.
  for (const group of flat.matchAll(/\(([^()]*)\)/g)) {
    const items = breakdownItems(group[1]!);
    if (items.length < 2) continue;
    const sum = items.reduce((total, item) => total + item.value, 0);
    const parent = [...found].reverse().find((f) => f.at < group.index && f.line.value === sum && f.line.children.length === 0 && lines.includes(f.line));
    if (parent) parent.line.children = items;
  }
  return lines;
}

/** The known label that `text` starts with (after the number and a space), as written, lower case. */
function knownLabel(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (!/^[\s\u00a0]/.test(lower)) return undefined;
  const rest = lower.trimStart();
  for (const label of COUNT_LABELS) {
    if (rest.startsWith(label) && !/[\p{L}\p{N}]/u.test(rest.charAt(label.length))) return rest.slice(0, label.length);
  }
  return undefined;
}

function breakdownItems(inside: string): CountLine[] {
  const items: CountLine[] = [];
  const labels = new Set<string>();
  for (const part of inside.split(/,|;|(?<![\p{L}\p{N}])(?:and|y|et)(?![\p{L}\p{N}])/u)) {
    const match = new RegExp(String.raw`^(${NUMBER})\s+(.+)$`, 'u').exec(part.trim());
    if (!match) continue;
    const kind = kindOf(match[2]!);
    if (!kind || labels.has(kind)) return [];
    labels.add(kind);
    items.push({ label: kind, ...countText(match[1]!), children: [] });
  }
  return items;
}

function kindOf(words: string): string | undefined {
  const lower = ` ${words.toLowerCase()} `;
  let best: { label: string; length: number } | undefined;
  for (const kind of BREAKDOWN_KINDS) {
    for (const word of kind.words) {
      const at = lower.indexOf(word);
      if (at < 0) continue;
      const before = lower.charAt(at - 1);
      const after = lower.charAt(at + word.length);
      if (/[\p{L}-]/u.test(before) || /[\p{L}-]/u.test(after)) continue;
      if (!best || word.length > best.length) best = { label: kind.label, length: word.length };
    }
  }
  return best?.label;
}

/** The lines of a sources block for `lines`, breakdowns indented by two spaces a level. */
export function sourcesBlockText(lines: readonly CountLine[]): string {
  const out: string[] = [];
  const write = (line: CountLine, depth: number): void => {
    // A colon in a label is allowed (the count follows the last one), but a line break is not.
    out.push(`${'  '.repeat(depth)}${line.label.replace(/\s+/g, ' ')}: ${line.count}`);
    for (const child of line.children) write(child, depth + 1);
  };
  for (const line of lines) write(line, 0);
  return out.join('\n');
}
