import type { Language, Span } from '../types.js';

/** One goal, target or indicator named by a tag. `SDG 16.6/16.a` names two. */
export interface SdgRef {
  kind: 'goal' | 'target' | 'indicator';
  /** Normalised id: "16", "16.a", "16.1.1". */
  id: string;
  goal: number;
  span: Span;
}

/** A tag as written in the document, e.g. `SDG 16.6/16.a`. */
export interface SdgTag {
  span: Span;
  raw: string;
  /** "SDG", or the language's own form ("ODS" in Spanish, "ODD" in French). */
  prefix: string;
  refs: SdgRef[];
}

/** Tag prefixes recognised for a document language; English `SDG` is always recognised. */
export function tagPrefixes(language: Language): string[] {
  if (language === 'es') return ['SDG', 'ODS'];
  if (language === 'fr') return ['SDG', 'ODD'];
  return ['SDG'];
}

// One reference: goal, optional target code (digits or one letter), optional indicator number.
// The letter code must not run on into a word ("SDG 16.and" is goal 16 followed by prose).
const REF = String.raw`(\d{1,2})(?:\.(\d{1,2}|[a-zA-Z](?![a-zA-Z]))(?:\.(\d{1,2}))?)?`;
const cache = new Map<string, RegExp>();

function tagPattern(prefixes: readonly string[]): RegExp {
  const key = prefixes.join('|');
  let re = cache.get(key);
  if (!re) {
    // Prefix as a whole word, then horizontal space, then references joined by "/".
    // "SDGs" and bare numbers never match. Each quantifier is bounded and the alternatives are
    // disjoint, so matching is linear in the input.
    re = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${key})[ \t\u00a0]{1,4}${REF}(?:\/${REF})*(?!\.?\p{N})`, 'gu');
    cache.set(key, re);
  }
  return re;
}

const ONE_REF = new RegExp(`^${REF}`);

function toRef(goal: string, code: string | undefined, indicator: string | undefined, span: Span): SdgRef {
  const g = Number(goal);
  if (code === undefined) return { kind: 'goal', id: String(g), goal: g, span };
  const c = /^\d+$/.test(code) ? String(Number(code)) : code.toLowerCase();
  if (indicator === undefined) return { kind: 'target', id: `${g}.${c}`, goal: g, span };
  return { kind: 'indicator', id: `${g}.${c}.${Number(indicator)}`, goal: g, span };
}

/**
 * Finds the SDG tags in a piece of prose. `base` is the offset of `text` in the document, so the
 * returned spans are document offsets.
 */
export function scanTags(text: string, base: number, language: Language = 'en'): SdgTag[] {
  const prefixes = tagPrefixes(language);
  if (!prefixes.some((p) => text.includes(p))) return [];
  const re = tagPattern(prefixes);
  re.lastIndex = 0;
  const tags: SdgTag[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const prefix = prefixes.find((p) => raw.startsWith(p)) ?? 'SDG';
    let pos = prefix.length;
    while (raw[pos] === ' ' || raw[pos] === '\t' || raw[pos] === '\u00a0') pos++;
    const refs: SdgRef[] = [];
    for (const part of raw.slice(pos).split('/')) {
      const r = ONE_REF.exec(part);
      if (r) {
        const start = base + m.index + pos;
        refs.push(toRef(r[1]!, r[2], r[3], { start, end: start + part.length }));
      }
      pos += part.length + 1;
    }
    tags.push({ span: { start: base + m.index, end: base + m.index + raw.length }, raw, prefix, refs });
  }
  return tags;
}
