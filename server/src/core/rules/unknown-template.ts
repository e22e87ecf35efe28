import type { Fix } from '../types.js';
import type { Rule } from './rule.js';
import { closestId, listText } from './util.js';

/** The template a document names must exist: built in, or a workspace template. */
export const unknownTemplate: Rule = {
  id: 'unknown-template',
  description: 'A template id, in the front matter or the settings, that names no known template',
  defaultSeverity: 'error',
  tags: ['template', 'front-matter'],
  check: function checkUnknownTemplate({ document, template, templateId, templates, report, t, locale }) {
    if (template) return;
    const ids = templates.list().map((t) => t.id);
    const available = ids.length ? t('unknown-template.available', { list: listText(ids.map((id) => `'${id}'`), 'and', locale) }) : t('unknown-template.none-available');
    const field = document.frontMatter?.fields.get('template');
    if (!field || typeof field.value !== 'string' || field.value.trim() !== templateId) {
      // The configured default names no template.
      report({ message: t('unknown-template.default', { id: templateId, available }), span: { start: 0, end: 0 } });
      return;
    }
    const closest = closestId(templateId, ids);
    const fixes: Fix[] = closest ? [{ title: t('unknown-template.fix', { id: closest }), edits: [{ span: field.valueSpan, newText: closest }], suggestion: true }] : [];
    report({
      message: closest
        ? t('unknown-template.suggest', { id: templateId, closest, available })
        : t('unknown-template.unknown', { id: templateId, available }),
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    });
  },
};
