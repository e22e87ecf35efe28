import type { Element, ElementContent } from 'hast';
import type { FrontMatter } from '../frontmatter.js';
import { h, text } from './hast.js';
import type { RenderLabels } from './labels.js';

/** A front-matter value as display text; undefined when there is nothing to show. */
export function displayValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) {
    const parts = value.map(displayValue).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

const WEB_ADDRESS = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

/**
 * The front matter as the brief's title block: the title, then country, scope, period, team and
 * a link to the full report. Undefined when the front matter holds none of these.
 */
export function titleBlock(frontMatter: FrontMatter, labels: RenderLabels): Element | undefined {
  const field = (key: string): string | undefined => displayValue(frontMatter.fields.get(key)?.value);
  const children: ElementContent[] = [];
  const title = field('title');
  if (title) children.push(h('h1', { className: ['synthesis-title'] }, [text(title)]));

  const meta: ElementContent[] = [];
  const row = (label: string, value: ElementContent[]): void => {
    meta.push(h('dt', {}, [text(label)]), h('dd', {}, value));
  };
  for (const [key, label] of [
    ['country', labels.country],
    ['scope', labels.scope],
    ['period', labels.period],
    ['team', labels.team],
  ] as const) {
    const value = field(key);
    if (value) row(label, [text(value)]);
  }
  const report = field('report');
  if (report) {
    // Only a web address becomes a link; anything else is shown as text (and the front-matter
    // check reports it). The sanitizer would remove any other kind of link anyway.
    row(labels.report, [WEB_ADDRESS.test(report) ? h('a', { href: report }, [text(report)]) : text(report)]);
  }
  if (meta.length > 0) children.push(h('dl', { className: ['synthesis-meta'] }, meta));
  if (children.length === 0) return undefined;
  return h('div', { className: ['synthesis-title-block'] }, children);
}
