/** `synthesis/validateWorkspace`: every synthesis of the workspace checked into the Problems panel. */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CancellationToken } from 'vscode-languageserver';
import type { Finding } from '../../core/index.js';
import { toDiagnostics } from '../diagnostics.js';
import { guard } from '../guard.js';
import { Requests, type ValidateWorkspaceResult } from '../protocol.js';
import type { ServerState } from '../state.js';
import { pathToUri } from '../uris.js';

export function registerValidateWorkspace(state: ServerState): void {
  state.connection.onRequest(
    Requests.validateWorkspace,
    guard(state.log, Requests.validateWorkspace, { files: 0, errors: 0, warnings: 0 }, async (_params: unknown, token: CancellationToken): Promise<ValidateWorkspaceResult> => {
      await state.ready;
      const result: ValidateWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
      const count = (findings: readonly Finding[]): void => {
        for (const f of findings) {
          if (f.severity === 'error') result.errors++;
          else if (f.severity === 'warning') result.warnings++;
        }
      };
      const seen = new Set<string>();
      for (const doc of state.documents.all()) {
        seen.add(doc.uri);
        const analysis = await state.analysis(doc.uri);
        if (!analysis) continue;
        result.files++;
        count(analysis.findings);
        await state.scheduler.validate(doc.uri);
      }
      for (const path of await state.index.files(() => token.isCancellationRequested)) {
        if (token.isCancellationRequested) break;
        const uri = pathToUri(path);
        if (seen.has(uri) || state.documents.get(uri)) continue;
        const source = await state.diskSource(uri);
        if (!source) continue;
        const analysis = await state.service.analyze(source);
        state.index.update(uri, analysis.document);
        result.files++;
        count(analysis.findings);
        await state.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(analysis.findings, analysis.document.lines, null, state.locale) });
        await state.sideFiles.show(analysis.related);
        if (result.files % 25 === 0) await nextTurn();
      }
      return result;
    }),
  );
}
