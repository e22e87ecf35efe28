/**
 * REFI-QDA codebooks (`.qdc`, the "Codebook Exchange" format that NVivo, ATLAS.ti, MAXQDA, Dedoose
 * and others read and write): the SDG targets of a template's goals — and, if asked, the template's
 * thematic sections — as a tree of codes (`synthlint codebook`).
 *
 * The GUIDs are derived from each code's path ("sdg/16/16.1"), so exporting twice gives the same
 * file and a tool that re-imports it recognises the codes it already has.
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
