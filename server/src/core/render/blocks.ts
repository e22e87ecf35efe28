import type { Element, Root } from 'hast';
import { wordMessage } from '../i18n/words.js';
import type { Finding, Language, Severity } from '../types.js';
import { addClasses } from './hast.js';

/** A top-level block of the rendered document with the source offsets it came from. */
interface Block {
  element: Element;
  start: number;
}

function topLevelBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const start = child.position?.start.offset;
    if (start !== undefined) blocks.push({ element: child, start });
  }
  return blocks.sort((a, b) => a.start - b.start);
}

/** Gives each top-level block its 0-based source line as `data-line`, for scroll sync. */
export function addLineNumbers(tree: Root): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const line = child.position?.start.line;
    if (line !== undefined) child.properties.dataLine = String(line - 1);
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const NAME: Record<Language, Record<Severity, string>> = {
  en: { error: 'Error', warning: 'Warning', info: 'Note' },
  es: { error: 'Error', warning: 'Advertencia', info: 'Nota' },
  fr: { error: 'Erreur', warning: 'Avertissement', info: 'Note' },
};

/**
 * Marks each top-level block that holds findings: the classes `synthesis-problem` and
 * `synthesis-problem-<worst severity>`, and the messages, in the reader's language, as its tooltip. A finding between blocks
 * marks the block before it (the first block when there is none).
 */
export function markProblems(tree: Root, findings: readonly Finding[], locale: Language = 'en'): void {
  const blocks = topLevelBlocks(tree);
  if (blocks.length === 0 || findings.length === 0) return;
  const marks = new Map<Block, Finding[]>();
  for (const finding of findings) {
    const block = blockAt(blocks, finding.span.start);
    const list = marks.get(block);
    if (list) list.push(finding);
    else marks.set(block, [finding]);
  }
  for (const [block, list] of marks) {
    const worst = list.reduce((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info' as Severity);
    addClasses(block.element, 'synthesis-problem', `synthesis-problem-${worst}`);
    block.element.properties.title = list.map((f) => `${NAME[locale][f.severity]}: ${wordMessage(f.message, locale)}`).join('\n');
  }
}

/** The last block starting at or before `offset`; the first block when none does. */
function blockAt(blocks: readonly Block[], offset: number): Block {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return blocks[found]!;
}
