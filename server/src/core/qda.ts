/**
 * REFI-QDA codebooks (`.qdc`, the "Codebook Exchange" format that NVivo, ATLAS.ti, MAXQDA, Dedoose
 * and others read and write): the SDG targets of a template's goals — and, if asked, the template's
 * thematic sections — as a tree of codes, and reading such a codebook back.
 *
 * The GUIDs are derived from each code's path ("sdg/16/16.1"), so exporting twice gives the same
 * file and a tool that re-imports it recognises the codes it already has.
 *
 * The reader is deliberately small: it understands exactly the elements of this format, expands
 * only the five predefined XML entities and character references, and refuses a DOCTYPE, so a file
 * cannot make it fetch or expand anything.
 */
import { getCatalogue } from './sdg/catalogue.js';
import type { Template } from './templates/template.js';
import type { Language } from './types.js';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface QdcCode {
  guid: string;
  name: string;
  isCodable: boolean;
  /** "#RRGGBB". */
  color?: string;
  description?: string;
  children: QdcCode[];
}

export interface CodebookOptions {
  /** Also export the template's thematic sections (neither the findings nor the sources sections). */
  sections?: boolean;
  /** Language of the SDG texts. */
  language?: Language;
}

/** The codes for a template: one per goal in scope, with one child per target. */
export function codebookFromTemplate(template: Template, options: CodebookOptions = {}): QdcCode[] {
  const language = options.language ?? 'en';
  const catalogue = getCatalogue(language);
  // The language's own prefix, as its documents write tags: ODS 16.1, ODD 16.1.
  const prefix = language === 'es' ? 'ODS' : language === 'fr' ? 'ODD' : 'SDG';
  const codes: QdcCode[] = [];
  for (const number of template.goals) {
    const goal = catalogue.goal(number);
    if (!goal) continue;
    codes.push({
      guid: guidFor(`sdg/${goal.id}`),
      name: `${prefix} ${goal.id} ${goal.short}`,
      isCodable: true,
      color: goal.colour.toUpperCase(),
      description: goal.title,
      children: catalogue.targetsOf(goal.number).map((t) => ({
        guid: guidFor(`sdg/${goal.id}/${t.id}`),
        name: `${prefix} ${t.id}`,
        isCodable: true,
        color: goal.colour.toUpperCase(),
        description: t.title,
        children: [],
      })),
    });
  }
  if (options.sections) {
    const themes = template.sections.filter((s) => !s.targets && !s.sources);
    if (themes.length > 0) {
      codes.push({
        guid: guidFor(`template/${template.id}`),
        name: `Themes: ${template.title}`,
        isCodable: false,
        description: `Sections of the template '${template.id}' that are not organised by SDG target.`,
        children: themes.map((s) => {
          const code: QdcCode = { guid: guidFor(`template/${template.id}/${s.id}`), name: s.heading, isCodable: true, children: [] };
          if (s.description) code.description = s.description;
          return code;
        }),
      });
    }
  }
  return codes;
}

// -------------------------------------------------------------------------------------------------
// Deterministic GUIDs

/**
 * A UUID-shaped id (version 8, "custom") from a text: four 32-bit FNV-1a lanes, each started from
 * a different basis and stirred with a final mix, so that similar paths give unrelated ids.
 */
export function guidFor(path: string): string {
  const bases = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  const lanes = bases.map((basis, lane) => {
    let h = basis >>> 0;
    const text = `synthesis-markdown:${lane}:${path}`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // Final stir: spread every input bit over the whole word.
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d) >>> 0;
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b) >>> 0;
    h ^= h >>> 16;
    return h >>> 0;
  });
  const hex = lanes.map((h) => h.toString(16).padStart(8, '0')).join('');
  const version = `8${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`.toUpperCase();
}

// -------------------------------------------------------------------------------------------------
// Writing

/** The codebook as a `.qdc` XML document. */
export function toQdc(codes: readonly QdcCode[], options: { origin?: string } = {}): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const origin = options.origin ? ` origin="${escapeXml(options.origin)}"` : '';
  out.push(`<CodeBook xmlns="${QDC_NAMESPACE}"${origin}>`);
  out.push('  <Codes>');
  const write = (code: QdcCode, depth: number): void => {
    const pad = '  '.repeat(depth);
    const color = code.color ? ` color="${escapeXml(code.color)}"` : '';
    const open = `${pad}<Code guid="${escapeXml(code.guid)}" name="${escapeXml(code.name)}" isCodable="${code.isCodable}"${color}`;
    if (code.description === undefined && code.children.length === 0) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    if (code.description !== undefined) out.push(`${pad}  <Description>${escapeXml(code.description)}</Description>`);
    for (const child of code.children) write(child, depth + 1);
    out.push(`${pad}</Code>`);
  };
  for (const code of codes) write(code, 2);
  out.push('  </Codes>');
  out.push('</CodeBook>');
  return `${out.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

// -------------------------------------------------------------------------------------------------
// Reading

export interface QdcProblem {
  /** 1-based line. */
  line: number;
  message: string;
}

export interface QdcReadResult {
  codes: QdcCode[];
  problems: QdcProblem[];
}

interface XmlElement {
  /** Local name, without a namespace prefix. */
  name: string;
  attributes: Map<string, string>;
  children: Array<XmlElement | string>;
  line: number;
}

/** Deeper nesting than this is not read (no codebook nests codes this deep). */
const MAX_DEPTH = 200;

/**
 * Reads the codes of a `.qdc` codebook (or of the `CodeBook` inside a REFI-QDA project file).
 * Never throws: what cannot be read is reported with its line.
 */
export function parseQdc(xml: string): QdcReadResult {
  const problems: QdcProblem[] = [];
  // XML reads every line ending as \n.
  const root = readXml(xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), problems);
  if (!root) {
    if (problems.length === 0) problems.push({ line: 1, message: 'Expected a REFI-QDA codebook (<CodeBook>), found no XML element' });
    return { codes: [], problems };
  }
  const book = root.name === 'CodeBook' ? root : findChild(root, 'CodeBook');
  if (!book) {
    problems.push({ line: root.line, message: `Expected a REFI-QDA codebook (<CodeBook>), found <${root.name}>` });
    return { codes: [], problems };
  }
  const ns = book.attributes.get('xmlns') ?? root.attributes.get('xmlns');
  if (ns !== undefined && !/^urn:QDA-XML:(?:codebook|project):1\.\d+$/.test(ns)) {
    problems.push({ line: book.line, message: `Expected the namespace ${QDC_NAMESPACE}, found ${ns}` });
  }
  const list = findChild(book, 'Codes');
  if (!list) {
    problems.push({ line: book.line, message: 'Expected a <Codes> element in the codebook' });
    return { codes: [], problems };
  }
  const seen = new Set<string>();
  const readCode = (element: XmlElement): QdcCode | undefined => {
    const guid = element.attributes.get('guid')?.trim();
    const name = element.attributes.get('name');
    if (!guid) problems.push({ line: element.line, message: 'Expected a guid on this <Code>' });
    if (name === undefined) problems.push({ line: element.line, message: 'Expected a name on this <Code>' });
    if (!guid || name === undefined) return undefined;
    if (seen.has(guid.toUpperCase())) problems.push({ line: element.line, message: `The guid ${guid} is used by another code too` });
    seen.add(guid.toUpperCase());
    const codable = element.attributes.get('isCodable');
    if (codable !== undefined && codable !== 'true' && codable !== 'false' && codable !== '1' && codable !== '0') {
      problems.push({ line: element.line, message: `Expected isCodable to be true or false, found '${codable}'` });
    }
    const code: QdcCode = { guid, name, isCodable: codable === undefined || codable === 'true' || codable === '1', children: [] };
    const color = element.attributes.get('color');
    if (color !== undefined) code.color = color;
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'Description') code.description = child.children.filter((c): c is string => typeof c === 'string').join('');
      else if (child.name === 'Code') {
        const sub = readCode(child);
        if (sub) code.children.push(sub);
      }
    }
    return code;
  };
  const codes: QdcCode[] = [];
  for (const child of list.children) {
    if (typeof child !== 'string' && child.name === 'Code') {
      const code = readCode(child);
      if (code) codes.push(code);
    }
  }
  return { codes, problems };
}

function findChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

// Sticky patterns, matched at a position of the whole text (no copies of the rest of it).
const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_:][\w.:-]*)\s*>/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The root element of an XML text, for this format only: no DTD, no external anything. */
function readXml(text: string, problems: QdcProblem[]): XmlElement | undefined {
  let pos = 0;
  let line = 1;
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]+);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) {
        problems.push({ line: at, message: "A lone '&' must be written &amp;" });
        return whole;
      }
      if (ref.startsWith('#')) {
        const n = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)) return String.fromCodePoint(n);
        problems.push({ line: at, message: `The character reference ${whole} is not a valid character` });
        return '';
      }
      const value = Object.hasOwn(ENTITIES, ref) ? ENTITIES[ref] : undefined;
      if (value === undefined) problems.push({ line: at, message: `Unknown entity ${whole}: only &amp; &lt; &gt; &quot; &apos; are read` });
      return value ?? '';
    });

  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      if (text.slice(pos).trim() !== '' && stack.length === 0) problems.push({ line, message: 'Unexpected text after the end of the codebook' });
      else if (stack.length > 0) stack[stack.length - 1]!.children.push(decode(text.slice(pos), line));
      advance(text.length);
      break;
    }
    if (lt > pos) {
      const raw = text.slice(pos, lt);
      if (stack.length > 0) stack[stack.length - 1]!.children.push(decode(raw, line));
      else if (raw.trim() !== '') problems.push({ line, message: 'Unexpected text outside the codebook element' });
      advance(lt);
    }
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      advance(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      advance(end < 0 ? text.length : end + 2);
      continue;
    }
    if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      const body = text.slice(pos + 9, end < 0 ? text.length : end);
      if (stack.length > 0) stack[stack.length - 1]!.children.push(body);
      advance(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<!', pos)) {
      problems.push({ line, message: 'A DOCTYPE or other declaration is not allowed in a codebook; remove it' });
      return undefined;
    }
    if (text.startsWith('</', pos)) {
      const m = matchAt(END_TAG, text, pos);
      const open = stack.pop();
      if (!m) {
        problems.push({ line, message: 'Expected a closing tag such as </Code>' });
        return root;
      }
      const name = localName(m[1]!);
      if (!open || open.name !== name) {
        problems.push({ line, message: open ? `Expected </${open.name}>, found </${name}>` : `Unexpected </${name}>` });
        return root;
      }
      advance(pos + m[0].length);
      continue;
    }
    // A start tag: name, attributes, then > or />.
    const tagLine = line;
    let i = pos + 1;
    const nameMatch = matchAt(NAME, text, i);
    if (!nameMatch) {
      problems.push({ line, message: "Expected an element name after '<'" });
      return root;
    }
    i += nameMatch[0].length;
    const element: XmlElement = { name: localName(nameMatch[0]), attributes: new Map(), children: [], line: tagLine };
    for (;;) {
      const attribute = matchAt(ATTRIBUTE, text, i);
      if (!attribute) break;
      const key = attribute[1]!;
      element.attributes.set(key.startsWith('xmlns') ? key : localName(key), decode((attribute[2] ?? attribute[3] ?? '').replace(/[\t\n]/g, ' '), tagLine));
      i += attribute[0].length;
    }
    const close = matchAt(TAG_END, text, i);
    if (!close) {
      problems.push({ line: tagLine, message: `The tag <${element.name}> is not closed properly` });
      return root;
    }
    advance(i + close[0].length);
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else if (!root) root = element;
    else {
      problems.push({ line: tagLine, message: 'Expected one codebook element, found a second one' });
      return root;
    }
    if (close[1] !== '/') {
      if (stack.length >= MAX_DEPTH) {
        problems.push({ line: tagLine, message: `Codes nested more than ${MAX_DEPTH} levels deep are not read` });
        return root;
      }
      stack.push(element);
    }
  }
  if (stack.length > 0) problems.push({ line, message: `The element <${stack[stack.length - 1]!.name}> is never closed` });
  return root;
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
