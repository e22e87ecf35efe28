/**
 * The preview as a user sees it: the rendered webview's DOM, read in the browser page that shows
 * VS Code (page.ts), not the HTML string the extension holds.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { describeEvidence, DEFAULT_MINIMUM, flowFigures, getCatalogue, isFlowBlock, parse, parseCount, parseEvidenceRegister, screeningFlows, summaryMatrix, type SourcesEntry } from '../../server/src/core/index.js';
import type { Dom, DomElement } from './dom.js';
import { api, closeAllEditors, colombiaCopy, find, newSynthesis, open, ruleOf, sampleUri, suite, suiteSetup, test, waitFor, waitForDiagnostics } from './harness.js';
import { page, PREVIEW, screenshot, type PageEvent } from './page.js';
import { clearNotifications, clearProblemsFilter, placeCursor, problemsPanel, waitForWebview } from './workbench.js';

/** "#00689D" → "rgb(0, 104, 157)", as getComputedStyle gives colours. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * Opens the preview of `uri` beside its editor and waits until its frame shows `text`, styled (also
 * when the new webview must first wait for its service worker: see waitForWebview).
 */
async function showPreview(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.commands.executeCommand('synthesis.showPreviewToSide', uri);
  await waitForWebview(
    PREVIEW,
    (t) => {
      const { document } = globalThis as unknown as Dom;
      // The style sheet loads after the text: until it has, badges have no colour.
      const styled = [...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => (l as unknown as { sheet: unknown }).sheet !== null);
      return styled && document.body.innerText.includes(t);
    },
    text,
    `the preview showing '${text}', styled`,
  );
}

interface ShownEntry {
  count: string;
  label: string;
  breakdown: ShownEntry[];
}

suite('The preview as rendered', () => {
  suiteSetup(async () => {
    await api();
    await closeAllEditors();
  });

  test('shows the brief: the title block, SDG badges in their goals\' colours, the sources figures', async () => {
    const uri = sampleUri('colombia-country-programme.synth.md');
    const editor = await open(uri);
    const text = editor.document.getText();
    await showPreview(uri, 'Colombia');
    const shown = await page.evaluate(PREVIEW, () => {
      const { document, getComputedStyle } = globalThis as unknown as Dom;
      const block = document.querySelector('.synthesis-title-block');
      const meta = [...document.querySelectorAll('.synthesis-title-block dl.synthesis-meta > dt')].map((dt) => ({
        term: dt.textContent ?? '',
        value: dt.nextElementSibling?.textContent ?? '',
        links: [...(dt.nextElementSibling?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? ''),
      }));
      const badges = [...document.querySelectorAll('#synthesis-content .sdg-badge')].map((b) => ({
        text: b.textContent ?? '',
        sdg: b.getAttribute('data-sdg') ?? '',
        className: b.className,
        background: getComputedStyle(b).backgroundColor,
        color: getComputedStyle(b).color,
        tooltip: b.getAttribute('title') ?? '',
      }));
      const entry = (element: DomElement): { count: string; label: string; breakdown: unknown[] } => ({
        count: element.querySelector(':scope > .sources-count')?.textContent ?? '',
        label: element.querySelector(':scope > .sources-label')?.textContent ?? '',
        breakdown: [...element.querySelectorAll(':scope > ul.sources-breakdown > li')].map(entry),
      });
      const tiles = [...document.querySelectorAll('.sources-tiles')].map((t) => [...t.querySelectorAll(':scope > .sources-tile')].map(entry));
      return { title: block?.querySelector('.synthesis-title')?.textContent ?? null, meta, badges, tiles };
    });

    // The title block: the front matter's title, country, period, team and report link.
    const frontMatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { title: string; country: string; period: string; team: string[]; report: string };
    assert.equal(shown.title, frontMatter.title, 'the title block shows the front matter\'s title');
    const values = shown.meta.map((m) => m.value).join(' | ');
    for (const value of [frontMatter.country, frontMatter.period, ...frontMatter.team]) {
      assert.ok(values.includes(value), `the title block shows '${value}'; it shows ${values}`);
    }
    assert.ok(shown.meta.some((m) => m.links.includes(frontMatter.report)), 'the title block links to the full report');

    // The badges: one per SDG tag of the text, in order, each in its goal's official colour.
    const document = parse(text);
    const catalogue = getCatalogue('en');
    assert.deepEqual(
      shown.badges.map((b) => b.text),
      document.tags.map((t) => t.raw),
      'one badge per SDG tag of the document, in order',
    );
    for (const [i, badge] of shown.badges.entries()) {
      const goal = document.tags[i]!.refs[0]!.goal;
      const colour = catalogue.goals.find((g) => g.number === goal)?.colour;
      assert.ok(colour, `goal ${goal} has an official colour`);
      assert.equal(badge.background, rgb(colour), `'${badge.text}' is drawn in the colour of goal ${goal} (${colour})`);
      assert.notEqual(badge.color, badge.background, `the text of '${badge.text}' stands out from its background`);
      const id = document.tags[i]!.refs[0]!.id;
      const official = id.includes('.') ? catalogue.target(id)?.title : catalogue.goals.find((g) => g.number === goal)?.title;
      if (official) assert.ok(badge.tooltip.includes(official), `hovering '${badge.text}' gives its official text`);
    }

    // The sources blocks: a tile per top-level line with its figure and label, breakdowns inside.
    const expected = (entry: SourcesEntry): { count: number | undefined; label: string; breakdown: unknown[] } => ({
      count: entry.count,
      label: entry.label,
      breakdown: entry.children.map(expected),
    });
    const read = (entry: ShownEntry): { count: number | undefined; label: string; breakdown: unknown[] } => ({
      count: parseCount(entry.count.replace(/\u00a0|\u202f/g, ' ')) ?? undefined,
      label: entry.label,
      breakdown: entry.breakdown.map(read),
    });
    // A `sources flow` block is drawn as a flow diagram, not as tiles (docs/findings.md).
    const tiled = document.sourcesBlocks.filter((b) => !isFlowBlock(document.text, b));
    assert.equal(shown.tiles.length, tiled.length, 'one row of tiles per sources block');
    assert.deepEqual(
      (shown.tiles as ShownEntry[][]).map((tiles) => tiles.map(read)),
      tiled.map((b) => b.entries.map(expected)),
      'the tiles show the figures and labels of the sources blocks',
    );
    await clearNotifications();
    await screenshot('preview', '.webview.ready', { image: 'preview.png' });
  });

  test('ends with the summary matrix annex and draws the screening flow as boxes and arrows', async () => {
    await closeAllEditors();
    const uri = sampleUri('colombia-country-programme.synth.md');
    const editor = await open(uri);
    const text = editor.document.getText();
    // Its heading is shown in capitals (innerText): wait for the sentence under it.
    await showPreview(uri, 'For each target section');
    const shown = await page.evaluate(PREVIEW, () => {
      const { document, getComputedStyle } = globalThis as unknown as Dom;
      const annex = document.querySelector('#synthesis-content > section.synthesis-annex');
      const rows = [...(annex?.querySelectorAll('table.synthesis-matrix > tbody > tr') ?? [])].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()));
      const flow = document.querySelector('#synthesis-content table.synthesis-flow');
      const boxes = [...(flow?.querySelectorAll('td.synthesis-flow-box') ?? [])].map((b) => (b.querySelector('strong')?.textContent ?? '') + '|' + (b.textContent ?? ''));
      const sides = [...(flow?.querySelectorAll('td.synthesis-flow-side') ?? [])].map((b) => b.textContent ?? '');
      const arrows = [...(flow?.querySelectorAll('td.synthesis-flow-arrow') ?? [])].map((a) => a.textContent ?? '');
      const box = flow?.querySelector('td.synthesis-flow-box');
      return {
        last: document.querySelector('#synthesis-content')?.lastElementChild === annex && annex !== null,
        heading: annex?.querySelector('h2')?.textContent ?? '',
        rows,
        // The preview's style sheet draws the annex apart and the flow's boxes with a border.
        annexBorder: annex ? getComputedStyle(annex).getPropertyValue('border-top-style') : '',
        boxBorder: box ? getComputedStyle(box).getPropertyValue('border-top-style') : '',
        boxes,
        sides,
        arrows,
      };
    });
    assert.ok(shown.last, 'the annex is the last thing in the preview');
    assert.equal(shown.heading, 'Annex: Summary matrix of findings, evidence and considerations');
    assert.equal(shown.annexBorder, 'double');

    // The rows the matrix of the document and its register gives: heading, evidence, considerations.
    const document = parse(text);
    const registerUri = sampleUri('colombia-evidence.csv');
    const register = parseEvidenceRegister(new TextDecoder().decode(await vscode.workspace.fs.readFile(registerUri)), registerUri.fsPath);
    const matrix = summaryMatrix(document, { register, minimum: DEFAULT_MINIMUM });
    assert.ok(matrix.rows.length >= 7, 'the sample has its target sections');
    assert.deepEqual(
      shown.rows.map((r) => r[0]),
      matrix.rows.map((r) => r.heading),
      'one row per target section, in order',
    );
    for (const [i, row] of matrix.rows.entries()) {
      const cells = shown.rows[i]!;
      assert.ok(cells[2]!.startsWith(describeEvidence(row.evidence, 'en', true)), `'${row.heading}': the evidence counted by kind and year; shown: ${cells[2]}`);
      for (const c of row.considerations) assert.ok(cells[3]!.includes(c.text.replace(/\s+/g, ' ').replace(/[*_`]/g, '').slice(0, 40)), `'${row.heading}': its consideration '${c.text.slice(0, 40)}…'; shown: ${cells[3]}`);
      if (row.considerations.length === 0) assert.equal(cells[3], '—', `'${row.heading}' has no consideration`);
    }

    // The flow: its boxes in order, with their figures, the exclusions beside them, arrows between.
    const flow = flowFigures(screeningFlows(document)[0]!, 'en');
    assert.deepEqual(
      shown.boxes.map((b) => b.split('|')[0]),
      [flow.identified!.label, flow.screened!.label, flow.assessed!.label, flow.included!.label],
      'the boxes identified → screened → assessed → included',
    );
    assert.ok(shown.boxes[0]!.includes('n = 41') && shown.boxes[3]!.includes('n = 18'), shown.boxes.join(' / '));
    assert.ok(shown.sides.some((s) => s.includes('before 2015 (n = 4)')), `the reasons for excluding: ${shown.sides.join(' / ')}`);
    assert.equal(shown.arrows.filter((a) => a === '↓').length, 3);
    assert.ok(shown.arrows.includes('→'));
    assert.equal(shown.boxBorder, 'solid');
  });

  test("shows a picture of the workspace folder and refuses one outside it", async () => {
    await closeAllEditors();
    // A 1×1 PNG beside the document; the other address leads out of the workspace folder (refused
    // as written, whether or not a file is there).
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    await vscode.workspace.fs.writeFile(sampleUri('e2e/figures/dot.png'), png);
    const editor = await newSynthesis('# Pictures\n\n![Dot inside](figures/dot.png)\n\n![Dot outside](../../outside-dot.png)\n', 'pictures');
    await showPreview(editor.document.uri, 'Image outside the workspace folder not shown: Dot outside');
    const shown = await page.waitFor(
      PREVIEW,
      () => {
        const { document } = globalThis as unknown as Dom;
        const images = [...document.querySelectorAll('#synthesis-content img')].map((i) => i as unknown as { alt: string; complete: boolean; naturalWidth: number });
        if (images.some((i) => !i.complete)) return undefined;
        return { images: images.map((i) => ({ alt: i.alt, width: i.naturalWidth })), refused: [...document.querySelectorAll('.synthesis-remote-image')].map((s) => s.textContent ?? '') };
      },
      null,
      'the pictures loaded',
    );
    assert.deepEqual(shown.images, [{ alt: 'Dot inside', width: 1 }], 'the picture inside the folder is drawn, and no other image element');
    assert.deepEqual(shown.refused, ['Image outside the workspace folder not shown: Dot outside (../../outside-dot.png)']);
  });

  test('marks the blocks that hold problems, with the same problems as the Problems panel', async () => {
    await closeAllEditors();
    const editor = await colombiaCopy('preview-problems', (t) =>
      t
        .replace('### SDG 16.2 Ending abuse', '### SDG 16.13 Ending abuse')
        .replace('The team systematically reviewed 18 evaluation reports', 'The team systematically reviewed 17 evaluation reports')
        .replace('  country-level: 11', '  country-level: 12'),
    );
    const uri = editor.document.uri;
    const rules = ['unknown-target', 'count-mismatch', 'sources-sum'];
    const problems = await waitForDiagnostics(uri, (ds) => rules.every((r) => ds.some((d) => ruleOf(d) === r)), `the problems ${rules.join(', ')}`);
    await showPreview(uri, 'Colombia');
    // The preview marks them once it has rendered the same version.
    const marks = await page.waitFor(
      PREVIEW,
      (count) => {
        const { document } = globalThis as unknown as Dom;
        const found = [...document.querySelectorAll('#synthesis-content .synthesis-problem')].map((m) => ({
          line: Number(m.getAttribute('data-line')),
          className: m.className,
          messages: (m.getAttribute('title') ?? '').split('\n'),
        }));
        return found.reduce((n, m) => n + m.messages.length, 0) === count ? found : undefined;
      },
      problems.length,
      `${problems.length} problems marked in the preview`,
    );
    const blockLines = await page.evaluate(PREVIEW, () =>
      [...(globalThis as unknown as Dom).document.querySelectorAll('#synthesis-content > [data-line]')].map((b) => Number(b.getAttribute('data-line'))),
    );

    const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const panel = await problemsPanel(fileName, problems.length);
    await screenshot('preview-problems', '.markers-panel');
    await clearProblemsFilter();

    const severityWord = { Error: 'Error', Warning: 'Warning', Info: 'Note' } as const;
    const fromPanel = panel.map((p) => `${severityWord[p.severity]}: ${p.message}`).sort();
    const fromPreview = marks.flatMap((m) => m.messages).sort();
    assert.deepEqual(fromPreview, fromPanel, 'the preview marks the problems the Problems panel lists');
    // Each problem marks the block it is in: the last block starting at or before its line.
    for (const p of panel) {
      const block = blockLines.filter((l) => l <= p.line - 1).at(-1) ?? blockLines[0];
      const mark = marks.find((m) => m.line === block);
      assert.ok(mark && mark.messages.includes(`${severityWord[p.severity]}: ${p.message}`), `the block at line ${(block ?? 0) + 1} is marked with '${p.message}' (line ${p.line})`);
      const worst = mark.messages.some((m) => m.startsWith('Error')) ? 'error' : mark.messages.some((m) => m.startsWith('Warning')) ? 'warning' : 'info';
      assert.ok(mark.className.split(' ').includes(`synthesis-problem-${worst}`), `the mark at line ${block} shows its worst severity (${worst})`);
    }
  });

  test('shows what is typed in the editor', async () => {
    await closeAllEditors();
    const editor = await colombiaCopy('preview-typing');
    await showPreview(editor.document.uri, 'Colombia');
    const end = find(editor.document, '[@COL-01; @COL-02; @GLO-01].').translate(0, '[@COL-01; @COL-02; @GLO-01].'.length);
    await placeCursor(editor, end);
    const words = ' Typed in the editor, then shown in the preview.';
    await page.type(words);
    await page.press('Escape');
    await waitFor(() => editor.document.getText().includes(words), vscode.workspace.onDidChangeTextDocument, 'the typed words in the document');
    const paragraph = await page.waitFor(
      PREVIEW,
      (typed) => {
        const { document } = globalThis as unknown as Dom;
        return [...document.querySelectorAll('#synthesis-content p')].map((p) => p.textContent ?? '').find((t) => t.includes(typed.trim())) ?? undefined;
      },
      words,
      'the typed words in the preview',
    );
    assert.ok(paragraph.includes('data on violence that is never reported to the police'), 'the words join the paragraph they were typed into');
  });

  test('follows the editor as it scrolls, and a double-click in it shows that line in the editor', async () => {
    await closeAllEditors();
    const uri = sampleUri('colombia-country-programme.synth.md');
    const editor = await open(uri);
    await showPreview(uri, 'Colombia');
    await placeCursor(editor, new vscode.Position(0, 0));
    // The user turns the mouse wheel over the editor.
    await page.wheel('.editor-group-container .monaco-editor .editor-scrollable', 1500);
    const top = await waitFor(
      () => {
        const line = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.visibleRanges[0]?.start.line ?? 0;
        return line > 20 ? line : undefined;
      },
      vscode.window.onDidChangeTextEditorVisibleRanges,
      'the editor to scroll down',
    );
    // The preview's top is then inside the block that holds the editor's first visible line.
    const at = await page.waitFor(
      PREVIEW,
      (line) => {
        const w = globalThis as unknown as Dom;
        const blocks = [...w.document.querySelectorAll('#synthesis-content > [data-line]')].map((b) => ({ line: Number(b.getAttribute('data-line')), top: b.getBoundingClientRect().top + w.scrollY }));
        const previous = blocks.filter((b) => b.line <= line).at(-1);
        const next = blocks.find((b) => b.line > line);
        if (!previous || w.scrollY === 0) return undefined;
        const viewTop = w.scrollY + 8;
        return viewTop >= previous.top - 1 && (!next || viewTop <= next.top + 1) ? { scrollY: w.scrollY, block: previous.line } : undefined;
      },
      top,
      `the preview scrolled to line ${top + 1}`,
    );
    assert.ok(at.scrollY > 0);

    // A double-click on a heading in the preview puts the editor's cursor on that heading's line.
    const heading = find(editor.document, '### SDG 16.4').line;
    await page.click(`#synthesis-content > h3[data-line="${heading}"]`, { frame: PREVIEW, clickCount: 2 });
    const selected = await waitFor(
      () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.toString() === uri.toString() && e.selection.active.line === heading ? e : undefined;
      },
      [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor],
      `the cursor on line ${heading + 1}`,
    );
    assert.ok(selected.visibleRanges.some((r) => r.contains(new vscode.Position(heading, 0))), 'the editor shows that line');
  });

  test('closing the preview while it renders leaves no error behind', async () => {
    // Without this, closing the new preview's tab brought back the previous test's preview, which
    // reloaded and was closed again by the `finally` below while its files loaded (see waitForWebview).
    await closeAllEditors();
    // A long document (about 900 KB), so that the server is still rendering when the preview is
    // closed: at 2,500 paragraphs a CI run once saw the rendering come back before the tab closed.
    const paragraph = 'The programme supported SDG 16.1 and SDG 16.3 through community mediation, legal aid and the training of local officials in the districts.';
    const body = Array.from({ length: 6000 }, (_, i) => `${paragraph} (${i + 1})`).join('\n\n');
    const editor = await newSynthesis(`---\ntitle: A long brief\ncountry: Peru\n---\n\n# A long brief\n\n## Findings\n\n${body}\n`, 'closed-while-rendering');
    const synthesis = await api();
    const uri = editor.document.uri;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    let closed: Promise<boolean> | undefined;
    let closedAt = 0;
    // As soon as the preview's tab shows, close it, as a user who changed their mind would.
    const tabs = vscode.window.tabGroups.onDidChangeTabs((e) => {
      const tab = e.opened.find((t) => t.input instanceof vscode.TabInputWebview && t.label.includes('closed-while-rendering'));
      if (tab && !closed) closed = Promise.resolve(vscode.window.tabGroups.close(tab)).then((done) => ((closedAt = Date.now()), done));
    });
    try {
      // The command waits for the first rendering; it must end quietly although the panel is gone.
      await vscode.commands.executeCommand('synthesis.showPreviewToSide', uri);
      const renderedAt = Date.now();
      assert.ok(closed, 'the preview\'s tab opened and was closed');
      assert.equal(await closed, true, 'the preview\'s tab was closed');
      assert.ok(closedAt > 0 && closedAt <= renderedAt, 'the preview was closed before its first rendering came back');
      assert.ok(!synthesis.previews.uris().includes(uri.toString()), 'the closed preview is forgotten');
      // Typing afterwards must not wake the closed preview either.
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'One more line about SDG 16.1.\n'));
      await waitForDiagnostics(uri, () => true, 'the diagnostics after the edit');
      // Node reports a rejection nobody handled once the current turn of the event loop ends.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(rejections.map(String), [], 'no unhandled rejection in the extension host');
    } finally {
      tabs.dispose();
      process.off('unhandledRejection', onRejection);
      await closeAllEditors();
      // The long document would only slow the tests after this one.
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('a hostile document runs nothing and fetches nothing in the preview', async () => {
    await closeAllEditors();
    const before = await page.events();
    const hostile = [
      '---',
      'title: <img src=x onerror="document.title=\'pwned\'"> Hostile',
      'country: Peru',
      '---',
      '',
      '<script>window.synthesisPwned = "script"; fetch("https://beacon.invalid/script");</script>',
      '',
      'A [script link](javascript:window.synthesisPwned="link") and <a href="javascript:window.synthesisPwned=\'raw\'">a raw script link</a> about SDG 16.1.',
      '',
      '<img src="x" onerror="window.synthesisPwned=\'onerror\'"> <img src="http://beacon.invalid/plain-http.png"> ![plain http](http://beacon.invalid/markdown-http.png)',
      '',
      '<img srcset="https://beacon.invalid/srcset.png 2x"> <picture><source srcset="https://beacon.invalid/picture.png"></picture> <video poster="https://beacon.invalid/poster.png" src="https://beacon.invalid/video.mp4"></video>',
      '',
      '<iframe src="https://beacon.invalid/frame.html"></iframe> <object data="https://beacon.invalid/object"></object> <embed src="https://beacon.invalid/embed">',
      '',
      '<svg><script>window.synthesisPwned="svg"</script><image href="https://beacon.invalid/svg.png"/></svg>',
      '',
      '<style>@import url(https://beacon.invalid/import.css); body { background: url(https://beacon.invalid/style.png) }</style>',
      '',
      '<link rel="stylesheet" href="https://beacon.invalid/link.css"> <div style="background:url(https://beacon.invalid/inline.png)">styled</div>',
      '',
      '<details open ontoggle="window.synthesisPwned=\'toggle\'">details</details> <form action="https://beacon.invalid/form"><input type="image" src="https://beacon.invalid/input.png"></form>',
      '',
      '<meta http-equiv="refresh" content="0; url=https://beacon.invalid/refresh"> <base href="https://beacon.invalid/">',
      '',
      'An image from the web, which the preview does not fetch: ![Map of the programme](https://images.invalid/shown.png)',
      '',
    ].join('\n');
    const editor = await newSynthesis(hostile, 'hostile');
    const synthesis = await api();
    await showPreview(editor.document.uri, 'Remote image not shown: Map of the programme');

    // The page's own script comes after the content, so once it was asked for, every image of the
    // content was asked for too (or refused by the policy, which the console would show). Seeing it
    // also proves that requests from this frame are seen.
    await page.waitForEvent(before.count, { type: 'request', url: '/media/preview\\.js$' }, 'the request for the preview\'s own script');
    const webviewId = await page.evaluate(PREVIEW, () => /[?&]id=([\w-]+)/.exec((globalThis as unknown as Dom).location.href)?.[1] ?? '');
    assert.ok(webviewId, 'the preview frame has a webview id');

    // The links whose script addresses were dropped: clicking them does nothing.
    await page.click('text=script link', { frame: PREVIEW });
    await page.click('text=a raw script link', { frame: PREVIEW });

    const dom = await page.evaluate(PREVIEW, () => {
      const w = globalThis as unknown as Dom;
      const content = w.document.getElementById('synthesis-content');
      const all = [...w.document.querySelectorAll('*')];
      return {
        pwned: w.synthesisPwned ?? null,
        title: w.document.title,
        scripts: [...w.document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? `inline: ${(s.textContent ?? '').slice(0, 300)}`),
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}.${a.name}`)),
        styled: [...(content?.querySelectorAll('[style]') ?? [])].map((e) => e.tagName),
        forbidden: [...(content?.querySelectorAll('iframe, object, embed, svg, form, input, base, meta, link, style, video, picture, source') ?? [])].map((e) => e.tagName),
        links: [...(content?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? ''),
        images: [...(content?.querySelectorAll('img') ?? [])].map((i) => ({ src: i.getAttribute('src'), srcset: i.getAttribute('srcset') })),
        placeholders: [...(content?.querySelectorAll('.synthesis-remote-image') ?? [])].map((e) => e.textContent ?? ''),
        stylesheets: [...w.document.querySelectorAll('link')].map((l) => l.getAttribute('href') ?? ''),
      };
    });
    assert.equal(dom.pwned, null, 'no script of the document ran');
    assert.equal(dom.title, '<img src=x onerror="document.title=\'pwned\'"> Hostile', 'the title is shown as the text it is');
    // VS Code puts one script of its own into every webview (the acquireVsCodeApi function).
    const scripts = dom.scripts.filter((s) => !/^inline: \s*globalThis\.acquireVsCodeApi = /.test(s));
    assert.equal(scripts.length, 1, `only the preview's own script is in the page: ${scripts.join(', ')}`);
    assert.match(scripts[0]!, /\/media\/preview\.js$/);
    assert.deepEqual(dom.handlers, [], 'no event handler attribute');
    assert.deepEqual(dom.styled, [], 'no inline style in the content');
    assert.deepEqual(dom.forbidden, [], 'no frame, object, form, base, meta, style, link or media element in the content');
    for (const href of dom.links) assert.match(href, /^(https?:|mailto:|#)/, `link ${href}`);
    // No image from the web is in the page: each is a visible line of text that names it.
    assert.deepEqual(dom.images, [], 'no image element left in the content');
    assert.deepEqual(dom.placeholders, ['Remote image not shown: plain http', 'Remote image not shown: Map of the programme (https://images.invalid/shown.png)'], 'each remote image is named in words instead');
    assert.equal(dom.stylesheets.length, 1);
    assert.match(dom.stylesheets[0]!, /\/media\/preview\.css$/);

    // What the page saw happen since the document was opened.
    const ownFile = (url: string): boolean => /\/static\/out\/vs\/workbench\/contrib\/webview\/browser\/pre\//.test(url) || /vscode-resource\.vscode-cdn\.net\/.*\/media\/preview\.(css|js)$/.test(url);
    const inPreview = (e: PageEvent): boolean => (e.frame ?? e.url ?? '').includes(`id=${webviewId}`);
    const { events } = await page.events(before.count);
    const requests = events.filter((e) => e.type === 'request' && inPreview(e) && !ownFile(e.url ?? ''));
    assert.ok(
      events.some((e) => e.type === 'request' && inPreview(e) && /\/media\/preview\.js$/.test(e.url ?? '')),
      'the requests of the preview frame are seen (its own script)',
    );
    assert.deepEqual(
      requests.map((e) => e.url),
      [],
      'the preview fetched nothing: no image or style from the web, not even the https image',
    );
    assert.deepEqual(events.filter((e) => e.type === 'request' && /images\.invalid/.test(e.url ?? '')), [], 'nothing in the page asked for the document\'s https image');
    const beacons = events.filter((e) => e.type === 'request' && /beacon\.invalid/.test(e.url ?? ''));
    assert.deepEqual(beacons, [], 'nothing anywhere in the page asked for the hostile addresses');
    assert.deepEqual(events.filter((e) => e.type === 'dialog'), [], 'no dialog opened');
    const errors = events.filter((e) => (e.type === 'console-error' || e.type === 'page-error') && (/webview\/browser\/pre|vscode-resource/.test(e.url ?? '') || /alert|Content Security Policy|Refused|sandbox|pwned/i.test(e.text ?? '')));
    assert.deepEqual(errors, [], 'no error from the preview: nothing was tried and refused');

    // And the policy behind it, as the webview got it.
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(synthesis.previews.page(editor.document.uri) ?? '')?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    for (const name of ['img-src', 'style-src']) {
      const sources = (csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '').split(/\s+/).slice(1);
      assert.ok(sources.length > 0, `${name} is set`);
      // The webview's own origin and resource origin (the extension's media; code-server's cspSource
      // is "'self' https://*.vscode-cdn.net") and, for images, inline data only.
      for (const source of sources) assert.ok(source === 'data:' ? name === 'img-src' : source === "'self'" || /vscode-(cdn|resource)/.test(source), `${name} allows nothing from the web: ${source}`);
    }
    assert.match(csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '', /^script-src 'nonce-[A-Za-z0-9+/=]+'$/, 'scripts only with the page\'s own nonce');
  });
});
