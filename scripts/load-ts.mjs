// Loads TypeScript modules of this repository into a Node script without compiling the project:
// esbuild bundles a tiny entry that re-exports what is asked for, and the bundle is required from a
// temporary file. Used by the generate-*.mjs scripts.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** `exports`: { module path relative to the repository root: [names] }. Returns the named exports. */
export async function loadTs(exports) {
  const contents = Object.entries(exports)
    .map(([path, names]) => `export { ${names.join(', ')} } from './${path}';`)
    .join('\n');
  const bundled = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const dir = mkdtempSync(join(tmpdir(), 'synthesis-load-ts-'));
  try {
    const file = join(dir, 'bundle.cjs');
    writeFileSync(file, bundled.outputFiles[0].text);
    return createRequire(import.meta.url)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
