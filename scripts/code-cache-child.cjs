'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS loader loads with require */
// Run by scripts/build.mjs only: `node code-cache-child.cjs <bundle> <cache file> <arguments…>` runs
// a bundle (the server's or synthlint's) the way its loader does, with the arguments after the first
// two, and, when the process exits, writes the V8 code cache of every function compiled so far: the
// build has it do what a first check does, so those functions are in the cache. The build keeps the
// file only when the run ended as it should.
//
// The file: 'SMDCODE2', the bundle's size in bytes (32-bit, little-endian), the bundle's build id
// (the 32 bytes of the SHA-256 in its last line, `//# synthesisBuild=…`), the CRC-32 of the V8 data
// (32-bit, little-endian), then the V8 data. scripts/code-cache-loader.cjs checks each part.
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

const [bundlePath, cachePath] = process.argv.splice(2, 2);
const bytes = readFileSync(bundlePath);
const source = bytes.toString('utf8');
const id = /\/\/# synthesisBuild=([0-9a-f]{64})\s*$/.exec(source.slice(-120))?.[1];
if (id === undefined) throw new Error(`${bundlePath} has no build id`);
const script = new vm.Script(Module.wrap(source), { filename: bundlePath });
process.on('exit', () => {
  const data = script.createCachedData();
  const header = Buffer.alloc(8 + 4 + 32 + 4);
  header.write('SMDCODE2', 0, 'latin1');
  header.writeUInt32LE(bytes.length, 8);
  Buffer.from(id, 'hex').copy(header, 12);
  header.writeUInt32LE(crc32(data), 44);
  writeFileSync(cachePath, Buffer.concat([header, data]));
});
const bundle = new Module(bundlePath, module);
bundle.filename = bundlePath;
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
