/** textDocument/codeAction: the fixes the findings carry, and "disable this rule here". */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { disableRuleFix, wordMessage, type Finding, type Fix } from '../../core/index.js';
import { DIAGNOSTIC_SOURCE, toDiagnostic, type DiagnosticData } from '../diagnostics.js';
import { toTextEdit } from '../convert.js';
import { guard } from '../guard.js';
import { toRange, toSpan } from '../positions.js';
import type { ServerState } from '../state.js';

export function registerCodeActions(state: ServerState): void {
  state.connection.onCodeAction(
    guard(state.log, 'codeAction', [], async (params): Promise<CodeAction[]> => {
      const only = params.context.only;
      if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
      const uri = params.textDocument.uri;
      const analysis = await state.analysis(uri);
      if (!analysis) return [];
      const lines = analysis.document.lines;
      const span = toSpan(lines, params.range);
      const asked = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);

      const pairs: Array<{ finding: Finding; diagnostic: Diagnostic }> = [];
      for (const finding of analysis.findings) {
        if (finding.span.start > span.end || span.start > finding.span.end) continue;
        const range = toRange(lines, finding.span);
        const diagnostic =
          asked.length > 0
            ? asked.find((d) => ((d.data as DiagnosticData | undefined)?.rule ?? d.code) === finding.rule && sameRange(d.range, range))
            : toDiagnostic(finding, lines, analysis.version, state.locale);
        if (diagnostic) pairs.push({ finding, diagnostic });
      }

      const actions: CodeAction[] = [];
      const toAction = (fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction => {
        const action: CodeAction = {
          title: wordMessage(fix.title, state.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(e, lines)) } },
        };
        if (preferred) action.isPreferred = true;
        return action;
      };
      for (const { finding, diagnostic } of pairs) (finding.fixes ?? []).forEach((fix, i) => actions.push(toAction(fix, diagnostic, i === 0)));
      const disables = new Set<string>();
      for (const { finding, diagnostic } of pairs) {
        const fix = disableRuleFix(analysis.document, finding);
        if (!fix) continue;
        const key = JSON.stringify(fix);
        if (disables.has(key)) continue;
        disables.add(key);
        actions.push(toAction(fix, diagnostic, false));
      }
      return actions;
    }),
  );
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
