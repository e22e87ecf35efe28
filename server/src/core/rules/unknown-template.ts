import type { Fix } from '../types.js';
import { defineRule } from './rule.js';
import { list } from '../i18n/message.js';
import { closestId } from './util.js';

/** The template a document names must exist: built in, or a workspace template. */
export const unknownTemplate = defineRule({
  id: 'unknown-template',
  description: {
    en: 'A template id, in the front matter or the settings, that names no known template',
    es: 'Un identificador de plantilla, en los metadatos iniciales o en la configuración, que no corresponde a ninguna plantilla conocida',
    fr: 'Un identifiant de modèle, dans les métadonnées initiales ou les paramètres, qui ne correspond à aucun modèle connu',
  },
  defaultSeverity: 'error',
  tags: ['template', 'front-matter'],
  messages: {
    en: {
      available: 'the available templates are {list}',
      'none-available': 'no templates are available',
      default: "Unknown default template '{id}' in the settings, {available}",
      suggest: "Unknown template '{id}', did you mean '{closest}'? ({available})",
      unknown: "Unknown template '{id}', {available}",
      fix: "Use the template '{id}'",
    },
    es: {
      available: 'las plantillas disponibles son {list}',
      'none-available': 'no hay ninguna plantilla disponible',
      default: "La plantilla predeterminada '{id}' de la configuración no existe; {available}",
      suggest: "La plantilla '{id}' no existe; ¿quiso decir '{closest}'? ({available})",
      unknown: "La plantilla '{id}' no existe; {available}",
      fix: "Usar la plantilla '{id}'",
    },
    fr: {
      available: 'les modèles disponibles sont {list}',
      'none-available': "aucun modèle n'est disponible",
      default: "Le modèle par défaut '{id}' des paramètres n'existe pas ; {available}",
      suggest: "Le modèle '{id}' n'existe pas ; vouliez-vous dire '{closest}' ? ({available})",
      unknown: "Le modèle '{id}' n'existe pas ; {available}",
      fix: "Utiliser le modèle '{id}'",
    },
  },
  check: function checkUnknownTemplate({ document, template, templateId, templates, report, message }) {
    if (template) return;
    const ids = templates.list().map((t) => t.id);
    const available = ids.length ? message('available', { list: list(ids.map((id) => `'${id}'`)) }) : message('none-available');
    const field = document.frontMatter?.fields.get('template');
    if (!field || typeof field.value !== 'string' || field.value.trim() !== templateId) {
      // The configured default names no template.
      report({ message: message('default', { id: templateId, available }), span: { start: 0, end: 0 } });
      return;
    }
    const closest = closestId(templateId, ids);
    const fixes: Fix[] = closest ? [{ title: message('fix', { id: closest }), edits: [{ span: field.valueSpan, newText: closest }], suggestion: true }] : [];
    report({
      message: closest
        ? message('suggest', { id: templateId, closest, available })
        : message('unknown', { id: templateId, available }),
      span: field.valueSpan,
      ...(fixes.length ? { fixes } : {}),
    });
  },
});
