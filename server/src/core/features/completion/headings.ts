/**
 * Section headings at the start of a heading line (`#`, `## `, `### Con`…): the template's
 * sections, missing ones first, each with its own number of `#`; and, one level below the section
 * that holds them, target-section headings for the template's goals.
 */
import { matchSection } from '../../templates/template.js';
import { prefixesFor } from '../common.js';
import type { Completion, CompletionContext } from './types.js';
import { sortKey } from './types.js';

const HEADING_START = /^(#{1,6})(?:[ \t]+([^#]*))?$/;

export function completeHeadings(context: CompletionContext): Completion[] | undefined {
  const { document, template, catalogue, linePrefix, lineStart, offset, t, locale } = context;
  const m = HEADING_START.exec(linePrefix);
  if (!m || !template) return undefined;
  // `SDG 16.` in a heading is the SDG source's business.
  if (/\d\.?$/.test(m[2] ?? '') && /\b(?:SDG|ODS|ODD)\b/.test(m[2] ?? '')) return undefined;
  const typedLevel = m[1]!.length;
  const replace = { start: lineStart, end: offset };
  const present = new Set<string>();
  const otherHeadings = document.headings.filter((h) => !(h.span.start <= offset && offset <= h.span.end));
  for (const heading of otherHeadings) {
    const section = matchSection(template, heading.text);
    if (section) present.add(section.id);
  }
  const items: Completion[] = [];
  template.sections.forEach((section, i) => {
    // The heading in the document's language: it becomes part of the document.
    const heading = section.headings[document.language];
    const text = `${'#'.repeat(section.level)} ${heading}`;
    const missing = !present.has(section.id);
    const flags = [
      section.required ? t('completion.section-required') : t('completion.section-optional'),
      missing ? t('completion.section-missing') : t('completion.section-present'),
    ];
    const item: Completion = {
      label: heading,
      kind: 'section',
      detail: `${'#'.repeat(section.level)} · ${flags.join(', ')}`,
      insertText: text,
      filterText: text,
      replace,
      sortText: sortKey(missing ? (section.level === typedLevel ? 0 : 1) : 5, i),
    };
    if (section.descriptions) item.documentation = section.descriptions[locale];
    items.push(item);
  });

  const holder = template.sections.find((s) => s.targets);
  if (holder && holder.level < 6) {
    const level = holder.level + 1;
    const prefix = prefixesFor(document.language)[0]!;
    const used = new Set(document.headings.flatMap((h) => h.targetTag?.refs.map((r) => r.id) ?? []));
    let n = 0;
    for (const goal of template.goals) {
      for (const target of catalogue.targetsOf(goal)) {
        const text = `${'#'.repeat(level)} ${prefix} ${target.id} `;
        items.push({
          label: `${prefix} ${target.id}`,
          kind: 'target-section',
          detail: used.has(target.id) ? t('completion.target-section-used') : t('completion.target-section'),
          documentation: `**${target.id}** ${target.title}`,
          insertText: text,
          filterText: text,
          replace,
          sortText: sortKey(level === typedLevel ? (used.has(target.id) ? 4 : 0) : used.has(target.id) ? 6 : 3, n++),
        });
      }
    }
  }
  return items;
}
