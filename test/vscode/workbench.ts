/**
 * What the workbench shows a user, read from its DOM through the page driver (page.ts): the cursor
 * position, the status bar, the Problems panel, notifications, the suggest and hover widgets, the
 * light-bulb menu and the outline. Each helper waits for what it reads to be there; none sleeps.
 *
 * The selectors are VS Code 1.100's (code-server 4.100.3): when a newer VS Code renames a class,
 * these helpers fail with the selector in the message, and this file is the one place to update.
 */
import * as vscode from 'vscode';
import type { Dom, DomElement, DomNode } from './dom.js';
import { page, type Maybe } from './page.js';

/** The status bar item of this extension (VS Code gives it the id `<extension id>.<item id>`). */
export const STATUS_ITEM_ID = 'synthesis-markdown.synthesis-markdown.synthesis.status';

/**
 * Makes `editor` the focused editor with the cursor at `position`, and waits until the page shows
 * it there (the status bar's "Ln L, Col C" and the keyboard focus in an editor), so that keys
 * typed next land at that spot.
 */
export async function placeCursor(editor: vscode.TextEditor, position: vscode.Position): Promise<vscode.TextEditor> {
  const shown = await vscode.window.showTextDocument(editor.document, {
    viewColumn: editor.viewColumn ?? vscode.ViewColumn.One,
    preserveFocus: false,
    selection: new vscode.Range(position, position),
  });
  shown.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const want = `Ln ${position.line + 1}, Col ${position.character + 1}`;
  await page.waitFor(
    undefined,
    (text) => {
      const { document } = globalThis as unknown as Dom;
      const status = document.getElementById('status.editor.selection')?.innerText.trim();
      const focused = document.activeElement?.closest('.monaco-editor') ?? null;
      return status === text && focused !== null;
    },
    want,
    `the cursor at ${want} in a focused editor`,
  );
  return shown;
}

/**
 * What a status bar item shows: its text with the icons written as in the extension's code
 * (`$(book) UNODC meta-synthesis brief $(check)`), what a screen reader says, and its background.
 */
export interface StatusItem {
  text: string;
  ariaLabel: string;
  background: string;
}

/** The status bar item `id` as shown, once its text matches `pattern` (any text without one). */
export function statusItem(id: string, pattern = '', what = `the status bar item ${id}`): Promise<StatusItem> {
  return page.waitFor(
    undefined,
    (args) => {
      const { document, getComputedStyle } = globalThis as unknown as Dom;
      const element = document.getElementById(args.id);
      if (!element || element.offsetParent === null) return undefined;
      const label = element.querySelector('.statusbar-item-label') ?? element;
      const parts: string[] = [];
      const walk = (node: DomNode): void => {
        for (const child of node.childNodes) {
          const icon = child.nodeType === 1 ? /\bcodicon-([\w-]+)/.exec((child as DomElement).className) : null;
          if (icon) parts.push(` $(${icon[1]}) `);
          else if (child.nodeType === 3) parts.push(child.textContent ?? '');
          else walk(child);
        }
      };
      walk(label);
      const item = {
        text: parts.join('').replace(/\s+/g, ' ').trim(),
        ariaLabel: label.getAttribute('aria-label') ?? '',
        background: getComputedStyle(element).backgroundColor,
      };
      return new RegExp(args.pattern).test(item.text) ? item : undefined;
    },
    { id, pattern },
    what,
  );
}

/** Whether the status bar shows the item `id` at all. */
export function statusItemShown(id: string): Promise<boolean> {
  return page.evaluate(
    undefined,
    (itemId) => {
      const { document } = globalThis as unknown as Dom;
      const element = document.getElementById(itemId);
      return element !== null && element.offsetParent !== null;
    },
    id,
  );
}

/** One row of the Problems panel, as shown. */
export interface ProblemRow {
  severity: 'Error' | 'Warning' | 'Info';
  message: string;
  line: number;
  column: number;
  source: string;
  code: string;
}

/**
 * The rows the Problems panel shows for one file (its name put into the panel's filter), once
 * there are `count` of them.
 *
 * Not done with the keyboard: a key pressed into "the focused element" went, about one run in two,
 * to the editor instead of the filter (Ctrl+A and Backspace emptied the document under test and its
 * name was typed into it), because the Problems command used before (`workbench.actions.view.problems`)
 * is a toggle that hides the panel when the view already has the focus and returns before the view
 * has opened. The view's own focus command only ever opens it, and the filter's text is set in its
 * input box as typing would, which sends the input event the filter listens to.
 */
export async function problemsPanel(fileName: string, count: number): Promise<ProblemRow[]> {
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  await page.waitFor(
    undefined,
    (text) => {
      const { document, Event } = globalThis as unknown as Dom & { Event: new (type: string, init: { bubbles: boolean }) => unknown };
      const input = document.querySelector('.part.panel .viewpane-filter input[aria-label="Filter Problems"], .part.panel .viewpane-filter textarea[aria-label="Filter Problems"]') as
        | (DomElement & { value: string; dispatchEvent(event: unknown): boolean })
        | null;
      if (!input || input.offsetParent === null) return false;
      if (input.value !== text) {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return input.value === text;
    },
    fileName,
    'the Problems filter set to the file name',
  );
  const rows = await page.waitFor(
    undefined,
    (args) => {
      const { document } = globalThis as unknown as Dom;
      const panel = document.querySelector('.markers-panel');
      if (!panel) return undefined;
      const resource = [...panel.querySelectorAll('.monaco-list-row[aria-level="1"]')];
      if (resource.length !== 1 || !(resource[0]!.getAttribute('aria-label') ?? '').includes(args.fileName)) return undefined;
      const markers = [...panel.querySelectorAll('.monaco-list-row[aria-level="2"]')].map((row) => {
        const aria = row.getAttribute('aria-label') ?? '';
        const where = /\[Ln (\d+), Col (\d+)\]/.exec(row.innerText);
        const details = row.querySelector('.marker-message-details')?.innerText ?? row.innerText;
        return {
          severity: /^(Error|Warning|Info)/.exec(aria)?.[1] ?? '',
          message: row.querySelector('.marker-message')?.textContent ?? row.querySelector('.monaco-highlighted-label')?.textContent ?? '',
          line: where ? Number(where[1]) : 0,
          column: where ? Number(where[2]) : 0,
          details,
        };
      });
      return markers.length === args.count ? markers : undefined;
    },
    { fileName, count },
    `${count} problems of ${fileName} in the Problems panel`,
  );
  return rows.map((r) => ({
    severity: r.severity as ProblemRow['severity'],
    message: r.message,
    line: r.line,
    column: r.column,
    source: /synthlint/.test(r.details) ? 'synthlint' : '',
    code: /\b([a-z]+(?:-[a-z]+)+)\b/.exec(r.details.replace(r.message, ''))?.[1] ?? '',
  }));
}

/** Empties the Problems panel's filter again. */
export async function clearProblemsFilter(): Promise<void> {
  await vscode.commands.executeCommand('problems.action.clearFilterText');
}

/** A notification toast as shown: its message and its buttons. */
export interface Toast {
  message: string;
  severity: string;
  buttons: string[];
}

/** The notification toasts on screen whose message matches `pattern`, once there is one. */
export function toasts(pattern: string, what: string, timeout?: number): Promise<Toast[]> {
  return page.waitFor(
    undefined,
    (source) => {
      const { document } = globalThis as unknown as Dom;
      const matching = new RegExp(source);
      const found = [...document.querySelectorAll('.notifications-toasts .notification-list-item')]
        .map((item) => ({
          message: item.querySelector('.notification-list-item-message')?.innerText.trim() ?? '',
          severity: /codicon-(error|warning|info)/.exec(item.querySelector('.notification-list-item-icon')?.className ?? '')?.[1] ?? '',
          buttons: [...item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((b) => b.innerText.trim()),
        }))
        .filter((t) => matching.test(t.message));
      return found.length > 0 ? found : undefined;
    },
    pattern,
    what,
    timeout,
  );
}

/** Every toast on screen whose message matches `pattern` (none is fine). */
export function toastsNow(pattern: string): Promise<Toast[]> {
  return page.evaluate(
    undefined,
    (source) => {
      const { document } = globalThis as unknown as Dom;
      const matching = new RegExp(source);
      return [...document.querySelectorAll('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item')]
        .map((item) => ({
          message: item.querySelector('.notification-list-item-message')?.innerText.trim() ?? '',
          severity: /codicon-(error|warning|info)/.exec(item.querySelector('.notification-list-item-icon')?.className ?? '')?.[1] ?? '',
          buttons: [...item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((b) => b.innerText.trim()),
        }))
        .filter((t) => matching.test(t.message));
    },
    pattern,
  );
}

/** Closes every notification (the command behind the bell's "Clear All"). */
export async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}

/** The rows of a list widget as shown: label, detail and the row's position in the whole list. */
export interface ListRow {
  label: string;
  detail: string;
  position: number;
  size: number;
  ariaLabel: string;
}

/** The suggest widget's rows on screen, once it is visible with rows whose labels all match `labels`. */
export function suggestRows(labels = ''): Promise<ListRow[]> {
  return page.waitFor(
    undefined,
    (pattern) => {
      const { document } = globalThis as unknown as Dom;
      const widget = document.querySelector('.editor-widget.suggest-widget.visible');
      if (!widget) return undefined;
      const rows = [...widget.querySelectorAll('.monaco-list-row')].map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        detail: row.querySelector('.details-label')?.textContent ?? '',
        position: Number(row.getAttribute('aria-posinset')),
        size: Number(row.getAttribute('aria-setsize')),
        ariaLabel: row.getAttribute('aria-label') ?? '',
      }));
      const matching = new RegExp(pattern);
      return rows.length > 0 && rows.every((r) => matching.test(r.label)) ? rows.sort((a, b) => a.position - b.position) : undefined;
    },
    labels,
    `the suggest widget with rows matching /${labels}/`,
  );
}

/** The text of the hover widget on screen, once it has some. */
export function hoverText(): Promise<string> {
  return page.waitFor(
    undefined,
    () => {
      const { document } = globalThis as unknown as Dom;
      const hovers = [...document.querySelectorAll('.monaco-hover:not(.hidden) .hover-contents')].filter((h) => h.offsetParent !== null);
      const text = hovers.map((h) => h.innerText.trim()).join('\n');
      return text || undefined;
    },
    null,
    'a hover widget with text',
  );
}

/** The titles listed by the code action menu (the light bulb's), once it shows. */
export function actionMenuTitles(timeout?: number): Promise<string[]> {
  return page.waitFor(
    undefined,
    () => {
      const { document } = globalThis as unknown as Dom;
      const widget = document.querySelector('.action-widget');
      if (!widget || widget.offsetParent === null) return undefined;
      const titles = [...widget.querySelectorAll('.monaco-list-row.action .title')].map((t) => t.textContent ?? '');
      return titles.length > 0 ? titles : undefined;
    },
    null,
    'the code action menu',
    timeout,
  );
}

/**
 * Opens the light bulb's menu as a user does, with Ctrl+. (after Escape, which closes a hover or
 * another widget an earlier step left open and which would take the key), and returns its titles.
 * The headless page now and then drops that key press: it is pressed again, up to three times.
 */
export async function openActionMenu(): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    await page.press('Escape');
    await page.press('Control+.');
    try {
      return await actionMenuTitles(attempt < 3 ? 5_000 : 10_000);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** The outline view's rows as shown: name, description and depth. */
export interface OutlineRow {
  name: string;
  description: string;
  level: number;
}

/**
 * Every row of the outline view for the active editor, in order. The view draws only the rows that
 * fit, so the keyboard pages through it (as a user would scroll) until the last row was drawn.
 */
export async function outlineRows(): Promise<OutlineRow[]> {
  await vscode.commands.executeCommand('outline.focus');
  const seen = new Map<number, OutlineRow>();
  for (let page_ = 0; page_ < 30; page_++) {
    const drawn = await page.waitFor(
      undefined,
      () => {
        const { document } = globalThis as unknown as Dom;
        const tree = document.querySelector('.outline-pane .outline-tree');
        if (!tree) return undefined;
        // Only the list's own rows: sticky scroll repeats parent rows above them.
        const rows = [...tree.querySelectorAll('.monaco-list-rows > .monaco-list-row')].map((row) => ({
          name: row.querySelector('.label-name')?.textContent ?? '',
          description: row.querySelector('.label-description')?.textContent ?? '',
          level: Number(row.getAttribute('aria-level')),
          index: Number(row.getAttribute('data-index')),
          last: row.getAttribute('data-last-element') === 'true',
        }));
        return rows.length > 0 ? rows : undefined;
      },
      null,
      'the outline view with rows',
    );
    for (const row of drawn) seen.set(row.index, { name: row.name, description: row.description, level: row.level });
    if (drawn.some((r) => r.last)) break;
    await page.press('PageDown');
  }
  const indexes = [...seen.keys()].sort((a, b) => a - b);
  if (indexes.some((index, i) => index !== i)) throw new Error(`The outline rows were not all seen: ${indexes.join(', ')}`);
  return indexes.map((i) => seen.get(i)!);
}

/**
 * The service worker behind the webviews, as the page holds it: the webview id in the address of its
 * active worker and of a newer one waiting to take over, and the ids of the webviews in the workbench.
 * `null` where the workbench cannot see it (desktop VS Code serves webviews from another origin).
 */
export interface WebviewWorker {
  active: string | null;
  waiting: string | null;
  webviews: string[];
}

export function webviewWorker(): Promise<WebviewWorker | null> {
  return page.evaluate(undefined, async () => {
    const { document, navigator } = globalThis as unknown as Dom;
    const idOf = (address: string | null | undefined): string | null => (address ? (/[?&]id=([\w-]+)/.exec(address)?.[1] ?? null) : null);
    const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
    const registration = registrations.find((r) => r.scope.endsWith('/webview/browser/pre/'));
    if (!registration) return null;
    return {
      active: idOf(registration.active?.scriptURL),
      waiting: idOf(registration.waiting?.scriptURL),
      webviews: [...document.querySelectorAll('iframe.webview')].map((f) => idOf(f.getAttribute('src'))).filter((id): id is string => id !== null),
    };
  });
}

/**
 * VS Code's webview service worker (`pre/service-worker.js`, its `resolveTimeout`) answers a request
 * for a webview's file with "408 Request Timeout" when no webview has answered it within 30 s.
 */
const WEBVIEW_REQUEST_GIVEN_UP_MS = 30_000;

/**
 * `page.waitFor` in the frame of a webview just opened, which also waits out a stalled service worker.
 *
 * Each webview registers its own service worker, and its page loads only once that worker has taken
 * over from the one before. Chromium lets it take over only when the old worker has no request left
 * in hand, and a webview closed while its files were loading (a preview closed at the end of a test)
 * leaves requests that the old worker holds until VS Code gives them up, 30 s later. Until then the
 * new webview stays empty: seen once in CI, and here both times a preview was closed while 40 large
 * pictures loaded in it and another was opened (the new worker waited 28 s). So when the frame does
 * not come within the usual 10 s and a worker of a webview on screen is waiting to take over, this
 * waits for it to do so (as long as VS Code may still hold the old requests), then for the frame
 * again. The longer wait is taken only when the page shows this reason; any other missing frame or
 * text still fails after 10 s, as before.
 */
export async function waitForWebview<T, A>(frame: string, fn: (arg: A) => Maybe<T> | Promise<Maybe<T>>, arg: A, what: string): Promise<T> {
  try {
    return await page.waitFor(frame, fn, arg, what);
  } catch (error) {
    const worker = await webviewWorker().catch(() => null);
    if (!worker?.waiting || !worker.webviews.includes(worker.waiting)) throw error;
    console.log(`      (${what}: the webview's service worker ${worker.waiting} waits to take over from ${worker.active ?? 'none'}; waiting for it)`);
    await page.waitFor(
      undefined,
      async (id) => {
        const { navigator } = globalThis as unknown as Dom;
        const registrations = (await navigator.serviceWorker?.getRegistrations()) ?? [];
        const registration = registrations.find((r) => r.scope.endsWith('/webview/browser/pre/'));
        return !registration?.waiting?.scriptURL.includes(`id=${id}`);
      },
      worker.waiting,
      `the service worker of the new webview (${worker.waiting}) to take over from the one before (${worker.active ?? 'none'}), after ${what} did not come`,
      WEBVIEW_REQUEST_GIVEN_UP_MS,
    );
    return page.waitFor(frame, fn, arg, what);
  }
}
