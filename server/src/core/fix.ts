import type { Finding, Span, TextEdit } from './types.js';

/**
 * Applies the preferred safe fix of each finding that has one (suggestions are left to the
 * writer). Several findings may share one fix (the correction of a document's counts): it is
 * applied once, and each of them counts as fixed. A fix whose edits overlap an earlier fix's
 * otherwise is left for a later pass; insertions at the same point are all applied, in the order of
 * their findings. `applied` counts the findings whose fix was applied.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const chosen: Array<{ edit: TextEdit; order: number }> = [];
  let applied = 0;
  const same = (a: TextEdit, b: TextEdit): boolean => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => !f.suggestion);
    if (!fix) continue;
    if (fix.edits.length > 0 && fix.edits.every((e) => chosen.some((c) => same(c.edit, e)))) {
      applied++;
      continue;
    }
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c.edit.span, e.span)))) continue;
    for (const edit of fix.edits) chosen.push({ edit, order: chosen.length });
    applied++;
  }
  // From the end backwards so earlier offsets stay valid; at one point, the later edit first so
  // that the earlier one ends up in front.
  chosen.sort((a, b) => b.edit.span.start - a.edit.span.start || b.edit.span.end - a.edit.span.end || b.order - a.order);
  let out = text;
  for (const { edit } of chosen) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return { text: out, applied };
}

/** Two replacements overlap when they share text, or one inserts strictly inside the other. */
function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
