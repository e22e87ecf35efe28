// Shared helpers of the benchmark: paths, building what is measured, statistics, formatting.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const benchDir = join(root, 'bench');
/** Generated files (gitignored): the corpus, the workspace and the benchmark's own build. */
export const corpusDir = join(benchDir, 'corpus');
export const buildDir = join(corpusDir, 'build');

/**
 * Bundles the pure core (server/src/core/index.ts) together with a bare remark processor into one
 * ESM file under bench/corpus/build, and imports it. Both sides therefore use the very same copies
 * of micromark and mdast-util-from-markdown (the versions package.json pins), built the same way
 * as dist/server.js. Bundling with esbuild takes well under a second and, unlike out/, is not
 * wiped by a concurrent `npm test`.
 */
export async function buildCore() {
  const { build } = await import('esbuild');
  mkdirSync(buildDir, { recursive: true });
  const outfile = join(buildDir, 'core.mjs');
  await build({
    stdin: {
      contents: [
        "export * from './server/src/core/index.ts';",
        "import { unified } from 'unified';",
        "import remarkParse from 'remark-parse';",
        "import remarkFrontmatter from 'remark-frontmatter';",
        "import remarkGfm from 'remark-gfm';",
        '/** The baseline: remark-parse with front matter and GFM, nothing else. */',
        "export const bareProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'bench-core-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // Some dependencies (yaml) are CommonJS and require Node built-ins: give the bundle a require.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: 'error',
    absWorkingDir: root,
  });
  return { path: outfile, module: await import(`${pathToFileURL(outfile).href}?t=${statSync(outfile).mtimeMs}`) };
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/**
 * Makes sure dist/server.js and dist/cli.js exist and are newer than their sources (a clean clone
 * has no dist/): runs `node scripts/build.mjs` otherwise. Returns which of the two exist.
 */
export function ensureDist(log) {
  const server = join(root, 'dist', 'server.js');
  const cli = join(root, 'dist', 'cli.js');
  const sources = Math.max(newestMtime(join(root, 'server', 'src')), statSync(join(root, 'package.json')).mtimeMs);
  const stale = (p) => !existsSync(p) || statSync(p).mtimeMs < sources;
  const hasEntries = existsSync(join(root, 'server/src/lsp/main.ts')) && existsSync(join(root, 'server/src/cli/main.ts'));
  if ((stale(server) || stale(cli)) && hasEntries) {
    log('Bundling dist/ (node scripts/build.mjs) …');
    const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) log(`  the build failed:\n${r.stderr || r.stdout}`);
  }
  return { server: existsSync(server) ? server : undefined, cli: existsSync(cli) ? cli : undefined };
}

/** The CPU time (user + system, all threads of this process) that `fn` takes, in ms. */
export function cpuMs(fn) {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Runs `fn` `warmup` times unmeasured, then at least `min` and at most `max` times, stopping early
 * once `budgetMs` of measured time has passed. Returns the measured times in ms. `fn` may be async;
 * when it returns a number, that number is the time of the repetition (for latencies that `fn`
 * measures itself, from message timestamps).
 */
export async function measure(fn, { warmup = 0, min = 1, max = 10, budgetMs = Infinity } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  let spent = 0;
  for (let i = 0; i < max && (i < min || spent < budgetMs); i++) {
    const t0 = performance.now();
    const value = await fn(i);
    const dt = typeof value === 'number' ? value : performance.now() - t0;
    times.push(dt);
    spent += performance.now() - t0;
  }
  return times;
}

export function round(x, digits = 2) {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function fmtMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtBytes(b) {
  if (b === null || b === undefined || !Number.isFinite(b)) return '–';
  if (b >= 1024 * 1024) return `${(b / 1024 / 1024).toFixed(1)} MB`;
  if (b >= 1024) return `${(b / 1024).toFixed(0)} KB`;
  return `${b} B`;
}

export function fmtRatio(r, digits = 2) {
  return r === null || r === undefined || !Number.isFinite(r) ? '–' : `${r.toFixed(digits)}×`;
}

/** A plain-text table with aligned columns (first column left, the others right). */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** A Markdown table (for docs/performance.md). */
export function markdownTable(header, rows) {
  const cells = (r) => `| ${r.join(' | ')} |`;
  return [cells(header), cells(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(cells)].join('\n');
}
