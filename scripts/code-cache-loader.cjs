'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS loader loads with require */
// The entry point the build writes as dist/server.js and dist/cli.js: it runs the real bundle
// (dist/__BUNDLE__) with the V8 code cache the build made for it (dist/__CACHE__), so that a start
// skips compiling the bundle and the functions of a first check. Nothing is written here: the cache
// is made by scripts/build.mjs only (see scripts/code-cache-child.cjs for the file's layout).
//
// The cache is used only when it was made for this very bundle and V8 accepts it. Checking that
// costs no hash of the bundle: the build ends each bundle with a comment holding its build id (the
// SHA-256 of the bundle as esbuild wrote it), and the cache's header holds the same id and the
// bundle's size in bytes, with a CRC-32 of the V8 data behind it. A cache from another build, of
// another bundle, edited, truncated or damaged, a cache made by another Node or by VS Code's
// Electron (which V8 rejects), or a Node without zlib.crc32, all mean starting without it, exactly
// as a plain require would.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '__BUNDLE__');
const CACHE = join(__dirname, '__CACHE__');
const MAGIC = 'SMDCODE2';
// MAGIC, the bundle's size (4 bytes), its build id (32 bytes), the CRC-32 of the data (4 bytes).
const HEADER = MAGIC.length + 4 + 32 + 4;

/** The V8 data of the cache file when it was made for this bundle (`bytes`, `source`), else undefined. */
function cachedDataFor(bytes, source) {
  const id = /\/\/# synthesisBuild=([0-9a-f]{64})\s*$/.exec(source.slice(-120))?.[1];
  const { crc32 } = require('node:zlib');
  if (id === undefined || typeof crc32 !== 'function') return undefined;
  let file;
  try {
    file = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER || file.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  if (file.readUInt32LE(MAGIC.length) !== bytes.length) return undefined;
  if (file.toString('hex', MAGIC.length + 4, MAGIC.length + 36) !== id) return undefined;
  const data = file.subarray(HEADER);
  if (crc32(data) !== file.readUInt32LE(MAGIC.length + 36)) return undefined;
  return data;
}

// vm.Script does not register source maps, so with --enable-source-maps the bundle is required as
// before and a stack trace still points into server/src.
if (process.sourceMapsEnabled) {
  require(BUNDLE);
} else {
  const bytes = readFileSync(BUNDLE);
  const source = bytes.toString('utf8');
  // The same wrapper as Node's own CommonJS loader, so line and column numbers are those of the bundle.
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData: cachedDataFor(bytes, source) });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  bundle.loaded = true;
}
