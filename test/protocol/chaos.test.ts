// LSP chaos through the real server over stdio (dist/server.js): random incremental edits with
// requests and cancellations in between; the server's view of the text stays the client's, no
// diagnostics for a stale version, memory bounded, every request answered. Then requests the
// protocol allows a client to get wrong. `npm run test:fuzz` runs 10,000 edits (scripts/fuzz.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChaos } from '../fuzz/chaos.js';
import { LspClient } from './lsp-client.js';

/** Edits in the fast run of `npm test`, and its seed (fixed, so that a failure repeats; CHAOS_SEED overrides it). */
const EDITS = 500;
const SEED = Number(process.env.CHAOS_SEED ?? 1);

describe('language server under chaos', () => {
  it(`stays in step with the client through ${EDITS} random edits, requests and cancellations`, async () => {
    const figures = await runChaos({ edits: EDITS, seed: SEED }).catch((error: unknown) => {
      throw new Error(`with CHAOS_SEED=${SEED}: ${error instanceof Error ? error.message : String(error)}`);
    });
    assert.equal(figures.edits, EDITS);
    assert.ok(figures.diagnosticsPublished > 0);
    // Memory: the server's resident size may grow with caches, not with the number of edits.
    assert.ok(figures.rssEndMb - figures.rssStartMb < 150, `resident memory grew from ${figures.rssStartMb.toFixed(0)} MB to ${figures.rssEndMb.toFixed(0)} MB`);
  });

  it('answers requests with wrong or missing parameters, for unknown or closed documents, and keeps serving', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const uri = 'file:///chaos/closed.synth.md';
      const text = '## Background and context\n\nText citing SDG 16.1.\n';
      client.open(uri, text);
      await client.diagnostics(uri, () => true);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const malformed: Array<[string, unknown]> = [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
        ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/hover', null],
        ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 'one', character: null } }],
        ['textDocument/completion', { textDocument: {}, position: {} }],
        ['textDocument/completion', { textDocument: { uri }, position: { line: -5, character: -1 } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
        ['textDocument/foldingRange', []],
        ['textDocument/documentLink', 'not an object'],
        ['workspace/symbol', { query: 42 }],
        ['synthesis/documentInfo', { uri: ['a'] }],
      ];
      for (const [method, params] of malformed) {
        const response = await client.requestRaw(method, params);
        assert.ok(response.error === undefined || typeof response.error.message === 'string', `${method} answers`);
      }
      // Notifications the server cannot apply are ignored: unknown documents, ranges outside the text.
      client.notify('textDocument/didChange', { textDocument: { uri: 'file:///chaos/never-opened.synth.md', version: 2 }, contentChanges: [{ text: 'x' }] });
      client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///chaos/bad.synth.md', languageId: 'synthesis-markdown', version: 1, text: 42 } });
      client.notify('textDocument/didChange', null);
      client.notify('$/cancelRequest', { id: 987_654 });
      const open = 'file:///chaos/open.synth.md';
      client.open(open, text);
      const far = { line: 10_000, character: 10_000 };
      client.notify('textDocument/didChange', { textDocument: { uri: open, version: 2 }, contentChanges: [{ range: { start: far, end: far }, text: '\nMore text.' }] });
      for (const position of [far, { line: -1, character: 0 }, { line: 0, character: 1e9 }]) {
        await client.requestRaw('textDocument/hover', { textDocument: { uri: open }, position });
        await client.requestRaw('textDocument/completion', { textDocument: { uri: open }, position });
      }
      // An unknown method gets the protocol's "method not found" error.
      assert.equal((await client.requestRaw('synthesis/noSuchRequest', {})).error?.code, -32601);
      // Still serving, with the out-of-range insertion applied at the end of the text.
      const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: open } });
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['Background and context'],
      );
      const published = client.published(open).find((p) => p.version === 2) ?? (await client.diagnostics(open, (p) => p.version === 2));
      assert.ok(Array.isArray(published.diagnostics));
      assert.equal(client.process.exitCode, null, 'the server is still running');
    } finally {
      client.kill();
    }
  });
});
