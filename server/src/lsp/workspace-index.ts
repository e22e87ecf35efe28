/**
 * The workspace index: for every synthesis seen (open, or read from disk when the workspace is
 * scanned), its target sections, sources labels and citations. Workspace symbols, label
 * completion and references use it without reading every file again.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Range } from 'vscode-languageserver';
import { failureText, msg, targetSections, wordMessage, type FileFailure, type Message, type SynthesisDocument } from '../core/index.js';
import { toRange } from './positions.js';
import type { ServerState } from './state.js';
import { pathToUri } from './uris.js';

/** At most this many syntheses are indexed or validated in one workspace scan. */
export const MAX_WORKSPACE_FILES = 2000;

interface Entry {
  targets: Array<{ name: string; ids: string[]; range: Range }>;
  labels: string[];
  citations: Array<{ id: string; range: Range }>;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** Folders already said in the log to be unreadable. */
  private readonly unreadable = new Set<string>();

  constructor(private readonly state: ServerState) {}

  update(uri: string, document: SynthesisDocument): void {
    const labels = new Set<string>();
    for (const block of document.sourcesBlocks) for (const e of block.all) if (e.label) labels.add(e.label);
    this.entries.set(uri, {
      targets: targetSections(document).map((t) => ({ name: t.name, ids: t.targets, range: toRange(document.lines, t.selectionSpan) })),
      labels: [...labels],
      citations: document.citations.map((c) => ({ id: c.id, range: toRange(document.lines, c.span) })),
    });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** Every synthesis file of the workspace folders, in walk order, at most MAX_WORKSPACE_FILES. */
  async files(isCancelled?: () => boolean): Promise<string[]> {
    const out: string[] = [];
    for (const root of this.state.roots) {
      if (out.length >= MAX_WORKSPACE_FILES) break;
      // A folder that cannot be searched is said in the log (once), not skipped in silence.
      const onUnreadable = (folder: string, failure: FileFailure, detail?: Message): void => {
        if (this.unreadable.has(folder)) return;
        this.unreadable.add(folder);
        this.state.log(wordMessage(msg('server.folder-unsearchable', { folder, reason: failureText(failure, detail) }), this.state.locale));
      };
      out.push(...(await this.state.service.findSyntheses(root, { limit: MAX_WORKSPACE_FILES - out.length, within: root, onUnreadable, ...(isCancelled ? { isCancelled } : {}) })));
    }
    return out;
  }

  /** Indexes the syntheses on disk that are not open. */
  async scan(): Promise<void> {
    let n = 0;
    for (const path of await this.files()) {
      const uri = pathToUri(path);
      if (this.state.documents.get(uri) || this.entries.has(uri)) continue;
      const document = await this.state.readParsed(uri);
      if (document) this.update(uri, document);
      if (++n % 25 === 0) await nextTurn();
    }
  }

  /** Sources labels used anywhere in the workspace, sorted. */
  labels(): string[] {
    const labels = new Set<string>();
    for (const entry of this.entries.values()) for (const label of entry.labels) labels.add(label);
    return [...labels].sort((a, b) => a.localeCompare(b));
  }

  targets(): IterableIterator<[string, Entry['targets']]> {
    return [...this.entries].map(([uri, e]): [string, Entry['targets']] => [uri, e.targets])[Symbol.iterator]();
  }

  /** The indexed syntheses (other than `except`) that cite `id`. */
  citing(id: string, except: ReadonlySet<string>): string[] {
    return [...this.entries].filter(([uri, e]) => !except.has(uri) && e.citations.some((c) => c.id === id)).map(([uri]) => uri);
  }
}
