/** `synthesis/skeleton`: the text of a new synthesis following a template of the document's project. */
import { guard } from '../guard.js';
import { Requests, type SkeletonParams, type SkeletonResult } from '../protocol.js';
import type { ServerState } from '../state.js';
import { projectPath } from './project-path.js';

export function registerSkeleton(state: ServerState): void {
  state.connection.onRequest(
    Requests.skeleton,
    guard(state.log, Requests.skeleton, null, async (params: SkeletonParams | null): Promise<SkeletonResult> => {
      if (typeof params?.templateId !== 'string') return null;
      await state.ready;
      const path = projectPath(state, params.uri);
      const language = params.language === 'en' || params.language === 'es' || params.language === 'fr' ? params.language : state.locale;
      const text = await state.service.skeleton(params.templateId, { snippet: params.snippet === true, language, ...(path !== undefined ? { path } : {}) });
      return text === undefined ? null : { text };
    }),
  );
}
