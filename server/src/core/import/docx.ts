/**
 * A Word document (.docx) read by mammoth into HTML by paragraph style (headings, lists, tables,
 * footnotes, links, bookmarks), then into a Markdown tree. Pure: it is given the file's bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { msg, type Message } from '../i18n/message.js';
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

export async function readDocx(bytes: Uint8Array): Promise<HtmlReading & { warnings: Message[] }> {
  // mammoth hands the bytes to its zip reader, which takes any Uint8Array (a Buffer is one).
  const converted = await mammoth.convertToHtml(
    { buffer: unwrapSimpleFields(bytes) as Buffer },
    {
      styleMap: STYLE_MAP,
      // Pictures are not brought in (their alt text is): a data: address would bury the text.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    },
  );
  const reading = htmlToMarkdownTree(fromHtml(converted.value, { fragment: true }));
  // Two of mammoth's sentences can make one note (the two kinds of picture without a file): said once.
  const notes = new Map<string, Message>();
  for (const m of converted.messages) {
    const note = mammothNote(m);
    if (note) notes.set(JSON.stringify(note), note);
  }
  return { ...reading, warnings: [...notes.values()] };
}

/** A simple field's start tag (its attributes may hold a `>` in quotes) or end tag. */
const SIMPLE_FIELD = /<w:fldSimple(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/>|<\/?w:fldSimple(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*>/g;
const TEXT_PART = /^word\/[^/]+\.xml$/;
/** Bytes the parts of a package may unpack to, by their headers, for its fields to be unwrapped. */
const MAX_UNPACKED = 256 * 1024 * 1024;

/**
 * A simple field (`w:fldSimple`: a caption's number, a cross-reference, a page number) holds the
 * runs of the text Word shows for it, and mammoth leaves the whole element out: the field's tags
 * are taken away, so that its text is imported like any other. The package is rewritten only
 * when a part has such a field; a file that is not a zip is left to mammoth to refuse.
 */
function unwrapSimpleFields(bytes: Uint8Array): Uint8Array {
  let parts;
  try {
    // Rewriting the package unpacks every part, pictures included, which mammoth alone would not:
    // a package that says it unpacks to more than MAX_UNPACKED is read as it is.
    let unpacked = 0;
    const text = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return TEXT_PART.test(file.name);
      },
    });
    if (unpacked > MAX_UNPACKED || !Object.values(text).some((part) => strFromU8(part).includes('<w:fldSimple'))) return bytes;
    parts = unzipSync(bytes);
  } catch {
    return bytes;
  }
  for (const [name, part] of Object.entries(parts)) {
    if (!TEXT_PART.test(name)) continue;
    const xml = strFromU8(part);
    if (xml.includes('<w:fldSimple')) parts[name] = strToU8(xml.replace(SIMPLE_FIELD, ''));
  }
  // Stored, not compressed again: mammoth reads it at once, and pictures would only be compressed twice.
  return zipSync(parts, { level: 0 });
}

const MATH_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** What mammoth says: a type and an English sentence (mammoth's `Message`). */
export interface MammothMessage {
  type: 'warning' | 'error';
  message: string;
}

/**
 * One of mammoth's messages as a note of the import report, in the catalogue's words (so in the
 * user's language), or nothing when it is not worth an evaluator's time.
 *
 * mammoth (1.x) reports an `error` only when converting a picture fails, which ours never does (it
 * reads no picture), and a `warning` for each part of the document it could not read. Those that
 * mean something of the document's body is missing from the synthesis are said; those about looks
 * (styles it has no mapping for, picture formats a browser cannot show: pictures are not brought in
 * anyway, and the report counts them) are not. A message we do not know (another version of
 * mammoth) is said as mammoth wrote it, in English, inside a sentence of ours: never dropped.
 */
export function mammothNote(m: MammothMessage): Message | undefined {
  const text = m.message;
  let match: RegExpExecArray | null;
  if ((match = /^An unrecognised element was ignored: (\S+)$/.exec(text))) {
    const element = match[1]!;
    // mammoth names an element of a namespace it has no prefix for by the namespace's address, as Office Math's.
    if (element === `{${MATH_NAMESPACE}}oMath` || element === `{${MATH_NAMESPACE}}oMathPara`) return msg('import.docx.equation-left-out');
    return msg('import.docx.element-left-out', { element: element.replace(/^\{[^}]*\}/, '') });
  }
  if ((match = /^Unsupported break type: (.*)$/.exec(text))) return msg('import.docx.break-left-out', { kind: match[1]! });
  if ((match = /^A w:sym element with an unsupported character was ignored: char (\S*) in font (.*)$/.exec(text))) {
    return msg('import.docx.symbol-left-out', { char: match[1]!, font: match[2]! });
  }
  if (text === 'Could not find image file for a:blip element' || text === 'A v:imagedata element without a relationship ID was ignored') {
    return msg('import.docx.picture-left-out');
  }
  if (/^Ignoring complex field (?:end|separator) character without corresponding start character$/.test(text)) return msg('import.docx.field-damaged');
  if (/^unexpected non-(?:row|cell) element in table(?: row)?, cell merging may be incorrect$/.test(text)) return msg('import.docx.table-merging');
  // Looks only: styles without a mapping (every office's own styles), a style named but not defined,
  // a picture format (pictures are not imported), a line of our own style map.
  if (/^Unrecognised (?:paragraph|run|table) style: /.test(text)) return undefined;
  if (/^\w+ style with ID .* was referenced but not defined in the document$/.test(text)) return undefined;
  if (/^Image of type .* is unlikely to display in web browsers$/.test(text)) return undefined;
  if (/^Did not understand this style mapping, so ignored it: /.test(text)) return undefined;
  // On one line, so that it stays one line of the report (mammoth's error about a picture file has two).
  return msg('import.docx.reader-note', { note: oneLine(text) });
}

/**
 * The text on one line: each line break, with the blanks around it, becomes one space. Split, not
 * replaced with a regular expression of blanks on both sides, whose search is quadratic on a long
 * run of blanks.
 */
function oneLine(text: string): string {
  const lines = text.split('\n');
  const last = lines.length - 1;
  if (last === 0) return text;
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim();
    if (trimmed !== '' || i === 0 || i === last) kept.push(trimmed);
  });
  return kept.join(' ');
}
