/**
 * Entry point of the language server (bundled to dist/server.js). The transport comes from the
 * command line: `--stdio` for any LSP client, `--node-ipc` when VS Code forks it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodeHost } from '../node/host.js';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all), createNodeHost());
