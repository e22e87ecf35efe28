// Pictures of the document's workspace folder in the preview: a relative address that stays inside
// the folder (as written and by its real path) becomes a webview address; one that leaves it, by
// `..`, an absolute path or a symbolic link, is refused with a line of text; other images are left
// as the server rendered them. Real files and links in a temporary folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { renderPreview } from '../../server/src/core/index.js';
import { localImages, type LocalImageOptions } from '../../client/src/preview-images.js';

const root = mkdtempSync(join(tmpdir(), 'synthesis-images-'));
const folder = join(root, 'workspace');
mkdirSync(join(folder, 'briefs', 'figures'), { recursive: true });
writeFileSync(join(folder, 'briefs', 'figures', 'map.png'), 'png');
writeFileSync(join(folder, 'logo & co.png'), 'png');
writeFileSync(join(root, 'secret.png'), 'secret');
symlinkSync(join(root, 'secret.png'), join(folder, 'briefs', 'figures', 'leak.png'));
symlinkSync(root, join(folder, 'briefs', 'outside'));

const options: LocalImageOptions = {
  documentPath: join(folder, 'briefs', 'brief.synth.md'),
  folder,
  toUri: (path) => `https://file+.vscode-resource.test${path}`,
  refused: (alt, address) => `Image outside the workspace folder not shown: ${alt} (${address})`,
};

/** The server's fragment for Markdown, then what the preview makes of its images. */
async function shown(markdown: string): Promise<string> {
  return localImages(renderPreview(markdown).html, options);
}

describe('local images in the preview', () => {
  after(() => rmSync(root, { recursive: true, force: true }));

  test("an image of the document's folder, or above it inside the workspace folder, gets a webview address", async () => {
    const html = await shown('![Map](figures/map.png) ![Logo](../logo%20&%20co.png?v=2)\n');
    assert.ok(html.includes(`<img src="https://file+.vscode-resource.test${join(folder, 'briefs', 'figures', 'map.png')}" alt="Map">`), html);
    // Decoded for the file system, escaped again in the page.
    assert.ok(html.includes(`src="https://file+.vscode-resource.test${join(folder, 'logo &amp; co.png')}"`), html);
  });

  test('an address that leaves the folder by .., an absolute path or a symbolic link is refused with a line of text', async () => {
    for (const address of ['../../secret.png', join(root, 'secret.png'), 'figures/leak.png', 'outside/secret.png', '..%2F..%2Fsecret.png']) {
      const html = await shown(`![Secret](${address.replace(/ /g, '%20')})\n`);
      assert.doesNotMatch(html, /<img/, address);
      assert.ok(html.includes(`<span class="synthesis-remote-image">Image outside the workspace folder not shown: Secret (`), `${address}: ${html}`);
      assert.doesNotMatch(html, /vscode-resource/, address);
    }
  });

  test('inline, remote and missing images are left as the server rendered them', async () => {
    const data = await shown('![Dot](data:image/png;base64,iVBORw0KGgo=)\n');
    assert.ok(data.includes('src="data:image/png;base64,iVBORw0KGgo="'), data);
    const remote = await shown('![Chart](https://example.org/chart.png)\n');
    assert.equal(remote, renderPreview('![Chart](https://example.org/chart.png)\n').html, 'the server already shows a line of text');
    // Not there (yet): given an address inside the folder, which loads nothing.
    const missing = await shown('![Later](figures/later.png)\n');
    assert.ok(missing.includes(`src="https://file+.vscode-resource.test${join(folder, 'briefs', 'figures', 'later.png')}"`), missing);
  });
});
