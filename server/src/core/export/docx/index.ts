/**
 * `exportDocx`: a synthesis as a Word document (.docx). Without a reference document, a clean A4
 * layout with Word's standard style names; with one, the office's styles, page, headers and footers.
 */
import { AlignmentType, Document, Footer, LevelFormat, Packer, PageNumber, Paragraph, TextRun, type ILevelsOptions } from 'docx';
import type { ExportSource } from '../source.js';
import { buildDocument, NUMBERING_REFERENCES } from './build.js';
import { applyReference, readReference, type ReferenceDocument } from './reference.js';
import { documentStyles, STYLE_IDS } from './styles.js';

export { ReferenceDocumentError } from './reference.js';

export interface DocxOptions {
  /** The office's reference document (.docx bytes). */
  referenceDoc?: Uint8Array;
  /** Leave out the table of contents. */
  toc?: boolean;
  coverageMinimum?: number;
}

export interface DocxResult {
  bytes: Uint8Array;
  title: string;
}

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

/** Throws ReferenceDocumentError (a plain message) when the reference document cannot be used. */
export async function exportDocx(source: ExportSource, options: DocxOptions = {}): Promise<DocxResult> {
  const reference: ReferenceDocument | undefined = options.referenceDoc ? readReference(options.referenceDoc) : undefined;
  const style = (name: string): string => reference?.styleIds.get(name) ?? STYLE_IDS[name] ?? name;
  const built = buildDocument(source, { style, ...(options.toc === false ? { toc: false } : {}), ...(options.coverageMinimum !== undefined ? { coverageMinimum: options.coverageMinimum } : {}) });
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
  const packed = await Packer.toArrayBuffer(document);
  const bytes = new Uint8Array(packed);
  return { bytes: reference ? applyReference(bytes, reference) : bytes, title: built.title };
}
