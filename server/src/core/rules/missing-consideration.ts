import { findMissingConsiderations } from '../findings/checks.js';
import { defineRule } from './rule.js';
import { effectiveTemplate } from './util.js';

/**
 * A target section whose template asks for a consideration in each (`considerations: true` on the
 * section that holds them, as the built-in meta-synthesis template does) but that has none. Only
 * where the document has an evidence register, so documents without one see no new findings.
 */
export const missingConsideration = defineRule({
  id: 'missing-consideration',
  description: {
    en: 'A target section without a consideration, where the template asks for one in each',
    es: 'Una sección de meta sin consideración, cuando la plantilla pide una en cada una',
    fr: 'Une section de cible sans considération, alors que le modèle en demande une dans chacune',
  },
  defaultSeverity: 'warning',
  tags: ['findings', 'template'],
  messages: {
    en: {
      message: "Expected a consideration in the target section '{heading}', as the template '{template}' asks for one in each; add a paragraph that opens with **Consideration:**",
    },
    es: {
      message: 'Se esperaba una consideración en la sección de meta «{heading}», ya que la plantilla «{template}» pide una en cada una; añada un párrafo que empiece por **Consideración:**',
    },
    fr: {
      message: 'Une considération est attendue dans la section de cible « {heading} », car le modèle « {template} » en demande une dans chacune ; ajoutez un paragraphe qui commence par **Considération :**',
    },
  },
  check: function checkMissingConsideration(context) {
    const { document, evidence, report, message } = context;
    const template = effectiveTemplate(context);
    if (!evidence || !template) return;
    const required = template.sections.some((s) => s.targets && s.considerations);
    for (const missing of findMissingConsiderations(document, { required })) {
      report({ message: message('message', { heading: missing.heading, template: template.id }), span: missing.span });
    }
  },
});
