// What remark says about a document, for comparison with the index: the headings, sections, code
// blocks, SDG tags, citations and suppression comments that remark's syntax tree holds, read the
// way the index is meant to read them (text nodes only, headings from their source text). This is
// the reference the index built from micromark's events must agree with.
import type { Code, Heading as MdHeading, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse, scanCitations, scanTags, type SynthesisDocument } from '../../server/src/core/index.js';
import { parseSourcesLines } from '../../server/src/core/sources.js';
import { buildSections } from '../../server/src/core/sections.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { Heading } from '../../server/src/core/parse.js';
import type { Language, Span } from '../../server/src/core/types.js';

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

/** The parts of an index the comparison covers, as plain data. */
export interface Comparable {
  headings: Array<[depth: number, span: Span, textSpan: Span, text: string, target: string | null]>;
  sections: Array<[span: Span, hasContent: boolean, hasOwnContent: boolean]>;
  sources: Array<[span: Span, entries: Array<[label: string, count: number | null, depth: number, countSpan: Span]>]>;
  tags: Span[];
  /** Fenced code blocks (remark's code nodes that open with a fence). */
  codeBlocks: Span[];
  citations: Array<[id: string, span: Span]>;
  suppressions: Array<[kind: string, rules: string[], line: number]>;
}

export function fromIndex(doc: SynthesisDocument): Comparable {
  return {
    headings: doc.headings.map((h) => [h.depth, h.span, h.textSpan, h.text, h.targetTag?.raw ?? null]),
    sections: doc.sections.map((s) => [s.span, s.hasContent, s.hasOwnContent]),
    sources: doc.sourcesBlocks.map((b) => [b.span, b.all.map((e) => [e.label, e.count ?? null, e.depth, e.countSpan])]),
    tags: doc.tags.map((t) => t.span),
    codeBlocks: doc.codeBlocks,
    citations: doc.citations.map((c) => [c.id, c.span]),
    suppressions: doc.suppressions.map((s) => [s.kind, s.rules, s.line]),
  };
}

/**
 * The same parts read from remark's tree (remark-parse with front matter and GFM, as the preview
 * uses it). Undefined for a text the index reads with its nesting guard: remark cannot read those.
 */
export function fromRemark(text: string): Comparable | undefined {
  const index = parse(text);
  if (index.problems.length > 0) return undefined;
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(base);
  const tree: Root = (body.startsWith('---') && !closesFrontMatter(body) ? withoutFrontMatter : withFrontMatter).parse(body);
  const lines = new LineIndex(text);
  const language = index.language;
  const out: Comparable = { headings: [], sections: [], sources: [], tags: [], codeBlocks: [], citations: [], suppressions: [] };
  const headings: Heading[] = [];
  const contentStarts: number[] = [];
  const tags: Span[] = [];
  const stack: Array<[Nodes, number]> = tree.children.map((n) => [n, 1] as [Nodes, number]).reverse();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const start = (node.position?.start.offset ?? 0) + base;
    const end = (node.position?.end.offset ?? 0) + base;
    switch (node.type) {
      case 'yaml':
      case 'inlineCode':
        break;
      case 'code':
        if (depth === 1) contentStarts.push(start);
        if (/^ {0,3}(`{3}|~{3})/.test(text.slice(start, end))) out.codeBlocks.push({ start, end: start + text.slice(start, end).replace(/[\r\n]+$/, '').length });
        if ((node.lang ?? '').toLowerCase() === 'sources') out.sources.push(sources(text, lines, node, base));
        break;
      case 'html': {
        if (depth === 1 && !/^<!--[\s\S]*-->\s*$/.test(node.value)) contentStarts.push(start);
        const m = /^<!--\s*synthlint-(disable-next-line|disable|enable)\b([^>]*?)-->/.exec(node.value.trim());
        if (m) out.suppressions.push([m[1]!, m[2]!.split(/[\s,]+/).filter(Boolean), lines.positionAt(start).line]);
        break;
      }
      case 'heading': {
        const h = heading(text, node, base, language);
        headings.push(h);
        for (const t of h.tags) tags.push(t.span);
        break;
      }
      case 'text': {
        const source = text.slice(start, end);
        for (const t of scanTags(source, start, language)) tags.push(t.span);
        for (const c of scanCitations(source, start)) out.citations.push([c.id, c.span]);
        break;
      }
      default:
        if (depth === 1) contentStarts.push(start);
        if ('children' in node) {
          const children = node.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
        }
    }
  }
  tags.sort((a, b) => a.start - b.start);
  out.tags = tags;
  out.codeBlocks.sort((a, b) => a.start - b.start);
  out.citations.sort((a, b) => a[1].start - b[1].start);
  out.headings = headings.map((h) => [h.depth, h.span, h.textSpan, h.text, h.targetTag?.raw ?? null]);
  contentStarts.sort((a, b) => a - b);
  out.sections = buildSections(text, headings, contentStarts).map((s) => [s.span, s.hasContent, s.hasOwnContent]);
  return out;
}

function heading(text: string, node: MdHeading, base: number, language: Language): Heading {
  const span = { start: node.position!.start.offset! + base, end: node.position!.end.offset! + base };
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const textSpan = first?.position && last?.position ? { start: first.position.start.offset! + base, end: last.position.end.offset! + base } : { start: span.end, end: span.end };
  const raw = text.slice(textSpan.start, textSpan.end);
  const code = node.children.filter((c) => c.type === 'inlineCode').map((c) => ({ start: c.position!.start.offset! + base, end: c.position!.end.offset! + base }));
  const tags = scanTags(raw, textSpan.start, language).filter((t) => !code.some((c) => c.start <= t.span.start && t.span.start < c.end));
  const lead = /^[*_]*/.exec(raw)![0].length;
  const firstTag = tags[0];
  const targetTag = firstTag && firstTag.span.start === textSpan.start + lead && firstTag.refs.length > 0 && firstTag.refs.every((r) => r.kind !== 'goal') ? firstTag : undefined;
  return { depth: node.depth, text: plainText(node), span, textSpan, tags, targetTag };
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function sources(text: string, lines: LineIndex, node: Code, base: number): Comparable['sources'][number] {
  const start = node.position!.start.offset! + base;
  // Ending with its last line's text, as the index's blocks do.
  const span = { start, end: start + text.slice(start, node.position!.end.offset! + base).replace(/[\r\n]+$/, '').length };
  const firstLine = lines.positionAt(span.start).line;
  const contentLines = node.value === '' ? [] : node.value.split(/\r?\n|\r/).map((t, i) => ({ text: t, offset: lines.lineEnd(firstLine + 1 + i) - t.length }));
  const block = parseSourcesLines(contentLines, span);
  return [block.span, block.all.map((e) => [e.label, e.count ?? null, e.depth, e.countSpan])];
}

/** Whether a text that starts with `---` has a later `---` line (remark-frontmatter reads an unclosed one wrongly). */
function closesFrontMatter(text: string): boolean {
  if (!/^---[ \t]*(?:\r\n|\r|\n)/.test(text)) return false;
  return /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/.test(text.slice(3));
}
