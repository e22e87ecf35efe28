import { localiseProblem } from '../i18n/index.js';
import type { Rule } from './rule.js';

/** Each line of a sources block is `label: count`, a breakdown indented two spaces under its parent. */
export const sourcesSyntax: Rule = {
  id: 'sources-syntax',
  description: "A line of a sources block that is not 'label: count', or is indented wrongly",
  defaultSeverity: 'error',
  tags: ['sources'],
  check: function checkSourcesSyntax({ document, report, t }) {
    for (const block of document.sourcesBlocks) {
      for (const problem of block.problems) report({ message: localiseProblem(problem.message, t), span: problem.span });
    }
  },
};
