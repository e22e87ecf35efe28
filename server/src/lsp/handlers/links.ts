/** textDocument/documentLink: the report link and other links of the front matter and text. */
import { documentLinks } from '../../core/index.js';
import { toDocumentLink } from '../convert.js';
import { guard } from '../guard.js';
import type { ServerState } from '../state.js';

export function registerLinks(state: ServerState): void {
  state.connection.onDocumentLinks(
    guard(state.log, 'documentLink', [], (p) => {
      const doc = state.parsed(p.textDocument.uri);
      return doc ? documentLinks(doc).map((l) => toDocumentLink(l, doc.lines)) : [];
    }),
  );
}
