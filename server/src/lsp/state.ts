/**
 * The language server's state: the connection, the language service, the open documents, the
 * editor's settings and capabilities, the workspace index, the validation scheduler and the
 * diagnostics on side files. Handlers (handlers/*.ts) read and change it; they hold none of their own.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { EditLog } from './edit-log.js';
import { escapeLines, type DocumentAnalysis, type DocumentContext, type DocumentSource, type LanguageService, type Locale, type SynthesisDocument } from '../core/index.js';
import type { Log } from './guard.js';
import { ValidationScheduler } from './scheduler.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { SideFiles } from './side-files.js';
import { uriToPath } from './uris.js';
import { WorkspaceIndex } from './workspace-index.js';

/** Diagnostics wait this long after the last keystroke (ms). `initializationOptions.validationDelay` overrides it. */
export const DEFAULT_VALIDATION_DELAY = 200;

export interface ClientCapabilities {
  configuration: boolean;
  watchers: boolean;
  configurationRegistration: boolean;
  hierarchicalSymbols: boolean;
}

export class ServerState {
  /** Each open document's changes as offsets, for the incremental parser. */
  readonly edits = new EditLog();
  readonly documents = new TextDocuments(this.edits.documents);
  readonly index = new WorkspaceIndex(this);
  readonly scheduler = new ValidationScheduler(this);
  readonly sideFiles = new SideFiles(this);
  /** Made at `initialize`, when the workspace folders and the display language are known. */
  service!: LanguageService;
  settings: Settings = DEFAULT_SETTINGS;
  /** The editor's display language (`InitializeParams.locale`): messages, fix titles, hovers' own words. */
  locale: Locale = 'en';
  /** The workspace folders: no project root goes above one. */
  roots: string[] = [];
  validationDelay = DEFAULT_VALIDATION_DELAY;
  capabilities: ClientCapabilities = { configuration: false, watchers: false, configurationRegistration: false, hierarchicalSymbols: false };
  /** Settles once the settings have been asked for and the workspace's projects read. */
  readonly ready: Promise<void>;
  markReady: () => void = () => undefined;
  readonly log: Log;

  constructor(readonly connection: Connection) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    // The output panel is a log: file names and quoted text in a message are escaped (core/escape.ts).
    this.log = (message) => connection.console.error(escapeLines(message));
  }

  pathOf(uri: string): string | undefined {
    return uriToPath(uri);
  }

  /** An open document as the service takes it. */
  source(uri: string): DocumentSource | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const path = uriToPath(uri);
    const version = doc.version;
    return { key: uri, ...(path !== undefined ? { path } : {}), text: doc.text, version, editsSince: (from) => this.edits.since(uri, from, version) };
  }

  /** The parse of an open document (cheap: cached per version, incremental). */
  parsed(uri: string): SynthesisDocument | undefined {
    const source = this.source(uri);
    return source ? this.service.parse(source) : undefined;
  }

  /** The context (project, templates, register) of an open document. */
  async context(uri: string): Promise<DocumentContext | undefined> {
    const source = this.source(uri);
    return source ? this.service.context(source) : undefined;
  }

  /** The analysis of an open document's current version (the one its diagnostics come from). */
  async analysis(uri: string): Promise<DocumentAnalysis | undefined> {
    const source = this.source(uri);
    return source ? this.service.analyze(source) : undefined;
  }

  /** A synthesis that is not open, read from disk: only inside a workspace folder, nothing kept. */
  async diskSource(uri: string): Promise<DocumentSource | undefined> {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    const read = await this.service.readDocument(path, { within: this.service.ceilingOf(path) });
    return read.ok ? { ...read.source, key: uri } : undefined;
  }

  /** An open document's source, else the file's. */
  async anySource(uri: string): Promise<DocumentSource | undefined> {
    return this.source(uri) ?? (await this.diskSource(uri));
  }

  async readParsed(uri: string): Promise<SynthesisDocument | undefined> {
    const source = await this.diskSource(uri);
    return source ? (await this.service.context(source)).document : undefined;
  }
}
