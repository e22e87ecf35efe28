/**
 * Comparing words the way writers expect in three languages: without regard to capitals or
 * accents ("Consideración" = "consideracion", "Efficacité" = "efficacite"), with typographic
 * apostrophes equal to straight ones. Folding keeps one UTF-16 unit per unit, so an offset in the
 * folded text is the same offset in the original: a match found in folded text is reported where
 * the writer wrote it.
 */

const folded = new Map<string, string>();

function foldUnit(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : unit;
  let out = folded.get(unit);
  if (out === undefined) {
    // The base letter of a decomposed character (é → e + ◌́), in lower case; anything that does
    // not stay one unit (ß, ligatures, lone surrogates) is kept as it is.
    const base = unit.normalize('NFD')[0]!.toLowerCase();
    out = unit === '\u2019' || unit === '\u02bc' ? "'" : base.length === 1 ? base : unit;
    folded.set(unit, out);
  }
  return out;
}

/** Lower case, accents removed, ’ as '; exactly as long as `text`. */
export function fold(text: string): string {
  // Text without capitals or non-ASCII letters is the common case: one test instead of a loop.
  if (!/[A-Z\u0080-\uffff]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!);
  return out;
}

/** A phrase list compiled for searching: one regular expression over folded text. */
export interface PhraseMatcher {
  /** Every match in `text`, as spans of `text` with the phrase as written in the list. */
  find(text: string): Array<{ start: number; end: number; phrase: string }>;
}

/** Longest accepted phrase; longer entries in a team's list are ignored (see `compilePhrases`). */
export const MAX_PHRASE_LENGTH = 100;

/**
 * Compiles phrases such as `consistently`, `all evaluations` or `clearly demonstrat*` (a `*` at the
 * end of a word stands for any letters). Words match whole words only, in any case and with or
 * without accents; any run of spaces or a line break may stand between the words of a phrase.
 * Empty or overlong phrases are skipped.
 */
export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  const sources = new Map<string, string>();
  for (const phrase of phrases) {
    const words = fold(phrase.trim()).split(/\s+/).filter(Boolean);
    if (words.length === 0 || phrase.length > MAX_PHRASE_LENGTH) continue;
    const source = words.map((w) => (w.endsWith('*') && w.length > 1 ? `${escape(w.slice(0, -1))}[\\p{L}\\p{M}]*` : escape(w))).join('\\s+');
    if (!sources.has(source)) sources.set(source, phrase.trim());
  }
  if (sources.size === 0) return { find: () => [] };
  // Longest first, so that "all the evaluations" wins over a shorter phrase at the same place.
  const ordered = [...sources.keys()].sort((a, b) => b.length - a.length);
  const byIndex = ordered.map((s) => sources.get(s)!);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${ordered.map((s) => `(${s})`).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'gu');
  return {
    find(text) {
      const out: Array<{ start: number; end: number; phrase: string }> = [];
      const haystack = fold(text);
      pattern.lastIndex = 0;
      for (let m = pattern.exec(haystack); m; m = pattern.exec(haystack)) {
        const group = m.slice(1).findIndex((g) => g !== undefined);
        out.push({ start: m.index, end: m.index + m[0].length, phrase: byIndex[group] ?? m[0] });
      }
      return out;
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
