import type { Root as Hast } from 'hast';
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
const toHtmlTree = unified().use(remarkRehype, { allowDangerousHtml: false });

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
  return sanitizer.runSync(tree);
}

export function serialise(tree: Hast): string {
  return serialiser.stringify(tree);
}
