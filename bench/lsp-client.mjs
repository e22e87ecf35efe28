// A minimal LSP client over stdio for the benchmark: spawns the bundled server, frames JSON-RPC
// messages with Content-Length headers, and lets the caller await responses and notifications.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export class LspClient {
  /** Starts `node <serverPath> --stdio`; `spawnedAt` is the performance.now() of the spawn. */
  constructor(serverPath, { execArgv = [] } = {}) {
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.stderr = '';
    this.buffer = Buffer.alloc(0);
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.exited.then(({ code, signal }) => {
      const error = new Error(`the server exited (code ${code}, signal ${signal})${this.stderr ? `: ${this.stderr.trim().split('\n').slice(-5).join(' | ')}` : ''}`);
      for (const { reject } of this.pending.values()) reject(error);
      for (const w of this.waiters) w.reject(error);
      this.pending.clear();
      this.waiters = [];
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d).slice(-20000);
    });
    this.child.stdout.on('data', (d) => this.receive(d));
    this.child.stdin.on('error', () => undefined);
  }

  receive(data) {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`Malformed LSP header: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body), performance.now());
    }
  }

  dispatch(message, at) {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
      else p.resolve({ result: message.result, at });
      return;
    }
    if (message.id !== undefined) {
      // A request from the server (configuration, registration, progress): answer plainly.
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w.method === message.method && w.match(message.params)) {
        this.waiters.splice(i, 1);
        w.resolve({ params: message.params, at });
        return;
      }
    }
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request; resolves to {result, at} where `at` is the performance.now() of the answer. */
  request(method, params) {
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    this.write({ jsonrpc: '2.0', id, method, params });
    return promise;
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves to {params, at} with the next notification `method` whose params satisfy `match`. */
  waitFor(method, match = () => true) {
    return new Promise((resolve, reject) => this.waiters.push({ method, match, resolve, reject }));
  }

  /** Waits for the diagnostics of one version of a document (or any, when the server sends none). */
  diagnosticsFor(uri, version) {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === null || p.version === version));
  }

  /** `workspace`: `{ rootUri, workspaceFolders }` when a project folder is open. */
  async initialize(initializationOptions, workspace = {}) {
    const answer = await this.request('initialize', {
      processId: process.pid,
      rootUri: workspace.rootUri ?? null,
      workspaceFolders: workspace.workspaceFolders ?? null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } } },
      initializationOptions,
    });
    this.notify('initialized', {});
    return answer;
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 5000))]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Converts UTF-16 offsets of one text to LSP positions (no \r in the corpus). */
export class Positions {
  constructor(text) {
    this.starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
