/**
 * Code actions that are not carried by the findings themselves: "disable this rule here". The
 * suppression comment goes directly above the finding's line when that line starts a block, and
 * around the whole block (disable … enable) when the line is inside a paragraph, a list, a table or
 * a fenced block, where a comment line would split the block or not be read as a comment at all.
 */
import { msg } from '../i18n/message.js';
import type { SynthesisDocument } from '../parse.js';
import type { Finding, Fix } from '../types.js';
import { fencedBlocks } from './folding.js';

const PREFIX = /^(?:[ \t]*>)*[ \t]*/;
const HEADING = /^(?:[ \t]*>)*[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
/** A table's delimiter row, after any quote markers: cells of `-` with optional `:`, between `|`. */
function isTableDelimiter(line: string): boolean {
  if (!line.includes('|') || !line.includes('-')) return false;
  const row = line.replace(/^(?:[ \t]*>)*/, '').trim();
  const cells = row.replace(/^\|/, '').replace(/\|$/, '').split('|');
  return (cells.length > 1 || row.startsWith('|')) && cells.every((c) => /^:?-+:?$/.test(c.trim()));
}
const NEXT_LINE_DIRECTIVE = /^((?:[ \t]*>)*[ \t]*<!--\s*synthlint-disable-next-line\b[^>]*?)(\s*-->\s*)$/;

/** The fix that silences `finding`'s rule at its place, or undefined where no comment can go (front matter). */
export function disableRuleFix(document: SynthesisDocument, finding: Pick<Finding, 'rule' | 'span'>): Fix | undefined {
  const { lines } = document;
  const rule = finding.rule;
  if (document.frontMatter && finding.span.start < document.frontMatter.span.end) return undefined;
  const line = lines.positionAt(finding.span.start).line;
  const blank = (l: number): boolean => lines.lineText(l).replace(PREFIX, '').trim() === '';
  const prefixOf = (l: number): string => PREFIX.exec(lines.lineText(l))![0];

  const wrap = (first: number, last: number, what: 'block' | 'table' | 'paragraph'): Fix => {
    const prefix = prefixOf(first);
    return {
      title: msg(`disable.${what}`, { rule }),
      edits: [
        { span: { start: lines.lineStart(first), end: lines.lineStart(first) }, newText: `${prefix}<!-- synthlint-disable ${rule} -->\n` },
        { span: { start: lines.lineEnd(last), end: lines.lineEnd(last) }, newText: `\n${prefix}<!-- synthlint-enable ${rule} -->` },
      ],
    };
  };

  // Inside a fenced block (a sources block among them): around the block.
  const blocks = [
    ...document.sourcesBlocks.map((b) => ({ startLine: lines.positionAt(b.span.start).line, endLine: lines.positionAt(b.span.end).line })),
    ...fencedBlocks(document),
  ];
  const fence = blocks.find((b) => b.startLine <= line && line <= b.endLine);
  if (fence) return wrap(fence.startLine, fence.endLine, 'block');

  // The run of non-blank lines around the finding (a paragraph, a list, a table).
  let first = line;
  while (first > 0 && !blank(first - 1) && !HEADING.test(lines.lineText(first)) && !isComment(lines.lineText(first - 1))) first--;
  let last = line;
  while (last + 1 < lines.lineCount && !blank(last + 1) && !HEADING.test(lines.lineText(last + 1))) last++;
  const isTable = (() => {
    for (let l = first; l <= last; l++) if (isTableDelimiter(lines.lineText(l))) return true;
    return false;
  })();
  if (isTable) return wrap(first, last, 'table');

  if (first === line) {
    // An existing next-line directive above: add the rule to it.
    if (line > 0) {
      const above = NEXT_LINE_DIRECTIVE.exec(lines.lineText(line - 1));
      if (above) {
        const at = lines.lineStart(line - 1) + above[1]!.length;
        return { title: msg('disable.line', { rule }), edits: [{ span: { start: at, end: at }, newText: ` ${rule}` }] };
      }
    }
    const start = lines.lineStart(line);
    return { title: msg('disable.line', { rule }), edits: [{ span: { start, end: start }, newText: `${prefixOf(line)}<!-- synthlint-disable-next-line ${rule} -->\n` }] };
  }
  return wrap(first, last, 'paragraph');
}

function isComment(line: string): boolean {
  return /^(?:[ \t]*>)*[ \t]*<!--.*-->\s*$/.test(line);
}
