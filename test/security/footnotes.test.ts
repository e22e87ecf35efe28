// Issue 13, class 5: footnote links in the preview and the exported page point at ids that exist.
// Before, remark-rehype and the sanitizer each put `user-content-` before the ids, so the ids read
// `user-content-user-content-fn-1` and every footnote link and back link led nowhere.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderPreview, renderStandalonePage } from '../../server/src/core/index.js';

const DOCUMENT = '# Brief\n\nA claim[^1] and another[^source] and the first again[^1].\n\n[^1]: The first note.\n[^source]: Evaluation report, 2021.\n';

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
}

function inPageLinks(html: string): string[] {
  return [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1]!);
}

describe('footnotes', () => {
  for (const [name, html] of [
    ['the preview', renderPreview(DOCUMENT).html],
    ['the exported page', renderStandalonePage(DOCUMENT).html],
  ] as const) {
    test(`in ${name}, every in-page link leads to an id on the page`, () => {
      const links = inPageLinks(html);
      assert.ok(links.length >= 5, `three references and two back links, found ${links.length}`);
      const known = ids(html);
      for (const link of links) assert.ok(known.has(link), `#${link} leads nowhere (ids: ${[...known].join(', ')})`);
    });

    test(`in ${name}, the ids still carry the prefix that keeps them from clobbering the page's own`, () => {
      for (const id of ids(html)) assert.match(id, /^user-content-(?!user-content-)/);
    });
  }
});
