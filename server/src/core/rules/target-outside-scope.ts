import { defineRule } from './rule.js';
import { list, msg } from '../i18n/message.js';
import { effectiveTemplate } from './util.js';

/**
 * A target section must belong to a goal the template covers (`goals` in the template; a template
 * that names no goals covers all 17). Only target sections count: prose may mention any goal.
 */
export const targetOutsideScope = defineRule({
  id: 'target-outside-scope',
  description: {
    en: 'A target section for an SDG goal that the template does not cover',
    es: 'Una sección de meta de un objetivo de los ODS que la plantilla no abarca',
    fr: 'Une section de cible pour un objectif des ODD que le modèle ne couvre pas',
  },
  defaultSeverity: 'warning',
  tags: ['sdg', 'template'],
  messages: {
    en: {
      one: "Expected a target of {covered} (the template '{template}' covers only that goal), found SDG {id}",
      many: "Expected a target of {covered} (the template '{template}' covers only those goals), found SDG {id}",
    },
    es: {
      one: "Se esperaba una meta de {covered} (la plantilla '{template}' solo abarca ese objetivo) y se encontró ODS {id}",
      many: "Se esperaba una meta de {covered} (la plantilla '{template}' solo abarca esos objetivos) y se encontró ODS {id}",
    },
    fr: {
      one: "Une cible de {covered} est attendue (le modèle '{template}' ne couvre que cet objectif), mais la section porte sur ODD {id}",
      many: "Une cible de {covered} est attendue (le modèle '{template}' ne couvre que ces objectifs), mais la section porte sur ODD {id}",
    },
  },
  check: function checkTargetOutsideScope(context) {
    const { document, catalogue, report, message } = context;
    const template = effectiveTemplate(context);
    if (!template || template.goals.length === 0 || template.goals.length >= catalogue.goals.length) return;
    const covered = list(
      template.goals.map((g) => msg('sdg.goal', { goal: g })),
      'or',
    );
    for (const heading of document.headings) {
      for (const ref of heading.targetTag?.refs ?? []) {
        // Goals that do not exist are for `unknown-target` to report.
        if (template.goals.includes(ref.goal) || !catalogue.goal(ref.goal)) continue;
        report({
          message: message(template.goals.length === 1 ? 'one' : 'many', { covered, template: template.id, id: ref.id }),
          span: ref.span,
        });
      }
    }
  },
});
