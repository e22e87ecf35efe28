/**
 * The editor and CI must agree after any sequence of edits, not only on a freshly opened file: the
 * language server parses incrementally from the editor's content changes, `synthlint` parses the
 * saved file from scratch. Each synthesis of test/fixtures/workspace-equivalence (nested projects,
 * configuration files, templates, registers, three languages) is opened in the real server
 * (dist/server.js over stdio) with its workspace folder, edited by a seeded sequence of content
 * changes — typing character by character, deleting characters and lines, pasting a section,
 * inserting Markdown that changes the lines around it, sometimes several changes in one event — and
 * the diagnostics published for the last version must equal `synthlint --format json` on the same
 * text written to disk.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../../server/src/core/index.js';
import { filesUnder, repoRoot } from '../helpers.js';
import { fromDiagnostics, sortFindings, synthlintFindings } from '../protocol/equivalence-harness.js';
import { LspClient } from '../protocol/lsp-client.js';
import { random, SNIPPETS } from './harness.js';

const SEEDS = [1, 2];
const EVENTS = 30;

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** A document being edited as an editor edits it: each change's range is in the text the changes before it left. */
class Draft {
  constructor(public text: string) {}
  replace(start: number, end: number, insert: string): Change {
    const lines = new LineIndex(this.text);
    const change = { range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: insert };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    return change;
  }
}

/** The seeded events of one sequence; each event is one `didChange` (one or more content changes). */
function* events(draft: Draft, seed: number): Generator<Change[]> {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  for (let n = 0; n < EVENTS; n++) {
    const at = Math.floor(rnd() * (draft.text.length + 1));
    const kind = rnd();
    if (kind < 0.3) {
      // Typing, one character per event.
      const word = pick(['word ', 'SDG 16.1 ', '12 ', '[@X-1] ', pick(SNIPPETS)]);
      for (let i = 0; i < word.length; i++) yield [draft.replace(at + i, at + i, word[i]!)];
    } else if (kind < 0.45) {
      yield [draft.replace(at, Math.min(draft.text.length, at + 1 + Math.floor(rnd() * 40)), '')];
    } else if (kind < 0.6) {
      const start = draft.text.lastIndexOf('\n', at - 1) + 1;
      const next = draft.text.indexOf('\n', at);
      yield [draft.replace(start, next < 0 ? draft.text.length : next + 1, '')];
    } else if (kind < 0.72) {
      // Pasting a section copied from elsewhere in the text.
      const heading = draft.text.indexOf('\n#', Math.floor(rnd() * draft.text.length));
      const from = heading < 0 ? 0 : heading + 1;
      const to = draft.text.indexOf('\n#', from + 1);
      yield [draft.replace(at, at, draft.text.slice(from, to < 0 ? draft.text.length : to + 1))];
    } else if (kind < 0.85) {
      // Several changes in one event (multi-cursor typing, a rename), the later ones first, as editors send them.
      const a = Math.floor(rnd() * (draft.text.length + 1));
      const b = Math.floor(rnd() * (draft.text.length + 1));
      const [hi, lo] = a >= b ? [a, b] : [b, a];
      const insert = pick(SNIPPETS);
      yield [draft.replace(hi, hi, insert), draft.replace(lo, Math.min(lo + Math.floor(rnd() * 5), hi), insert)];
    } else {
      yield [draft.replace(at, at, pick(SNIPPETS))];
    }
  }
}

describe('after every edit sequence, the server publishes what synthlint reports on the same text', () => {
  const folder = mkdtempSync(join(tmpdir(), 'synthesis-edits-'));
  const workspace = join(folder, 'workspace');
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace-equivalence'), workspace, { recursive: true });
  const syntheses = filesUnder(workspace, '.synth.md');
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize({ rootPath: workspace, locale: 'en', initializationOptions: { validationDelay: 0 } });
  });
  after(() => {
    client?.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the workspace has syntheses to edit', () => assert.ok(syntheses.length >= 5, syntheses.join(', ')));

  for (const path of syntheses) {
    const shown = relative(workspace, path).split(sep).join('/');
    for (const seed of SEEDS) {
      it(`${shown}, edit sequence ${seed}`, async () => {
        const uri = pathToFileURL(path).href;
        const draft = new Draft(readFileSync(path, 'utf8'));
        let version = 1;
        const opened = client.diagnostics(uri, (p) => p.version === version, 20_000);
        client.open(uri, draft.text, version);
        await opened;
        let changes = 0;
        for (const contentChanges of events(draft, seed * 1000 + syntheses.indexOf(path))) {
          version++;
          changes += contentChanges.length;
          client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
        }
        const last = version;
        const published = await client.diagnostics(uri, (p) => p.version === last, 30_000);
        client.notify('textDocument/didClose', { textDocument: { uri } });

        writeFileSync(path, draft.text);
        const expected = sortFindings(synthlintFindings(workspace, [shown]).get(shown) ?? []);
        assert.ok(changes > EVENTS, `${changes} content changes were sent`);
        assert.ok(expected.length > 0, 'the edited synthesis has findings: two empty lists would prove nothing');
        assert.deepEqual(fromDiagnostics(published), expected);
      });
    }
  }
});
