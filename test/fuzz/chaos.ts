/**
 * LSP chaos: drives the real language server (dist/server.js over stdio) with random incremental
 * edits — typing, deleting, pasting whole sections, undo-like reverts, several changes per
 * notification — interleaved with completion, hover and symbol requests, some of them cancelled.
 * After each batch it checks that the server's view of the text equals the client's, through the
 * outline and folding ranges the server computes, compared with the same computed in-process
 * from the client's text. It records every diagnostics notification and checks that versions
 * never go backwards and that each one matches the analysis of the text at that version.
 *
 * Used by test/protocol/chaos.test.ts (a few hundred edits) and scripts/fuzz.mjs (10,000).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { analyzeDocument, createLanguageService, documentSymbols, foldingRanges, IncrementalParser, LineIndex, parse, type Finding } from '../../server/src/core/index.js';
import { createNodeHost } from '../../server/src/node/host.js';
import { toDocumentSymbol, toFoldingRange } from '../../server/src/lsp/convert.js';
import { toRange } from '../../server/src/lsp/positions.js';
import { LspClient, type PublishDiagnosticsParams } from '../protocol/lsp-client.js';
import { filesUnder, repoRoot } from '../helpers.js';
import { applyEdit, edit as editArb, type Edit } from './arbitraries.js';

export interface ChaosOptions {
  edits: number;
  seed: number;
  /**
   * `large`: a document of about 1 MB (the Colombia sample, repeated) in a workspace folder that
   * holds the samples, their evidence registers and a template folder, opened as the workspace;
   * the findings then include the evidence rules and the workspace's templates. `sample` (the
   * default): a few sample sections, no workspace.
   */
  document?: 'sample' | 'large';
  /** Edits between two consistency checks. */
  batch?: number;
  /** Passed to the server as `initializationOptions.validationDelay` (ms). */
  validationDelay?: number;
  /** Called after each batch with the number of edits done. */
  onProgress?: (done: number) => void;
}

export interface ChaosFigures {
  edits: number;
  notifications: number;
  requests: number;
  cancelled: number;
  batches: number;
  diagnosticsPublished: number;
  /** Publications whose findings were compared with an analysis of their version's text. */
  diagnosticsChecked: number;
  /** Slowest answer to any request, and the 99th percentile, in ms. */
  maxLatencyMs: number;
  p99LatencyMs: number;
  /** Server resident memory (VmRSS) after opening the document and at the end, in MB. */
  rssStartMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  finalLength: number;
  ms: number;
}

/** The server process's resident memory, from /proc (Linux), in MB. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Whole sections of the samples, for pastes. */
function sampleSections(): string[] {
  const out: string[] = [];
  for (const file of filesUnder(join(repoRoot, 'samples'), '.synth.md')) {
    const text = readFileSync(file, 'utf8');
    const parts = text.split(/\n(?=## )/);
    for (const p of parts) if (p.length < 6000) out.push(`${p}\n`);
  }
  return out.length > 0 ? out : ['## Conclusions\n\nText.\n'];
}

/** Moves an offset off the middle of a CRLF pair (LSP positions cannot point between \r and \n). */
function clean(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/** The smallest single replacement that turns `from` into `to` (what an editor sends for an undo). */
function diff(from: string, to: string): { start: number; end: number; text: string } {
  let a = 0;
  const max = Math.min(from.length, to.length);
  while (a < max && from.charCodeAt(a) === to.charCodeAt(a)) a++;
  let b = 0;
  while (b < max - a && from.charCodeAt(from.length - 1 - b) === to.charCodeAt(to.length - 1 - b)) b++;
  let start = a;
  let end = from.length - b;
  // Keep CRLF pairs whole on both sides of the replaced range.
  while (start > 0 && (from.charCodeAt(start - 1) === 13 || from.charCodeAt(start) === 10)) start--;
  while (end < from.length && (from.charCodeAt(end) === 10 || from.charCodeAt(end - 1) === 13)) end++;
  const tail = from.length - end;
  return { start, end, text: to.slice(start, to.length - tail) };
}

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** Above this length pastes turn into large cuts, so that the document stays a writer's size. */
const MAX_LENGTH = 20_000;
/** The large document's size, and its bound. */
const LARGE_LENGTH = 1_000_000;
const LARGE_MAX_LENGTH = 1_100_000;

interface Setup {
  uri: string;
  text: string;
  maxLength: number;
  /** The folder opened as the workspace, if any. */
  root?: string;
  /**
   * The findings a from-scratch analysis of a version gives, as the server should publish them:
   * with the workspace's project (configuration, templates, the register) for the large document.
   */
  expected: (text: string) => Promise<Finding[]>;
  /** Whether the findings are those of the core's `analyze` alone (then an incremental parse can explain a difference). */
  coreOnly: boolean;
  /** Patience for the server's answers, in ms (a 1 MB document takes seconds to analyse on a busy machine). */
  timeoutMs: number;
  /** Compare only the latest publication of each batch with an analysis (each analysis of 1 MB takes seconds). */
  checkLatestOnly: boolean;
  cleanup: () => void;
}

function sampleSetup(seed: number): Setup {
  return { uri: `file:///chaos/chaos-${seed}.synth.md`, text: sampleSections().slice(0, 4).join('\n'), maxLength: MAX_LENGTH, expected: async (text) => analyzeDocument(parse(text)).findings, coreOnly: true, timeoutMs: 30_000, checkLatestOnly: false, cleanup: () => undefined };
}

/**
 * A copy of samples/ as the workspace, and a 1 MB synthesis in it that names the Colombia register.
 * The expected findings come from a language service of its own over the disk, as the server's
 * would (the register's own `evidence` findings are the server's business and are left out).
 */
function largeSetup(seed: number): Setup {
  const root = mkdtempSync(join(tmpdir(), 'synthesis-chaos-'));
  cpSync(join(repoRoot, 'samples'), root, { recursive: true });
  const sample = readFileSync(join(root, 'colombia-country-programme.synth.md'), 'utf8');
  const end = sample.indexOf('\n---\n', 4) + 5;
  const head = sample.slice(0, end);
  const body = sample.slice(end);
  let text = head;
  while (text.length < LARGE_LENGTH) text += body;
  const file = join(root, `chaos-${seed}.synth.md`);
  const service = createLanguageService(createNodeHost(), { ceilings: [root] });
  let checks = 0;
  return {
    uri: pathToFileURL(file).href,
    text,
    maxLength: LARGE_MAX_LENGTH,
    root,
    expected: async (at) => (await service.analyze({ key: `expected-${checks++}`, path: file, text: at, version: null, transient: true })).findings.filter((f) => f.rule !== 'evidence'),
    coreOnly: false,
    timeoutMs: 180_000,
    checkLatestOnly: true,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

/** Runs the chaos; throws (an assertion error) at the first inconsistency. */
export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const started = performance.now();
  const batch = options.batch ?? 20;
  const random = fc.sample(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { seed: options.seed, numRuns: 1 })[0]!;
  let state = random;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  const edits: Edit[] = fc.sample(editArb, { seed: options.seed, numRuns: options.edits });
  const sections = sampleSections();

  const setup = options.document === 'large' ? largeSetup(options.seed) : sampleSetup(options.seed);
  const wait = setup.timeoutMs;
  const client = new LspClient();
  const figures: ChaosFigures = {
    edits: 0,
    notifications: 0,
    requests: 0,
    cancelled: 0,
    batches: 0,
    diagnosticsPublished: 0,
    diagnosticsChecked: 0,
    maxLatencyMs: 0,
    p99LatencyMs: 0,
    rssStartMb: 0,
    rssEndMb: 0,
    rssPeakMb: 0,
    finalLength: 0,
    ms: 0,
  };
  const latencies: number[] = [];
  try {
    await client.initialize({ initializationOptions: { validationDelay: options.validationDelay ?? 10 }, ...(setup.root ? { rootPath: setup.root } : {}) });
    const uri = setup.uri;
    let text = setup.text;
    let version = 1;
    /** Texts by version, kept until the diagnostics published for them have been checked. */
    const texts = new Map<number, string>([[version, text]]);
    const history: string[] = [text];
    client.open(uri, text, version);
    await client.diagnostics(uri, (p) => p.version === 1, wait);
    figures.rssStartMb = rssMb(client.process.pid!);
    figures.rssPeakMb = figures.rssStartMb;
    let checkedPublishes = 0;
    let lastPublished = 0;

    const request = (method: string, params: unknown, cancel: boolean): Promise<void> => {
      figures.requests++;
      const sent = performance.now();
      const answer = client.requestRaw(method, params, wait).then((response) => {
        latencies.push(performance.now() - sent);
        // Cancelled requests may be answered with the RequestCancelled error; nothing else may fail.
        if (response.error) assert.equal(response.error.code, -32800, `${method} failed: ${response.error.message}`);
      });
      if (cancel) {
        figures.cancelled++;
        // The id LspClient just used is the highest one so far.
        const id = (client as unknown as { nextId: number }).nextId - 1;
        client.notify('$/cancelRequest', { id });
      }
      return answer;
    };

    /**
     * Checks the diagnostics published since the last call: versions never go back, and each
     * publication matches the analysis of its version's text — every one, or for the large
     * document (where one analysis takes a second or more) the latest one of each batch.
     */
    const checkPublished = async (): Promise<void> => {
      const published = client.published(uri);
      for (; checkedPublishes < published.length; checkedPublishes++) {
        const p: PublishDiagnosticsParams = published[checkedPublishes]!;
        if (p.version === undefined) continue; // the empty publish on close
        figures.diagnosticsPublished++;
        assert.ok(p.version >= lastPublished, `diagnostics for version ${p.version} published after version ${lastPublished}`);
        lastPublished = p.version;
        const at = texts.get(p.version);
        assert.ok(at !== undefined, `diagnostics published for version ${p.version}, which the client never sent`);
        if (setup.checkLatestOnly && checkedPublishes < published.length - 1) continue;
        figures.diagnosticsChecked++;
        const lines = new LineIndex(at);
        const view = (findings: Finding[]): string[] => findings.map((f) => `${JSON.stringify(toRange(lines, f.span))} ${f.rule}`);
        const expected = view(await setup.expected(at));
        // `evidence` findings need the workspace's evidence register, which only the server reads.
        const actual = p.diagnostics.filter((d) => d.code !== 'evidence').map((d) => `${JSON.stringify(d.range)} ${String(d.code)}`);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          // Keep the text for a reproduction, and say whether the incremental parse explains it.
          const file = join(tmpdir(), `chaos-seed-${options.seed}-version-${p.version}.synth.md`);
          writeFileSync(file, at);
          const incremental = setup.coreOnly && JSON.stringify(view(analyzeDocument(new IncrementalParser().parse(at)).findings)) === JSON.stringify(actual);
          assert.deepEqual(
            actual,
            expected,
            `the diagnostics for version ${p.version} do not match its text (saved in ${file})` +
              (incremental ? '; they match the incremental parse of that text, which differs from a full parse' : ''),
          );
        }
        for (const v of texts.keys()) if (v < p.version) texts.delete(v);
      }
    };

    let done = 0;
    while (done < options.edits) {
      const pending: Array<Promise<void>> = [];
      const end = Math.min(options.edits, done + batch);
      while (done < end) {
        // One notification may carry several changes, applied in order.
        const count = next() < 0.15 ? 1 + Math.floor(next() * 3) : 1;
        const changes: Change[] = [];
        for (let k = 0; k < count && done < end; k++, done++) {
          const roll = next();
          let replacement: { start: number; end: number; text: string };
          if (roll < 0.05 && history.length > 1) {
            // Undo: back to an earlier text, sent as the one replacement an editor would send.
            const target = history[Math.floor(next() * history.length)]!;
            replacement = diff(text, target);
          } else if (roll < 0.1 && text.length > setup.maxLength) {
            // Keep the document at a writer's size: cut a large piece instead of pasting.
            const at = clean(text, Math.floor(next() * text.length));
            replacement = { start: at, end: clean(text, Math.min(text.length, at + 500 + Math.floor(next() * 4000))), text: '' };
          } else if (roll < 0.1) {
            const at = clean(text, Math.floor(next() * (text.length + 1)));
            replacement = { start: at, end: at, text: sections[Math.floor(next() * sections.length)]! };
          } else {
            const e = applyEdit(text, edits[done]!);
            replacement = { start: clean(text, e.start), end: clean(text, e.end), text: edits[done]!.insert };
          }
          const lines = new LineIndex(text);
          changes.push({ range: { start: lines.positionAt(replacement.start), end: lines.positionAt(replacement.end) }, text: replacement.text });
          text = text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
          figures.edits++;
        }
        version++;
        texts.set(version, text);
        if (next() < 0.1) {
          history.push(text);
          if (history.length > 20) history.shift();
        }
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        figures.notifications++;
        // Requests at random places, as the editor makes them while the writer types.
        const lines = new LineIndex(text);
        const position = lines.positionAt(Math.floor(next() * (text.length + 1)));
        const r = next();
        const cancel = next() < 0.2;
        if (r < 0.3) pending.push(request('textDocument/completion', { textDocument: { uri }, position }, cancel));
        else if (r < 0.5) pending.push(request('textDocument/hover', { textDocument: { uri }, position }, cancel));
        else if (r < 0.6) pending.push(request('textDocument/documentSymbol', { textDocument: { uri } }, cancel));
        else if (r < 0.65) pending.push(request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }, cancel));
      }
      await Promise.all(pending);

      // The server's view equals the client's: outline and folding computed from its text.
      const doc = parse(text);
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, wait);
      assert.deepEqual(symbols, plain(documentSymbols(doc).map((s) => toDocumentSymbol(s, doc.lines))), `outline differs after ${done} edits`);
      const folding = await client.request('textDocument/foldingRange', { textDocument: { uri } }, wait);
      assert.deepEqual(folding, plain(foldingRanges(doc).map(toFoldingRange)), `folding differs after ${done} edits`);
      await checkPublished();
      figures.batches++;
      const rss = rssMb(client.process.pid!);
      if (rss > figures.rssPeakMb) figures.rssPeakMb = rss;
      options.onProgress?.(done);
    }

    // The last diagnostics are for the last version, and match its text.
    if (!client.published(uri).some((p) => p.version === version)) await client.diagnostics(uri, (p) => p.version === version, wait);
    await checkPublished();
    assert.equal(lastPublished, version, 'the last diagnostics published are for the final version');
    figures.rssEndMb = rssMb(client.process.pid!);
    figures.finalLength = text.length;
    latencies.sort((a, b) => a - b);
    figures.maxLatencyMs = Math.round(latencies[latencies.length - 1] ?? 0);
    figures.p99LatencyMs = Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0);
    figures.ms = Math.round(performance.now() - started);
    await client.shutdown();
    return figures;
  } catch (error) {
    // The figures up to the failure go with the error, for the fuzz run's report.
    figures.rssEndMb = rssMb(client.process.pid!);
    figures.ms = Math.round(performance.now() - started);
    latencies.sort((a, b) => a - b);
    figures.maxLatencyMs = Math.round(latencies[latencies.length - 1] ?? 0);
    figures.p99LatencyMs = Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0);
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { figures });
  } finally {
    client.kill();
    setup.cleanup();
  }
}
