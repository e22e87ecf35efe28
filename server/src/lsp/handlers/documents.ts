/** The open documents: each change schedules a check; a closed document is forgotten. */
import { guardNotification } from '../guard.js';
import type { ServerState } from '../state.js';

export function registerDocuments(state: ServerState): void {
  const { documents, connection, log } = state;
  documents.onDidChangeContent(guardNotification(log, 'didChange', (e) => state.scheduler.changed(e.document.uri)));
  documents.onDidSave(guardNotification(log, 'didSave', (e) => state.scheduler.schedule(e.document.uri, 0)));
  documents.onDidClose(
    guardNotification(log, 'didClose', (e) => {
      const uri = e.document.uri;
      state.scheduler.closed(uri);
      state.service.forget(uri);
      if (!uri.startsWith('file:')) state.index.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );
  documents.listen(connection);
}
