// Bundles the extension client, the language server and the CLI with esbuild into dist/ (CommonJS,
// which is what VS Code's extension host loads). The ESM-only unified/remark packages are bundled in.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

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

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts', cli: 'server/src/cli/main.ts', 'cli-worker': 'server/src/cli/cli-worker.ts' }, outdir: 'dist', plugins: [wordApart] }),
  build({ ...common, entryPoints: { word: 'server/src/word-entry.ts' }, outdir: 'dist' }),
]);
