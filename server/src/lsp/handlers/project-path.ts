/** The path whose project a request is about: the document's, else a new document in the first workspace folder. */
import { join } from 'node:path';
import type { ServerState } from '../state.js';
import { uriToPath } from '../uris.js';

export function projectPath(state: ServerState, uri: unknown): string | undefined {
  const path = typeof uri === 'string' ? uriToPath(uri) : undefined;
  if (path !== undefined) return path;
  const root = state.roots[0];
  return root === undefined ? undefined : join(root, 'untitled.synth.md');
}
