/** textDocument/foldingRange: front matter, sections, fenced blocks. */
import { foldingRanges } from '../../core/index.js';
import { toFoldingRange } from '../convert.js';
import { guard } from '../guard.js';
import type { ServerState } from '../state.js';

export function registerFolding(state: ServerState): void {
  state.connection.onFoldingRanges(
    guard(state.log, 'foldingRange', [], (p) => {
      const doc = state.parsed(p.textDocument.uri);
      return doc ? foldingRanges(doc).map(toFoldingRange) : [];
    }),
  );
}
