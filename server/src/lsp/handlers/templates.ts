/** `synthesis/templates`: the templates a document may name (of its project), for the skeleton command. */
import type { Locale, Template } from '../../core/index.js';
import { guard } from '../guard.js';
import { Requests, type TemplateInfo, type TemplatesParams } from '../protocol.js';
import type { ServerState } from '../state.js';
import { projectPath } from './project-path.js';

export function registerTemplates(state: ServerState): void {
  state.connection.onRequest(
    Requests.templates,
    guard(state.log, Requests.templates, [], async (params: TemplatesParams | null): Promise<TemplateInfo[]> => {
      await state.ready;
      const registry = await state.service.templates(projectPath(state, params?.uri));
      return registry.list().map((t) => templateInfo(t, state.locale));
    }),
  );
}

/** A template as the editor shows it, in the user's language (the picker's title and description). */
export function templateInfo(t: Template, locale: Locale): TemplateInfo {
  return {
    id: t.id,
    title: t.titles[locale],
    description: t.descriptions[locale],
    origin: t.origin,
    sections: t.sections.map((s) => ({ id: s.id, heading: s.headings[locale], level: s.level, required: s.required, targets: s.targets, sources: s.sources, description: s.descriptions?.[locale] ?? null })),
    requiredFields: t.requiredFields.map((alternatives) => [...alternatives]),
    goals: [...t.goals],
    sourceLabels: [...t.labels[locale]],
  };
}
