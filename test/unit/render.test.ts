import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinTemplates,
  getCatalogue,
  MAX_RENDER_LENGTH,
  parseTemplate,
  renderPreview,
  renderStandalonePage,
  PREVIEW_CSS,
  type RenderOptions,
  wordMessage,
} from '../../server/src/core/index.js';

/** A template that asks for nothing, so that only the finding under test marks a block. */
const bare = parseTemplate(
  'id: bare\ntitle: Bare\ndescription: Asks for nothing.\nsections:\n  - id: any\n    heading: Anything\n    level: 2\n    required: false\n',
  'test',
).template;
const BARE: RenderOptions = { templates: builtinTemplates().with(bare ? [bare] : []), defaultTemplate: 'bare' };

/** An element found in rendered HTML: its tag, attributes (entities decoded) and inner HTML. */
interface Found {
  tag: string;
  attrs: Record<string, string>;
  inner: string;
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Elements of a tag, nested ones balanced (the renderer's output is well-formed). */
function find(html: string, tag: string, cls?: string): Found[] {
  const out: Found[] = [];
  const open = new RegExp(`<${tag}((?:\\s+[\\w:-]+(?:="[^"]*")?)*)\\s*>`, 'g');
  const any = new RegExp(`<${tag}(?=[\\s>])|</${tag}>`, 'g');
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = decode(a[2] ?? '');
    if (cls && !(attrs.class ?? '').split(' ').includes(cls)) continue;
    const start = m.index + m[0].length;
    any.lastIndex = start;
    let depth = 1;
    let end = html.length;
    for (let t = any.exec(html); t; t = any.exec(html)) {
      depth += t[0].startsWith('</') ? -1 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    out.push({ tag, attrs, inner: html.slice(start, end) });
  }
  return out;
}

/** Text content of an HTML fragment. */
function plain(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

const BRIEF = `---
title: Meta-synthesis of the work of UNODC in Mexico
country: Mexico
period: Evaluations conducted between 2016 and 2023
team: [Ann Sutherland, Xiomara Chavez, Ashley Hollister]
report: https://www.unodc.org/evaluation-based-knowledge-products
---

## Background and context

The work supports SDG 16, on peace, justice and strong institutions.

## Main findings and considerations

### SDG 16.1 Reducing violence

Investigation files were reviewed with a common method.

## Sources of data reviewed

\`\`\`sources
documents: 3076
surveys: 697
interview and focus group participants: 419
\`\`\`
`;

test('the front matter becomes a title block with the title, country, period, team and report link', () => {
  const { html, title } = renderPreview(BRIEF);
  assert.equal(title, 'Meta-synthesis of the work of UNODC in Mexico');
  const [block] = find(html, 'div', 'synthesis-title-block');
  assert.ok(block, html);
  assert.equal(block.attrs['data-line'], '0');
  const [heading] = find(block.inner, 'h1', 'synthesis-title');
  assert.equal(plain(heading!.inner), 'Meta-synthesis of the work of UNODC in Mexico');
  const [meta] = find(block.inner, 'dl', 'synthesis-meta');
  const terms = find(meta!.inner, 'dt').map((d) => plain(d.inner));
  const details = find(meta!.inner, 'dd').map((d) => plain(d.inner));
  assert.deepEqual(terms, ['Country', 'Period', 'Synthesis team', 'Full report']);
  assert.deepEqual(details, [
    'Mexico',
    'Evaluations conducted between 2016 and 2023',
    'Ann Sutherland, Xiomara Chavez, Ashley Hollister',
    'https://www.unodc.org/evaluation-based-knowledge-products',
  ]);
  assert.equal(find(meta!.inner, 'a')[0]!.attrs.href, 'https://www.unodc.org/evaluation-based-knowledge-products');
  // The front matter's YAML itself is not shown.
  assert.ok(!html.includes('country:'));
});

test('a level-1 heading repeating the front-matter title is shown once, in the title block', () => {
  const { html } = renderPreview('---\ntitle: Brief on Mexico\ncountry: Mexico\n---\n\n# Brief on  mexico\n\nText.\n');
  assert.equal(find(html, 'h1').length, 1);
  assert.equal(plain(find(find(html, 'div', 'synthesis-title-block')[0]!.inner, 'h1', 'synthesis-title')[0]!.inner), 'Brief on Mexico');
});

test('without a front-matter title, the opening level-1 heading heads the title block', () => {
  const { html, title } = renderPreview('---\ncountry: Mexico\n---\n\n# Brief on Mexico\n\nText.\n');
  assert.equal(title, 'Brief on Mexico');
  const block = find(html, 'div', 'synthesis-title-block')[0]!;
  assert.match(block.inner, /^<h1 class="synthesis-title">Brief on Mexico<\/h1><dl class="synthesis-meta">/);
  assert.equal(find(html, 'h1').length, 1);
});

test('without front matter the title is the first level-1 heading', () => {
  const { html, title } = renderPreview('Intro.\n\n# Synthesis of evaluations in Peru\n\nText.\n');
  assert.equal(title, 'Synthesis of evaluations in Peru');
  assert.equal(find(html, 'div', 'synthesis-title-block').length, 0);
});

test('an SDG target tag becomes a badge in its goal colour with the official target text', () => {
  const { html } = renderPreview(BRIEF);
  const badges = find(html, 'span', 'sdg-badge');
  const target = badges.find((b) => b.attrs['data-sdg'] === '16.1');
  assert.ok(target, html);
  assert.ok(target.attrs.class!.split(' ').includes('sdg-goal-16'));
  assert.equal(plain(target.inner), 'SDG 16.1');
  assert.ok(target.attrs.title!.includes(getCatalogue('en').target('16.1')!.title), target.attrs.title);
  const goal = badges.find((b) => b.attrs['data-sdg'] === '16');
  assert.ok(goal!.attrs.title!.includes(getCatalogue('en').goal(16)!.title));
  // The heading keeps its text after the badge.
  assert.match(plain(find(html, 'h3')[0]!.inner), /^SDG 16\.1 Reducing violence$/);
});

test('every goal has its own colour class and the stylesheet colours each one', () => {
  const text = Array.from({ length: 17 }, (_, i) => `SDG ${i + 1}`).join(', ');
  const badges = find(renderPreview(text).html, 'span', 'sdg-badge');
  assert.equal(badges.length, 17);
  badges.forEach((b, i) => {
    assert.ok(b.attrs.class!.split(' ').includes(`sdg-goal-${i + 1}`));
    const colour = getCatalogue('en').goal(i + 1)!.colour;
    assert.ok(PREVIEW_CSS.includes(`.sdg-goal-${i + 1} { background: ${colour};`), `goal ${i + 1}`);
  });
});

test('a Spanish document gets Spanish tooltips, and its ODS tags are badges too', () => {
  const es = getCatalogue('es');
  const { html } = renderPreview('---\ntitle: Metasíntesis\ncountry: México\nlanguage: es\n---\n\nEl trabajo apoya la ODS 16.1 y la SDG 16.a.\n');
  const badges = find(html, 'span', 'sdg-badge');
  assert.deepEqual(badges.map((b) => plain(b.inner)), ['ODS 16.1', 'SDG 16.a']);
  assert.ok(badges[0]!.attrs.title!.includes(es.target('16.1')!.title), badges[0]!.attrs.title);
  assert.ok(badges[0]!.attrs.title!.startsWith('Meta 16.1'));
  assert.ok(badges[1]!.attrs.title!.includes(es.target('16.a')!.title));
  assert.deepEqual(find(html, 'dt').map((d) => plain(d.inner)), ['País']);
});

test('tags naming two targets, an indicator, or no real target get the right badge', () => {
  const en = getCatalogue('en');
  const { html } = renderPreview('See SDG 16.6/16.a, SDG 16.1.1, SDG 16.11 and SDG 18.\n');
  const badges = find(html, 'span', 'sdg-badge');
  assert.deepEqual(badges.map((b) => b.attrs['data-sdg']), ['16.6/16.a', '16.1.1', '16.11', '18']);
  const [pair, indicator, unknownTarget, unknownGoal] = badges;
  assert.ok(pair!.attrs.title!.includes(en.target('16.6')!.title) && pair!.attrs.title!.includes(en.target('16.a')!.title));
  assert.ok(indicator!.attrs.title!.includes(en.indicator('16.1.1')!.title));
  assert.ok(unknownTarget!.attrs.class!.split(' ').includes('sdg-unknown'));
  assert.ok(!unknownTarget!.attrs.class!.includes('sdg-goal-'));
  assert.equal(unknownTarget!.attrs.title, '16.11 is not an SDG target');
  assert.ok(unknownGoal!.attrs.class!.split(' ').includes('sdg-unknown'));
  assert.match(unknownGoal!.attrs.title!, /18 is not an SDG goal/);
});

test('tags in code stay as written', () => {
  const { html } = renderPreview('Write `SDG 16.1` like this:\n\n```\nSDG 16.2\n```\n');
  assert.equal(find(html, 'span', 'sdg-badge').length, 0);
  assert.ok(html.includes('<code>SDG 16.1</code>'));
});

test('a sources block becomes tiles with formatted counts, labels and nested breakdowns', () => {
  const doc = [
    '```sources',
    'documents: 3076',
    'surveys: 697',
    'evaluation reports: 21',
    '  country-level: 13',
    '    state: 4',
    '    federal: 9',
    '  regional: 3',
    '  global: 5',
    '```',
    '',
  ].join('\n');
  const { html } = renderPreview(doc);
  assert.ok(!html.includes('<pre'), 'the code block is replaced');
  const [tiles] = find(html, 'div', 'sources-tiles');
  assert.ok(tiles, html);
  // Tiles are not nested in each other, so split the container on tile starts.
  const tileHtml = tiles.inner.split('<div class="sources-tile">').slice(1);
  assert.equal(tileHtml.length, 3);
  const head = (h: string): [string, string] => [plain(find(h, 'span', 'sources-count')[0]!.inner), plain(find(h, 'span', 'sources-label')[0]!.inner)];
  assert.deepEqual(tileHtml.map(head), [
    ['3,076', 'documents'],
    ['697', 'surveys'],
    ['21', 'evaluation reports'],
  ]);
  assert.ok(!tileHtml[0]!.includes('sources-breakdown'));
  // The breakdown of "evaluation reports", with the breakdown of "country-level" nested inside it.
  const third = tileHtml[2]!;
  assert.equal((third.match(/<ul class="sources-breakdown">/g) ?? []).length, 2);
  const levels = [...third.matchAll(/<ul class="sources-breakdown">|<\/ul>|<span class="sources-label">([^<]*)<\/span>/g)];
  let depth = 0;
  const seen: string[] = [];
  for (const m of levels) {
    if (m[0].startsWith('<ul')) depth++;
    else if (m[0] === '</ul>') depth--;
    else seen.push(`${depth}:${m[1]}`);
  }
  assert.deepEqual(seen, ['0:evaluation reports', '1:country-level', '2:state', '2:federal', '1:regional', '1:global']);
});

test('counts are formatted in the document language', () => {
  const { html } = renderPreview('---\nlanguage: fr\n---\n\n```sources\ndocuments : 3076\n```\n');
  assert.equal(plain(find(html, 'span', 'sources-count')[0]!.inner), '3\u202f076');
});

test('a sources block with no readable line stays a code block', () => {
  const { html } = renderPreview('```sources\njust some words\n```\n');
  assert.equal(find(html, 'div', 'sources-tiles').length, 0);
  assert.equal(find(html, 'pre').length, 1);
});

test('a finding marks the block that contains it, with its message as the tooltip', () => {
  const doc = 'Intro.\n\n```sources\nevaluation reports: 21\n  country-level: 13\n  regional: 3\n```\n\nAfter.\n';
  const { html, analysis } = renderPreview(doc, BARE);
  assert.ok(bare, 'the test template is valid');
  const finding = analysis.findings.find((f) => f.rule === 'sources-sum');
  assert.ok(finding, 'the checks found the wrong sum');
  const [tiles] = find(html, 'div', 'sources-tiles');
  const classes = tiles!.attrs.class!.split(' ');
  assert.ok(classes.includes('synthesis-problem') && classes.includes('synthesis-problem-error'), tiles!.attrs.class);
  assert.ok(tiles!.attrs.title!.includes(wordMessage(finding.message)));
  // Blocks without findings are not marked.
  const after = find(html, 'p').find((p) => plain(p.inner) === 'After.');
  assert.equal(after!.attrs.class, undefined);
});

test('severity settings and showProblems decide which marks appear', () => {
  const doc = '```sources\nevaluation reports: 21\n  regional: 3\n```\n';
  const warning = renderPreview(doc, { ...BARE, severities: { 'sources-sum': 'warning' } }).html;
  assert.ok(find(warning, 'div', 'synthesis-problem-warning').length === 1, warning);
  const off = renderPreview(doc, { ...BARE, severities: { 'sources-sum': 'off' } }).html;
  assert.equal(find(off, 'div', 'sources-tiles')[0]!.attrs.class, 'sources-tiles');
  const hidden = renderPreview(doc, { showProblems: false }).html;
  assert.ok(!hidden.includes('synthesis-problem'));
});

test('top-level blocks carry their 0-based source line', () => {
  const doc = '# Title\n\nFirst paragraph\nstill first.\n\n- a\n- b\n\n```sources\ndocuments: 3\n```\n\n> quote\n';
  const { html } = renderPreview(doc);
  const lines = [...html.matchAll(/<(\w+)[^>]*\bdata-line="(\d+)"/g)].map((m) => `${m[1]}@${m[2]}`);
  assert.deepEqual(lines, ['h1@0', 'p@2', 'ul@5', 'div@8', 'blockquote@12']);
  // Nested blocks do not get one.
  assert.equal((html.match(/data-line=/g) ?? []).length, 5);
});

test('Windows line endings render like Unix ones', () => {
  const crlf = BRIEF.replace(/\n/g, '\r\n');
  assert.equal(renderPreview(crlf).html, renderPreview(BRIEF).html);
});

test('the standalone page is a complete, self-contained document with a strict policy and no script', () => {
  const { html, title } = renderStandalonePage(BRIEF);
  assert.equal(title, 'Meta-synthesis of the work of UNODC in Mexico');
  assert.match(html, /^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
  assert.ok(html.endsWith('</html>'));
  const metas = [...html.matchAll(/<meta ([^>]*)>/g)].map((m) => decode(m[1]!));
  assert.ok(
    metas.includes(`http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: https:"`),
    metas.join('\n'),
  );
  assert.equal(plain(find(html, 'title')[0]!.inner), title);
  const styles = find(html, 'style');
  assert.equal(styles.length, 1);
  assert.ok(styles[0]!.inner.includes(PREVIEW_CSS.trim()));
  assert.ok(styles[0]!.inner.includes('@media print'));
  assert.ok(!/<script|<link|<iframe|\bsrc=/i.test(html));
  // The body is the preview's content inside <main>.
  assert.ok(html.includes(`<main class="synthesis-document">${renderPreview(BRIEF).html}</main>`));
});

test('the standalone page takes the document language', () => {
  assert.match(renderStandalonePage('---\nlanguage: es\n---\n\nTexto.\n').html, /<html lang="es">/);
});

test('documents nested too deeply for the preview show a notice and their text', () => {
  const deep = `${'> '.repeat(5000)}SDG 16.1 deep\n`;
  const { html } = renderPreview(deep);
  assert.equal(find(html, 'div', 'synthesis-notice').length, 1);
  assert.ok(find(html, 'pre')[0]!.inner.includes('SDG 16.1 deep'));
  const list = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  assert.equal(find(renderPreview(list).html, 'div', 'synthesis-notice').length, 1);
  // Ordinary nesting renders normally.
  const normal = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  assert.equal(find(renderPreview(normal).html, 'div', 'synthesis-notice').length, 0);
});

test('a document over the size limit shows a notice instead of its content', () => {
  const { html } = renderPreview(`SDG 16.1 ${'a'.repeat(MAX_RENDER_LENGTH)}`);
  const notices = find(html, 'div', 'synthesis-notice');
  assert.equal(notices.length, 1);
  assert.match(plain(notices[0]!.inner), /too large to preview: it has 2,000,009 characters .* up to 2,000,000/);
  assert.equal(find(html, 'span', 'sdg-badge').length, 0);
});

test('odd input never throws', () => {
  for (const input of ['', '\u0000', '\ud800 SDG 16.1 \udfff', '---\n', '---\n: :\n---\n', '```sources\n', '\r\r\r', '*'.repeat(400) + 'x' + '*'.repeat(400)]) {
    const preview = renderPreview(input);
    assert.equal(typeof preview.html, 'string');
    assert.match(renderStandalonePage(input).html, /^<!doctype html>/);
  }
});
