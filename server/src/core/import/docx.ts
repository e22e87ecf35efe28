/**
 * A Word document (.docx) read by mammoth into HTML by paragraph style (headings, lists, tables,
 * footnotes, links, bookmarks), then into a Markdown tree. Pure: it is given the file's bytes.
 */
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { htmlToMarkdownTree, type HtmlReading } from './html.js';

/** Paragraph styles of our own export and of common office templates, besides mammoth's defaults. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='TOC Heading'] => p:fresh",
  "p[style-name='Caption'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Source Code'] => pre:separator('\\n')",
];

export async function readDocx(bytes: Uint8Array): Promise<HtmlReading & { warnings: string[] }> {
  // mammoth hands the bytes to its zip reader, which takes any Uint8Array (a Buffer is one).
  const converted = await mammoth.convertToHtml(
    { buffer: bytes as Buffer },
    {
      styleMap: STYLE_MAP,
      // Pictures are not brought in (their alt text is): a data: address would bury the text.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    },
  );
  const reading = htmlToMarkdownTree(fromHtml(converted.value, { fragment: true }));
  const warnings = converted.messages.filter((m) => m.type === 'error').map((m) => m.message);
  return { ...reading, warnings };
}
