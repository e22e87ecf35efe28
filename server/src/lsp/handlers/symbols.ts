/** textDocument/documentSymbol (the outline) and workspace/symbol (target sections across files). */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { documentSymbols } from '../../core/index.js';
import { toDocumentSymbol, toSymbolInformation } from '../convert.js';
import { guard } from '../guard.js';
import type { ServerState } from '../state.js';

export function registerSymbols(state: ServerState): void {
  state.connection.onDocumentSymbol(
    guard(state.log, 'documentSymbol', [], (p): DocumentSymbol[] | SymbolInformation[] => {
      const doc = state.parsed(p.textDocument.uri);
      if (!doc) return [];
      const symbols = documentSymbols(doc);
      return state.capabilities.hierarchicalSymbols ? symbols.map((s) => toDocumentSymbol(s, doc.lines)) : toSymbolInformation(symbols, doc.lines, p.textDocument.uri);
    }),
  );
  state.connection.onWorkspaceSymbol(
    guard(state.log, 'workspaceSymbol', [], (p): SymbolInformation[] => {
      const q = String(p.query ?? '').trim().toLowerCase();
      const out: SymbolInformation[] = [];
      for (const [uri, targets] of state.index.targets()) {
        for (const target of targets) {
          if (q && !target.name.toLowerCase().includes(q) && !target.ids.some((id) => id.startsWith(q))) continue;
          out.push({ name: target.name, kind: SymbolKind.Key, location: { uri, range: target.range } });
          if (out.length >= 1000) return out;
        }
      }
      return out;
    }),
  );
}
