/**
 * Import: a brief or report written elsewhere (Word, PDF, a web page, Markdown or plain text) as
 * Synthesis Markdown. The file is read into a Markdown tree, the genre is recognised (see
 * `recognise.ts`), and the result is written with a report of what was recognised and what was
 * left as ordinary Markdown. Pure: the caller reads the file and writes the result.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fromHtml } from 'hast-util-from-html';
import type { EvidenceRegister } from '../evidence.js';
import type { Message } from '../i18n/message.js';
import { DEFAULT_TEMPLATE } from '../lint.js';
import { builtinTemplates, type TemplateRegistry } from '../templates/template.js';
import type { Language } from '../types.js';
import { decodeText, type TextEncodingName } from './decode.js';
import { readDocx } from './docx.js';
import { htmlToMarkdownTree, type GeneratedPart } from './html.js';
import { readPdf } from './pdf.js';
import { recognise } from './recognise.js';
import { frontMatterYaml, writeMarkdown } from './write.js';

export { decodeText, type TextEncodingName } from './decode.js';
export { guessLanguage } from './recognise.js';

export const IMPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'txt'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format a file name says: `.docx`, `.pdf`, `.html`/`.htm`, `.md`/`.markdown`, `.txt`. */
export function importFormatOf(name: string): ImportFormat | undefined {
  const match = /\.([a-z]+)$/i.exec(name);
  const ext = match?.[1]?.toLowerCase();
  switch (ext) {
    case 'docx':
    case 'pdf':
    case 'html':
    case 'md':
    case 'txt':
      return ext;
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'markdown':
      return 'md';
    default:
      return undefined;
  }
}

export interface ImportOptions {
  /** The templates of the project the result is written into (the language service's). */
  templates?: TemplateRegistry;
  /** The template the result follows: the one asked for, else the project's default template. */
  template?: string;
  /** The document's language; guessed from its words when not given. */
  language?: Language;
  /** The evidence register: its evaluation codes in the text become citations. */
  register?: EvidenceRegister;
  /** How the result names its register in the front matter (a path relative to it). */
  evidencePath?: string;
}

export interface ImportReport {
  format: ImportFormat;
  /** The text encoding that was read (text formats only). */
  encoding?: TextEncodingName;
  language: Language;
  languageGuessed: boolean;
  template: string;
  frontMatter: string[];
  sections: Array<{ id: string; heading: string }>;
  targets: string[];
  sourcesBlocks: Array<{ section: string | undefined; lines: string[] }>;
  citations: number;
  /** Parts the exporter generated, left out. */
  generated: GeneratedPart[];
  /** Blocks kept as ordinary Markdown because nothing placed them. */
  left: Array<{ kind: string; text: string }>;
  /** Considerations marked with a bold label in target sections (first words of each). */
  considerations: string[];
  /** Pictures not brought in (their alt text is kept). */
  images: number;
  /** What the reader of the file could not bring in (a part of a .docx it cannot read, say), as messages to word in the user's language. */
  warnings: Message[];
}

export interface ImportResult {
  markdown: string;
  report: ImportReport;
}

const markdownReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Reads the file's bytes as the given format. Rejects only when the file is not of that format (a damaged .docx or .pdf). */
export async function importDocument(bytes: Uint8Array, format: ImportFormat, options: ImportOptions = {}): Promise<ImportResult> {
  const templates = options.templates ?? builtinTemplates();
  const templateId = options.template ?? DEFAULT_TEMPLATE;
  const template = templates.get(templateId);
  let tree: Root;
  let encoding: TextEncodingName | undefined;
  let generated: GeneratedPart[] = [];
  let images = 0;
  let existing: string | undefined;
  const warnings: Message[] = [];
  switch (format) {
    case 'docx': {
      const reading = await readDocx(bytes);
      ({ tree, generated, images } = reading);
      warnings.push(...reading.warnings);
      break;
    }
    case 'pdf':
      tree = (await readPdf(bytes)).tree;
      break;
    case 'html': {
      const decoded = decodeText(bytes);
      encoding = decoded.encoding;
      const reading = htmlToMarkdownTree(fromHtml(decoded.text));
      ({ tree, generated, images } = reading);
      break;
    }
    case 'md':
    case 'txt': {
      const decoded = decodeText(bytes);
      encoding = decoded.encoding;
      tree = markdownReader.parse(decoded.text);
      // A front matter already there is the author's: its fields are kept as they are.
      const yaml = tree.children.find((c) => c.type === 'yaml');
      if (yaml) existing = yaml.value;
      tree = { ...tree, children: tree.children.filter((c) => c.type !== 'yaml') };
      break;
    }
  }
  const recognised = recognise(tree, { template, ...(options.language ? { language: options.language } : {}), ...(options.register ? { register: options.register } : {}) });
  const yaml = frontMatterYaml({ values: recognised.frontMatter, template: templateId, language: recognised.language, ...(options.evidencePath ? { evidence: options.evidencePath } : {}), ...(existing !== undefined ? { existing } : {}) });
  const markdown = writeMarkdown(recognised.tree, yaml);
  return {
    markdown,
    report: {
      format,
      ...(encoding ? { encoding } : {}),
      language: recognised.language,
      languageGuessed: recognised.languageGuessed,
      template: templateId,
      frontMatter: recognised.frontMatter.map((f) => f.field),
      sections: recognised.sections,
      targets: recognised.targets,
      sourcesBlocks: recognised.sourcesBlocks,
      citations: recognised.citations,
      generated,
      left: recognised.left,
      considerations: recognised.considerations,
      images,
      warnings,
    },
  };
}
