/** `synthesis/templates`: the templates a document may name (of its project), for the skeleton command. */
import type { Template } from '../../core/index.js';
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
      return registry.list().map(templateInfo);
    }),
  );
}

export function templateInfo(t: Template): TemplateInfo {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    origin: t.origin,
    sections: t.sections.map((s) => ({ id: s.id, heading: s.heading, level: s.level, required: s.required, targets: s.targets, sources: s.sources, description: s.description ?? null })),
    requiredFields: t.requiredFields.map((alternatives) => [...alternatives]),
    goals: [...t.goals],
    sourceLabels: [...t.sourceLabels],
  };
}
