import { lowerBound } from '../search.js';
import type { Rule } from './rule.js';
import { effectiveTemplate, locateSections, quote } from './util.js';

/** A section that the template marks `sources: true` must hold a sources block. */
export const missingSources: Rule = {
  id: 'missing-sources',
  description: 'A section that the template says counts its sources has no sources block',
  defaultSeverity: 'warning',
  tags: ['sources', 'template'],
  check: function checkMissingSources(context) {
    const { document, report, t } = context;
    const template = effectiveTemplate(context);
    if (!template) return;
    // Block starts in document order, searched by halving: no rescan of every block per section.
    const starts = document.sourcesBlocks.map((b) => b.span.start);
    for (const { section, found } of locateSections(document, template)) {
      if (!section.sources) continue;
      for (const s of found) {
        const next = lowerBound(starts, s.span.start);
        const has = next < starts.length && starts[next]! < s.span.end;
        if (has) continue;
        report({
          message: t('missing-sources.message', { heading: quote(s.heading.text) }),
          span: s.heading.span,
        });
      }
    }
  },
};
