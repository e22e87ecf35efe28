'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS loader loads with require */
// The entry point the build writes as dist/server.js: it runs the real bundle (dist/__BUNDLE__) with
// the V8 code cache the build made for it (dist/__CACHE__), so that a cold start skips compiling
// the functions of a first check. The cache is used only when it is the one made for this very
// bundle (its header holds a SHA-256 of the bundle and of the cache) and V8 accepts it; a cache made
// by another Node or by Electron, a missing, truncated or damaged file all mean starting without it,
// as a plain require would. Nothing is written here: the cache is made by scripts/build.mjs only.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '__BUNDLE__');
const CACHE = join(__dirname, '__CACHE__');
const MAGIC = 'SMDCODE1';
const HEADER = MAGIC.length + 64;

const sha256 = (data) => createHash('sha256').update(data).digest();

/** The V8 data of the cache file when it was made for `source`, else undefined. */
function cachedDataFor(source) {
  let file;
  try {
    file = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER || file.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const data = file.subarray(HEADER);
  if (!sha256(source).equals(file.subarray(MAGIC.length, MAGIC.length + 32))) return undefined;
  if (!sha256(data).equals(file.subarray(MAGIC.length + 32, HEADER))) return undefined;
  return data;
}

// vm.Script does not register source maps, so with --enable-source-maps the bundle is required as
// before and a stack trace still points into server/src.
if (process.sourceMapsEnabled) {
  require(BUNDLE);
} else {
  const source = readFileSync(BUNDLE, 'utf8');
  // The same wrapper as Node's own CommonJS loader, so line and column numbers are those of the bundle.
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData: cachedDataFor(source) });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  bundle.loaded = true;
}
