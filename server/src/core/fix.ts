import type { Finding, TextEdit } from './types.js';

/**
 * Applies the preferred safe fix of each finding that has one (suggestions are left to the
 * writer). Fixes whose edits overlap an earlier fix are left for a later pass; `applied` counts
 * the fixes used.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const chosen: TextEdit[][] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (e: TextEdit): boolean =>
    taken.some(([s, t]) => (e.span.start < t && s < e.span.end) || (e.span.start === e.span.end && e.span.start === s && s === t));
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => !f.suggestion);
    if (!fix || fix.edits.some(overlaps)) continue;
    chosen.push(fix.edits);
    for (const e of fix.edits) taken.push([e.span.start, e.span.end]);
  }
  const edits = chosen.flat().sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return { text: out, applied: chosen.length };
}
