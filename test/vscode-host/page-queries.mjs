// The page driver: answers "page queries" that the end-to-end suite (running inside VS Code's
// extension host) asks about the browser page that hosts that VS Code. The suite cannot see the
// workbench's DOM — the rendered webviews, the suggest widget, the status bar — so it asks the runner,
// which drives the page with playwright-core.
//
// The channel is a folder (SYNTHESIS_E2E_SIGNALS): the suite writes `<id>.query.json`, the driver
// answers with `<id>.answer.json` ({ ok: true, value } or { ok: false, error }). Both are written to a
// temporary name first and then renamed, so neither side reads half a file.
//
// A query may name a `frame`: a CSS selector that must match in the document of the frame meant
// (for a webview, something only its page has, such as `body.synthesis-preview`). Without one, the
// query is about the workbench page itself. Queries (see test/vscode/page.ts for the suite's side):
//   evaluate   { frame?, script, arg }              the value of `(script)(arg)` in the frame
//   waitFor    { frame?, script, arg, timeout }      the first truthy value of `(script)(arg)`, tried
//                                                    again at each animation frame's pace until timeout
//   click      { frame?, selector, clickCount?, button?, position?, force? }
//   hover      { frame?, selector }
//   wheel      { frame?, selector, deltaY }          the mouse over the element, then the wheel, in
//                                                    notches of 100 pixels
//   press      { keys: string[] }                    keyboard.press for each ("Control+Space", "Escape")
//   type       { text }                              keyboard.type
//   screenshot { name, selector?, frame?, image? }   a picture of the workbench once `selector` shows,
//                                                    into the artifacts folder; `image` names a README
//                                                    image in docs/images/ rewritten when
//                                                    SYNTHESIS_E2E_UPDATE_IMAGES=1
//   events     { since? }                            what the page did that a document must never
//                                                    cause: dialogs, console errors, page errors, and
//                                                    every request, with the frame it came from;
//                                                    { count, events } from index `since` on
//   waitForEvent { since?, type?, url?, timeout }     the first such event from `since` on of that
//                                                    type whose address matches `url` (a RegExp source)
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_TIMEOUT = 10_000;

/**
 * The expression that calls the query's function with its argument. Handed to playwright as a string,
 * so it runs through the debugging protocol: a webview's Content-Security-Policy forbids eval().
 */
function call(query) {
  return `(${query.script})(${JSON.stringify(query.arg ?? null)})`;
}

/**
 * Starts answering the queries written into `signals`. Returns { stop(), events } — stop() waits
 * for the queries still being answered.
 */
export function servePageQueries({ page, context, signals, artifacts, prefix, imagesDir, log = () => {} }) {
  const events = [];
  const frameName = (frame) => {
    try {
      return frame ? frame.url() : '';
    } catch {
      return '';
    }
  };
  page.on('dialog', (dialog) => {
    events.push({ type: 'dialog', kind: dialog.type(), text: dialog.message() });
    void dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const location = message.location();
    events.push({ type: 'console-error', text: message.text(), url: location?.url ?? '' });
  });
  page.on('pageerror', (error) => events.push({ type: 'page-error', text: error.message }));
  context.on('request', (request) => {
    let frame;
    try {
      frame = request.frame();
    } catch {
      // a service worker's request has no frame
    }
    events.push({ type: 'request', url: request.url(), resource: request.resourceType(), frame: frameName(frame) });
  });

  /** The frames whose document matches `selector`, visible ones first. */
  async function framesMatching(selector) {
    const found = [];
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const matches = await frame.evaluate(`document.querySelector(${JSON.stringify(selector)}) !== null`).catch(() => false);
      if (matches) found.push({ frame, visible: await shown(frame) });
    }
    found.sort((a, b) => Number(b.visible) - Number(a.visible));
    return found.map((f) => f.frame);
  }

  /** Whether the frame's iframe, and each iframe around it, is visible in the workbench. */
  async function shown(frame) {
    for (let f = frame; f.parentFrame(); f = f.parentFrame()) {
      const element = await f.frameElement().catch(() => undefined);
      if (!element || !(await element.isVisible().catch(() => false))) return false;
    }
    return true;
  }

  async function scopeOf(query) {
    if (!query.frame) return page;
    const [frame] = await framesMatching(query.frame);
    if (!frame) throw new Error(`no frame in the page has '${query.frame}'`);
    return frame;
  }

  const handlers = {
    async evaluate(query) {
      const scope = await scopeOf(query);
      return scope.evaluate(call(query));
    },
    async waitFor(query) {
      const deadline = Date.now() + (query.timeout ?? DEFAULT_TIMEOUT);
      let last;
      for (;;) {
        try {
          // The frame is looked up each time: a webview replaces its frame when it reloads.
          const scopes = query.frame ? await framesMatching(query.frame) : [page];
          for (const scope of scopes) {
            last = await scope.evaluate(call(query));
            if (last) return last;
          }
          if (scopes.length === 0) last = `(no frame in the page has '${query.frame}')`;
        } catch (error) {
          last = `(${error.message.split('\n')[0]})`;
        }
        if (Date.now() > deadline) {
          throw new Error(`${query.what ?? 'the condition'} did not hold within ${query.timeout ?? DEFAULT_TIMEOUT} ms; last seen: ${JSON.stringify(last)?.slice(0, 800)}`);
        }
        await page.waitForTimeout(50);
      }
    },
    async click(query) {
      const scope = await scopeOf(query);
      const options = {
        timeout: query.timeout ?? DEFAULT_TIMEOUT,
        ...(query.button ? { button: query.button } : {}),
        ...(query.position ? { position: query.position } : {}),
        // A menu may lie under a transparent layer that only the mouse's moving removes.
        ...(query.force ? { force: true } : {}),
      };
      const target = scope.locator(query.selector).first();
      if (query.clickCount === 2) await target.dblclick(options);
      else await target.click(options);
      return true;
    },
    async hover(query) {
      const scope = await scopeOf(query);
      await scope.locator(query.selector).first().hover({ timeout: query.timeout ?? DEFAULT_TIMEOUT });
      return true;
    },
    async wheel(query) {
      const scope = await scopeOf(query);
      await scope.locator(query.selector).first().hover({ timeout: query.timeout ?? DEFAULT_TIMEOUT });
      // As a user turns the wheel: notch by notch (an editor ignores most of one huge delta).
      const steps = Math.max(1, Math.round(Math.abs(query.deltaY) / 100));
      for (let i = 0; i < steps; i++) await page.mouse.wheel(0, query.deltaY / steps);
      return true;
    },
    async press(query) {
      for (const key of query.keys) await page.keyboard.press(key);
      return true;
    },
    async type(query) {
      await page.keyboard.type(query.text);
      return true;
    },
    async screenshot(query) {
      let shownSelector = true;
      if (query.selector) {
        try {
          const scope = query.frame ? (await framesMatching(query.frame))[0] : page;
          if (!scope) throw new Error('no frame');
          await scope.locator(query.selector).first().waitFor({ state: 'visible', timeout: query.timeout ?? DEFAULT_TIMEOUT });
        } catch {
          shownSelector = false;
          log(`  (screenshot '${query.name}': '${query.selector}' did not appear; taking it anyway)`);
        }
      }
      const file = join(artifacts, `${prefix}-${query.name}.png`);
      await page.screenshot({ path: file });
      if (query.image && imagesDir && process.env.SYNTHESIS_E2E_UPDATE_IMAGES === '1') {
        mkdirSync(imagesDir, { recursive: true });
        copyFileSync(file, join(imagesDir, query.image));
        log(`  (wrote docs/images/${query.image})`);
      }
      return { file, shown: shownSelector };
    },
    async events(query) {
      const since = query.since ?? 0;
      return { count: events.length, events: events.slice(since) };
    },
    async waitForEvent(query) {
      const deadline = Date.now() + (query.timeout ?? DEFAULT_TIMEOUT);
      const url = query.url ? new RegExp(query.url) : undefined;
      for (;;) {
        const found = events.slice(query.since ?? 0).find((e) => (!query.type || e.type === query.type) && (!url || url.test(e.url ?? '')));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`${query.what ?? 'the event'} did not happen within ${query.timeout ?? DEFAULT_TIMEOUT} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };

  async function answer(id, query) {
    let reply;
    try {
      const handler = handlers[query.kind];
      if (!handler) throw new Error(`unknown page query '${query.kind}'`);
      reply = { ok: true, value: (await handler(query)) ?? null };
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const temp = join(signals, `${id}.answer.tmp`);
    writeFileSync(temp, JSON.stringify(reply));
    renameSync(temp, join(signals, `${id}.answer.json`));
  }

  let watching = true;
  const pending = new Set();
  const loop = (async () => {
    while (watching) {
      for (const file of existsSync(signals) ? readdirSync(signals) : []) {
        if (!file.endsWith('.query.json')) continue;
        const id = file.slice(0, -'.query.json'.length);
        const path = join(signals, file);
        let query;
        try {
          query = JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          continue; // renamed into place, so complete; a read error means it is gone already
        } finally {
          rmSync(path, { force: true });
        }
        const work = answer(id, query).finally(() => pending.delete(work));
        pending.add(work);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  return {
    events,
    async stop() {
      watching = false;
      await loop;
      await Promise.allSettled([...pending]);
    },
  };
}

