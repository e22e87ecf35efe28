/**
 * Hover: the official text of an SDG goal, target or indicator; the share a sources line has of its
 * parent (or of the block's top-level total); what the template expects under a section heading.
 */
import { evidenceHover } from '../findings/editor.js';
import { formatNumber, formatPercent, translator, type Locale, type Translate } from '../i18n/index.js';
import type { SynthesisDocument } from '../parse.js';
import { getCatalogue, type SdgCatalogue } from '../sdg/catalogue.js';
import type { SdgRef } from '../sdg/tags.js';
import type { SourcesBlock, SourcesEntry } from '../sources.js';
import { matchSection } from '../templates/template.js';
import type { Language, Span } from '../types.js';
import { contains, prefixesFor, resolveTemplate, SDG_WORDS, type FeatureOptions } from './common.js';

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  span: Span;
}

export function hover(document: SynthesisDocument, offset: number, options: FeatureOptions = {}): HoverInfo | undefined {
  const locale = options.locale ?? 'en';
  const t = translator(locale);
  // On a target heading, its evidence base follows whatever else the hover says.
  const evidence = options.evidence ? evidenceHover(document, offset, options.evidence) : undefined;
  const withEvidence = (info: HoverInfo | undefined): HoverInfo | undefined => (evidence ? (info ? { ...info, contents: `${info.contents}\n\n---\n\n${evidence.contents}` } : evidence) : info);
  const tag = document.tags.find((t) => t.span.start <= offset && offset < t.span.end);
  if (tag && tag.refs.length > 0) {
    const ref = tag.refs.find((r) => contains(r.span, offset)) ?? tag.refs[0]!;
    const contents = sdgHover(ref, getCatalogue(document.language), document.language, t);
    return withEvidence({ contents, span: tag.refs.length === 1 ? tag.span : ref.span });
  }
  for (const block of document.sourcesBlocks) {
    if (!contains(block.span, offset)) continue;
    const entry = block.all.find((e) => contains(e.lineSpan, offset));
    return entry ? { contents: sourcesHover(block, entry, locale, t), span: entry.lineSpan } : undefined;
  }
  const heading = document.headings.find((h) => h.span.start <= offset && offset <= h.span.end);
  if (heading) {
    const { template } = resolveTemplate(document, options);
    const section = template && matchSection(template, heading.text);
    if (template && section) {
      const facts = [
        section.required ? t('hover.required') : t('hover.optional'),
        section.level !== heading.depth ? t('hover.level', { level: section.level, marks: '#'.repeat(section.level) }) : undefined,
        section.targets
          ? t('hover.targets', { level: section.level + 1, example: `${'#'.repeat(section.level + 1)} ${prefixesFor(document.language)[0]} ${template.goals[0] ?? 16}.1 …` })
          : undefined,
        section.sources ? t('hover.sources') : undefined,
      ].filter((f): f is string => f !== undefined);
      // The heading as the document's language writes it; the template's own words in the user's.
      const description = section.descriptions ? `${section.descriptions[locale]}\n\n` : '';
      return {
        contents: `${t('hover.section', { heading: section.headings[document.language], template: template.titles[locale] })}\n\n${description}${facts.map((f) => `- ${f}`).join('\n')}`,
        span: heading.textSpan,
      };
    }
  }
  return withEvidence(undefined);
}

function sdgHover(ref: SdgRef, catalogue: SdgCatalogue, language: Language, t: Translate): string {
  const words = SDG_WORDS[language];
  if (ref.kind === 'goal') {
    const goal = catalogue.goal(ref.goal);
    if (!goal) return t('hover.goal-unknown', { id: ref.id });
    return `**${words.goal} ${goal.id}: ${goal.short}**\n\n${goal.title}\n\n${catalogue.targetsOf(goal.number).length} ${words.target.toLowerCase()}s`;
  }
  if (ref.kind === 'target') {
    const target = catalogue.target(ref.id);
    if (!target) {
      const closest = catalogue.closestTarget(ref.id);
      return closest ? t('hover.target-suggest', { id: ref.id, closest }) : t('hover.target-unknown', { id: ref.id });
    }
    const goal = catalogue.goal(target.goal);
    const indicators = catalogue.indicatorsOf(target.id);
    const list = indicators.length > 0 ? `\n\n${words.indicators}:\n${indicators.map((i) => `- **${i.id}** ${i.title}`).join('\n')}` : '';
    return `**${words.target} ${target.id}**${goal ? ` (${words.goal} ${goal.id}: ${goal.short})` : ''}\n\n${target.title}${list}`;
  }
  const indicator = catalogue.indicator(ref.id);
  if (!indicator) return t('hover.indicator-unknown', { id: ref.id });
  const target = catalogue.target(indicator.target);
  return `**${words.indicator} ${indicator.id}**\n\n${indicator.title}${target ? `\n\n${words.target} ${target.id}: ${target.title}` : ''}`;
}

function share(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return '';
  return ` (${formatPercent((part / whole) * 100, locale)})`;
}

function sourcesHover(block: SourcesBlock, entry: SourcesEntry, locale: Locale, t: Translate): string {
  const formatCount = (n: number): string => formatNumber(n, locale);
  const lines: string[] = [];
  if (entry.count === undefined) {
    lines.push(t('hover.count-unreadable', { label: entry.label }));
  } else if (entry.parent && entry.parent.count !== undefined) {
    lines.push(t('hover.part-of', { part: formatCount(entry.count), whole: formatCount(entry.parent.count), label: entry.parent.label, share: share(entry.count, entry.parent.count, locale) }));
  } else {
    const top = block.entries.filter((e) => e.count !== undefined);
    const total = top.reduce((sum, e) => sum + e.count!, 0);
    lines.push(`**${formatCount(entry.count)} ${entry.label}**`);
    if (top.length > 1) lines.push(t('hover.of-top', { part: formatCount(entry.count), total: formatCount(total), share: share(entry.count, total, locale) }));
  }
  if (entry.children.length > 0) {
    const parts = entry.children.map((c) => c.count);
    if (parts.every((p) => p !== undefined)) {
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      const shown = { parts: (parts as number[]).map(formatCount).join(' + '), sum: formatCount(sum) };
      if (entry.count === undefined) lines.push(t('hover.breakdown', shown));
      else if (sum === entry.count) lines.push(t('hover.breakdown-agrees', shown));
      else lines.push(t('hover.breakdown-disagrees', { ...shown, count: formatCount(entry.count) }));
    }
  }
  return lines.join('\n\n');
}
