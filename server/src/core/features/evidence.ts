/**
 * Editor features for citations of evaluations (`[@COL-01]`): completion of ids from the evidence
 * register, hover, go-to-definition (the register row) and the citations of one evaluation. Pure
 * and offset-based like the other features: the host finds the register and turns the results into
 * LSP shapes.
 */
import type { Citation, EvidenceEntry, EvidenceRegister } from '../evidence.js';
import type { SynthesisDocument } from '../parse.js';
import { closestId } from '../rules/util.js';
import { getCatalogue } from '../sdg/catalogue.js';
import type { Span } from '../types.js';
import { clip } from './common.js';
import type { Completion } from './completion/types.js';
import type { HoverInfo } from './hover.js';

/** An id as it may stand after `@` (what the citation scanner accepts, typed so far). */
const ID_CHARS = /[A-Za-z0-9_.:-]/;
/**
 * The cursor is in a citation when, on its line, an unclosed `[` comes before it and the text
 * from there ends with `@` and part of an id, the `@` standing at the bracket, after `;` or after
 * a space (`[@`, `[@A; @`, `[see @`). An e-mail address (`name@…`) is not a place for ids.
 */
const CITATION_PLACE = /\[(?:[^[\]\r\n]*[\s;])?@([A-Za-z0-9_.:-]*)$/;

/** The citation whose `@ID` contains the offset (its end included: the cursor just after an id). */
export function citationAt(document: SynthesisDocument, offset: number): Citation | undefined {
  return document.citations.find((c) => c.span.start <= offset && offset <= c.span.end);
}

/** Every citation of the evaluation `id` in the document, in document order. */
export function citationsOf(document: SynthesisDocument, id: string): Citation[] {
  return document.citations.filter((c) => c.id === id);
}

/** The register row a line of the register file holds (1-based, as the register counts). */
export function entryAtLine(register: EvidenceRegister, line: number): EvidenceEntry | undefined {
  return register.entries.find((e) => e.line === line);
}

/**
 * Completion of evaluation ids in a citation. `undefined` when the cursor is not in a citation (the
 * other completion sources are asked); an empty list when it is but there is no register.
 */
export function completeCitation(document: SynthesisDocument, offset: number, register: EvidenceRegister | undefined): Completion[] | undefined {
  const at = Math.max(0, Math.min(offset, document.source.length));
  const line = document.lines.positionAt(at).line;
  const prefix = document.source.slice(document.lines.lineStart(line), at);
  const match = CITATION_PLACE.exec(prefix);
  if (!match || insideCode(document, at)) return undefined;
  if (!register) return [];
  const typed = match[1]!;
  let end = at;
  while (end < document.source.length && ID_CHARS.test(document.source.slice(end, end + 1))) end++;
  const replace: Span = { start: at - typed.length, end };
  return register.entries.map((entry, i) => {
    const item: Completion = {
      label: entry.id,
      kind: 'value',
      insertText: entry.id,
      replace,
      sortText: `00-${String(i).padStart(5, '0')}`,
      documentation: describeEntry(entry, register, document),
    };
    const detail = [entry.title && clip(entry.title, 60), entry.year, entry.type].filter((p) => p !== undefined && p !== '').join(' · ');
    if (detail) item.detail = detail;
    return item;
  });
}

/** Hover on a citation: the evaluation's register row, or why there is none. */
export function citationHover(document: SynthesisDocument, offset: number, register: EvidenceRegister | undefined): HoverInfo | undefined {
  const citation = citationAt(document, offset);
  if (!citation) return undefined;
  if (!register) {
    return {
      contents: `**${escapeMarkdown(citation.id)}**: no evidence register was found for this synthesis. Keep one beside it as \`evidence.csv\` or \`evidence.yaml\`, or name it with \`evidence:\` in the front matter.`,
      span: citation.span,
    };
  }
  const entry = register.byId.get(citation.id);
  if (!entry) {
    const closest = closestId(citation.id, register.entries.map((e) => e.id));
    return {
      contents: `**${escapeMarkdown(citation.id)}** is not in the evidence register (${escapeMarkdown(register.file)}).${closest ? ` Did you mean **${escapeMarkdown(closest)}**?` : ''}`,
      span: citation.span,
    };
  }
  return { contents: describeEntry(entry, register, document), span: citation.span };
}

/** The register row a citation at the offset names, for go-to-definition. */
export function citationDefinition(document: SynthesisDocument, offset: number, register: EvidenceRegister | undefined): EvidenceEntry | undefined {
  const citation = citationAt(document, offset);
  return citation && register?.byId.get(citation.id);
}

/** Markdown describing one evaluation: what the register says of it. */
export function describeEntry(entry: EvidenceEntry, register: EvidenceRegister, document?: SynthesisDocument): string {
  const catalogue = getCatalogue(document?.language ?? 'en');
  const facts: string[] = [];
  if (entry.year !== undefined) facts.push(`Year: ${entry.year}`);
  if (entry.type) facts.push(`Type: ${escapeMarkdown(entry.type)}`);
  if (entry.country) facts.push(`Country or region: ${escapeMarkdown(entry.country)}`);
  if (entry.projects !== undefined) facts.push(`Projects covered: ${entry.projects}`);
  if (entry.targets.length > 0) {
    const targets = entry.targets.map((t) => {
      const title = catalogue.target(t)?.title;
      return title ? `${t} (${escapeMarkdown(clip(title, 50))})` : t;
    });
    facts.push(`SDG targets: ${targets.join('; ')}`);
  }
  const link = safeUrl(entry.url);
  if (link) facts.push(`Report: [${escapeMarkdown(clip(entry.url, 80))}](${link})`);
  const title = entry.title ? ` — ${escapeMarkdown(entry.title)}` : '';
  return [`**${escapeMarkdown(entry.id)}**${title}`, facts.map((f) => `- ${f}`).join('\n'), `*Evidence register: ${escapeMarkdown(register.file)}, line ${entry.line}*`]
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Whether the offset lies in a fenced code block or a sources block, where nothing is cited. */
function insideCode(document: SynthesisDocument, offset: number): boolean {
  // Sources blocks are among the fenced blocks the parser found.
  return document.codeBlocks.some((b) => b.start <= offset && offset <= b.end);
}

/** Register text shown in Markdown: characters that would format or link are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A web address safe to link to, or undefined: only http(s), with characters that end a link encoded. */
function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/[()<>[\]"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
