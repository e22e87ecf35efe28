/**
 * Recognising the genre in a document read as Markdown: the title block becomes front matter, the
 * template's sections become headings, paragraphs led by an SDG target become target sections,
 * big-number figures and counted methodology sentences become sources blocks, and evaluation codes
 * become citations. Whatever is not recognised stays where it was, as ordinary Markdown, and is
 * listed in the report. No text is dropped: only the labels that became front-matter keys.
 */
import type { Code, Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Node as UnistNode } from 'unist';
import type { EvidenceRegister } from '../evidence.js';
import { scanTags, type SdgTag } from '../sdg/tags.js';
import { matchSection, type Template, type TemplateSection } from '../templates/template.js';
import { readLabel } from '../findings/labels.js';
import { recogniseConsideration } from '../findings/recognise.js';
import type { Language } from '../types.js';
import { Casing, isShouting } from './casing.js';
import { countedSentences, figure, sourcesBlockText, type CountLine } from './counts.js';
import { plain, sliceInline, trimInline } from './inline.js';
import { FIELD_LABELS, LANGUAGE_MARKERS, NAME_JOINERS, type FieldLabel } from './vocabulary.js';

/** A citation of evaluations, written out as `[@A; @B]`. */
export interface CitationNode extends UnistNode {
  type: 'synthesisCitation';
  ids: string[];
}

/** Text that is already Synthesis Markdown (`[@ID]` in a Markdown input), written out as it is. */
export interface VerbatimNode extends UnistNode {
  type: 'synthesisVerbatim';
  value: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    synthesisCitation: CitationNode;
    synthesisVerbatim: VerbatimNode;
  }
  interface RootContentMap {
    synthesisCitation: CitationNode;
    synthesisVerbatim: VerbatimNode;
  }
}

export interface FrontMatterValue {
  field: string;
  value: string | string[];
  /** What the document said, when the value keeps only part of it (a period out of a sentence). */
  note?: string;
}

export interface RecogniseOptions {
  template: Template | undefined;
  /** The document's language; guessed from its words when not given. */
  language?: Language;
  register?: EvidenceRegister;
}

export interface Recognised {
  tree: Root;
  frontMatter: FrontMatterValue[];
  language: Language;
  languageGuessed: boolean;
  sections: Array<{ id: string; heading: string }>;
  targets: string[];
  sourcesBlocks: Array<{ section: string | undefined; lines: string[] }>;
  citations: number;
  /** Blocks kept as they were because nothing placed them (first words of each). */
  left: Array<{ kind: string; text: string }>;
  /** Considerations marked with a bold label in target sections (first words of each). */
  considerations: string[];
}

const MAX_TITLE = 200;

export function recognise(input: Root, options: RecogniseOptions): Recognised {
  const blocks = input.children.slice();
  const casing = new Casing();
  for (const block of blocks) if (block.type === 'paragraph' || block.type === 'list' || block.type === 'blockquote') casing.learn(plain(block));
  const guessed = options.language === undefined;
  const language = options.language ?? guessLanguage(plain(input));
  const result: Recognised = { tree: { type: 'root', children: [] }, frontMatter: [], language, languageGuessed: guessed, sections: [], targets: [], sourcesBlocks: [], citations: 0, left: [], considerations: [] };
  const out = result.tree.children;
  const { template } = options;

  // 1. The title block: a title, then "Label: value" lines.
  let at = 0;
  const fields = new Map<string, FrontMatterValue>();
  const first = blocks[0];
  const title = first && isTitle(first, blocks[1], template) ? oneLine(plain(first)) : undefined;
  if (title !== undefined) at = 1;
  for (; at < blocks.length; at++) {
    const block = blocks[at]!;
    if (block.type !== 'paragraph') break;
    const found = fieldLines(block);
    // A field given twice is not a title block any more: the second stays in the text.
    if (!found || found.some((value, i) => fields.has(value.field) || found.findIndex((v) => v.field === value.field) !== i)) break;
    for (const value of found) fields.set(value.field, value);
  }
  // The country and the team are names: they keep their capitals in a title written in capitals.
  for (const name of ['country', 'scope', 'team']) {
    const value = fields.get(name)?.value;
    if (value !== undefined) casing.learnNames(Array.isArray(value) ? value.join(' ') : value);
  }
  result.frontMatter = [...(title !== undefined ? [{ field: 'title', value: casing.sentence(title) }] : []), ...fields.values()];

  // 2. Sections, target sections and figures, block by block.
  const findings = template?.sections.find((s) => s.targets);
  const targetLevel = Math.min(6, (findings?.level ?? 2) + 1);
  const headingDepths = blocks.slice(at).filter((b): b is Heading => b.type === 'heading').map((b) => b.depth);
  const shift = headingDepths.length > 0 ? 2 - Math.min(...headingDepths) : 0;
  let section: TemplateSection | undefined;
  let inTarget = false;
  let figures: { lines: CountLine[]; index: number } | undefined;
  const endFigures = (): void => {
    if (!figures) return;
    const block = sourcesCode(figures.lines);
    out.splice(figures.index, 0, block);
    result.sourcesBlocks.push({ section: section?.id, lines: block.value.split('\n') });
    figures = undefined;
  };
  const heading = (depth: number, text: string): Heading => ({ type: 'heading', depth: Math.max(1, Math.min(6, depth)) as Heading['depth'], children: [{ type: 'text', value: text }] });
  const startSection = (matched: TemplateSection, text: string): void => {
    section = matched;
    inTarget = false;
    out.push(heading(matched.level, casing.sentence(oneLine(text))));
    result.sections.push({ id: matched.id, heading: matched.heading });
  };
  const startTarget = (tag: SdgTag, title: string): void => {
    inTarget = true;
    const words = casing.sentence(oneLine(title));
    out.push(heading(targetLevel, words ? `${tag.raw} ${words}` : tag.raw));
    result.targets.push(tag.refs.map((r) => r.id).join('/'));
  };

  for (; at < blocks.length; at++) {
    const block = blocks[at]!;
    const text = plain(block);
    if (block.type === 'paragraph') {
      const line = figure(text);
      if (line) {
        figures ??= { lines: [], index: out.length };
        if (!figures.lines.some((l) => l.label === line.label)) figures.lines.push(line);
        else out.push(block);
        continue;
      }
    }
    endFigures();
    if (block.type === 'heading' || (block.type === 'paragraph' && looksLikeHeading(text))) {
      const matched = template ? matchSection(template, oneLine(text)) : undefined;
      if (matched) {
        startSection(matched, text);
        continue;
      }
      const tag = leadingTarget(text, language);
      if (tag) {
        startTarget(tag, text.slice(tag.span.end).replace(/^[\s:.\-–—]+/, ''));
        continue;
      }
      if (block.type === 'heading') {
        out.push({ ...block, depth: Math.max(2, Math.min(6, block.depth + shift)) as Heading['depth'] });
        result.left.push({ kind: 'heading', text: excerpt(text) });
        continue;
      }
    }
    if (block.type === 'paragraph') {
      const split = targetParagraph(block, language);
      if (split) {
        startTarget(split.tag, split.title);
        if (split.rest.children.length > 0) out.push(...markConsideration(split.rest, language, result));
        continue;
      }
    }
    if (block.type === 'code' && block.lang?.trim().toLowerCase() === 'sources') {
      result.sourcesBlocks.push({ section: section?.id, lines: block.value.split('\n') });
    }
    if (inTarget && block.type === 'paragraph') out.push(...markConsideration(block, language, result));
    else out.push(block);
    if (!section && !inTarget) result.left.push({ kind: kindOf(block), text: excerpt(text) });
  }
  endFigures();

  // 3. Counted sentences, in the sections that count their sources but have no block yet.
  addCountedSources(result, template);

  // 4. Citations: `[@ID]` already written, and evaluation codes of the register.
  result.citations = markCitations(result.tree, options.register);
  return result;
}

/**
 * A paragraph of a target section with its consideration marked: a plain label made bold, or the
 * sentences that open as a consideration moved to a paragraph of their own under the language's
 * label. Nothing is dropped; a label already in bold is left as it is.
 */
function markConsideration(block: Paragraph, language: Language, result: Recognised): Paragraph[] {
  const first = block.children[0];
  if (first?.type === 'strong' && readLabel(plain(first), plain(block.children.slice(1)).slice(0, 8))) return [block];
  const text = plain(block);
  const found = recogniseConsideration(text, language);
  if (!found) return [block];
  const label: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: found.label }] };
  const rest = trimInline(sliceInline(block.children, found.labelEnd ?? found.start), /^\s+/);
  result.considerations.push(excerpt(plain(rest)));
  const consideration: Paragraph = { type: 'paragraph', children: [label, { type: 'text', value: ' ' }, ...rest] };
  if (found.start === 0) return [consideration];
  return [{ type: 'paragraph', children: trimInline(sliceInline(block.children, 0, found.start), /$^/) }, consideration];
}

function kindOf(block: RootContent): string {
  return block.type === 'code' ? 'code block' : block.type === 'thematicBreak' ? 'rule' : block.type;
}

function excerpt(text: string): string {
  const line = oneLine(text);
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short line with no full stop at its end, written in capitals: a heading in a text without markup. */
function looksLikeHeading(text: string): boolean {
  const line = oneLine(text);
  return line.length > 0 && line.length <= 120 && !/\n/.test(text.trim()) && !/[.;,]$/.test(line);
}

function isTitle(block: RootContent, next: RootContent | undefined, template: Template | undefined): boolean {
  const text = oneLine(plain(block));
  if (!text || text.length > MAX_TITLE) return false;
  if (template && matchSection(template, text)) return false;
  if (block.type === 'heading') return true;
  if (block.type !== 'paragraph' || fieldLines(block) || figure(plain(block))) return false;
  if (/[.;,]$/.test(text)) return false;
  const nextIsField = next?.type === 'paragraph' && fieldLines(next) !== undefined;
  return nextIsField || isShouting(text) || isWhollyStrong(block);
}

function isWhollyStrong(block: Paragraph): boolean {
  return block.children.length === 1 && block.children[0]!.type === 'strong';
}

/** "Label: value", with a label of 2 to 40 characters and a value. */
function labelled(line: string): { label: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const label = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  return label.length >= 2 && label.length <= 40 && value ? { label, value } : undefined;
}

function fieldLabel(label: string): FieldLabel | undefined {
  const key = label.replace(/\*+/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return FIELD_LABELS.find((f) => f.labels.includes(key));
}

/** The fields of a paragraph whose every line is "Label: value" with a known label. */
function fieldLines(block: Paragraph): FrontMatterValue[] | undefined {
  const text = plain(block);
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length === 0) return undefined;
  const values: FrontMatterValue[] = [];
  for (const line of lines) {
    const match = labelled(line);
    const label = match ? fieldLabel(match.label) : undefined;
    if (!match || !label) {
      // A long value wrapped onto a second line (the team, often) belongs to the line before.
      const last = values[values.length - 1];
      if (last && !match) {
        last.value = `${String(last.value)} ${line.trim()}`;
        continue;
      }
      return undefined;
    }
    values.push({ field: label.field, value: match.value });
  }
  const links: Array<{ url: string; text: string }> = [];
  const visit = (nodes: readonly PhrasingContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'link') links.push({ url: n.url, text: plain(n) });
      else if ('children' in n) visit(n.children as PhrasingContent[]);
    }
  };
  visit(block.children);
  return values.map((v) => fieldValue(v, links));
}

function fieldValue(raw: FrontMatterValue, links: ReadonlyArray<{ url: string; text: string }>): FrontMatterValue {
  const text = String(raw.value).replace(/\s+/g, ' ').trim();
  switch (raw.field) {
    case 'team': {
      const names = text.split(NAME_JOINERS).map((n) => n.trim()).filter(Boolean);
      // "A, B and C": the list drops the joining word, so the line as written is kept beside it.
      return /(?:^|\s)(?:and|y|et|&)(?:\s|$)/i.test(text) ? { field: 'team', value: names, note: text } : { field: 'team', value: names };
    }
    case 'period': {
      const period = /\b((?:19|20)\d{2})(?:\s*[-–—/]\s*((?:19|20)\d{2}))?\b/.exec(text);
      if (!period) return { field: 'period', value: text };
      const value = period[2] ? `${period[1]}-${period[2]}` : period[1]!;
      return value === text ? { field: 'period', value } : { field: 'period', value, note: text };
    }
    case 'report': {
      const link = links.find((l) => text.includes(l.text)) ?? links[0];
      const url = link?.url ?? /https?:\/\/\S+/.exec(text)?.[0];
      if (!url) return { field: 'report', value: text };
      const rest = link ? text.replace(link.text, '').trim() : text.replace(url, '').trim();
      const note = [link?.text, rest].filter((s) => s && s !== url).join(' ').trim();
      return note ? { field: 'report', value: url, note } : { field: 'report', value: url };
    }
    default:
      return { field: raw.field, value: text };
  }
}

/** The target tag a text starts with, when every reference in it is a target (not a goal or indicator). */
function leadingTarget(text: string, language: Language): SdgTag | undefined {
  const start = text.length - text.trimStart().length;
  const tag = scanTags(text, 0, language)[0];
  if (!tag || tag.span.start !== start) return undefined;
  return tag.refs.length > 0 && tag.refs.every((r) => r.kind === 'target') ? tag : undefined;
}

/**
 * "SDG 16.1 REDUCING VIOLENCE: Work in this area…": a paragraph led by a target and a short title
 * (in capitals or in bold, ended by a colon or the end of its first line). Gives the heading's
 * tag and title and the paragraph that follows it.
 */
function targetParagraph(block: Paragraph, language: Language): { tag: SdgTag; title: string; rest: Paragraph } | undefined {
  const text = plain(block);
  const tag = leadingTarget(text, language);
  if (!tag) return undefined;
  const after = text.slice(tag.span.end);
  const colon = after.search(/[:\n]/);
  const boldEnd = strongPrefixLength(block);
  let end: number;
  if (colon >= 0 && colon <= 150) end = tag.span.end + colon;
  else if (boldEnd > tag.span.end) end = boldEnd;
  else return undefined;
  const title = text.slice(tag.span.end, end).trim();
  if (title.length > 0 && !isShouting(title) && boldEnd < end && /[.!?]/.test(title)) return undefined;
  const rest = trimInline(sliceInline(block.children, end));
  return { tag, title, rest: { type: 'paragraph', children: rest } };
}

function strongPrefixLength(block: Paragraph): number {
  const first = block.children[0];
  return first?.type === 'strong' ? plain(first).length : 0;
}

function sourcesCode(lines: readonly CountLine[]): Code {
  return { type: 'code', lang: 'sources', meta: null, value: sourcesBlockText(lines) };
}

/**
 * For each section that the template says counts its sources and that has no sources block, the
 * counts its sentences state, as a block after the paragraph that states them.
 */
function addCountedSources(result: Recognised, template: Template | undefined): void {
  if (!template) return;
  const children = result.tree.children;
  const countingLevels = new Map<number, TemplateSection>();
  let current: { section: TemplateSection; hasBlock: boolean; level: number } | undefined;
  const pending: Array<{ index: number; lines: CountLine[]; section: string }> = [];
  let candidate: { index: number; lines: CountLine[] } | undefined;
  const close = (): void => {
    if (current && !current.hasBlock && candidate) pending.push({ ...candidate, section: current.section.id });
    candidate = undefined;
  };
  for (const section of template.sections) if (section.sources) countingLevels.set(section.level, section);
  children.forEach((node, index) => {
    if (node.type === 'heading') {
      const matched = matchSection(template, plain(node));
      if (matched || (current && node.depth <= current.level)) {
        close();
        current = matched?.sources ? { section: matched, hasBlock: false, level: node.depth } : undefined;
      }
      return;
    }
    if (!current) return;
    if (node.type === 'code' && node.lang?.trim().toLowerCase() === 'sources') current.hasBlock = true;
    if (node.type !== 'paragraph') return;
    const lines = countedSentences(plain(node));
    if (lines.length > 0 && (!candidate || lines.length > candidate.lines.length)) candidate = { index, lines };
  });
  close();
  for (const item of pending.reverse()) {
    const block = sourcesCode(item.lines);
    children.splice(item.index + 1, 0, block);
    result.sourcesBlocks.push({ section: item.section, lines: block.value.split('\n') });
  }
}

/** A bracket on one line; it is a written citation when it holds `@` and an id. */
const BRACKET = /\[[^[\]\n]*\]/g;

/** Turns written citations and evaluation codes into citation nodes; returns how many evaluations are cited. */
function markCitations(tree: Root, register: EvidenceRegister | undefined): number {
  const ids = register ? [...register.byId.keys()].sort((a, b) => b.length - a.length) : [];
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const code = escaped.length > 0 ? `(?:${escaped.join('|')})` : undefined;
  // A bracket holding only codes ("(MEX-01; GLO-02)", "[MEX-01]"), or one code on its own.
  const group = code ? new RegExp(String.raw`[([]\s*${code}(?:\s*[;,]\s*${code})*\s*[)\]]|(?<![\p{L}\p{N}@_-])${code}(?![\p{L}\p{N}_]|-[\p{L}\p{N}])`, 'gu') : undefined;
  const byLower = new Map(ids.map((id) => [id.toLowerCase(), id]));
  let count = 0;
  const rewrite = (node: Text): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    let at = 0;
    const matches: Array<{ start: number; end: number; node: PhrasingContent }> = [];
    for (const m of node.value.matchAll(BRACKET)) {
      if (!/@[A-Za-z0-9]/.test(m[0])) continue;
      matches.push({ start: m.index, end: m.index + m[0].length, node: { type: 'synthesisVerbatim', value: m[0] } });
      count += (m[0].match(/@/g) ?? []).length;
    }
    if (group) {
      for (const m of node.value.matchAll(group)) {
        if (matches.some((x) => m.index < x.end && m.index + m[0].length > x.start)) continue;
        const found = m[0].match(new RegExp(code!, 'gu')) ?? [];
        const cited = found.map((f) => byLower.get(f.toLowerCase()) ?? f);
        count += cited.length;
        matches.push({ start: m.index, end: m.index + m[0].length, node: { type: 'synthesisCitation', ids: cited } });
      }
    }
    if (matches.length === 0) return [node];
    matches.sort((a, b) => a.start - b.start);
    for (const m of matches) {
      if (m.start > at) out.push({ type: 'text', value: node.value.slice(at, m.start) });
      out.push(m.node);
      at = m.end;
    }
    if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
    return out;
  };
  const visit = (parent: { children: unknown[] }): void => {
    const next: unknown[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'text') next.push(...rewrite(child));
      else {
        if ('children' in child && child.type !== 'link' && child.type !== 'linkReference') visit(child as { children: unknown[] });
        next.push(child);
      }
    }
    parent.children = next;
  };
  visit(tree);
  return count;
}

/** The language whose common words the text uses most (English when nothing tells). */
export function guessLanguage(text: string): Language {
  const counts: Record<Language, number> = { en: 0, es: 0, fr: 0 };
  const sets = Object.entries(LANGUAGE_MARKERS).map(([language, words]) => [language as Language, new Set(words)] as const);
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const [language, words] of sets) if (words.has(word)) counts[language]++;
  }
  let best: Language = 'en';
  for (const language of ['es', 'fr'] as const) if (counts[language] > counts[best] * 1.2) best = language;
  return best;
}
