/**
 * Parsing a whole document, and re-parsing it after an edit, top-level block by top-level block.
 *
 * A document is tokenized in stretches (windows) of about 4 KB, so no parse ever holds more than
 * one window's events: memory stays proportional to the index, time to the text (and micromark's
 * event arrays stay small, which spares garbage collection: 4 KB windows read a 1 MB report in
 * about two thirds of the time one pass does). A window ends wherever it ends; its blocks are kept up to the last block start whose line and the line after
 * it are inside the window, and the next window starts there. That is exact because whether a
 * block starts on a line depends only on what came before and on that line and the next (a table's
 * delimiter row is the one construct that looks a line ahead), and once a top-level block starts,
 * nothing before it can change what follows.
 *
 * After an edit, the parser goes back to a block start whose line and the line after it lie
 * wholly before the edited line (so the block above an edit, which a setext underline or a lazy
 * continuation line can change, is read again), and tokenizes forward until a block starts,
 * after the edit, exactly where a block of the previous version started (moved by the edit's
 * length); from there on the previous blocks are reused. Lezer's Markdown parser and tree-sitter
 * reuse their old trees the same way.
 *
 * Link reference and footnote definitions reach across the whole document: each stretch is
 * tokenized knowing all the document's definitions, and when an edit adds or removes one, the
 * blocks that might refer to it are read again.
 */
import { languageOf, blocksFromEvents, shiftBlock, type Block } from './blocks.js';
import { tokenize, type Identifiers } from './micromark.js';
import { msg } from '../i18n/message.js';
import { flattenNesting } from '../limits.js';
import { labelsIn } from './labels.js';
import { indexIn, type Text } from '../pieces.js';
import type { LineIndex } from '../text.js';
import type { Language } from '../types.js';

/** The parser's state for one version of a document. */
export interface ParsedBlocks {
  text: Text;
  lines: LineIndex;
  /** Consecutive top-level blocks, covering the text from `origin` to its end. */
  blocks: Block[];
  language: Language;
  /** The language of a document whose front matter names none. */
  fallback: Language;
  /** Where the Markdown starts: 1 after a byte-order mark (which micromark skips), else 0. */
  origin: number;
  /** Whether the text opens a front matter that no `---` line closes (then it has none). */
  openFrontMatter: boolean;
  /** How many times each link reference definition and footnote definition is declared. */
  definitions: Map<string, number>;
  footnotes: Map<string, number>;
  /** Whether text added at the end would land inside the last block (an unclosed fence or HTML block). */
  endsOpen: boolean;
  /** How many characters micromark read to produce this version (all of them for a whole parse). */
  tokenized: number;
  /** How many leading blocks are the previous version's own (0 for a whole parse). */
  unchanged: number;
  /**
   * After an edit: the trailing blocks that are the previous version's, moved by `delta`, from
   * index `from` on (those that started at `oldStart` and after). Undefined after a whole parse or
   * when definitions made the parser read some of them again.
   */
  tail: { from: number; oldStart: number; delta: number } | undefined;
}

/** The size of a window when a whole document is read. */
const WINDOW = 4 * 1024;
/** Windows after an edit start small and double while the parse has not met the old blocks. */
const EDIT_WINDOW = 8 * 1024;
const MAX_WINDOW = 256 * 1024;

interface Context {
  text: Text;
  lines: LineIndex;
  language: Language;
  /** The language of a document whose front matter names none. */
  fallback: Language;
  origin: number;
  /** End of the front matter's closing fence line, or -1 when the text has no front matter. */
  frontMatterEnd: number;
  /** The definitions a stretch is read knowing (see TokenizeOptions). */
  definitions: Identifiers;
  footnotes: Identifiers;
  /** Told each time blocks are added to `blocks` from index `from` on. */
  committed?: (blocks: readonly Block[], from: number) => void;
  /** Characters tokenized so far. */
  tokenized: number;
}

export function parseWhole(text: Text, lines: LineIndex, fallback: Language): ParsedBlocks {
  const origin = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontMatterEnd = findFrontMatterEnd(text, origin);
  const definitions = new Map<string, number>();
  const footnotes = new Map<string, number>();
  /** The distinct definitions of each kind in the order the windows found them. */
  const definitionOrder: string[] = [];
  const footnoteOrder: string[] = [];
  /** For each block, how many distinct definitions of each kind were known when it was read. */
  const knownDefinitions: number[] = [];
  const knownFootnotes: number[] = [];
  const context: Context = {
    text,
    lines,
    language: fallback,
    fallback,
    origin,
    frontMatterEnd,
    definitions,
    footnotes,
    tokenized: 0,
    committed: (blocks, from) => {
      // Nothing the window found is known to it yet: its own definitions resolve within it.
      const d = definitionOrder.length;
      const f = footnoteOrder.length;
      for (let k = from; k < blocks.length; k++) {
        knownDefinitions.push(d);
        knownFootnotes.push(f);
        if (k === 0) context.language = languageOf(blocks[0]!.frontMatter, fallback);
        count(definitions, blocks[k]!.definitions, 1, definitionOrder);
        count(footnotes, blocks[k]!.footnotes, 1, footnoteOrder);
      }
    },
  };
  const blocks: Block[] = [];
  run(context, origin, origin, WINDOW, blocks, undefined, true);
  // A reference read before its definition was known is read again, now that all are known.
  if (definitionOrder.length + footnoteOrder.length > 0) {
    // Where each definition became known, in the order the windows found them.
    const definedAt = new Map(definitionOrder.map((id, i) => [id, i]));
    const footnoteAt = new Map(footnoteOrder.map((id, i) => [id, i]));
    readAgain(context, blocks, (k) => knownDefinitions[k]! < definitionOrder.length || knownFootnotes[k]! < footnoteOrder.length, (k, label) => {
      if ((definedAt.get(label) ?? -1) >= knownDefinitions[k]!) return true;
      return label.startsWith('^') && (footnoteAt.get(label.slice(1)) ?? -1) >= knownFootnotes[k]!;
    });
  }
  return finish(context, blocks, definitions, footnotes, 0, undefined, undefined);
}

/**
 * The blocks of `text`, which is `previous.text` with `[start, oldEnd)` replaced by
 * `[start, newEnd)` of `text`.
 */
export function parseEdit(previous: ParsedBlocks, text: Text, lines: LineIndex, start: number, oldEnd: number, newEnd: number): ParsedBlocks {
  const origin = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (origin !== previous.origin || start < origin) return parseWhole(text, lines, previous.fallback);
  // An edit anywhere can close a front matter that was left open: then everything changes.
  if (previous.openFrontMatter && findFrontMatterEnd(text, origin) >= 0) return parseWhole(text, lines, previous.fallback);
  const delta = newEnd - oldEnd;
  const old = previous.blocks;
  const oldLines = previous.lines;

  // Go back to a block start whose line and the next lie wholly before the edited line.
  const editedLine = oldLines.lineStart(oldLines.positionAt(Math.max(origin, start - 1)).line);
  let first = Math.max(0, blockAt(old, editedLine));
  while (first > 0 && (oldLines.lineStart(oldLines.positionAt(old[first]!.start).line + 2) > editedLine || !cutsBefore(old, first))) first--;
  const from = old[first]!.start;

  const context: Context = {
    text,
    lines,
    language: from === origin ? previous.fallback : previous.language,
    fallback: previous.fallback,
    origin,
    frontMatterEnd: findFrontMatterEnd(text, origin),
    definitions: previous.definitions,
    footnotes: previous.footnotes,
    tokenized: 0,
  };
  // The first window reaches past the edit and the two blocks after it: where the parse usually
  // meets the old blocks again.
  const after = firstBlockFrom(old, oldEnd);
  const reach = Math.max(newEnd, (old[after + 1]?.start ?? previous.text.length) + delta);
  const blocks = old.slice(0, first);
  // The old first block cannot be met again elsewhere: a front matter is read only at the start.
  const meets = (at: number): boolean => {
    if (at < newEnd) return false;
    const k = blockAt(old, at - delta);
    return k > 0 && old[k]!.start === at - delta && cutsBefore(old, k);
  };
  const end = run(context, from, reach, 0, blocks, meets, false);
  const added = blocks.length - first;
  let reused = old.length;
  const tailFrom = blocks.length;
  if (end < text.length) {
    reused = blockAt(old, end - delta);
    for (let k = reused; k < old.length; k++) blocks.push(delta === 0 ? old[k]! : shiftBlock(old[k]!, delta));
  }

  // A new language changes which tags every block holds.
  const language = languageOf(blocks[0]!.frontMatter, previous.fallback);
  if (language !== previous.language) return parseWhole(text, lines, previous.fallback);
  context.language = language;

  const definitions = new Map(previous.definitions);
  const footnotes = new Map(previous.footnotes);
  for (let k = first; k < reused; k++) {
    count(definitions, old[k]!.definitions, -1);
    count(footnotes, old[k]!.footnotes, -1);
  }
  for (let k = first; k < first + added; k++) {
    count(definitions, blocks[k]!.definitions, 1);
    count(footnotes, blocks[k]!.footnotes, 1);
  }
  const changedDefinitions = new Set(difference(previous.definitions, definitions));
  const changedFootnotes = new Set(difference(previous.footnotes, footnotes));
  let readFrom = blocks.length;
  if (changedDefinitions.size + changedFootnotes.size > 0) {
    context.definitions = definitions;
    context.footnotes = footnotes;
    readFrom = readAgain(
      context,
      blocks,
      () => true,
      (_, label) => changedDefinitions.has(label) || (label.startsWith('^') && changedFootnotes.has(label.slice(1))),
    );
  }
  const unchanged = Math.min(first, readFrom);
  // The last block is the previous version's own when the tail was reused and nothing was read again.
  const lastKept = reused < old.length && readFrom === blocks.length;
  const tail = lastKept ? { from: tailFrom, oldStart: old[reused]!.start, delta } : undefined;
  return finish(context, blocks, definitions, footnotes, unchanged, lastKept ? previous.endsOpen : undefined, tail);
}

/**
 * Tokenizes from `from`, where a top-level block starts, window after window, appending the blocks
 * to `out`, until a block start that `stop` accepts (returned) or the end of the text. The first
 * window reaches at least the line holding `reach`.
 */
function run(context: Context, from: number, reach: number, size: number, out: Block[], stop: ((at: number) => boolean) | undefined, whole: boolean): number {
  const { text, lines } = context;
  let firstWindow = true;
  let start = from;
  let windowSize = size;
  for (;;) {
    let target = Math.max(start + windowSize, firstWindow ? reach : start);
    // The first window also holds the front matter's closing fence and the line after it.
    if (start === context.origin && context.frontMatterEnd >= 0) target = Math.max(target, lines.lineStart(lines.positionAt(context.frontMatterEnd).line + 1));
    const to = windowEnd(lines, target);
    const blocks = tokenizeWindow(context, start, to);
    if (to >= text.length) {
      for (let k = 1; k < blocks.length; k++) {
        if (cutsBefore(blocks, k) && stop?.(blocks[k]!.start)) {
          push(context, out, blocks, k);
          return blocks[k]!.start;
        }
      }
      push(context, out, blocks, blocks.length);
      return text.length;
    }
    // Blocks are kept up to the last block start whose line and the next are in the window.
    let safe = 0;
    for (let k = 1; k < blocks.length; k++) {
      if (lines.lineStart(lines.positionAt(blocks[k]!.start).line + 2) > to) break;
      if (!cutsBefore(blocks, k)) continue;
      if (stop?.(blocks[k]!.start)) {
        push(context, out, blocks, k);
        return blocks[k]!.start;
      }
      safe = k;
    }
    if (safe === 0) {
      // One block fills the window: read a larger one.
      windowSize = Math.max(windowSize * 2, EDIT_WINDOW);
      continue;
    }
    push(context, out, blocks, safe);
    start = blocks[safe]!.start;
    firstWindow = false;
    // Reading a whole document: the same size again. After an edit: larger, as the edit changed
    // more than its surroundings.
    windowSize = whole ? size : Math.min(MAX_WINDOW, Math.max(windowSize * 2, EDIT_WINDOW));
  }
}

function push(context: Context, out: Block[], blocks: readonly Block[], count: number): void {
  const from = out.length;
  for (let k = 0; k < count; k++) out.push(blocks[k]!);
  context.committed?.(out, from);
}

/** The blocks of `[from, to)`; one block with a problem if micromark fails on it. */

function tokenizeWindow(context: Context, from: number, to: number): Block[] {

  const { text, lines } = context;
  const { text: source, flattened } = flattenNesting(text, from, to, lines);
  context.tokenized += to - from;
  const atOrigin = from === context.origin;
  try {
    const { events, lazy } = tokenize(source, from, {
      line: lines.positionAt(from).line + 1,
      frontMatter: atOrigin && context.frontMatterEnd >= 0,
      definitions: context.definitions,
      footnotes: context.footnotes,
    });
    return blocksFromEvents({ text, lines, language: atOrigin ? context.fallback : context.language, flattened, lazy }, events, from, to);
  } catch (error) {
    const [block] = blocksFromEvents({ text, lines, language: context.language, flattened: [], lazy: () => false }, [], from, to);
    block!.problems = [{ span: { start: from, end: from }, message: msg('document.unreadable', { error: String(error).split('\n')[0]! }) }];
    return [block!];
  }
}

/**
 * Reads again, knowing every definition, the blocks that might refer to one they did not know when
 * they were read: among those `mayHaveMissed(k)` accepts, each that holds a label `missed(k, label)`
 * accepts (see labels.ts: every label a reference of the block can use is among them). Returns the
 * index of the first block replaced (the number of blocks if none).
 */
function readAgain(context: Context, blocks: Block[], mayHaveMissed: (k: number) => boolean, missed: (k: number, label: string) => boolean): number {
  let first = blocks.length;
  const out: Block[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    if (mayHaveMissed(k) && someLabel(context.text.slice(block.start, block.end), (label) => missed(k, label))) {
      // Read from the block before when it is an indented code block, or when this block goes on
      // after it (see cutsBefore; `out` does not hold the block read from yet).
      let at = block;
      while (out.length > 0 && (at.joined || out[out.length - 1]!.last === 'codeIndented')) at = out.pop()!;
      const from = at.start;
      first = Math.min(first, out.length);
      for (const read of tokenizeWindow(context, from, block.end)) out.push(read);
    } else {
      out.push(block);
    }
  }
  if (first < blocks.length) {
    blocks.length = first;
    for (let k = first; k < out.length; k++) blocks.push(out[k]!);
  }
  return first;
}

/**
 * Whether the text may be read again from the start of `blocks[k]`, as though nothing came before:
 * not right after an indented code block, nor at a block micromark read with the block before it
 * still open (`joined`: a block right after link definitions or a paragraph, or one whose first
 * line micromark read as a lazy line of the list or quote before it, where that changes its
 * reading; see blocks.ts). micromark still holds the code
 * block or the paragraph open while it looks at the next line, and then reads a container starting
 * there as interrupting it or not, so an empty list item or a list numbered from 2 there is a
 * paragraph, as it is nowhere else; and it ends an indented code block begun on a lazy line with
 * that line.
 */
export function cutsBefore(blocks: readonly Pick<Block, 'last' | 'joined'>[], k: number): boolean {
  return k === 0 || (blocks[k - 1]!.last !== 'codeIndented' && blocks[k]?.joined !== true);
}

function someLabel(source: string, test: (label: string) => boolean): boolean {
  if (!source.includes(']')) return false;
  for (const label of labelsIn(source)) if (test(label)) return true;
  return false;
}

function finish(
  context: Context,
  blocks: Block[],
  definitions: Map<string, number>,
  footnotes: Map<string, number>,
  unchanged: number,
  endsOpen: boolean | undefined,
  tail: ParsedBlocks['tail'],
): ParsedBlocks {
  const { text, lines, origin } = context;
  const last = blocks[blocks.length - 1]!;
  return {
    text,
    lines,
    blocks,
    language: languageOf(blocks[0]!.frontMatter, context.fallback),
    fallback: context.fallback,
    origin,
    openFrontMatter: opensFrontMatter(text, origin) && blocks[0]!.frontMatter === undefined,
    definitions,
    footnotes,
    endsOpen: endsOpen ?? (last.unclosedFence || (last.last === 'htmlFlow' && swallowsWhatFollows(context, last))),
    tokenized: context.tokenized,
    unchanged,
    tail,
  };
}

/**
 * Whether a heading added after a blank line at the end of the text would land inside the last
 * block, an HTML block: asked of the parser itself (an HTML comment or a `<script>` left open runs
 * to the end of the text, other HTML blocks end at a blank line).
 */
function swallowsWhatFollows(context: Context, last: Block): boolean {
  const probe = `${context.text.slice(last.start)}\n\n# x\n`;
  try {
    const { events } = tokenize(probe, last.start, {
      line: context.lines.positionAt(last.start).line + 1,
      frontMatter: false,
      definitions: context.definitions,
      footnotes: context.footnotes,
    });
    let depth = 0;
    for (const [kind, token] of events) {
      if (kind === 'exit') depth--;
      else if (depth++ === 0 && token.type === 'atxHeading' && token.start.offset >= context.text.length) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Index of the block holding `offset` (the last that starts at or before it), or -1. */
export function blockAt(blocks: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first block that starts at or after `offset` (the number of blocks if none). */
function firstBlockFrom(blocks: readonly Block[], offset: number): number {
  const k = blockAt(blocks, offset);
  return k >= 0 && blocks[k]!.start === offset ? k : k + 1;
}

const BLANK_LINE = /\n[ \t]*\r?\n/g;

/**
 * Where a window that should reach `offset` ends: two lines after the next blank line, when one
 * comes soon, so that the window's last block, which the next window reads again, is short. (Any
 * line end would be exact; this only spares work.)
 */
function windowEnd(lines: LineIndex, offset: number): number {
  const ahead = lines.text.slice(offset, Math.min(lines.text.length, offset + 4096));
  BLANK_LINE.lastIndex = 0;
  const blank = BLANK_LINE.exec(ahead);
  if (!blank || blank.index > 2048) return lineAfter(lines, offset);
  return lineAfter(lines, lineAfter(lines, offset + blank.index + blank[0].length));
}

/** The start of the line after the one holding `offset` (the end of the text on the last line). */
function lineAfter(lines: LineIndex, offset: number): number {
  if (offset >= lines.text.length) return lines.text.length;
  return lines.lineStart(lines.positionAt(offset).line + 1);
}

function count(counts: Map<string, number>, ids: readonly string[], by: 1 | -1, added?: string[]): void {
  for (const id of ids) {
    const n = (counts.get(id) ?? 0) + by;
    if (n > 0) {
      if (n === 1 && by === 1) added?.push(id);
      counts.set(id, n);
    } else counts.delete(id);
  }
}

/** Identifiers defined in one map and not the other. */
function difference(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const id of a.keys()) if (!b.has(id)) out.push(id);
  for (const id of b.keys()) if (!a.has(id)) out.push(id);
  return out;
}

/** Whether the text (from `origin`) starts with a front-matter fence line: `---`, then spaces or tabs. */
function opensFrontMatter(text: Text, origin: number): boolean {
  if (text.slice(origin, origin + 3) !== '---') return false;
  let i = origin + 3;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
}

/**
 * The end of the line that closes the front matter (a `---` line, as micromark's front-matter
 * extension reads it), or -1 when the text opens none or never closes it. Needed because that
 * extension misreads the rest of a document whose front matter is never closed
 * (micromark-extension-frontmatter#5): such a text is read without the extension.
 */
export function findFrontMatterEnd(text: Text, origin: number): number {
  if (!opensFrontMatter(text, origin)) return -1;
  // The opening line is `---` and blanks: its line break comes after them.
  let firstLineEnd = origin + 3;
  while (text.charCodeAt(firstLineEnd) !== 10 && text.charCodeAt(firstLineEnd) !== 13) firstLineEnd++;
  for (let at = indexIn(text, '---', firstLineEnd); at >= 0; at = indexIn(text, '---', at + 3)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue;
    let end = at + 3;
    while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
    if (end === text.length || text.charCodeAt(end) === 10 || text.charCodeAt(end) === 13) return end;
  }
  return -1;
}
