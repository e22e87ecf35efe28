/**
 * Preloaded (`node --import`) into a process under test: every way Node offers to reach the
 * network — sockets, HTTP(S), TLS, DNS, UDP, fetch — records the attempt in the file named by
 * NO_NETWORK_LOG and throws. Local pipes (stdio, IPC) are untouched: they are not opened this way.
 */
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.NO_NETWORK_LOG;
// Proof that the guard was loaded into this process.
if (process.env.NO_NETWORK_LOADED) appendFileSync(process.env.NO_NETWORK_LOADED, `${process.pid}\n`);

function forbid<T extends object>(owner: T, name: keyof T & string, label: string): void {
  const original = owner[name];
  if (typeof original !== 'function') return;
  Object.defineProperty(owner, name, {
    configurable: true,
    writable: true,
    value: function blocked(...args: unknown[]): never {
      const what = `${label}.${name}(${args.map((a) => (typeof a === 'function' ? 'callback' : JSON.stringify(a) ?? String(a))).join(', ').slice(0, 200)})`;
      if (log) appendFileSync(log, `${what}\n`);
      throw new Error(`Network access is not allowed: ${what}`);
    },
  });
}

for (const name of ['connect', 'createConnection'] as const) forbid(net, name, 'net');
forbid(net.Socket.prototype, 'connect', 'net.Socket');
for (const name of ['request', 'get'] as const) {
  forbid(http, name, 'http');
  forbid(https, name, 'https');
}
forbid(tls, 'connect', 'tls');
forbid(dgram, 'createSocket', 'dgram');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'] as const) forbid(dns, name, 'dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6'] as const) forbid(dns.promises, name, 'dns.promises');
forbid(globalThis, 'fetch', 'globalThis');
syncBuiltinESMExports();
