/**
 * The evidence coverage view as a user sees it: the rendered webview's table, read in the page.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { criteriaMatrix, parse, parseEvidenceRegister } from '../../server/src/core/index.js';
import type { Dom } from './dom.js';
import { api, closeAllEditors, sampleUri, suite, suiteSetup, test, workspaceFolder } from './harness.js';
import { COVERAGE, page, screenshot } from './page.js';
import { waitForWebview } from './workbench.js';

interface CoverageAnswer {
  minimum: number;
  targets: Array<{ target: string; title?: string; evaluations: string[]; weak: boolean }>;
  evaluations: Array<{ id: string; label: string; title?: string }>;
  matrix: number[][];
}

/** The table and lists of the coverage page as shown, once the view just opened shows them. */
function readCoverage(): Promise<{
  heads: string[];
  rows: Array<{ target: string; title: string; count: string; weak: boolean; ticks: boolean[] }>;
  summary: string;
  evaluations: string[];
}> {
  return waitForWebview(
    COVERAGE,
    () => {
      const { document } = globalThis as unknown as Dom;
      const table = document.querySelector('table');
      if (!table) return undefined;
      return {
        heads: [...table.querySelectorAll('thead th.evaluation')].map((th) => th.textContent ?? ''),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
          target: tr.querySelector('th')?.textContent ?? '',
          title: tr.querySelector('td.title')?.textContent ?? '',
          count: tr.querySelector('td.count')?.textContent ?? '',
          weak: tr.classList.contains('weak'),
          ticks: [...tr.querySelectorAll('td')].slice(2).map((td) => td.textContent === '✓'),
        })),
        summary: document.querySelector('h1 + p')?.textContent ?? '',
        evaluations: [...document.querySelectorAll('ul.evaluations > li')].map((li) => li.textContent ?? ''),
      };
    },
    null,
    'the coverage table',
  );
}

suite('The coverage view as rendered', () => {
  suiteSetup(async () => {
    await api();
    await closeAllEditors();
  });

  test('shows the map of the Colombia sample: a row per target section, a tick per evaluation it cites, weak rows marked', async () => {
    const result = await vscode.commands.executeCommand<CoverageAnswer | undefined>('synthesis.showCoverage', sampleUri('colombia-country-programme.synth.md'));
    assert.ok(result && result.targets.length > 0, 'the command answers with the map');
    const shown = await readCoverage();
    await screenshot('coverage', '.webview.ready');
    assert.deepEqual(shown.heads, result.evaluations.map((e) => e.label), 'a column per evaluation, in order');
    assert.deepEqual(
      shown.rows.map((r) => r.target),
      result.targets.map((t) => t.target),
      'a row per target section, in order',
    );
    for (const [i, row] of shown.rows.entries()) {
      const target: CoverageAnswer['targets'][number] = result.targets[i]!;
      assert.equal(row.title, target.title ?? '', `the official text of ${target.target}`);
      assert.equal(row.count.replace('⚠', '').trim(), String(target.evaluations.length), `the count of evaluations for ${target.target}`);
      assert.deepEqual(row.ticks, result.matrix[i]!.map((n) => n > 0), `the ticks of ${target.target} are the evaluations it cites`);
      assert.equal(row.weak, target.weak, `${target.target} is ${target.weak ? '' : 'not '}marked weak`);
      assert.equal(row.count.includes('⚠'), target.weak, `${target.target} carries the ⚠ mark only when weak`);
    }
    const weak = result.targets.filter((t) => t.weak).length;
    assert.ok(weak > 0, 'the Colombia sample has weak target sections');
    assert.match(shown.summary, new RegExp(`^${result.targets.length} target sections in 1 synthesis\\. ${weak} targets? rests? on fewer than ${result.minimum} evaluations`));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('shows the target × criterion view of the Colombia sample under the map, ✗ where no evaluation informs a criterion', async () => {
    await vscode.commands.executeCommand<CoverageAnswer | undefined>('synthesis.showCoverage', sampleUri('colombia-country-programme.synth.md'));
    const shown = await waitForWebview(
      COVERAGE,
      () => {
        const { document } = globalThis as unknown as Dom;
        const table = document.querySelector('table.criteria');
        if (!table) return undefined;
        return {
          heads: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
          rows: [...table.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')?.textContent ?? '', ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
        };
      },
      null,
      'the criteria table',
    );
    // What the core makes of the sample and its register (criteria column), independently of the server.
    const read = async (name: string): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(name)));
    const view = criteriaMatrix([{ file: 'colombia', document: parse(await read('colombia-country-programme.synth.md')), register: parseEvidenceRegister(await read('colombia-evidence.csv'), 'colombia-evidence.csv') }]);
    assert.ok(view.informed && view.rows.some((r) => r.uninformed.length > 0), 'the sample informs some criteria and leaves some out');
    assert.deepEqual(shown.heads, ['Target', 'Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']);
    assert.deepEqual(shown.rows, view.rows.map((r) => [r.target, ...r.cells.map((ids) => (ids.length === 0 ? '✗' : String(ids.length)))]));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a hostile register and headings run nothing and fetch nothing in the coverage view', async () => {
    await closeAllEditors();
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'e2e', 'hostile-coverage');
    const payload = '<img src=https://beacon.invalid/cover.png onerror=window.synthesisPwned=1><script>window.synthesisPwned=2</script>';
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'evidence.csv'),
      new TextEncoder().encode(`id,title,year,type,country,projects,targets,url\nHOS-01,"${payload} Hostile title",2020,country,Peru,1,16.1,https://evaluation.example.org/hos-01\n`),
    );
    const synthesis = vscode.Uri.joinPath(folder, 'hostile.synth.md');
    await vscode.workspace.fs.writeFile(
      synthesis,
      new TextEncoder().encode(`---\ntitle: Hostile coverage\ncountry: Peru\n---\n\n## Main findings and considerations\n\n### SDG 16.1 ${payload}\n\nText [@HOS-01].\n`),
    );
    const before = await page.events();
    const result = await vscode.commands.executeCommand<CoverageAnswer | undefined>('synthesis.showCoverage', synthesis);
    assert.ok(result && result.targets.length === 1);
    const shown = await readCoverage();
    assert.ok(shown.evaluations.some((e) => e.includes(`HOS-01 ${payload} Hostile title`)), `the register's title is shown as the text it is: ${shown.evaluations.join(' | ')}`);
    const dom = await page.evaluate(COVERAGE, () => {
      const w = globalThis as unknown as Dom;
      return {
        pwned: w.synthesisPwned ?? null,
        elements: [...w.document.querySelectorAll('img, script, iframe, object, embed, svg, link, form')].map((e) => e.tagName),
        handlers: [...w.document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}.${a.name}`)),
        frame: /[?&]id=([\w-]+)/.exec(w.location.href)?.[1] ?? '',
      };
    });
    assert.equal(dom.pwned, null, 'nothing ran');
    assert.deepEqual(dom.elements, [], 'no image, script, frame, object or link element');
    assert.deepEqual(dom.handlers, [], 'no event handler attribute');
    const { events } = await page.events(before.count);
    const own = (url: string): boolean => /\/static\/out\/vs\/workbench\/contrib\/webview\/browser\/pre\//.test(url);
    assert.deepEqual(
      events.filter((e) => e.type === 'request' && ((e.frame ?? '').includes(`id=${dom.frame}`) || /beacon\.invalid/.test(e.url ?? '')) && !own(e.url ?? '')).map((e) => e.url),
      [],
      'the coverage view fetched nothing',
    );
    assert.deepEqual(events.filter((e) => e.type === 'dialog'), [], 'no dialog opened');
    const errors = events.filter((e) => (e.type === 'console-error' || e.type === 'page-error') && (/webview\/browser\/pre/.test(e.url ?? '') || /alert|Content Security Policy|Refused|pwned/i.test(e.text ?? '')));
    assert.deepEqual(errors, [], 'no error: nothing was tried and refused');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
