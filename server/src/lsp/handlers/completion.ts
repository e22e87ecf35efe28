/** textDocument/completion: evaluation ids after `[@`, else SDG ids, headings, fields and labels. */
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver';
import { complete, completeCitation } from '../../core/index.js';
import { toCompletionItem } from '../convert.js';
import { guard } from '../guard.js';
import { toOffset } from '../positions.js';
import type { ServerState } from '../state.js';

export function registerCompletion(state: ServerState): void {
  state.connection.onCompletion(
    guard(state.log, 'completion', null, async (p): Promise<CompletionList | null> => {
      const context = await state.context(p.textDocument.uri);
      if (!context) return null;
      const doc = context.document;
      const offset = toOffset(doc.lines, p.position);
      const cited = completeCitation(doc, offset, context.register?.register);
      if (cited) return { isIncomplete: false, items: cited.map((i) => ({ ...toCompletionItem(i, doc.lines), kind: CompletionItemKind.Reference })) };
      const items = complete(doc, offset, { templates: context.templates, defaultTemplate: context.config.defaultTemplate, workspaceLabels: state.index.labels(), locale: state.locale });
      return { isIncomplete: false, items: items.map((i) => toCompletionItem(i, doc.lines)) };
    }),
  );
}
