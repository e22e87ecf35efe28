/**
 * The editor's "Export Brief as HTML" asks the language server for the standalone page
 * (`synthesis/render` with `standalone: true`): that page has the coverage annex with the
 * target × criterion table, from the register on disk; the preview does not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client.js';

const REGISTER = ['id,title,year,type,criteria', 'PER-01,Legal aid,2017,country,relevance; effectiveness', 'PER-02,Justice houses,2019,country,sustainability'].join('\n');
const TEXT = ['---', 'title: Peru', '---', '', '## Findings', '', '### SDG 16.3 Justice', '', 'Legal aid [@PER-01; @PER-02].', ''].join('\n');

describe("the editor's HTML export", () => {
  let dir: string;
  let client: LspClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synthesis-export-coverage-'));
    writeFileSync(join(dir, 'evidence.csv'), REGISTER);
    writeFileSync(join(dir, 'brief.synth.md'), TEXT);
    client = new LspClient();
    await client.initialize({ rootPath: dir });
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the coverage annex with ✗ for the criteria no evaluation informs; the preview has not', async () => {
    const uri = pathToFileURL(join(dir, 'brief.synth.md')).href;
    const published = client.diagnostics(uri);
    client.open(uri, TEXT);
    await published;
    const page = await client.request<{ html: string }>('synthesis/render', { uri, standalone: true });
    const start = page.html.indexOf('<section class="synthesis-annex synthesis-coverage">');
    assert.ok(start > page.html.indexOf('Annex: Summary matrix'), 'after the summary matrix');
    const annex = page.html.slice(start, page.html.indexOf('</section>', start));
    assert.match(annex, /<h2>Annex: Evidence coverage<\/h2>/);
    const criteria = annex.slice(annex.indexOf('Evaluation criteria by target'));
    const cells = [...criteria.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    assert.deepEqual(cells.slice(0, 7), ['Target', 'Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']);
    assert.deepEqual(cells.slice(8), ['1', '✗', '1', '✗', '✗', '1']);
    const preview = await client.request<{ html: string }>('synthesis/render', { uri });
    assert.doesNotMatch(preview.html, /synthesis-coverage|Evidence coverage/);
  });
});
