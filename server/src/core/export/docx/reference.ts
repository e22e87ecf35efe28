/**
 * An office's reference document, used as Pandoc's `--reference-doc` is: its styles (matched by
 * name), theme, page size, margins, headers and footers go into the exported document; its content
 * does not. The parts are taken from the reference's package (fflate) and its XML is read and
 * changed as a tree (xml-js), never spliced as text.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { js2xml, xml2js, type Element as XmlElement } from 'xml-js';

export interface ReferenceDocument {
  /** The reference's styles part, as the exported document's. */
  stylesXml: string;
  /** Style id by lower-case style name ("heading 1" → "Heading1", or "berschrift1" in a German Word). */
  styleIds: Map<string, string>;
  /** The reference's parts, to take headers, footers, theme and section properties from. */
  parts: Unzipped;
}

/**
 * Why a reference document cannot be used, as data (each adapter puts it into words): not a zip
 * package at all, a package without Word's document and styles parts, or parts that are not
 * readable XML.
 */
export type ReferenceProblem = 'not-a-package' | 'not-word' | 'damaged';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEADER_TYPE = `${R}/header`;
const FOOTER_TYPE = `${R}/footer`;

/** Reads a reference document. Never throws: a file that cannot be used gives its problem. */
export function readReference(bytes: Uint8Array): { ok: true; reference: ReferenceDocument } | { ok: false; problem: ReferenceProblem } {
  let parts: Unzipped;
  try {
    parts = unzipSync(bytes);
  } catch {
    return { ok: false, problem: 'not-a-package' };
  }
  const styles = parts['word/styles.xml'];
  if (!parts['word/document.xml'] || !styles) return { ok: false, problem: 'not-word' };
  try {
    const stylesXml = strFromU8(styles);
    const styleIds = new Map<string, string>();
    for (const style of descendants(parse(stylesXml), 'w:style')) {
      const id = style.attributes?.['w:styleId'];
      const name = child(style, 'w:name')?.attributes?.['w:val'];
      if (typeof id === 'string' && typeof name === 'string') styleIds.set(name.toLowerCase(), id);
    }
    return { ok: true, reference: { stylesXml, styleIds, parts } };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/**
 * Gives the exported package the reference's theme, page size and margins, headers and footers.
 * `exported` is the package `docx` wrote; the result is the finished .docx. Throws only on a
 * reference whose parts are not readable XML (the caller turns that into its problem).
 */
export function applyReference(exported: Uint8Array, reference: ReferenceDocument): Uint8Array {
  const out = unzipSync(exported);
  const theme = reference.parts['word/theme/theme1.xml'];
  if (theme && out['word/theme/theme1.xml']) out['word/theme/theme1.xml'] = theme;

  const referenceSection = lastSection(parse(strFromU8(reference.parts['word/document.xml']!)));
  const document = parse(strFromU8(out['word/document.xml']!));
  const relationships = parse(strFromU8(out['word/_rels/document.xml.rels']!));
  const referenceRelationships = reference.parts['word/_rels/document.xml.rels'] ? parse(strFromU8(reference.parts['word/_rels/document.xml.rels'])) : undefined;
  const types = parse(strFromU8(out['[Content_Types].xml']!));
  const sections = descendants(document, 'w:sectPr');

  // Headers and footers: each part the reference's section names, with what it links to.
  const references: XmlElement[] = [];
  if (referenceSection && referenceRelationships) {
    let counter = 0;
    for (const ref of (referenceSection.elements ?? []).filter((e) => e.name === 'w:headerReference' || e.name === 'w:footerReference')) {
      const id = ref.attributes?.['r:id'];
      const target = descendants(referenceRelationships, 'Relationship').find((r) => r.attributes?.Id === id);
      const path = target ? `word/${String(target.attributes?.Target).replace(/^\/?word\//, '')}` : undefined;
      if (!path || !reference.parts[path]) continue;
      counter++;
      const kind = ref.name === 'w:headerReference' ? 'header' : 'footer';
      const name = `reference-${kind}${counter}.xml`;
      out[`word/${name}`] = reference.parts[path]!;
      copyPartRelationships(reference.parts, path, out, `word/${name}`);
      const rid = `rIdReference${counter}`;
      relationships.elements![0]!.elements!.push({ type: 'element', name: 'Relationship', attributes: { Id: rid, Type: kind === 'header' ? HEADER_TYPE : FOOTER_TYPE, Target: name } });
      types.elements![0]!.elements!.push({
        type: 'element',
        name: 'Override',
        attributes: { PartName: `/word/${name}`, ContentType: `application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml` },
      });
      references.push({ type: 'element', name: ref.name!, attributes: { 'w:type': ref.attributes?.['w:type'] ?? 'default', 'r:id': rid } });
    }
  }

  for (const section of sections) {
    const elements = (section.elements ??= []);
    if (references.length > 0 || referenceSection) {
      // The reference's headers and footers replace ours (whether or not it has any).
      section.elements = elements.filter((e) => e.name !== 'w:headerReference' && e.name !== 'w:footerReference');
      section.elements.unshift(...references.map((r) => structuredClone(r)));
    }
    for (const name of ['w:pgSz', 'w:pgMar', 'w:cols', 'w:titlePg']) {
      const theirs = referenceSection ? child(referenceSection, name) : undefined;
      const at = section.elements.findIndex((e) => e.name === name);
      if (theirs && at >= 0) section.elements[at] = structuredClone(theirs);
      else if (theirs) section.elements.splice(insertAt(section.elements, name), 0, structuredClone(theirs));
      else if (at >= 0 && name === 'w:titlePg') section.elements.splice(at, 1);
    }
  }
  const root = document.elements?.find((e) => e.name === 'w:document');
  if (root && !root.attributes?.['xmlns:r']) root.attributes = { ...root.attributes, 'xmlns:r': R };
  out['word/document.xml'] = strToU8(serialise(document));
  out['word/_rels/document.xml.rels'] = strToU8(serialise(relationships));
  out['[Content_Types].xml'] = strToU8(serialise(types));
  return zipSync(out, { level: 6 });
}

/** Section properties are ordered: headers/footers first, then (among others) pgSz, pgMar, cols, titlePg. */
function insertAt(elements: XmlElement[], name: string): number {
  const order = ['w:headerReference', 'w:footerReference', 'w:footnotePr', 'w:endnotePr', 'w:type', 'w:pgSz', 'w:pgMar', 'w:paperSrc', 'w:pgBorders', 'w:lnNumType', 'w:pgNumType', 'w:cols', 'w:formProt', 'w:vAlign', 'w:noEndnote', 'w:titlePg'];
  const rank = order.indexOf(name);
  const index = elements.findIndex((e) => order.indexOf(e.name ?? '') > rank);
  return index < 0 ? elements.length : index;
}

/** A header's own relationships (a logo), with the parts they point to, under the header's new name. */
function copyPartRelationships(from: Unzipped, path: string, to: Unzipped, newPath: string): void {
  const relsPath = relationshipsOf(path);
  const rels = from[relsPath];
  if (!rels) return;
  to[relationshipsOf(newPath)] = rels;
  for (const relationship of descendants(parse(strFromU8(rels)), 'Relationship')) {
    if (relationship.attributes?.TargetMode === 'External') continue;
    const target = `word/${String(relationship.attributes?.Target ?? '').replace(/^\/?word\//, '')}`;
    if (from[target] && !to[target]) to[target] = from[target]!;
  }
}

/** `word/header1.xml` → `word/_rels/header1.xml.rels`. */
function relationshipsOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

function lastSection(document: XmlElement): XmlElement | undefined {
  const sections = descendants(document, 'w:sectPr');
  return sections[sections.length - 1];
}

function parse(xml: string): XmlElement {
  return xml2js(xml, { compact: false, captureSpacesBetweenElements: true }) as XmlElement;
}

function serialise(tree: XmlElement): string {
  return js2xml(tree, { compact: false });
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.elements?.find((e) => e.name === name);
}

function descendants(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    if (e.name === name) out.push(e);
    for (const c of e.elements ?? []) visit(c);
  };
  visit(element);
  return out;
}
