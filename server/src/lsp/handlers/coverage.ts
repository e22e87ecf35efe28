/** `synthesis/coverage`: the evidence coverage map of one synthesis, or of every synthesis in the workspace. */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CancellationToken } from 'vscode-languageserver';
import type { DocumentSource } from '../../core/index.js';
import { guard } from '../guard.js';
import { Requests, type CoverageParams, type CoverageResult } from '../protocol.js';
import type { ServerState } from '../state.js';
import { pathToUri } from '../uris.js';

export function registerCoverage(state: ServerState): void {
  state.connection.onRequest(
    Requests.coverage,
    guard(state.log, Requests.coverage, null, async (params: Partial<CoverageParams> | null, token: CancellationToken): Promise<CoverageResult> => {
      await state.ready;
      const sources: DocumentSource[] = [];
      if (typeof params?.uri === 'string') {
        const source = await state.anySource(params.uri);
        if (source) sources.push(source);
      } else {
        const seen = new Set<string>();
        for (const d of state.documents.all()) {
          seen.add(d.uri);
          const source = state.source(d.uri);
          if (source) sources.push(source);
        }
        let n = 0;
        for (const path of await state.index.files(() => token.isCancellationRequested)) {
          if (token.isCancellationRequested) break;
          const uri = pathToUri(path);
          if (seen.has(uri)) continue;
          const source = await state.diskSource(uri);
          if (source) sources.push(source);
          if (++n % 25 === 0) await nextTurn();
        }
        sources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      }
      const minimum = params?.minimum;
      // With the target × criterion view, which the coverage page shows under the map.
      return state.service.coverage(sources, { criteria: { language: state.locale }, ...(typeof minimum === 'number' && Number.isInteger(minimum) && minimum >= 0 ? { minimum } : {}) });
    }),
  );
}
