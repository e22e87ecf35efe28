/**
 * Finding syntheses: the one walk the editor's workspace scan and `synthlint <folder>` share.
 * Depth first, entries in code-unit order (the same on every machine and locale), skipping
 * `node_modules` and every folder whose name starts with a dot (`.git`, `.synthesis`, `.vscode`…).
 * Links to folders are never followed (the host does not list them), so a walk cannot loop.
 */
import type { Message } from '../i18n/message.js';
import type { FileFailure, ServiceHost } from './host.js';

export const SYNTHESIS_SUFFIX = '.synth.md';

/** Folders never searched for syntheses, besides those whose name starts with a dot. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);

export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

export interface WalkOptions {
  /** Stop after this many files. */
  limit?: number;
  /** The folder every listed folder must stay inside (for a workspace scan). */
  within?: string;
  isCancelled?: () => boolean;
  /** Told of each folder that cannot be listed (the root included), so that it is reported rather than skipped in silence. */
  onUnreadable?: (folder: string, failure: FileFailure, detail?: Message) => void;
}

/** Every `*.synth.md` under `root`, in walk order. A folder that cannot be listed is skipped, and `onUnreadable` is told. */
export async function findSyntheses(host: ServiceHost, root: string, options: WalkOptions = {}): Promise<string[]> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const out: string[] = [];
  // A stack of folders being listed, each with its entries still to visit (depth first, in order).
  const stack: Array<{ folder: string; entries: Array<{ name: string; kind: 'file' | 'folder' }> }> = [];
  const open = async (folder: string): Promise<void> => {
    const listed = await host.listFolder(folder, options.within === undefined ? undefined : { within: options.within });
    if (!listed.ok) {
      options.onUnreadable?.(folder, listed.failure, listed.detail);
      return;
    }
    const entries = [...listed.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).reverse();
    stack.push({ folder, entries });
  };
  await open(root);
  while (stack.length > 0 && out.length < limit) {
    if (options.isCancelled?.()) break;
    const top = stack[stack.length - 1]!;
    const entry = top.entries.pop();
    if (!entry) {
      stack.pop();
      continue;
    }
    const path = host.paths.join(top.folder, entry.name);
    if (entry.kind === 'folder') {
      if (!isSkippedFolder(entry.name)) await open(path);
    } else if (entry.name.endsWith(SYNTHESIS_SUFFIX)) {
      out.push(path);
    }
  }
  return out;
}
