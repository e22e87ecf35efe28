/**
 * textDocument/references on a citation: every citation of the evaluation in the syntheses of the
 * workspace that use the same register (the same id in another register is another evaluation).
 */
import type { Location } from 'vscode-languageserver';
import { citationAt, citationsOf, type SynthesisDocument } from '../../core/index.js';
import { guard } from '../guard.js';
import { toOffset, toRange } from '../positions.js';
import type { ServerState } from '../state.js';
import { pathToUri } from '../uris.js';

export function registerReferences(state: ServerState): void {
  state.connection.onReferences(
    guard(state.log, 'references', [], async (p): Promise<Location[]> => {
      const uri = p.textDocument.uri;
      const here = await state.context(uri);
      if (!here) return [];
      const citation = citationAt(here.document, toOffset(here.document.lines, p.position));
      if (!citation) return [];
      const id = citation.id;
      const registerPath = here.register?.path;
      const out: Location[] = [];
      const entry = here.register?.register.byId.get(id);
      if (p.context?.includeDeclaration === true && registerPath && entry) {
        const at = { line: entry.line - 1, character: 0 };
        out.push({ uri: pathToUri(registerPath), range: { start: at, end: at } });
      }
      const add = (other: string, document: SynthesisDocument): void => {
        for (const c of citationsOf(document, id)) out.push({ uri: other, range: toRange(document.lines, c.span) });
      };
      add(uri, here.document);
      const seen = new Set<string>([uri]);
      for (const d of state.documents.all()) {
        if (seen.has(d.uri)) continue;
        seen.add(d.uri);
        const context = await state.context(d.uri);
        if (context && context.register?.path === registerPath) add(d.uri, context.document);
      }
      for (const other of state.index.citing(id, seen)) {
        const source = await state.diskSource(other);
        if (!source) continue;
        const context = await state.service.context(source);
        if (context.register?.path === registerPath) add(other, context.document);
      }
      return out;
    }),
  );
}
