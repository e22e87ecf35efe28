/**
 * Hover: the official text of an SDG goal, target or indicator; the share a sources line has of its
 * parent (or of the block's top-level total); what the template expects under a section heading.
 */
import type { SynthesisDocument } from '../parse.js';
import { getCatalogue, type SdgCatalogue } from '../sdg/catalogue.js';
import type { SdgRef } from '../sdg/tags.js';
import type { SourcesBlock, SourcesEntry } from '../sources.js';
import { matchSection } from '../templates/template.js';
import type { Language, Span } from '../types.js';
import { contains, formatCount, resolveTemplate, SDG_WORDS, type FeatureOptions } from './common.js';

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  span: Span;
}

export function hover(document: SynthesisDocument, offset: number, options: FeatureOptions = {}): HoverInfo | undefined {
  const tag = document.tags.find((t) => t.span.start <= offset && offset < t.span.end);
  if (tag && tag.refs.length > 0) {
    const ref = tag.refs.find((r) => contains(r.span, offset)) ?? tag.refs[0]!;
    const contents = sdgHover(ref, getCatalogue(document.language), document.language);
    return { contents, span: tag.refs.length === 1 ? tag.span : ref.span };
  }
  for (const block of document.sourcesBlocks) {
    if (!contains(block.span, offset)) continue;
    const entry = block.all.find((e) => contains(e.lineSpan, offset));
    return entry ? { contents: sourcesHover(block, entry), span: entry.lineSpan } : undefined;
  }
  const heading = document.headings.find((h) => h.span.start <= offset && offset <= h.span.end);
  if (heading) {
    const { template } = resolveTemplate(document, options);
    const section = template && matchSection(template, heading.text);
    if (template && section) {
      const facts = [
        section.required ? 'Required by the template.' : 'Optional in the template.',
        section.level !== heading.depth ? `The template puts it at level ${section.level} (\`${'#'.repeat(section.level)}\`).` : undefined,
        section.targets ? `Holds the SDG target sections, as level-${section.level + 1} headings such as \`${'#'.repeat(section.level + 1)} SDG ${template.goals[0] ?? 16}.1 …\`.` : undefined,
        section.sources ? 'Needs a `sources` block that counts the sources of data.' : undefined,
      ].filter((f): f is string => f !== undefined);
      const description = section.description ? `${section.description}\n\n` : '';
      return {
        contents: `**${section.heading}** — section of the template *${template.title}*\n\n${description}${facts.map((f) => `- ${f}`).join('\n')}`,
        span: heading.textSpan,
      };
    }
  }
  return undefined;
}

function sdgHover(ref: SdgRef, catalogue: SdgCatalogue, language: Language): string {
  const words = SDG_WORDS[language];
  if (ref.kind === 'goal') {
    const goal = catalogue.goal(ref.goal);
    if (!goal) return `SDG ${ref.id} is not one of the 17 Sustainable Development Goals.`;
    return `**${words.goal} ${goal.id}: ${goal.short}**\n\n${goal.title}\n\n${catalogue.targetsOf(goal.number).length} ${words.target.toLowerCase()}s`;
  }
  if (ref.kind === 'target') {
    const target = catalogue.target(ref.id);
    if (!target) {
      const closest = catalogue.closestTarget(ref.id);
      return `${ref.id} is not an SDG target.${closest ? ` Did you mean ${closest}?` : ''}`;
    }
    const goal = catalogue.goal(target.goal);
    const indicators = catalogue.indicatorsOf(target.id);
    const list = indicators.length > 0 ? `\n\n${words.indicators}:\n${indicators.map((i) => `- **${i.id}** ${i.title}`).join('\n')}` : '';
    return `**${words.target} ${target.id}**${goal ? ` (${words.goal} ${goal.id}: ${goal.short})` : ''}\n\n${target.title}${list}`;
  }
  const indicator = catalogue.indicator(ref.id);
  if (!indicator) return `${ref.id} is not an SDG indicator.`;
  const target = catalogue.target(indicator.target);
  return `**${words.indicator} ${indicator.id}**\n\n${indicator.title}${target ? `\n\n${words.target} ${target.id}: ${target.title}` : ''}`;
}

function share(part: number, whole: number): string {
  if (whole === 0) return '';
  const pct = (part / whole) * 100;
  return ` (${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)}%)`;
}

function sourcesHover(block: SourcesBlock, entry: SourcesEntry): string {
  const lines: string[] = [];
  if (entry.count === undefined) {
    lines.push(`**${entry.label}**: the count could not be read.`);
  } else if (entry.parent && entry.parent.count !== undefined) {
    lines.push(`**${formatCount(entry.count)} of ${formatCount(entry.parent.count)} ${entry.parent.label}**${share(entry.count, entry.parent.count)}`);
  } else {
    const top = block.entries.filter((e) => e.count !== undefined);
    const total = top.reduce((sum, e) => sum + e.count!, 0);
    lines.push(`**${formatCount(entry.count)} ${entry.label}**`);
    if (top.length > 1) lines.push(`${formatCount(entry.count)} of the ${formatCount(total)} sources counted at the top of this block${share(entry.count, total)}`);
  }
  if (entry.children.length > 0) {
    const parts = entry.children.map((c) => c.count);
    if (parts.every((p) => p !== undefined)) {
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      const agrees = entry.count === undefined ? '' : sum === entry.count ? ' ✓' : ` — not ${formatCount(entry.count)}`;
      lines.push(`Breakdown: ${(parts as number[]).map(formatCount).join(' + ')} = ${formatCount(sum)}${agrees}`);
    }
  }
  return lines.join('\n\n');
}
