import type { Section, SynthesisDocument } from '../parse.js';
import type { Text } from '../pieces.js';
import type { TemplateSection } from '../templates/template.js';
import type { Fix, Span, TextEdit } from '../types.js';
import { defineRule } from './rule.js';
import { atxMarkers, effectiveTemplate, eolOf, locateSections, quote, type LocatedSection } from './util.js';

/**
 * Every required section of the template must be present, as a heading of the template's level.
 * The fix inserts the heading where the template puts it.
 */
export const missingSection = defineRule({
  id: 'missing-section',
  description: {
    en: 'A section the template requires is not in the document',
    es: 'Falta en el documento una sección que exige la plantilla',
    fr: 'Une section exigée par le modèle ne figure pas dans le document',
  },
  defaultSeverity: 'error',
  tags: ['template', 'structure'],
  messages: {
    en: {
      level: "Expected {heading} as a level-{level} heading ('{marks}'), found a level-{found} heading",
      'level-fix': "Make it a '{marks}' heading",
      before: "Expected a section {heading} before {before}, as the template '{template}' requires",
      end: "Expected a section {heading} at the end of the document, as the template '{template}' requires",
      fix: 'Insert the section {heading}',
    },
    es: {
      level: "Se esperaba {heading} como título de nivel {level} ('{marks}') y se encontró un título de nivel {found}",
      'level-fix': "Convertirlo en un título '{marks}'",
      before: "Falta la sección {heading} antes de {before}, como exige la plantilla '{template}'",
      end: "Falta la sección {heading} al final del documento, como exige la plantilla '{template}'",
      fix: 'Insertar la sección {heading}',
    },
    fr: {
      level: "{heading} devrait être un titre de niveau {level} ('{marks}'), mais c'est un titre de niveau {found}",
      'level-fix': "En faire un titre '{marks}'",
      before: "Il manque la section {heading} avant {before}, que le modèle '{template}' exige",
      end: "Il manque la section {heading} à la fin du document, que le modèle '{template}' exige",
      fix: 'Insérer la section {heading}',
    },
  },
  check: function checkMissingSection(context) {
    const { document, report, message } = context;
    const template = effectiveTemplate(context);
    if (!template) return;
    const located = locateSections(document, template);
    for (const entry of located) {
      const { section, found, otherLevel } = entry;
      if (!section.required || found.length > 0) continue;
      const marks = '#'.repeat(section.level);
      // The heading as the document's language writes it: what the fix inserts, and what the
      // message names.
      const heading = section.headings[document.language];
      const wrong = otherLevel[0];
      if (wrong) {
        const markers = atxMarkers(document, wrong.heading);
        report({
          message: message('level', { heading: quote(wrong.heading.text), level: section.level, marks, found: wrong.heading.depth }),
          span: wrong.heading.span,
          ...(markers ? { fixes: [{ title: message('level-fix', { marks }), edits: [{ span: markers, newText: marks }] }] } : {}),
        });
        continue;
      }
      const place = insertionPoint(document, located, entry);
      const eol = eolOf(document.source);
      const edit: TextEdit = place.before
        ? { span: { start: place.offset, end: place.offset }, newText: `${marks} ${heading}${eol}${eol}` }
        : { span: { start: place.offset, end: place.offset }, newText: `${leadingBreaks(document.source, place.offset, eol)}${marks} ${heading}${eol}` };
      const fix: Fix = { title: message('fix', { heading: quote(heading) }), edits: [edit] };
      report({
        message: place.before
          ? message('before', { heading: quote(heading), before: quote(place.before.text), template: template.id })
          : message('end', { heading: quote(heading), template: template.id }),
        span: place.span,
        // At the end of a text left inside an open code block or comment, the heading would land
        // inside it: no fix then.
        ...(place.before === undefined && document.endsOpen ? {} : { fixes: [fix] }),
      });
    }
  },
});

interface Place {
  offset: number;
  /** The heading the section goes before, if any. */
  before: { text: string } | undefined;
  span: Span;
}

/** Where a missing section belongs: before the next present template section, else after the previous one. */
function insertionPoint(document: SynthesisDocument, located: readonly LocatedSection[], entry: LocatedSection): Place {
  const previous = [...located.slice(0, entry.index)].reverse().find((l) => l.found.length > 0)?.found[0];
  const afterPrevious = previous ? previous.heading.span.start : -1;

  // A missing findings section goes before the target sections it should hold.
  if (entry.section.targets) {
    const firstTarget = document.sections.find(
      (s) => s.heading.targetTag && s.heading.depth === entry.section.level + 1 && s.heading.span.start > afterPrevious,
    );
    if (firstTarget) return before(firstTarget);
  }
  const next = located.slice(entry.index + 1).find((l) => l.found.length > 0 && l.found[0]!.heading.span.start > afterPrevious)?.found[0];
  if (next) return before(next);

  // After the previous present section (or at the end of the document).
  const offset = previous ? endOfSection(document, previous, entry.section) : document.source.length;
  if (offset < document.source.length) {
    const heading = document.headings.find((h) => h.span.start === offset);
    if (heading) return { offset, before: { text: heading.text }, span: heading.span };
  }
  return { offset: document.source.length, before: undefined, span: lastLine(document) };
}

function before(section: Section): Place {
  return { offset: section.heading.span.start, before: { text: section.heading.text }, span: section.heading.span };
}

/** Where the previous section ends for a section of `wanted`'s level: at the next heading of that level or higher. */
function endOfSection(document: SynthesisDocument, previous: Section, wanted: TemplateSection): number {
  for (const h of document.headings) {
    if (h.span.start > previous.heading.span.start && h.depth <= wanted.level) return h.span.start;
  }
  return document.source.length;
}

/** The last line that has text, for a finding about the end of the document. */
function lastLine(document: SynthesisDocument): Span {
  for (let line = document.lines.lineCount - 1; line >= 0; line--) {
    if (document.lines.lineText(line).trim() !== '') return { start: document.lines.lineStart(line), end: document.lines.lineEnd(line) };
  }
  return { start: 0, end: 0 };
}

/** Line breaks so that text inserted at `offset` starts after a blank line. */
function leadingBreaks(text: Text, offset: number, eol: string): string {
  if (offset === 0) return '';
  const before = text.slice(Math.max(0, offset - 4), offset);
  if (/(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(before)) return '';
  if (/(\r?\n|\r)$/.test(before)) return eol;
  return eol + eol;
}
