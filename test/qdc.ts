/**
 * Reads a REFI-QDA codebook back with an independent XML parser (fast-xml-parser), so the tests
 * check what `toQdc` writes against a reader that shares none of its assumptions.
 */
import { XMLParser } from 'fast-xml-parser';
import type { QdcCode } from '../server/src/core/index.js';

interface XmlCode {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': string;
  '@_color'?: string;
  Description?: string;
  Code?: XmlCode[];
}

/** The codes of a codebook; throws if the XML is not well formed or not a codebook. */
export function readCodebook(xml: string): QdcCode[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'Code',
    htmlEntities: true,
    processEntities: true,
  });
  const doc = parser.parse(xml, true) as { CodeBook?: { Codes?: { Code?: XmlCode[] } } };
  if (!doc.CodeBook) throw new Error('not a codebook');
  const toCode = (c: XmlCode): QdcCode => ({
    guid: c['@_guid'],
    name: c['@_name'],
    isCodable: c['@_isCodable'] === 'true',
    ...(c['@_color'] !== undefined ? { color: c['@_color'] } : {}),
    ...(c.Description !== undefined ? { description: c.Description } : {}),
    children: (c.Code ?? []).map(toCode),
  });
  return (doc.CodeBook.Codes?.Code ?? []).map(toCode);
}
