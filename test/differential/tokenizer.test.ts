// The tokenizer leaves out GFM's literal autolinks and tables on text that cannot hold one
// (server/src/core/markdown/micromark.ts). That must never change what micromark reads: its events
// must be those of micromark with the whole GFM extension, on every example of both specifications
// and on autolinks and tables written every way the constructs accept; and so must the lines it
// reads as lazy (the parser asks which those are).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as createParser, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Event } from 'micromark-util-types';
import { tokenize } from '../../server/src/core/markdown/micromark.js';
import { allExamples } from './harness.js';

/** The events, then the lazy lines among the text's lines. */
function eventsOf(source: string, events: readonly Event[], lazy: (line: number) => boolean): string[] {
  const lines = source.split(/\r\n|\r|\n/).length;
  const lazyLines = Array.from({ length: lines }, (_, k) => k + 1).filter(lazy);
  return [...events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`), `lazy ${lazyLines.join(' ')}`];
}

/** micromark with every GFM construct, as remark-gfm reads. */
function fullGfm(source: string, frontMatter: boolean): string[] {
  const parser = createParser({ extensions: frontMatter ? [gfm(), frontmatter(['yaml'])] : [gfm()] });
  const events = postprocess(parser.document().write(preprocess()(source, undefined, true)));
  return eventsOf(source, events, (line) => parser.lazy[line] === true);
}

function ours(source: string, frontMatter: boolean): string[] {
  const { events, lazy } = tokenize(source, 0, { line: 1, frontMatter, definitions: new Set(), footnotes: new Set() });
  return eventsOf(source, events, lazy);
}

const AUTOLINKS = [
  'Write to evaluation.office@example.org or Team_2+x@un.example.int today.',
  'See www.example.org/path_(x) and WWW.EXAMPLE.ORG, or Www.example.org.',
  'See https://example.org/a?b=1, HTTP://EXAMPLE.ORG and hTtPs://example.org/*x*.',
  'Not links: www, https:, http:/x, @handle, [@EV-01], a @ b, name@host.',
  '*emphasis www.example.org/*x* done* and _a@b.co_ and ~~https://x.org~~',
  '| a@b.co | www.x.org |\n| --- | --- |\n| https://x.org | SDG 16.1 |',
];

const TABLES = [
  'a | b\n--- | ---\nc | d',
  'Target\n:--\nSDG 16.1',
  'Target\n--:',
  'Target\n:-:\nSDG 16.2',
  '- Target\n  :--\n- Next',
  '> Target\n> --:',
  'Not tables: a - b, 16.1: -3, -- : --, and a line\n---',
];

test('with the autolink constructs it leaves out, micromark reads autolinks as with all of GFM', () => {
  for (const text of AUTOLINKS) {
    assert.deepEqual(ours(text, false), fullGfm(text, false), text);
    // The same text after a paragraph without any: the choice is made for the whole stretch.
    const after = `No link here.\n\n${text}\n`;
    assert.deepEqual(ours(after, false), fullGfm(after, false), after);
  }
  const withFrontMatter = `---\ntitle: x@y.org\n---\n\n${AUTOLINKS.join('\n\n')}\n`;
  assert.deepEqual(ours(withFrontMatter, true), fullGfm(withFrontMatter, true));
});

test('without the table construct it leaves out, micromark reads tables as with all of GFM', () => {
  for (const text of TABLES) {
    assert.deepEqual(ours(text, false), fullGfm(text, false), text);
    const after = `No table here.\n\n${text}\n\nAnd after.\n`;
    assert.deepEqual(ours(after, false), fullGfm(after, false), after);
  }
});

test('every example of both specifications tokenizes as micromark with all of GFM reads it', async () => {
  const failures: string[] = [];
  for (const example of await allExamples()) {
    if (JSON.stringify(ours(example.markdown, false)) !== JSON.stringify(fullGfm(example.markdown, false))) failures.push(`${example.spec} ${example.number}`);
  }
  assert.deepEqual(failures, []);
});
