/**
 * A small LSP client for protocol tests: spawns the bundled server over stdio and speaks raw
 * JSON-RPC with Content-Length framing. Waiting is always for a message, bounded by a timeout that
 * fails the test; there are no sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers.js';

export const SERVER = join(repoRoot, 'dist', 'server.js');
const DEFAULT_TIMEOUT = 10_000;

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Notification {
  method: string;
  params: unknown;
}

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
    data?: unknown;
  }>;
}

type ServerRequestHandler = (params: unknown) => unknown;

interface Waiter {
  method: string;
  predicate: (params: unknown) => boolean;
  resolve: (params: unknown) => void;
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Every notification from the server, in order of arrival. */
  readonly notifications: Notification[] = [];
  /** Methods of the requests the server sent, in order of arrival. */
  readonly serverRequests: string[] = [];
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void }>();
  private readonly waiters: Waiter[] = [];
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private stderr = '';
  readonly exited: Promise<number | null>;

  /**
   * `prefix`: a command that runs the server (e.g. `setpriv …` to run it as another user);
   * `server`: another copy of the bundled server to run.
   */
  constructor(args: string[] = ['--stdio'], options: { prefix?: readonly string[]; server?: string } = {}) {
    const command = [...(options.prefix ?? []), process.execPath, options.server ?? SERVER, ...args];
    this.process = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    // After kill() the server's stdin is gone: a late answer to one of its requests must not throw.
    this.process.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  /** Answers requests the server sends (workspace/configuration, client/registerCapability…). */
  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  get errorOutput(): string {
    return this.stderr;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`Bad header from the server: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push(message.method);
      const handler = this.handlers.get(message.method);
      let result: unknown = null;
      if (handler) result = handler(message.params);
      else if (message.method === 'workspace/configuration') result = ((message.params as { items: unknown[] }).items ?? []).map(() => null);
      this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      return;
    }
    if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      for (const waiter of [...this.waiters]) {
        if (waiter.method === message.method && waiter.predicate(message.params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message.params);
        }
      }
      return;
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      pending?.resolve(message);
    }
  }

  private write(message: Message): void {
    if (this.process.exitCode !== null || this.process.killed) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  /** Sends a request; resolves with the whole response (result or error). */
  requestRaw(method: string, params: unknown, timeout = DEFAULT_TIMEOUT): Promise<Message> {
    const id = this.nextId++;
    return withTimeout(
      new Promise<Message>((resolve) => {
        this.pending.set(id, { resolve });
        this.write({ jsonrpc: '2.0', id, method, params });
      }),
      timeout,
      `no answer to ${method}${this.stderr ? `; server stderr: ${this.stderr}` : ''}`,
    );
  }

  async request<T = unknown>(method: string, params: unknown, timeout = DEFAULT_TIMEOUT): Promise<T> {
    const response = await this.requestRaw(method, params, timeout);
    if (response.error) throw new Error(`${method} failed: ${response.error.message}`);
    return response.result as T;
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /**
   * The next notification of `method` matching `predicate` that arrives from now on (or, with
   * `includePast`, one that already arrived).
   */
  waitFor<T = unknown>(method: string, predicate: (params: T) => boolean = () => true, timeout = DEFAULT_TIMEOUT, includePast = false): Promise<T> {
    if (includePast) {
      const past = this.notifications.find((n) => n.method === method && predicate(n.params as T));
      if (past) return Promise.resolve(past.params as T);
    }
    return withTimeout(
      new Promise<T>((resolve) => {
        this.waiters.push({ method, predicate: predicate as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void });
      }),
      timeout,
      `no ${method} notification matching the expectation arrived`,
    );
  }

  /** The next publishDiagnostics for `uri` (optionally for a given version). */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeout = DEFAULT_TIMEOUT): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p), timeout);
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => n.params as PublishDiagnosticsParams);
  }

  /** initialize + initialized, with the capabilities a typical editor has. */
  async initialize(options: { rootPath?: string; settings?: unknown; initializationOptions?: unknown; hierarchicalSymbols?: boolean; locale?: string } = {}): Promise<unknown> {
    const settings = options.settings ?? {};
    this.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => this.currentSettings ?? settings));
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null;
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      initializationOptions: options.initializationOptions ?? null,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: options.hierarchicalSymbols ?? true },
          completion: { completionItem: { snippetSupport: false } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  /** What the client answers to workspace/configuration from now on. */
  currentSettings: unknown;

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'synthesis-markdown', version, text } });
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return withTimeout(this.exited, DEFAULT_TIMEOUT, 'the server did not exit');
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${message}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Splits a text at a `$$CURSOR$$` marker: the text without it and the marker's line/character. */
export function cursor(textWithMarker: string): { text: string; position: { line: number; character: number } } {
  const at = textWithMarker.indexOf('$$CURSOR$$');
  if (at < 0) throw new Error('no $$CURSOR$$ marker');
  const before = textWithMarker.slice(0, at);
  const lines = before.split('\n');
  return { text: before + textWithMarker.slice(at + '$$CURSOR$$'.length), position: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
