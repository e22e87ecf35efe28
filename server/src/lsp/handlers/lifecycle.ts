/**
 * initialize, initialized, configuration changes, watched files and shutdown: making the language
 * service and keeping it told about the editor's settings and the files on disk.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { createLanguageService, escapeLines, resolveLocale, SYNTHESIS_SUFFIX, type ServiceHost } from '../../core/index.js';
import { guardNotification } from '../guard.js';
import { readSettings, userSettings } from '../settings.js';
import type { ServerState } from '../state.js';
import { uriToPath } from '../uris.js';

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

/**
 * Files whose change may change findings: syntheses, YAML (configuration, templates, registers)
 * and CSV (registers named by front matter can have any name).
 */
const WATCHERS = [{ globPattern: `**/*${SYNTHESIS_SUFFIX}` }, { globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/*.csv' }];

export function registerLifecycle(state: ServerState, host: ServiceHost): void {
  const c = state.connection;
  const loggedProblems = new Set<string>();

  const applySettings = (raw: unknown): void => {
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) {
      if (loggedProblems.has(problem)) continue;
      loggedProblems.add(problem);
      c.console.warn(escapeLines(`Synthesis settings: ${problem}`));
    }
    state.settings = settings;
    state.service.setUserSettings(userSettings(settings, raw));
  };
  const askSettings = async (): Promise<unknown> => c.workspace.getConfiguration({ section: 'synthesis' });

  c.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    state.capabilities = {
      configuration: caps.workspace?.configuration === true,
      watchers: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    };
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    state.roots = folders.map(uriToPath).filter((p): p is string => p !== undefined);
    if (state.roots.length === 0 && params.rootPath) state.roots = [params.rootPath];
    const delay = (params.initializationOptions as { validationDelay?: unknown } | null | undefined)?.validationDelay;
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) state.validationDelay = delay;
    state.locale = resolveLocale(params.locale) ?? 'en';
    state.service = createLanguageService(host, { ceilings: state.roots });
    return { capabilities: CAPABILITIES, serverInfo: { name: 'synthesis-markdown-language-server' } };
  });

  c.onInitialized(
    guardNotification(state.log, 'initialized', async () => {
      try {
        if (state.capabilities.watchers) await c.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
        if (state.capabilities.configurationRegistration) await c.client.register(DidChangeConfigurationNotification.type, { section: 'synthesis' });
        if (state.capabilities.configuration) applySettings(await askSettings());
        await state.sideFiles.refresh();
      } finally {
        state.markReady();
      }
      await state.index.scan();
    }),
  );

  c.onDidChangeConfiguration(
    guardNotification(state.log, 'didChangeConfiguration', async (p) => {
      applySettings(state.capabilities.configuration ? await askSettings() : (p.settings as { synthesis?: unknown } | null)?.synthesis);
      state.scheduler.revalidateAll();
      await state.sideFiles.refresh();
    }),
  );

  c.onDidChangeWatchedFiles(
    guardNotification(state.log, 'didChangeWatchedFiles', async (p) => {
      const paths: string[] = [];
      for (const change of p.changes) {
        const path = uriToPath(change.uri);
        if (!path) continue;
        paths.push(path);
        if (!path.endsWith(SYNTHESIS_SUFFIX) || state.documents.get(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) state.index.delete(change.uri);
        else {
          const document = await state.readParsed(change.uri);
          if (document) state.index.update(change.uri, document);
        }
      }
      if (state.service.filesChanged(paths)) {
        state.scheduler.revalidateAll();
        await state.sideFiles.refresh();
      }
    }),
  );

  c.onShutdown(() => state.scheduler.stop());
}
