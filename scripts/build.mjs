// Bundles the extension client, the language server and the CLI with esbuild into dist/ (CommonJS,
// which is what VS Code's extension host loads). The ESM-only unified/remark packages are bundled in.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const production = process.argv.includes('--production');
mkdirSync(`${root}dist`, { recursive: true });
// dist/ holds CommonJS although the repository's package.json says "type": "module".
writeFileSync(`${root}dist/package.json`, '{ "type": "commonjs" }\n');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // ESM dependencies that read `import.meta.url` (fdir, through tinyglobby) get the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};

// Word and PDF (docx, mammoth, pdf.js: several megabytes) live in their own bundle, dist/word.js,
// which the CLI and the server require only when a user exports or imports.
const wordApart = {
  name: 'word-apart',
  setup(b) {
    b.onResolve({ filter: /(^|\/)word-entry\.js$/ }, () => ({ path: './word.js', external: true }));
  },
};

// fdir (which tinyglobby walks with) tries, as it loads, to require picomatch from node_modules for
// its own glob methods, which tinyglobby does not call: resolving and loading that unbundled copy
// was about 15 ms of every start of synthlint. The try is left out of the bundle.
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const attempt = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
      if (!attempt.test(text)) console.warn(`fdir no longer loads picomatch as it did: see fdirWithoutPicomatch in scripts/build.mjs (${args.path})`);
      return { contents: text.replace(attempt, ''), loader: 'js' };
    });
  },
};

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { 'cli-worker': 'server/src/cli/cli-worker.ts' }, outdir: 'dist', plugins: [fdirWithoutPicomatch] }),
  // The server's and synthlint's bundles are run by their loaders (dist/server.js, dist/cli.js)
  // through vm.Script, which has no loader for a dynamic import() without an experimental option:
  // esbuild turns the one of dist/word.js into a require (word.js is CommonJS, so what they get is
  // the same).
  build({ ...common, entryPoints: { 'cli-bundle': 'server/src/cli/main.ts' }, outdir: 'dist', plugins: [wordApart, fdirWithoutPicomatch], supported: { 'dynamic-import': false } }),
  build({ ...common, entryPoints: { 'server-bundle': 'server/src/lsp/main.ts' }, outdir: 'dist', plugins: [wordApart], supported: { 'dynamic-import': false } }),
  build({ ...common, entryPoints: { word: 'server/src/word-entry.ts' }, outdir: 'dist' }),
]);

// esbuild writes strings ASCII-only but leaves other characters as they are in regular expressions and
// in the comments it keeps. A bundle with one such character becomes, once read, a string of two
// bytes per character: twice the memory and a slower decoding at every start. Each is written as a
// \u escape, which means the same in a comment, a string, a template and a regular expression (with
// or without the u flag, a surrogate pair written as two escapes is the one character). An escape
// made of a character after a backslash would not be: the build stops instead. The source maps'
// columns are off by a few characters after such a character on its line (the regular expressions
// of five lines).
for (const name of ['cli-bundle', 'server-bundle', 'cli-worker', 'client']) {
  const file = `${root}dist/${name}.js`;
  const text = readFileSync(file, 'utf8');
  if (!/[\u0080-\uffff]/.test(text)) continue;
  if (/\\[\u0080-\uffff]/.test(text)) throw new Error(`${file}: a character other than ASCII after a backslash, which cannot be written as an escape`);
  writeFileSync(file, text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// dist/server.js and dist/cli.js are small loaders that run dist/server-bundle.js and
// dist/cli-bundle.js with a V8 code cache (dist/*-bundle.cache, see scripts/code-cache-loader.cjs):
// compiling a 2 MB bundle and the functions of a first check is a good part of a start. The caches
// are made here, never at run time: each bundle runs once in a child process
// (scripts/code-cache-child.cjs) and does what a first check does, so those functions are compiled,
// then writes the cache as it exits. Each bundle ends with its build id, which the cache's header
// repeats, so the loader knows a cache is this bundle's without hashing either. If making a cache
// fails the build says so and leaves none; that program then starts without one.
for (const name of ['server', 'cli']) {
  const bundle = `${root}dist/${name}-bundle.js`;
  rmSync(`${root}dist/${name}-bundle.cache`, { force: true });
  const text = readFileSync(bundle);
  appendFileSync(bundle, `\n//# synthesisBuild=${createHash('sha256').update(text).digest('hex')}\n`);
  writeFileSync(
    `${root}dist/${name}.js`,
    readFileSync(`${root}scripts/code-cache-loader.cjs`, 'utf8').replaceAll('__BUNDLE__', `${name}-bundle.js`).replaceAll('__CACHE__', `${name}-bundle.cache`),
  );
}
const caches = [
  ['server', 'the server', () => makeServerCache(`${root}dist/server-bundle.js`, `${root}dist/server-bundle.cache`, `${root}samples`, `${root}samples/showcase.synth.md`)],
  ['cli', 'synthlint', () => makeCliCache(`${root}dist/cli-bundle.js`, `${root}dist/cli-bundle.cache`)],
];
for (const [name, program, make] of caches) {
  try {
    await make();
  } catch (error) {
    rmSync(`${root}dist/${name}-bundle.cache`, { force: true });
    console.warn(`No code cache for ${program} (it starts without one): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * synthlint's cache is made by the run the cache is for: `--cache` on a copy of the samples, after a
 * first run and with one file changed, so that looking files up in the cache, checking one and
 * writing the cache are all compiled.
 */
async function makeCliCache(bundle, cache) {
  const dir = mkdtempSync(join(tmpdir(), 'synthlint-code-cache-'));
  try {
    cpSync(`${root}samples`, join(dir, 'samples'), { recursive: true });
    const run = (args) => {
      // The key that vouches for the cache's entries is kept in this folder, not in the user's own cache folder.
      const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: join(dir, 'key') } });
      // 1 means "findings with errors": the samples have some.
      if (r.status !== 0 && r.status !== 1) throw new Error(`synthlint exited with ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`);
    };
    run([bundle, '--cache', 'samples']);
    appendFileSync(join(dir, 'samples', 'showcase.synth.md'), '\nA paragraph added after the first run.\n');
    run([`${root}scripts/code-cache-child.cjs`, bundle, cache, '--cache', 'samples']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the bundle over stdio, opens `document` with `folder` as the workspace, waits for its first diagnostics, then shuts the server down, which writes the cache. */
function makeServerCache(bundle, cache, folder, document) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}scripts/code-cache-child.cjs`, bundle, cache, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the server gave no diagnostics within 60 s'));
    }, 60_000);
    const send = (message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const uri = pathToFileURL(document).href;
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.toString('latin1', 0, end))?.[1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.toString('utf8', end + 4, end + 4 + length));
        buffer = buffer.subarray(end + 4 + length);
        if (message.id === 1 && message.result) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'synthesis-markdown', version: 1, text: readFileSync(document, 'utf8') } } });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
          send({ id: 2, method: 'shutdown', params: null });
        } else if (message.id === 2) {
          send({ method: 'exit', params: null });
        } else if (message.id !== undefined && message.method) {
          // A request from the server (configuration, registration): no settings, no answer needed.
          send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`the server exited with code ${code}`));
    });
    const folderUri = pathToFileURL(folder).href;
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'samples' }], capabilities: {}, initializationOptions: { validationDelay: 0 } } });
  });
}
