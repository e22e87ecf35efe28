/**
 * Labels at the start of a line inside a `sources` block: the template's vocabulary, labels used in
 * this document's other blocks and labels used elsewhere in the workspace.
 */
import { normaliseLabel } from '../../sources.js';
import type { Completion, CompletionContext } from './types.js';
import { sortKey } from './types.js';

export function completeSourcesLabels(context: CompletionContext): Completion[] | undefined {
  const { document, offset, linePrefix, t } = context;
  const line = document.lines.positionAt(offset).line;
  const block = document.sourcesBlocks.find((b) => {
    const first = document.lines.positionAt(b.span.start).line;
    const last = document.lines.positionAt(b.span.end).line;
    // Between the fences; a block that is not closed yet runs to the end of the document.
    const closed = /^\s*(?:>\s*)*(?:```|~~~)/.test(document.lines.lineText(last)) && last > first;
    return line > first && (closed ? line < last : line <= last);
  });
  if (!block) return undefined;
  // Only at label position: before any ':' on the line.
  const m = /^((?:[ \t]*>)*[ \t]*)([^:]*)$/.exec(linePrefix);
  if (!m) return [];
  const typed = m[2]!;
  const replace = { start: offset - typed.length, end: offset };
  const inBlock = new Set(block.all.map((e) => e.key));
  const seen = new Set<string>();
  const items: Completion[] = [];
  const add = (label: string, group: number, detail: string): void => {
    const key = normaliseLabel(label, document.language);
    if (seen.has(key) || inBlock.has(key) || key === '') return;
    seen.add(key);
    items.push({ label, kind: 'label', detail, insertText: `${label}: `, filterText: label, replace, sortText: sortKey(group, items.length) });
  };
  for (const label of context.template?.sourceLabels ?? []) add(label, 0, t('completion.label-template'));
  for (const other of document.sourcesBlocks) for (const e of other.all) add(e.label, 1, t('completion.label-document'));
  for (const label of context.workspaceLabels) add(label, 2, t('completion.label-workspace'));
  return items;
}
