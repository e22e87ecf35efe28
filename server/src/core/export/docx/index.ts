/**
 * `exportDocx`: a synthesis as a Word document (.docx). Without a reference document, a clean A4
 * layout with Word's standard style names; with one, the office's styles, page, headers and footers.
 */
import { AlignmentType, Document, Footer, LevelFormat, Packer, PageNumber, Paragraph, TextRun, type ILevelsOptions } from 'docx';
import type { ExportSource } from '../source.js';
import { buildDocument, NUMBERING_REFERENCES } from './build.js';
import { applyReference, readReference, type ReferenceDocument, type ReferenceProblem } from './reference.js';
import { documentStyles, STYLE_IDS } from './styles.js';

export type { ReferenceProblem } from './reference.js';

export interface DocxOptions {
  /** The office's reference document (.docx bytes). */
  referenceDoc?: Uint8Array;
  /** Leave out the table of contents. */
  toc?: boolean;
}

/** The document, or why the reference document cannot be used. */
export type DocxResult = { ok: true; bytes: Uint8Array; title: string } | { ok: false; problem: ReferenceProblem };

/** A4 in twentieths of a point, with 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

const BULLETS = ['•', '◦', '▪', '•', '◦', '▪', '•', '◦', '▪'];

function levels(ordered: boolean): ILevelsOptions[] {
  return BULLETS.map((bullet, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : bullet,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1) + 0, hanging: 360 } } },
  }));
}

/** A reference document that cannot be used gives its problem rather than an exception. */
export async function exportDocx(source: ExportSource, options: DocxOptions = {}): Promise<DocxResult> {
  let reference: ReferenceDocument | undefined;
  if (options.referenceDoc) {
    const read = readReference(options.referenceDoc);
    if (!read.ok) return read;
    reference = read.reference;
  }
  const style = (name: string): string => reference?.styleIds.get(name) ?? STYLE_IDS[name] ?? name;
  const built = buildDocument(source, { style, ...(options.toc === false ? { toc: false } : {}) });
  try {
    const bytes = await pack(built, reference);
    return { ok: true, bytes: reference ? applyReference(bytes, reference) : bytes, title: built.title };
  } catch (error) {
    // The reference's styles are read by docx and its parts by applyReference: XML they cannot
    // read makes it unusable. Without a reference, a failure is ours and goes to the caller's guard.
    if (reference) return { ok: false, problem: 'damaged' };
    throw error;
  }
}

async function pack(built: ReturnType<typeof buildDocument>, reference: ReferenceDocument | undefined): Promise<Uint8Array> {
  const pageFooter = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })] })] });
  const document = new Document({
    title: built.title,
    creator: 'Synthesis Markdown',
    description: 'Exported from Synthesis Markdown',
    features: { updateFields: true },
    ...(reference ? { externalStyles: reference.stylesXml } : {}),
    styles: documentStyles(reference ? new Set(reference.styleIds.keys()) : undefined),
    numbering: {
      config: [
        { reference: NUMBERING_REFERENCES.bullets, levels: levels(false) },
        { reference: NUMBERING_REFERENCES.numbers, levels: levels(true) },
      ],
    },
    footnotes: built.footnotes,
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 } } },
        ...(reference ? {} : { footers: { default: pageFooter } }),
        children: built.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
