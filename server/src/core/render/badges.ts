import type { Element, ElementContent, Root } from 'hast';
import type { SdgCatalogue } from '../sdg/catalogue.js';
import { scanTags, type SdgRef, type SdgTag } from '../sdg/tags.js';
import type { Language } from '../types.js';
import { h, text } from './hast.js';
import type { RenderLabels } from './labels.js';

/** Elements whose text is shown as written: tags there stay text. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp']);

/**
 * Turns the SDG tags in the document's text (not in code) into badges: the goal's colour as a
 * class, the official text of each goal, target or indicator as the tooltip.
 */
export function addBadges(tree: Root, language: Language, catalogue: SdgCatalogue, labels: RenderLabels): void {
  const visit = (parent: Root | Element): void => {
    const out: Array<Root['children'][number]> = [];
    let changed = false;
    for (const child of parent.children) {
      if (child.type === 'text') {
        const tags = scanTags(child.value, 0, language);
        if (tags.length === 0) {
          out.push(child);
          continue;
        }
        changed = true;
        let at = 0;
        for (const tag of tags) {
          if (tag.span.start > at) out.push(text(child.value.slice(at, tag.span.start)));
          out.push(badge(tag, catalogue, labels));
          at = tag.span.end;
        }
        if (at < child.value.length) out.push(text(child.value.slice(at)));
      } else {
        if (child.type === 'element' && !VERBATIM.has(child.tagName)) visit(child);
        out.push(child);
      }
    }
    if (changed) parent.children = out as typeof parent.children;
  };
  visit(tree);
}

export function badge(tag: SdgTag, catalogue: SdgCatalogue, labels: RenderLabels): Element {
  const lines: string[] = [];
  let known = tag.refs.length > 0;
  for (const ref of tag.refs) {
    const line = describe(ref, catalogue, labels);
    known &&= line.known;
    lines.push(line.text);
  }
  const first = tag.refs[0];
  const className = ['sdg-badge'];
  if (known && first) className.push(`sdg-goal-${first.goal}`);
  else className.push('sdg-unknown');
  const children: ElementContent[] = [text(tag.raw)];
  return h('span', { className, title: lines.join('\n'), dataSdg: tag.refs.map((r) => r.id).join('/') }, children);
}

function describe(ref: SdgRef, catalogue: SdgCatalogue, labels: RenderLabels): { known: boolean; text: string } {
  const goal = catalogue.goal(ref.goal);
  if (!goal) return { known: false, text: labels.notGoal(String(ref.goal)) };
  if (ref.kind === 'goal') return { known: true, text: `${labels.goal} ${goal.number}: ${goal.title}` };
  if (ref.kind === 'target') {
    const target = catalogue.target(ref.id);
    return target ? { known: true, text: `${labels.target} ${target.id}: ${target.title}` } : { known: false, text: labels.notTarget(ref.id) };
  }
  const indicator = catalogue.indicator(ref.id);
  return indicator ? { known: true, text: `${labels.indicator} ${indicator.id}: ${indicator.title}` } : { known: false, text: labels.notIndicator(ref.id) };
}
