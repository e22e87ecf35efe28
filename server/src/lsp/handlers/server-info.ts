/** `synthesis/serverInfo`: the server's process id, so a test can stop it and watch the client restart it. */
import { guard } from '../guard.js';
import { Requests, type ServerInfo } from '../protocol.js';
import type { ServerState } from '../state.js';

export function registerServerInfo(state: ServerState): void {
  state.connection.onRequest(Requests.serverInfo, guard(state.log, Requests.serverInfo, null, (): ServerInfo => ({ pid: process.pid })));
}
