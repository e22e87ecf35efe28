/** textDocument/hover: an evaluation on a citation, else a tag's official text, a sources line's share, a heading's template section. */
import type { Hover } from 'vscode-languageserver';
import { citationHover, hover } from '../../core/index.js';
import { guard } from '../guard.js';
import { toOffset, toRange } from '../positions.js';
import type { ServerState } from '../state.js';

export function registerHover(state: ServerState): void {
  state.connection.onHover(
    guard(state.log, 'hover', null, async (p): Promise<Hover | null> => {
      const context = await state.context(p.textDocument.uri);
      if (!context) return null;
      const doc = context.document;
      const offset = toOffset(doc.lines, p.position);
      const info = citationHover(doc, offset, context.register?.register) ?? hover(doc, offset, { templates: context.templates, defaultTemplate: context.config.defaultTemplate, locale: state.locale, evidence: { register: context.register?.register, minimum: context.config.coverageMinimum } });
      return info ? { contents: { kind: 'markdown', value: info.contents }, range: toRange(doc.lines, info.span) } : null;
    }),
  );
}
