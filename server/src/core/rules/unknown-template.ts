import type { Fix } from '../types.js';
import type { Rule } from './rule.js';
import { closestId, listText } from './util.js';

/** The template a document names must exist: built in, or a workspace template. */
export const unknownTemplate: Rule = {
  id: 'unknown-template',
  description: 'A template id, in the front matter or the settings, that names no known template',
  defaultSeverity: 'error',
  tags: ['template', 'front-matter'],
  check: function checkUnknownTemplate({ document, template, templateId, templates, report }) {
    if (template) return;
    const ids = templates.list().map((t) => t.id);
    const available = ids.length ? `the available templates are ${listText(ids.map((id) => `'${id}'`))}` : 'no templates are available';
    const field = document.frontMatter?.fields.get('template');
    if (!field || typeof field.value !== 'string' || field.value.trim() !== templateId) {
      // The configured default names no template.
      report({ message: `Unknown default template '${templateId}' in the settings, ${available}`, span: { start: 0, end: 0 } });
      return;
    }
    const closest = closestId(templateId, ids);
    const fixes: Fix[] = closest ? [{ title: `Use the template '${closest}'`, edits: [{ span: field.valueSpan, newText: closest }], suggestion: true }] : [];
    report({
      message: closest
        ? `Unknown template '${templateId}', did you mean '${closest}'? (${available})`
        : `Unknown template '${templateId}', ${available}`,
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    });
  },
};
