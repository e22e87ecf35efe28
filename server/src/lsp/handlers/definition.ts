/** textDocument/definition on a citation: the evaluation's row in the register file. */
import type { Location } from 'vscode-languageserver';
import { citationDefinition } from '../../core/index.js';
import { guard } from '../guard.js';
import { toOffset } from '../positions.js';
import type { ServerState } from '../state.js';
import { pathToUri } from '../uris.js';

export function registerDefinition(state: ServerState): void {
  state.connection.onDefinition(
    guard(state.log, 'definition', null, async (p): Promise<Location | null> => {
      const context = await state.context(p.textDocument.uri);
      if (!context?.register) return null;
      const doc = context.document;
      const entry = citationDefinition(doc, toOffset(doc.lines, p.position), context.register.register);
      if (!entry) return null;
      const at = { line: entry.line - 1, character: 0 };
      return { uri: pathToUri(context.register.path), range: { start: at, end: at } };
    }),
  );
}
