/**
 * `synthesis/render`: the preview's HTML (or, with `standalone`, the exported page), rendered from
 * the same analysis as the document's diagnostics: its problem marks are the Problems panel's.
 */
import { guard } from '../guard.js';
import { Requests, type RenderParams, type RenderResult } from '../protocol.js';
import type { ServerState } from '../state.js';

export function registerRender(state: ServerState): void {
  state.connection.onRequest(
    Requests.render,
    guard(state.log, Requests.render, null, async (params: Partial<RenderParams> | null): Promise<RenderResult | null> => {
      if (typeof params?.uri !== 'string') return null;
      await state.ready;
      const uri = params.uri;
      const open = state.source(uri);
      const path = state.pathOf(uri);
      const source = open ?? (typeof params.text === 'string' ? { key: uri, ...(path !== undefined ? { path } : {}), text: params.text, version: null, transient: true } : await state.diskSource(uri));
      if (!source) return null;
      return state.service.render(await state.service.analyze(source), { standalone: params.standalone === true, locale: state.locale });
    }),
  );
}
