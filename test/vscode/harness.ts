/**
 * What the end-to-end tests share: Mocha's TDD functions (typed here, so the suite needs no
 * @types/mocha), the extension's API, waiting for signals, throwaway documents in the test workspace,
 * comparing with synthlint. What the page shows (webviews, widgets, screenshots) is asked through
 * page.ts.
 *
 * Host-agnostic: the same code runs in code-server (scripts/test-vscode.mjs) and in desktop VS Code
 * (@vscode/test-electron, scripts/test-electron.mjs). What differs comes in through environment
 * variables that the runners set and that are optional here.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SynthesisApi } from '../../client/src/extension.js';

// ---- Mocha (TDD interface), from the globals its 'pre-require' event installs ----

type Body = () => void | Promise<void>;
interface TddGlobals {
  suite(name: string, fn: () => void): void;
  test(name: string, fn: Body): void;
  suiteSetup(fn: Body): void;
  suiteTeardown(fn: Body): void;
  setup(fn: Body): void;
  teardown(fn: Body): void;
}
const tdd = (): TddGlobals => globalThis as unknown as TddGlobals;
export const suite = (name: string, fn: () => void): void => tdd().suite(name, fn);
export const test = (name: string, fn: Body): void => tdd().test(name, fn);
export const suiteSetup = (fn: Body): void => tdd().suiteSetup(fn);
export const suiteTeardown = (fn: Body): void => tdd().suiteTeardown(fn);
export const setup = (fn: Body): void => tdd().setup(fn);
export const teardown = (fn: Body): void => tdd().teardown(fn);

// ---- The extension ----

export const EXTENSION_ID = 'synthesis-markdown.synthesis-markdown';
export const LANGUAGE_ID = 'synthesis-markdown';

export function extension(): vscode.Extension<SynthesisApi> {
  const ext = vscode.extensions.getExtension<SynthesisApi>(EXTENSION_ID);
  if (!ext) throw new Error(`The extension ${EXTENSION_ID} is not installed in this VS Code.`);
  return ext;
}

/** The API activate() returned, once the language server is ready. */
export async function api(): Promise<SynthesisApi> {
  const ext = extension();
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.ready;
  return exports;
}

// ---- Waiting for signals ----

/**
 * Resolves with the first truthy value of `check`, which is evaluated now and again each time one
 * of `events` fires. Rejects after `timeout` ms, saying what was awaited and what was last seen:
 * `seen()` when given (a falsy check result says nothing about what was there), else that result.
 */
export function waitFor<T>(
  check: () => T | undefined | null | false | '' | Promise<T | undefined | null | false | ''>,
  events: vscode.Event<unknown> | vscode.Event<unknown>[],
  what: string,
  timeout = 20_000,
  seen?: () => unknown,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    let running = false;
    let again = false;
    let last: unknown;
    const finish = (error: Error | undefined, value?: T): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const evaluate = async (): Promise<void> => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          last = await check();
          if (last) return finish(undefined, last as T);
        } while (again && !done);
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      } finally {
        running = false;
      }
    };
    const timer = setTimeout(() => finish(new Error(`Timed out after ${timeout} ms waiting for ${what} (last seen: ${describe(seen ? seen() : last)})`)), timeout);
    for (const event of Array.isArray(events) ? events : [events]) subscriptions.push(event(() => void evaluate()));
    void evaluate();
  });
}

/**
 * Asserts that `check` stays true while `events` fire during `window` ms: the one place where the
 * suite must let time pass, because it checks that something does NOT happen (onSave mode).
 */
export function staysTrue(check: () => boolean, events: vscode.Event<unknown>[], what: string, window: number, show: () => unknown = () => undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const subscriptions = events.map((event) =>
      event(() => {
        if (!check()) finish(new Error(`Expected ${what}, but it changed to ${describe(show())}`));
      }),
    );
    const timer = setTimeout(() => finish(undefined), window);
    function finish(error: Error | undefined): void {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      if (error) reject(error);
      else resolve();
    }
    if (!check()) finish(new Error(`Expected ${what} from the start`));
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 600 ? `${text.slice(0, 600)}…` : text;
  } catch {
    return String(value);
  }
}

// ---- Documents and diagnostics ----

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The end-to-end suite needs a workspace folder (a copy of samples/).');
  return folder.uri;
}

export function sampleUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...relative.split('/'));
}

/**
 * Creates the missing folders of `folder` (inside the workspace) one level at a time, each once VS
 * Code has reported the one above it, and resolves when the last one is reported: from then on VS
 * Code sees changes to files in it.
 *
 * Needed by tests that change files on disk and expect VS Code's file watcher to tell the server.
 * VS Code 1.100's watcher (@parcel/watcher, inotify) misses a folder made inside a folder it has not
 * started watching yet, and then reports nothing in it for the rest of the session.
 * `workspace.fs.writeFile` makes the missing parent folders one right after the other, so a test that
 * wrote `e2e/project/.synthesis/config.yaml` in one go sometimes had a project whose files VS Code
 * never watched: in 4 of 27 runs of the config test, no watched-file notification at all in the
 * server's log (VS Code's own trace reported the project folder, nothing in its `.synthesis`). With
 * @parcel/watcher alone, a folder two levels down made right away was missed in 17 of 20 tries, and
 * in none of 20 with a pause between the levels.
 */
export async function createWatchedFolder(folder: vscode.Uri): Promise<void> {
  const root = workspaceFolder();
  const relative = folder.path.slice(root.path.length).split('/').filter((p) => p !== '');
  if (!folder.path.startsWith(`${root.path}/`) || relative.length === 0) throw new Error(`${folder.path} is not inside the workspace folder`);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
  const created = new Set<string>();
  // Registered before waitFor's own listener, so the set holds the path when the check runs.
  watcher.onDidCreate((uri) => created.add(uri.path));
  try {
    let level = root;
    for (const name of relative) {
      level = vscode.Uri.joinPath(level, name);
      if (await exists(level)) continue;
      const path = level.path;
      const reported = waitFor(
        () => created.has(path),
        watcher.onDidCreate,
        `VS Code to report the new folder ${path.slice(root.path.length + 1)} (its file watcher sees the changes in a folder only once it has seen the folder made)`,
      );
      await vscode.workspace.fs.createDirectory(level);
      await reported;
    }
  } finally {
    watcher.dispose();
  }
  function exists(uri: vscode.Uri): Thenable<boolean> {
    return vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
  }
}

let counter = 0;
/** Writes a new synthesis into the workspace (a throwaway copy) and opens it in an editor. */
export async function newSynthesis(text: string, name = 'e2e'): Promise<vscode.TextEditor> {
  counter += 1;
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'e2e', `${name}-${counter}.synth.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/**
 * Closes every editor and webview, discarding unsaved edits (the suite's own), so that a test starts
 * from an empty editor area and no "Save changes?" dialog stops the run.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A throwaway copy of the Colombia sample, beside it in e2e/ (its register one folder up), changed by `change`. */
export async function colombiaCopy(name: string, change: (text: string) => string = (t) => t): Promise<vscode.TextEditor> {
  const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri('colombia-country-programme.synth.md')));
  return newSynthesis(change(sample.replace('evidence: colombia-evidence.csv', 'evidence: ../colombia-evidence.csv')), name);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  // Pinned, not in a preview tab: the next open would replace a preview tab, and VS Code closes its
  // document some time later (the server then clears that document's diagnostics), which made a
  // test that opens a second file while it waits on the first one's diagnostics pass or fail by chance.
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** The rule id a diagnostic carries (its `code`, which links to the rule's documentation). */
export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function diagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => rule === undefined || ruleOf(d) === rule);
}

/** Waits until the diagnostics of `uri` satisfy `check`; resolves with them. On timeout, says which diagnostics were there. */
export function waitForDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string, timeout?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return check(ds) ? ds : undefined;
    },
    vscode.languages.onDidChangeDiagnostics,
    `${what} in ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`,
    timeout,
    () => vscode.languages.getDiagnostics(uri).map((d) => `${['error', 'warning', 'info', 'hint'][d.severity]} ${ruleOf(d)} line ${d.range.start.line + 1}`),
  );
}

/** "rule@line:col-line:col" (0-based), to compare findings as sets. */
export function findingKey(rule: string, r: vscode.Range): string {
  return `${rule}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Replaces the whole text of an editor's document. */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const all = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
  const ok = await editor.edit((b) => b.replace(all, text));
  if (!ok) throw new Error('The editor refused the edit');
}

/** Where a line containing `needle` is, and the column where `needle` starts. */
export function find(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`'${needle}' is not in ${document.uri.path}`);
  return document.positionAt(offset);
}

// ---- Settings ----

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('synthesis').update(key, value, vscode.ConfigurationTarget.Workspace);
}

// ---- synthlint, for comparison ----

export interface CliFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

/** The repository (for dist/cli.js): given by the runner, else the development extension's folder. */
export function repoRoot(): string {
  return process.env.SYNTHESIS_E2E_REPO ?? extension().extensionPath;
}

/** What `synthlint --format json` reports for a file. */
export function synthlint(file: string, cwd: string): Promise<CliFinding[]> {
  const cli = join(repoRoot(), 'dist', 'cli.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, '--format', 'json', file], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout, stderr) => {
      // synthlint exits 1 when it finds errors; only a missing answer is a failure here.
      try {
        resolve(JSON.parse(stdout) as CliFinding[]);
      } catch {
        reject(new Error(`synthlint gave no JSON (${error?.message ?? ''}): ${stderr}`));
      }
    });
  });
}

// ---- The page (what the user sees), through the runner's page driver: see page.ts ----

export { screenshot } from './page.js';
