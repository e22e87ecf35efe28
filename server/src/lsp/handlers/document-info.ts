/** `synthesis/documentInfo`: an open document's template and problem counts, for the status bar. */
import { guard } from '../guard.js';
import { Requests, type DocumentInfo, type DocumentInfoParams } from '../protocol.js';
import type { ServerState } from '../state.js';

export function registerDocumentInfo(state: ServerState): void {
  state.connection.onRequest(
    Requests.documentInfo,
    guard(state.log, Requests.documentInfo, null, async (params: Partial<DocumentInfoParams> | null): Promise<DocumentInfo | null> => {
      if (typeof params?.uri !== 'string') return null;
      const analysis = await state.analysis(params.uri);
      if (!analysis) return null;
      return {
        templateId: analysis.templateId,
        templateTitle: analysis.template?.title ?? null,
        errors: analysis.findings.filter((f) => f.severity === 'error').length,
        warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
      };
    }),
  );
}
