/**
 * What the findings add to the editor's features: considerations in the outline, completion of a
 * consideration's bold label, and the evidence base of a target section in the hover of its
 * heading. Pure, over the parsed document (and its register for the hover); the features in
 * core/features call these.
 */
import type { EvidenceRegister } from '../evidence.js';
import type { SynthesisDocument } from '../parse.js';
import type { Span } from '../types.js';
import { validMinimum } from './checks.js';
import { evidenceBase } from './evidence-base.js';
import { LABEL_TEXT } from './labels.js';
import { describeEvidence, matrixWords } from './matrix.js';
import { oneLine } from './output.js';
import { targetFindings } from './targets.js';

export interface ConsiderationSymbol {
  /** The label as written, such as `Recommendation 2`. */
  name: string;
  /** The start of what it says. */
  detail: string;
  span: Span;
  selectionSpan: Span;
  /** The span of the target section it belongs to. */
  section: Span;
}

/** Every consideration, for the outline: under its target section, named by its label. */
export function considerationSymbols(document: SynthesisDocument): ConsiderationSymbol[] {
  const out: ConsiderationSymbol[] = [];
  for (const target of targetFindings(document)) {
    for (const c of target.considerations) {
      const text = oneLine(document.source.slice(c.textSpan.start, c.textSpan.end));
      // The selection must lie inside the symbol: an item of an announced list selects its own text.
      const selection = c.labelSpan.start >= c.span.start && c.labelSpan.end <= c.span.end ? c.labelSpan : c.textSpan.end > c.textSpan.start ? c.textSpan : c.span;
      out.push({ name: c.label, detail: text.length > 60 ? `${text.slice(0, 59)}…` : text, span: c.span, selectionSpan: selection, section: target.section.span });
    }
  }
  return out;
}

/** What completion offers for a consideration's label. */
export interface LabelCompletion {
  label: string;
  insertText: string;
  replace: Span;
  detail: string;
}

/** `**`, `- **`, `> **Con`…: the start of a bold label at the start of a paragraph or list item. */
const LABEL_START = /^(?:[ \t]{0,3}(?:>[ \t]?)*)(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\*\*([\p{L}]*)$/u;

/**
 * Labels for the document's language when the line so far opens a bold label inside a target
 * section (the only place a label makes a consideration); undefined elsewhere.
 */
export function completeConsiderationLabel(document: SynthesisDocument, offset: number, linePrefix: string): LabelCompletion[] | undefined {
  const m = LABEL_START.exec(linePrefix);
  if (!m) return undefined;
  // The line must be prose of a target section: not code, not a sources block, not a heading.
  const inProse = targetFindings(document).some((t) => [...t.findings, ...t.considerations].some((p) => p.span.start < offset && offset <= p.span.end));
  if (!inProse) return undefined;
  const start = offset - m[1]!.length - 2;
  // Editors that close `**` themselves leave it after the cursor: the label replaces it too.
  const end = document.source.slice(offset, Math.min(document.source.length, offset + 2)) === '**' ? offset + 2 : offset;
  const words = LABEL_TEXT[document.language];
  const plural = { en: 'Recommendations:', es: 'Recomendaciones:', fr: 'Recommandations\u00a0:' }[document.language];
  const detail = matrixWords(document.language).considerations;
  return [
    { label: words.consideration, insertText: `**${words.consideration}** `, replace: { start, end }, detail },
    { label: words.recommendation, insertText: `**${words.recommendation}** `, replace: { start, end }, detail },
    // A label with nothing after it announces a list whose items are considerations.
    { label: plural, insertText: `**${plural}**\n\n- `, replace: { start, end }, detail },
  ];
}

/**
 * The evidence base of the target section whose heading is at `offset`: how many distinct
 * evaluations it cites, of which kinds and years (with a register), whether that is fewer than the
 * minimum, and how many considerations it has. Markdown, in the document's language.
 */
export function evidenceHover(document: SynthesisDocument, offset: number, options: { register?: EvidenceRegister | undefined; minimum?: number }): { contents: string; span: Span } | undefined {
  const target = targetFindings(document).find((t) => t.section.heading.span.start <= offset && offset <= t.section.heading.span.end);
  if (!target) return undefined;
  const words = matrixWords(document.language);
  const base = evidenceBase(target.citations, options.register);
  const minimum = validMinimum(options.minimum);
  const lines = [`**${words.evidenceBase}**${words.colon}${describeEvidence(base, document.language, options.register !== undefined)}`];
  if (base.evaluations.length > 0) lines.push(base.evaluations.map((id) => `\`${id}\``).join(', '));
  if (options.register && target.section.hasContent && base.count < minimum) lines.push(words.thin(minimum));
  lines.push(words.considerationCount(target.considerations.length));
  return { contents: lines.join('\n\n'), span: target.section.heading.span };
}
