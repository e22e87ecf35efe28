/** The core's plain feature data -> LSP shapes. Positions go through positions.ts. */
import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver';
import type {
  Completion,
  CompletionKind,
  DocumentLink as CoreLink,
  FoldingRegion,
  LineIndex,
  OutlineKind,
  OutlineSymbol,
  TextEdit as CoreEdit,
} from '../core/index.js';
import { toRange } from './positions.js';

const COMPLETION_KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  goal: CompletionItemKind.Module,
  target: CompletionItemKind.EnumMember,
  indicator: CompletionItemKind.Constant,
  section: CompletionItemKind.Struct,
  'target-section': CompletionItemKind.EnumMember,
  field: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  label: CompletionItemKind.Field,
};

export function toCompletionItem(item: Completion, lines: LineIndex): CompletionItem {
  const out: CompletionItem = {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    sortText: item.sortText,
    filterText: item.filterText ?? item.insertText,
    textEdit: { range: toRange(lines, item.replace), newText: item.insertText },
  };
  if (item.detail !== undefined) out.detail = item.detail;
  if (item.documentation !== undefined) out.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
  return out;
}

const SYMBOL_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  'front-matter': SymbolKind.Module,
  section: SymbolKind.String,
  'target-section': SymbolKind.Key,
  sources: SymbolKind.Array,
  'sources-entry': SymbolKind.Number,
  consideration: SymbolKind.Event,
};

export function toDocumentSymbol(symbol: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  const out: DocumentSymbol = {
    name: symbol.name,
    kind: SYMBOL_KINDS[symbol.kind],
    range: toRange(lines, symbol.span),
    selectionRange: toRange(lines, symbol.selectionSpan),
    children: symbol.children.map((c) => toDocumentSymbol(c, lines)),
  };
  if (symbol.detail !== undefined) out.detail = symbol.detail;
  return out;
}

/** For clients without hierarchical symbols: the same symbols, flat, each naming its container. */
export function toSymbolInformation(symbols: readonly OutlineSymbol[], lines: LineIndex, uri: string, container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const symbol of symbols) {
    const info: SymbolInformation = { name: symbol.name, kind: SYMBOL_KINDS[symbol.kind], location: { uri, range: toRange(lines, symbol.span) } };
    if (container !== undefined) info.containerName = container;
    out.push(info, ...toSymbolInformation(symbol.children, lines, uri, symbol.name));
  }
  return out;
}

export function toFoldingRange(region: FoldingRegion): FoldingRange {
  return { startLine: region.startLine, endLine: region.endLine };
}

export function toDocumentLink(link: CoreLink, lines: LineIndex): DocumentLink {
  return { range: toRange(lines, link.span), target: link.target };
}

export function toTextEdit(edit: CoreEdit, lines: LineIndex): TextEdit {
  return { range: toRange(lines, edit.span), newText: edit.newText };
}
