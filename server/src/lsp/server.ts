/**
 * The language server: state (state.ts) plus one handler module per request or notification
 * (handlers/*.ts), over the language service. This file only wires them to the connection.
 */
import type { Connection } from 'vscode-languageserver';
import type { ServiceHost } from '../core/index.js';
import { registerCodeActions } from './handlers/code-actions.js';
import { registerCompletion } from './handlers/completion.js';
import { registerCoverage } from './handlers/coverage.js';
import { registerDefinition } from './handlers/definition.js';
import { registerDocumentInfo } from './handlers/document-info.js';
import { registerDocuments } from './handlers/documents.js';
import { registerFolding } from './handlers/folding.js';
import { registerHover } from './handlers/hover.js';
import { registerLifecycle } from './handlers/lifecycle.js';
import { registerLinks } from './handlers/links.js';
import { registerReferences } from './handlers/references.js';
import { registerRender } from './handlers/render.js';
import { registerServerInfo } from './handlers/server-info.js';
import { registerSkeleton } from './handlers/skeleton.js';
import { registerSymbols } from './handlers/symbols.js';
import { registerTemplates } from './handlers/templates.js';
import { registerValidateWorkspace } from './handlers/validate-workspace.js';
import { registerWord } from './handlers/word.js';
import { ServerState } from './state.js';

export { CAPABILITIES } from './handlers/lifecycle.js';

/** Wires every handler to the connection and starts listening. */
export function startServer(connection: Connection, host: ServiceHost): ServerState {
  const state = new ServerState(connection);
  registerLifecycle(state, host);
  registerDocuments(state);
  registerCompletion(state);
  registerHover(state);
  registerCodeActions(state);
  registerSymbols(state);
  registerFolding(state);
  registerLinks(state);
  registerDefinition(state);
  registerReferences(state);
  registerValidateWorkspace(state);
  registerTemplates(state);
  registerSkeleton(state);
  registerDocumentInfo(state);
  registerRender(state);
  registerCoverage(state);
  registerServerInfo(state);
  registerWord(state);
  connection.listen();
  return state;
}
