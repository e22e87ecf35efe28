/**
 * The Word styles an export uses, by the names Word and Pandoc give them (Title, Heading 1…,
 * Caption, Quote…) plus a few of our own (SDG Tag, Figure Number…). Without a reference document
 * these definitions are the clean A4 default; with one, its styles win and ours fill the gaps.
 */
import { type IParagraphStyleOptions, type ICharacterStyleOptions, type IStylesOptions } from 'docx';

/** The accent colour of the brief (UN blue), as in the preview. */
export const ACCENT = '00689D';
const TEXT = '1A1A1A';
const BODY_FONT = 'Arial';
const MONO_FONT = 'Courier New';

/** Style ids as Word writes them for its built-in styles, for the names we use. */
export const STYLE_IDS: Readonly<Record<string, string>> = {
  title: 'Title',
  subtitle: 'Subtitle',
  'heading 1': 'Heading1',
  'heading 2': 'Heading2',
  'heading 3': 'Heading3',
  'heading 4': 'Heading4',
  'heading 5': 'Heading5',
  'heading 6': 'Heading6',
  caption: 'Caption',
  quote: 'Quote',
  'toc heading': 'TOCHeading',
  'body text': 'BodyText',
  'footnote text': 'FootnoteText',
  'source code': 'SourceCode',
  'title block': 'TitleBlock',
  'figure number': 'FigureNumber',
  'figure label': 'FigureLabel',
  'table text': 'TableText',
  'sdg tag': 'SDGTag',
  'citation': 'Citation',
  consideration: 'Consideration',
  hyperlink: 'Hyperlink',
};

const heading = (id: string, name: string, size: number, colour: string, before: number, outline: number): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: BODY_FONT, size, bold: true, color: colour },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel: outline },
});

const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: BODY_FONT, size: 40, bold: true, color: ACCENT, allCaps: true }, paragraph: { spacing: { after: 160 }, border: { bottom: { style: 'single', size: 18, color: ACCENT, space: 6 } } } },
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: BODY_FONT, size: 24, color: '444444' }, paragraph: { spacing: { after: 120 } } },
  heading('Heading1', 'Heading 1', 26, ACCENT, 320, 0),
  heading('Heading2', 'Heading 2', 23, TEXT, 240, 1),
  heading('Heading3', 'Heading 3', 21, TEXT, 200, 2),
  heading('Heading4', 'Heading 4', 20, TEXT, 160, 3),
  heading('Heading5', 'Heading 5', 20, '444444', 160, 4),
  heading('Heading6', 'Heading 6', 20, '444444', 160, 5),
  { id: 'TitleBlock', name: 'Title Block', basedOn: 'Normal', next: 'Normal', run: { font: BODY_FONT, size: 20 }, paragraph: { spacing: { after: 40 } } },
  { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font: BODY_FONT, size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 120 } } },
  { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: BODY_FONT, size: 18, italics: true, color: '444444' }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
  { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '444444' }, paragraph: { indent: { left: 567, right: 567 } } },
  { id: 'SourceCode', name: 'Source Code', basedOn: 'Normal', run: { font: MONO_FONT, size: 18 }, paragraph: { spacing: { after: 0 } } },
  { id: 'FigureNumber', name: 'Figure Number', basedOn: 'Normal', next: 'FigureLabel', run: { font: BODY_FONT, size: 48, bold: true, color: ACCENT }, paragraph: { spacing: { before: 60, after: 0 }, keepNext: true } },
  { id: 'FigureLabel', name: 'Figure Label', basedOn: 'Normal', run: { font: BODY_FONT, size: 18, bold: true, allCaps: true }, paragraph: { spacing: { after: 60 } } },
  // A consideration stands out from the findings around it, as in the preview: a bar in the accent colour.
  { id: 'Consideration', name: 'Consideration', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent: { left: 227 }, border: { left: { style: 'single', size: 24, color: ACCENT, space: 8 } }, shading: { type: 'clear', fill: 'EAF2F7', color: 'auto' } } },
  { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 20, after: 20 } } },
];

const CHARACTER_STYLES: readonly ICharacterStyleOptions[] = [
  { id: 'SDGTag', name: 'SDG Tag', basedOn: 'DefaultParagraphFont', run: { bold: true } },
  { id: 'Citation', name: 'Citation', basedOn: 'DefaultParagraphFont', run: { color: ACCENT } },
];

/** The styles for the Document: all ours, or with a reference document only those it lacks (by name). */
export function documentStyles(referenceNames: ReadonlySet<string> | undefined): IStylesOptions {
  const missing = <T extends { name?: string }>(style: T): boolean => !referenceNames || !referenceNames.has((style.name ?? '').toLowerCase());
  const styles: IStylesOptions = {
    paragraphStyles: PARAGRAPH_STYLES.filter(missing),
    characterStyles: CHARACTER_STYLES.filter(missing),
  };
  if (referenceNames) return styles;
  return {
    ...styles,
    default: {
      document: { run: { font: BODY_FONT, size: 21, color: TEXT }, paragraph: { spacing: { after: 120, line: 276, lineRule: 'auto' } } },
      hyperlink: { run: { color: ACCENT, underline: { type: 'single' } } },
      footnoteText: { run: { size: 17 }, paragraph: { spacing: { after: 40 } } },
    },
  };
}
