/**
 * Writes the recognised document as Synthesis Markdown: YAML front matter, then the Markdown
 * (mdast-util-to-markdown with GitHub tables and footnotes), citations as `[@A; @B]`.
 */
import type { Root } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Handle } from 'mdast-util-to-markdown';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Language } from '../types.js';
import type { CitationNode, FrontMatterValue, VerbatimNode } from './recognise.js';

export interface FrontMatterOptions {
  values: readonly FrontMatterValue[];
  template: string;
  language: Language;
  /** The register's path, as the synthesis will name it. */
  evidence?: string;
  /** A front matter the input already had: kept as written, recognised fields only fill its gaps. */
  existing?: string;
}

const ORDER = ['title', 'template', 'country', 'scope', 'period', 'team', 'report', 'evidence', 'language'];

/** The front matter as YAML, notes kept as comments so no word of the title block is lost. */
export function frontMatterYaml(options: FrontMatterOptions): string {
  const entries = new Map<string, FrontMatterValue>();
  for (const value of options.values) entries.set(value.field, value);
  entries.set('template', { field: 'template', value: options.template });
  if (options.evidence) entries.set('evidence', { field: 'evidence', value: options.evidence });
  entries.set('language', { field: 'language', value: options.language });
  const document = options.existing !== undefined ? parseDocument(options.existing) : new Document({});
  if (!isMap(document.contents)) document.contents = document.createNode({});
  for (const key of ORDER) {
    const entry = entries.get(key);
    if (!entry || document.has(key)) continue;
    const node = document.createNode(entry.value);
    const note = entry.note ? ` ${entry.note.replace(/\s+/g, ' ')}` : undefined;
    if (note && isScalar(node)) (node as Scalar).comment = note;
    else if (note && isSeq(node)) node.commentBefore = note;
    document.set(key, node);
  }
  return document.toString({ lineWidth: 0 }).trimEnd();
}

const citation: Handle = (node) => `[${(node as unknown as CitationNode).ids.map((id) => `@${id}`).join('; ')}]`;
const verbatim: Handle = (node) => (node as unknown as VerbatimNode).value;

export function writeMarkdown(tree: Root, frontMatter: string): string {
  const root: Root = { type: 'root', children: [{ type: 'yaml', value: frontMatter }, ...tree.children] };
  return toMarkdown(root, {
    bullet: '-',
    emphasis: '_',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    extensions: [frontmatterToMarkdown(['yaml']), gfmToMarkdown()],
    handlers: { synthesisCitation: citation, synthesisVerbatim: verbatim },
  });
}
