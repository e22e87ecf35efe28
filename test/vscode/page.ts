/**
 * What the user sees: questions about the browser page that shows this VS Code — the rendered
 * webviews, the suggest and hover widgets, the light-bulb menu, the status bar, the outline, the
 * notifications. The suite runs in the extension host and cannot see that page, so it asks the
 * runner's page driver (test/vscode-host/page-queries.mjs), which drives it with playwright-core.
 *
 * The channel is a folder named by SYNTHESIS_E2E_SIGNALS: a query is written as `<id>.query.json`,
 * the answer comes back as `<id>.answer.json`. Functions passed to `evaluate` and `waitFor` are sent
 * as source text and run in the page (or in a webview's frame), so they must be self-contained: they
 * can use their one JSON argument and the page's globals, nothing from this file.
 *
 * Frames: a query about a webview names a CSS selector that only that webview's document matches
 * (PREVIEW, COVERAGE); without one, it is about the workbench itself.
 */
import { existsSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The preview's page (media/preview.js's document). */
export const PREVIEW = 'body.synthesis-preview';
/** The evidence coverage page (client/src/coverage-html.ts): its list of evaluations. */
export const COVERAGE = 'ul.evaluations';

/** Something the page did: a dialog, a console error, an uncaught error, or a request. */
export interface PageEvent {
  type: 'dialog' | 'console-error' | 'page-error' | 'request';
  text?: string;
  kind?: string;
  url?: string;
  resource?: string;
  /** The address of the frame a request came from. */
  frame?: string;
}

/** What a waited-for function returns while the awaited thing is not there yet. */
export type Maybe<T> = T | undefined | null | false | '';

interface Query {
  kind: string;
  [key: string]: unknown;
}

let sequence = 0;

/** Whether a page driver answers (scripts/test-vscode.mjs sets SYNTHESIS_E2E_SIGNALS). */
export function hasPageDriver(): boolean {
  return Boolean(process.env.SYNTHESIS_E2E_SIGNALS);
}

/** Sends one query and waits for its answer. */
export async function ask<T>(query: Query, timeout = 15_000): Promise<T> {
  const dir = process.env.SYNTHESIS_E2E_SIGNALS;
  if (!dir) {
    throw new Error(
      'This test looks at the page that shows VS Code, which needs a page driver: run it with node scripts/test-vscode.mjs (or npm run test:electron), which set SYNTHESIS_E2E_SIGNALS.',
    );
  }
  sequence += 1;
  const id = `${process.pid}-${sequence}`;
  const answerFile = join(dir, `${id}.answer.json`);
  const reply = await new Promise<{ ok: boolean; value?: T; error?: string }>((resolve, reject) => {
    let finished = false;
    const check = (): void => {
      if (finished || !existsSync(answerFile)) return;
      finished = true;
      clearInterval(poll);
      clearTimeout(timer);
      watcher.close();
      try {
        const text = readFileSync(answerFile, 'utf8');
        rmSync(answerFile, { force: true });
        resolve(JSON.parse(text) as { ok: boolean; value?: T; error?: string });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const watcher = watch(dir, check);
    // fs.watch may coalesce events; a slow poll makes sure no answer is missed.
    const poll = setInterval(check, 250);
    const timer = setTimeout(() => {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      watcher.close();
      reject(new Error(`The page driver did not answer the '${query.kind}' query within ${timeout} ms.`));
    }, timeout);
    const temp = join(dir, `${id}.query.tmp`);
    writeFileSync(temp, JSON.stringify(query));
    renameSync(temp, join(dir, `${id}.query.json`));
  });
  if (!reply.ok) throw new Error(`In the page: ${reply.error ?? 'the query failed'}`);
  return reply.value as T;
}

interface Where {
  /** A CSS selector only the meant webview's document matches (PREVIEW, COVERAGE). */
  frame?: string;
}

export const page = {
  /** The value of `fn(arg)` in the page or in a webview's frame. */
  evaluate<T, A = null>(frame: string | undefined, fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return ask<T>({ kind: 'evaluate', frame, script: fn.toString(), arg: arg ?? null });
  },

  /** The first truthy value of `fn(arg)`, tried again until it comes or `timeout` ms pass. */
  waitFor<T, A = null>(frame: string | undefined, fn: (arg: A) => Maybe<T> | Promise<Maybe<T>>, arg: A, what: string, timeout = 10_000): Promise<T> {
    return ask<T>({ kind: 'waitFor', frame, script: fn.toString(), arg, what, timeout }, timeout + 10_000);
  },

  click(selector: string, options: Where & { clickCount?: 1 | 2; button?: 'left' | 'right'; position?: { x: number; y: number }; force?: boolean } = {}): Promise<void> {
    return ask({ kind: 'click', selector, ...options });
  },

  hover(selector: string, options: Where = {}): Promise<void> {
    return ask({ kind: 'hover', selector, ...options });
  },

  /** The mouse over the element, then the wheel turned by `deltaY` pixels (positive scrolls down). */
  wheel(selector: string, deltaY: number, options: Where = {}): Promise<void> {
    return ask({ kind: 'wheel', selector, deltaY, ...options });
  },

  /** Keys pressed one after the other, as playwright names them ("Escape", "Control+Space"). */
  press(...keys: string[]): Promise<void> {
    return ask({ kind: 'press', keys });
  },

  /** Text typed on the keyboard, into whatever has the focus. */
  type(text: string): Promise<void> {
    return ask({ kind: 'type', text }, 30_000);
  },

  /** The first event from `since` on of this type whose address matches `url` (a RegExp source). */
  waitForEvent(since: number, match: { type?: PageEvent['type']; url?: string }, what: string, timeout = 10_000): Promise<PageEvent> {
    return ask<PageEvent>({ kind: 'waitForEvent', since, ...match, what, timeout }, timeout + 10_000);
  },

  /** Everything the page did from `since` on (an earlier answer's `count`). */
  events(since = 0): Promise<{ count: number; events: PageEvent[] }> {
    return ask({ kind: 'events', since });
  },
};

/**
 * A picture of the workbench once `selector` is visible, kept in .test-artifacts/vscode/. With
 * `image`, also the README image docs/images/<image> when the run has SYNTHESIS_E2E_UPDATE_IMAGES=1.
 * Never a check on its own, and a no-op without a page driver.
 */
export async function screenshot(name: string, selector?: string, options: Where & { image?: string } = {}): Promise<void> {
  if (!hasPageDriver()) return;
  await ask({ kind: 'screenshot', name, selector, ...options }, 30_000);
}
