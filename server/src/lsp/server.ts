/**
 * The language server: wires the protocol to the core. Handlers are thin (find the document, ask the
 * core, convert), every one is guarded, and all analysis goes through `analyseDocument`, which caches
 * one result per document version.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Range,
  type ServerCapabilities,
  type SymbolInformation,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeDocument,
  citationAt,
  citationDefinition,
  citationHover,
  citationsOf,
  completeCitation,
  coverageMatrix,
  type CoverageMatrix,
  type CoverageSource,
  renderPreview,
  renderStandalonePage,
  IncrementalParser,
  builtinTemplates,
  complete,
  disableRuleFix,
  documentLinks,
  documentSymbols,
  foldingRanges,
  hover,
  LineIndex,
  parse,
  resolveLocale,
  targetSections,
  type Analysis,
  type AnalysisOptions,
  type Finding,
  type Fix,
  type Locale,
  type SynthesisDocument,
  type TemplateRegistry,
  msg,
  wordMessage,
} from '../core/index.js';
import { toDocumentLink, toDocumentSymbol, toCompletionItem, toFoldingRange, toSymbolInformation, toTextEdit } from './convert.js';
import { DIAGNOSTIC_SOURCE, toDiagnostic, toDiagnostics, type DiagnosticData } from './diagnostics.js';
import { findSyntheses, pathToUri, readTemplateFiles, readText, SYNTHESIS_SUFFIX, templateFolders, uriToPath } from './files.js';
import { guard, guardNotification } from './guard.js';
import { problemRange, toOffset, toRange, toSpan } from './positions.js';
import { DEFAULT_SETTINGS, DEFAULT_TEMPLATE_FOLDER, readSettings, type Settings } from './settings.js';
import { EVIDENCE_WATCHERS, EvidenceRegisters } from './evidence.js';

/** Diagnostics wait this long after the last keystroke (ms). `initializationOptions.validationDelay` overrides it. */
export const DEFAULT_VALIDATION_DELAY = 200;

/** The custom requests, for clients (the VS Code extension's commands and status bar). */
export const Requests = {
  validateWorkspace: 'synthesis/validateWorkspace',
  templates: 'synthesis/templates',
  documentInfo: 'synthesis/documentInfo',
  render: 'synthesis/render',
  coverage: 'synthesis/coverage',
  /** `{ pid }` of the server process, so a test can stop it and watch the client restart it. */
  serverInfo: 'synthesis/serverInfo',
} as const;

/**
 * `synthesis/coverage` {uri?, minimum?}: the evidence coverage map of one synthesis, or of every
 * synthesis in the workspace. Files are named by their URIs.
 */
export type CoverageResult = CoverageMatrix;

/** `synthesis/render`: the preview's body fragment, or with `standalone` a complete page for export. */
export interface RenderResult {
  html: string;
  title: string;
}

export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

export interface DocumentInfo {
  templateId: string;
  templateTitle: string | null;
  errors: number;
  warnings: number;
}

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  origin: string;
  sections: Array<{ id: string; heading: string; level: number; required: boolean; targets: boolean; sources: boolean; description: string | null }>;
  /** Required front-matter fields; each entry lists alternatives. */
  requiredFields: string[][];
  /** SDG goals whose targets may head target sections. */
  goals: number[];
  /** Vocabulary of sources-block labels. */
  sourceLabels: string[];
}

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  completionProvider: { triggerCharacters: [' ', '.', '#', ':', '/', '@'] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  workspaceSymbolProvider: true,
};

interface IndexEntry {
  targets: Array<{ name: string; ids: string[]; range: Range }>;
  labels: string[];
}

export class SynthesisServer {
  private readonly documents = new TextDocuments(TextDocument);
  private settings: Settings = DEFAULT_SETTINGS;
  /** The editor's display language (`InitializeParams.locale`): messages, fix titles, hovers' own words. */
  private locale: Locale = 'en';
  private templates: TemplateRegistry = builtinTemplates();
  private roots: string[] = [];
  private validationDelay = DEFAULT_VALIDATION_DELAY;
  private canAskConfiguration = false;
  private canRegisterWatchers = false;
  private canRegisterConfiguration = false;
  private hierarchicalSymbols = false;
  /** Bumped whenever settings or templates change: cached analyses of an older generation are stale. */
  private generation = 0;
  private readonly parses = new Map<string, { version: number; document: SynthesisDocument }>();
  /** One incremental parser per open document: an edit re-parses only the chunks it touched. */
  private readonly parsers = new Map<string, IncrementalParser>();
  private readonly analyses = new Map<string, { version: number; generation: number; analysis: Analysis }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest version published per open document: nothing older is ever published after it. */
  private readonly published = new Map<string, number>();
  /** Template files whose problems are shown as diagnostics. */
  private templateDiagnostics = new Set<string>();
  /** Target sections and sources labels of every synthesis seen, by URI. */
  private readonly index = new Map<string, IndexEntry>();
  private readonly loggedProblems = new Set<string>();
  /** Evidence registers of the syntheses, and the citations of every synthesis seen (by URI). */
  private readonly evidence: EvidenceRegisters;
  private readonly citationIndex = new Map<string, Array<{ id: string; range: Range }>>();
  private templatesLoading: Promise<void> = Promise.resolve();
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(private readonly connection: Connection) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.evidence = new EvidenceRegisters(
      (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
      () => this.settings.rules.evidence,
    );
  }

  private readonly log = (message: string): void => this.connection.console.error(message);

  listen(): void {
    const c = this.connection;
    const log = this.log;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(guardNotification(log, 'initialized', () => this.initialized()));
    c.onDidChangeConfiguration(guardNotification(log, 'didChangeConfiguration', (p) => this.configurationChanged(p.settings)));
    c.onDidChangeWatchedFiles(guardNotification(log, 'didChangeWatchedFiles', (p) => this.watchedFilesChanged(p.changes)));

    this.documents.onDidChangeContent(guardNotification(log, 'didChange', (e) => this.contentChanged(e.document)));
    this.documents.onDidSave(guardNotification(log, 'didSave', (e) => this.schedule(e.document.uri, 0)));
    this.documents.onDidClose(guardNotification(log, 'didClose', (e) => this.closed(e.document.uri)));

    c.onCompletion(guard(log, 'completion', null, (p) => this.completion(p.textDocument.uri, p.position)));
    c.onHover(guard(log, 'hover', null, (p) => this.hover(p.textDocument.uri, p.position)));
    c.onCodeAction(guard(log, 'codeAction', [], (p) => this.codeActions(p)));
    c.onDocumentSymbol(guard(log, 'documentSymbol', [], (p) => this.documentSymbols(p.textDocument.uri)));
    c.onFoldingRanges(guard(log, 'foldingRange', [], (p) => {
      const doc = this.parsedByUri(p.textDocument.uri);
      return doc ? foldingRanges(doc).map(toFoldingRange) : [];
    }));
    c.onDocumentLinks(guard(log, 'documentLink', [], (p) => {
      const doc = this.parsedByUri(p.textDocument.uri);
      return doc ? documentLinks(doc).map((l) => toDocumentLink(l, doc.lines)) : [];
    }));
    c.onWorkspaceSymbol(guard(log, 'workspaceSymbol', [], (p) => this.workspaceSymbols(String(p.query ?? ''))));
    c.onDefinition(guard(log, 'definition', null, (p) => this.definition(p.textDocument.uri, p.position)));
    c.onReferences(guard(log, 'references', [], (p) => this.references(p.textDocument.uri, p.position, p.context?.includeDeclaration === true)));
    c.onRequest(
      Requests.coverage,
      guard(log, Requests.coverage, null, (p: { uri?: unknown; minimum?: unknown } | null, token: CancellationToken) => this.coverage(p, token)),
    );

    c.onRequest(
      Requests.validateWorkspace,
      guard(log, Requests.validateWorkspace, { files: 0, errors: 0, warnings: 0 }, (_params: unknown, token: CancellationToken) => this.validateWorkspace(token)),
    );
    c.onRequest(Requests.templates, guard(log, Requests.templates, [], () => this.templateInfos()));
    c.onRequest(Requests.serverInfo, guard(log, Requests.serverInfo, null, () => ({ pid: process.pid })));
    c.onRequest(
      Requests.render,
      guard(log, Requests.render, null, (p: { uri?: unknown; text?: unknown; standalone?: unknown } | null) => this.render(p)),
    );
    c.onRequest(Requests.documentInfo, guard(log, Requests.documentInfo, null, (p: { uri?: unknown } | null) => this.documentInfo(p?.uri)));
    c.onShutdown(() => {
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
    });

    this.documents.listen(c);
    c.listen();
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle and settings

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.canAskConfiguration = caps.workspace?.configuration === true;
    this.canRegisterWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = folders.map(uriToPath).filter((p): p is string => p !== undefined);
    if (this.roots.length === 0 && params.rootPath) this.roots = [params.rootPath];
    const delay = (params.initializationOptions as { validationDelay?: unknown } | null | undefined)?.validationDelay;
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) this.validationDelay = delay;
    this.locale = resolveLocale(params.locale) ?? 'en';
    return { capabilities: CAPABILITIES, serverInfo: { name: 'synthesis-markdown-language-server' } };
  }

  private async initialized(): Promise<void> {
    try {
      if (this.canRegisterWatchers) {
        await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/*${SYNTHESIS_SUFFIX}` }, { globPattern: '**/*.{yaml,yml}' }, ...EVIDENCE_WATCHERS],
        });
      }
      if (this.canRegisterConfiguration) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'synthesis' });
      if (this.canAskConfiguration) this.applySettings(await this.connection.workspace.getConfiguration({ section: 'synthesis' }));
      await this.reloadTemplates();
    } finally {
      this.markReady();
    }
    await this.indexWorkspace();
  }

  private applySettings(raw: unknown): void {
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) {
      if (this.loggedProblems.has(problem)) continue;
      this.loggedProblems.add(problem);
      this.connection.console.warn(`Synthesis settings: ${problem}`);
    }
    this.settings = settings;
    this.generation++;
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    const before = this.settings.templateFolders.join('\n');
    if (this.canAskConfiguration) this.applySettings(await this.connection.workspace.getConfiguration({ section: 'synthesis' }));
    else this.applySettings((pushed as { synthesis?: unknown } | null)?.synthesis);
    if (this.settings.templateFolders.join('\n') !== before) await this.reloadTemplates();
    this.evidence.reset();
    this.revalidateAll();
  }

  private templateFolderPaths(): string[] {
    return templateFolders(this.roots, this.settings.templateFolders, DEFAULT_TEMPLATE_FOLDER);
  }

  /** Re-reads the workspace templates; a malformed one gets diagnostics on its own file and is left out. */
  private reloadTemplates(): Promise<void> {
    const run = async (): Promise<void> => {
      const files = await readTemplateFiles(this.templateFolderPaths());
      this.templates = builtinTemplates().with(files.flatMap((f) => (f.template ? [f.template] : [])));
      this.generation++;
      const shown = new Set<string>();
      for (const file of files) {
        if (file.problems.length === 0) continue;
        const uri = pathToUri(file.path);
        const lines = new LineIndex(file.text);
        const severity = file.template ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        const diagnostics: Diagnostic[] = file.problems.map((p, i) => ({
          range: problemRange(lines, p.line, p.column),
          severity,
          source: DIAGNOSTIC_SOURCE,
          code: 'template',
          message: wordMessage(i === 0 && !file.template ? msg('template.not-used', { problem: p.message }) : p.message, this.locale),
        }));
        shown.add(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics });
      }
      for (const uri of this.templateDiagnostics) if (!shown.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.templateDiagnostics = shown;
    };
    // One reload at a time, in order.
    this.templatesLoading = this.templatesLoading.then(run, run);
    return this.templatesLoading;
  }

  private async watchedFilesChanged(changes: ReadonlyArray<{ uri: string; type: number }>): Promise<void> {
    const folders = this.templateFolderPaths();
    let templatesChanged = false;
    for (const change of changes) {
      const path = uriToPath(change.uri);
      if (!path) continue;
      if (/\.ya?ml$/i.test(path) && folders.some((f) => path.startsWith(`${f}/`) || path.startsWith(`${f}\\`))) templatesChanged = true;
      if (path.endsWith(SYNTHESIS_SUFFIX) && !this.documents.get(change.uri)) {
        if (change.type === FileChangeType.Deleted) this.index.delete(change.uri);
        else {
          const text = await readText(path);
          if (text !== undefined) this.indexDocument(change.uri, parse(text));
        }
      }
    }
    if (templatesChanged) {
      await this.reloadTemplates();
      this.revalidateAll();
    } else if (this.evidenceFilesChanged(changes)) {
      this.revalidateAll();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Analysis and diagnostics

  private analysisOptions(): AnalysisOptions {
    return { templates: this.templates, defaultTemplate: this.settings.defaultTemplate, severities: this.settings.rules };
  }

  /** The parse of one version of a document, cached. Cheap requests (completion, hover) use only this. */
  private parsed(uri: string, text: string, version: number): SynthesisDocument {
    const cached = this.parses.get(uri);
    if (cached && cached.version === version) return cached.document;
    let parser = this.parsers.get(uri);
    if (!parser) {
      parser = new IncrementalParser();
      this.parsers.set(uri, parser);
    }
    const document = parser.parse(text);
    this.parses.set(uri, { version, document });
    return document;
  }

  private parsedByUri(uri: string): SynthesisDocument | undefined {
    const doc = this.documents.get(uri);
    return doc ? this.parsed(uri, doc.getText(), doc.version) : undefined;
  }

  /** The analysis of one version of a document, under the current settings; cached per version. */
  analyseDocument(uri: string, text: string, version: number): Analysis {
    const cached = this.analyses.get(uri);
    if (cached && cached.version === version && cached.generation === this.generation) return cached.analysis;
    const document = this.parsed(uri, text, version);
    const evidence = this.evidence.register(uri, document);
    const analysis = analyzeDocument(document, { ...this.analysisOptions(), ...(evidence ? { evidence } : {}) });
    this.analyses.set(uri, { version, generation: this.generation, analysis });
    this.indexDocument(uri, analysis.document);
    return analysis;
  }

  private analysisByUri(uri: string): { analysis: Analysis; version: number } | undefined {
    const doc = this.documents.get(uri);
    return doc ? { analysis: this.analyseDocument(uri, doc.getText(), doc.version), version: doc.version } : undefined;
  }

  private contentChanged(document: TextDocument): void {
    const first = !this.published.has(document.uri);
    if (first) this.schedule(document.uri, 0);
    else if (this.settings.validate === 'onType') this.schedule(document.uri, this.validationDelay);
    else this.cancel(document.uri);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void guard(this.log, 'validation', undefined, () => this.validate(uri))();
      }, delay),
    );
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    await this.ready;
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = this.analyseDocument(uri, doc.getText(), version);
    // Publish only for the version that is still current, and never older than what was published.
    if (this.documents.get(uri)?.version !== version) return;
    const last = this.published.get(uri);
    if (last !== undefined && last > version) return;
    this.published.set(uri, version);
    const lines = analysis.document.lines;
    const diagnostics = [...toDiagnostics(analysis.findings, lines, version, this.locale), ...this.evidence.documentDiagnostics(uri, analysis.document)];
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private revalidateAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  private closed(uri: string): void {
    this.cancel(uri);
    this.parses.delete(uri);
    this.parsers.delete(uri);
    this.analyses.delete(uri);
    this.published.delete(uri);
    if (!uri.startsWith('file:')) this.index.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  // -------------------------------------------------------------------------------------------
  // Workspace index

  private indexDocument(uri: string, document: SynthesisDocument): void {
    const labels = new Set<string>();
    for (const block of document.sourcesBlocks) for (const e of block.all) if (e.label) labels.add(e.label);
    this.index.set(uri, {
      targets: targetSections(document).map((t) => ({ name: t.name, ids: t.targets, range: toRange(document.lines, t.selectionSpan) })),
      labels: [...labels],
    });
    this.indexCitations(uri, document);
  }

  private async indexWorkspace(): Promise<void> {
    const files = await findSyntheses(this.roots);
    let n = 0;
    for (const path of files) {
      const uri = pathToUri(path);
      if (this.documents.get(uri) || this.index.has(uri)) continue;
      const text = await readText(path);
      if (text !== undefined) this.indexDocument(uri, parse(text));
      if (++n % 25 === 0) await nextTurn();
    }
  }

  private workspaceLabels(): string[] {
    const labels = new Set<string>();
    for (const entry of this.index.values()) for (const label of entry.labels) labels.add(label);
    return [...labels].sort((a, b) => a.localeCompare(b));
  }

  private workspaceSymbols(query: string): SymbolInformation[] {
    const q = query.trim().toLowerCase();
    const out: SymbolInformation[] = [];
    for (const [uri, entry] of this.index) {
      for (const target of entry.targets) {
        if (q && !target.name.toLowerCase().includes(q) && !target.ids.some((id) => id.startsWith(q))) continue;
        out.push({ name: target.name, kind: SymbolKind.Key, location: { uri, range: target.range } });
        if (out.length >= 1000) return out;
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  private completion(uri: string, position: { line: number; character: number }): CompletionList | null {
    const doc = this.parsedByUri(uri);
    if (!doc) return null;
    const offset = toOffset(doc.lines, position);
    const cited = completeCitation(doc, offset, this.evidence.register(uri, doc));
    if (cited) return { isIncomplete: false, items: cited.map((i) => ({ ...toCompletionItem(i, doc.lines), kind: CompletionItemKind.Reference })) };
    const items = complete(doc, offset, {
      templates: this.templates,
      defaultTemplate: this.settings.defaultTemplate,
      workspaceLabels: this.workspaceLabels(),
      locale: this.locale,
    });
    return { isIncomplete: false, items: items.map((i) => toCompletionItem(i, doc.lines)) };
  }

  private hover(uri: string, position: { line: number; character: number }): Hover | null {
    const doc = this.parsedByUri(uri);
    if (!doc) return null;
    const offset = toOffset(doc.lines, position);
    const info = citationHover(doc, offset, this.evidence.register(uri, doc)) ?? hover(doc, offset, { templates: this.templates, defaultTemplate: this.settings.defaultTemplate, locale: this.locale });
    return info ? { contents: { kind: 'markdown', value: info.contents }, range: toRange(doc.lines, info.span) } : null;
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const only = params.context.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
    const current = this.analysisByUri(params.textDocument.uri);
    if (!current) return [];
    const { analysis } = current;
    const lines = analysis.document.lines;
    const span = toSpan(lines, params.range);
    const uri = params.textDocument.uri;
    const asked = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const sameRange = (a: Range, b: Range): boolean =>
      a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

    const pairs: Array<{ finding: Finding; diagnostic: Diagnostic }> = [];
    for (const finding of analysis.findings) {
      if (finding.span.start > span.end || span.start > finding.span.end) continue;
      const range = toRange(lines, finding.span);
      const diagnostic =
        asked.length > 0
          ? asked.find((d) => ((d.data as DiagnosticData | undefined)?.rule ?? d.code) === finding.rule && sameRange(d.range, range))
          : toDiagnostic(finding, lines, current.version, this.locale);
      if (diagnostic) pairs.push({ finding, diagnostic });
    }

    const actions: CodeAction[] = [];
    const toAction = (fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction => {
      const action: CodeAction = {
        title: wordMessage(fix.title, this.locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: fix.edits.map((e) => toTextEdit(e, lines)) } },
      };
      if (preferred) action.isPreferred = true;
      return action;
    };
    for (const { finding, diagnostic } of pairs) {
      (finding.fixes ?? []).forEach((fix, i) => actions.push(toAction(fix, diagnostic, i === 0)));
    }
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
  }

  private documentSymbols(uri: string): DocumentSymbol[] | SymbolInformation[] {
    const doc = this.parsedByUri(uri);
    if (!doc) return [];
    const symbols = documentSymbols(doc);
    return this.hierarchicalSymbols ? symbols.map((s) => toDocumentSymbol(s, doc.lines)) : toSymbolInformation(symbols, doc.lines, uri);
  }

  private async validateWorkspace(token: CancellationToken): Promise<ValidateWorkspaceResult> {
    await this.ready;
    const result: ValidateWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
    const count = (findings: readonly Finding[]): void => {
      for (const f of findings) {
        if (f.severity === 'error') result.errors++;
        else if (f.severity === 'warning') result.warnings++;
      }
    };
    const seen = new Set<string>();
    for (const doc of this.documents.all()) {
      seen.add(doc.uri);
      result.files++;
      count(this.analyseDocument(doc.uri, doc.getText(), doc.version).findings);
      await this.validate(doc.uri);
    }
    for (const path of await findSyntheses(this.roots)) {
      if (token.isCancellationRequested) break;
      const uri = pathToUri(path);
      if (seen.has(uri) || this.documents.get(uri)) continue;
      const text = await readText(path);
      if (text === undefined) continue;
      const parsed = parse(text);
      const evidence = this.evidence.register(uri, parsed);
      const analysis = analyzeDocument(parsed, { ...this.analysisOptions(), ...(evidence ? { evidence } : {}) });
      this.indexDocument(uri, analysis.document);
      result.files++;
      count(analysis.findings);
      const lines = analysis.document.lines;
      await this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(analysis.findings, lines, null, this.locale) });
      if (result.files % 25 === 0) await nextTurn();
    }
    return result;
  }

  private templateInfos(): TemplateInfo[] {
    return this.templates.list().map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      origin: t.origin,
      sections: t.sections.map((s) => ({
        id: s.id,
        heading: s.heading,
        level: s.level,
        required: s.required,
        targets: s.targets,
        sources: s.sources,
        description: s.description ?? null,
      })),
      requiredFields: t.requiredFields.map((alternatives) => [...alternatives]),
      goals: [...t.goals],
      sourceLabels: [...t.sourceLabels],
    }));
  }

  private async render(params: { uri?: unknown; text?: unknown; standalone?: unknown } | null): Promise<RenderResult | null> {
    if (typeof params?.uri !== 'string') return null;
    const open = this.documents.get(params.uri);
    let text = open?.getText() ?? (typeof params.text === 'string' ? params.text : undefined);
    const path = text === undefined ? uriToPath(params.uri) : undefined;
    if (path !== undefined) text = await readText(path);
    if (text === undefined) return null;
    const options = { templates: this.templates, defaultTemplate: this.settings.defaultTemplate, severities: this.settings.rules, locale: this.locale };
    const rendered = params.standalone === true ? renderStandalonePage(text, options) : renderPreview(text, options);
    return { html: rendered.html, title: rendered.title };
  }

  // -------------------------------------------------------------------------------------------
  // Evidence: registers, citations and the coverage map

  /** Watched files changed: whether a register may have changed (then every synthesis is checked again). */
  private evidenceFilesChanged(changes: ReadonlyArray<{ uri: string; type: number }>): boolean {
    const paths = changes.flatMap((c) => {
      const path = uriToPath(c.uri);
      return path ? [{ path, deleted: c.type === FileChangeType.Deleted }] : [];
    });
    if (!this.evidence.changed(paths)) return false;
    this.generation++;
    return true;
  }

  private indexCitations(uri: string, document: SynthesisDocument): void {
    if (document.citations.length === 0) this.citationIndex.delete(uri);
    else this.citationIndex.set(uri, document.citations.map((c) => ({ id: c.id, range: toRange(document.lines, c.span) })));
  }

  /** A synthesis that is not open, read from disk. */
  private async readParsed(uri: string): Promise<SynthesisDocument | undefined> {
    const path = uriToPath(uri);
    const text = path === undefined ? undefined : await readText(path);
    return text === undefined ? undefined : parse(text);
  }

  /** Go to definition on a citation: the evaluation's row in the register file. */
  private definition(uri: string, position: { line: number; character: number }): Location | null {
    const doc = this.parsedByUri(uri);
    if (!doc) return null;
    const found = this.evidence.lookup(uri, doc);
    const entry = citationDefinition(doc, toOffset(doc.lines, position), found.register);
    if (!entry || !found.path) return null;
    const at = { line: entry.line - 1, character: 0 };
    return { uri: pathToUri(found.path), range: { start: at, end: at } };
  }

  /**
   * Find all references on a citation: every citation of the evaluation in the syntheses of the
   * workspace that use the same register (the same id in another register is another evaluation).
   */
  private async references(uri: string, position: { line: number; character: number }, includeDeclaration: boolean): Promise<Location[]> {
    const doc = this.parsedByUri(uri);
    if (!doc) return [];
    const citation = citationAt(doc, toOffset(doc.lines, position));
    if (!citation) return [];
    const id = citation.id;
    const here = this.evidence.lookup(uri, doc);
    const out: Location[] = [];
    const entry = here.register?.byId.get(id);
    if (includeDeclaration && here.path && entry) {
      const at = { line: entry.line - 1, character: 0 };
      out.push({ uri: pathToUri(here.path), range: { start: at, end: at } });
    }
    const add = (other: string, document: SynthesisDocument): void => {
      if (other !== uri && this.evidence.lookup(other, document).path !== here.path) return;
      for (const c of citationsOf(document, id)) out.push({ uri: other, range: toRange(document.lines, c.span) });
    };
    add(uri, doc);
    const open = new Set<string>([uri]);
    for (const d of this.documents.all()) {
      if (open.has(d.uri)) continue;
      open.add(d.uri);
      add(d.uri, this.parsed(d.uri, d.getText(), d.version));
    }
    for (const [other, citations] of this.citationIndex) {
      if (open.has(other) || !this.index.has(other) || !citations.some((c) => c.id === id)) continue;
      const document = await this.readParsed(other);
      if (document) add(other, document);
    }
    return out;
  }

  /** `synthesis/coverage`: the coverage map of one synthesis, or of all in the workspace. */
  private async coverage(params: { uri?: unknown; minimum?: unknown } | null, token: CancellationToken): Promise<CoverageResult> {
    await this.ready;
    const minimum = params?.minimum;
    const sources: CoverageSource[] = [];
    const add = (uri: string, document: SynthesisDocument): void => {
      const register = this.evidence.register(uri, document);
      sources.push({ file: uri, document, ...(register ? { register } : {}) });
    };
    if (typeof params?.uri === 'string') {
      const document = this.parsedByUri(params.uri) ?? (await this.readParsed(params.uri));
      if (document) add(params.uri, document);
    } else {
      const seen = new Set<string>();
      for (const d of this.documents.all()) {
        seen.add(d.uri);
        add(d.uri, this.parsed(d.uri, d.getText(), d.version));
      }
      let n = 0;
      for (const path of await findSyntheses(this.roots)) {
        if (token.isCancellationRequested) break;
        const uri = pathToUri(path);
        if (seen.has(uri)) continue;
        const document = await this.readParsed(uri);
        if (document) add(uri, document);
        if (++n % 25 === 0) await nextTurn();
      }
      sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    }
    return coverageMatrix(sources, typeof minimum === 'number' && Number.isInteger(minimum) && minimum >= 0 ? { minimum } : {});
  }

  private documentInfo(uri: unknown): DocumentInfo | null {
    if (typeof uri !== 'string') return null;
    const current = this.analysisByUri(uri);
    if (!current) return null;
    const { analysis } = current;
    return {
      templateId: analysis.templateId,
      templateTitle: analysis.template?.title ?? null,
      errors: analysis.findings.filter((f) => f.severity === 'error').length,
      warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
    };
  }
}
