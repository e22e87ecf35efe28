'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS loader loads with require */
// Run by scripts/build.mjs only: `node code-cache-child.cjs <bundle> <cache file> --stdio` runs the
// server bundle the way dist/server.js does and, when the process exits (after the build has had
// it check a sample), writes the V8 code cache of every function compiled so far, under the
// header dist/server.js checks (see scripts/code-cache-loader.cjs).
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const [bundlePath, cachePath] = process.argv.splice(2, 2);
const sha256 = (data) => createHash('sha256').update(data).digest();
const source = readFileSync(bundlePath, 'utf8');
const script = new vm.Script(Module.wrap(source), { filename: bundlePath });
process.on('exit', (code) => {
  if (code !== 0) return;
  const data = script.createCachedData();
  writeFileSync(cachePath, Buffer.concat([Buffer.from('SMDCODE1', 'latin1'), sha256(source), sha256(data), data]));
});
const bundle = new Module(bundlePath, module);
bundle.filename = bundlePath;
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
