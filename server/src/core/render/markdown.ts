import type { Element, ElementContent, Root as Hast } from 'hast';
import type { Root as Mdast } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SANITIZE_SCHEMA } from './schema.js';

/**
 * The Markdown reading used for rendering: the same plugins, in the same order, as `parse`, so
 * that the preview shows exactly the document the checks saw.
 */
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/**
 * Markdown tree to HTML tree. Raw HTML in the document is dropped, not passed through:
 * `allowDangerousHtml` stays off (and rehype-raw is not used), so an `html` node never becomes
 * markup. Only what Markdown itself expresses reaches the page.
 */
const toHtmlTree = unified().use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: '' });

const sanitizer = unified().use(rehypeSanitize, SANITIZE_SCHEMA);
const serialiser = unified().use(rehypeStringify);

export function markdownTree(text: string): Mdast {
  return markdown.parse(text);
}

export function htmlTree(tree: Mdast): Hast {
  return toHtmlTree.runSync(tree);
}

/** Applies the sanitizer schema (see `schema.ts`) to a finished tree. */
export function sanitize(tree: Hast): Hast {
  const clean = sanitizer.runSync(tree);
  linkPrefixedIds(clean);
  return clean;
}

/**
 * The sanitizer puts a prefix before every id (so a document cannot clobber the page's own names)
 * but leaves links as they are: in-page links (footnotes and their back links) are pointed at the
 * prefixed ids that exist. remark-rehype adds no prefix of its own (`clobberPrefix: ''`), or the
 * ids would carry it twice.
 */
function linkPrefixedIds(tree: Hast): void {
  const prefix = SANITIZE_SCHEMA.clobberPrefix ?? '';
  const ids = new Set<string>();
  const links: Element[] = [];
  const walk = (node: Hast | ElementContent): void => {
    if (node.type === 'element') {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) links.push(node);
    }
    if ('children' in node) for (const child of node.children) walk(child as ElementContent);
  };
  walk(tree);
  for (const link of links) {
    const target = prefix + (link.properties.href as string).slice(1);
    if (ids.has(target)) link.properties.href = `#${target}`;
  }
}

export function serialise(tree: Hast): string {
  return serialiser.stringify(tree);
}
