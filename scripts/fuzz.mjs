// The full reliability run (npm run test:fuzz): the core's properties over FUZZ_RUNS generated
// documents (100,000 by default) and the LSP chaos test over CHAOS_EDITS edits (10,000), then the
// figures. FUZZ_SEED makes a run reproducible; a failure prints the seed and the shrunk case.
//
//   npm run test:fuzz
//   FUZZ_RUNS=20000 CHAOS_EDITS=2000 FUZZ_SEED=42 npm run test:fuzz
//   npm run test:fuzz -- --no-build      (reuse out/ and dist/ as they are)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const edits = Number(process.env.CHAOS_EDITS ?? 10_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 1_000_000 : Number(process.env.FUZZ_SEED);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!process.argv.includes('--no-build')) {
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  run('node', ['scripts/build.mjs']);
}

const load = (path) => import(pathToFileURL(join(root, 'out', 'test', 'fuzz', path)).href);
const { PROPERTIES, stats } = await load('properties.js');
const { runChaos } = await load('chaos.js');

const say = (line) => console.log(line);
say(`Fuzz run, seed ${seed}: ${runs.toLocaleString('en')} documents, ${edits.toLocaleString('en')} LSP edits (Node ${process.version})`);
say('');
let failed = 0;
const weights = PROPERTIES.reduce((sum, p) => sum + p.weight, 0);
const started = performance.now();
say('| property | documents | time | result |');
say('|---|---|---|---|');
for (const property of PROPERTIES) {
  const numRuns = Math.max(1, Math.round((runs * property.weight) / weights));
  const t0 = performance.now();
  let result = 'passed';
  try {
    property.check({ numRuns, seed });
  } catch (error) {
    failed++;
    result = 'FAILED (see below)';
    console.error(`\n${property.name}:\n${String(error instanceof Error ? error.message : error)}\n`);
  }
  say(`| ${property.name} | ${numRuns.toLocaleString('en')} | ${((performance.now() - t0) / 1000).toFixed(1)} s | ${result} |`);
}
say('');
say(
  `Analyses: ${stats.documents.toLocaleString('en')} (${(stats.characters / 1e6).toFixed(1)} million characters, ${stats.findings.toLocaleString('en')} findings, ` +
    `${stats.fixesApplied.toLocaleString('en')} fixes applied, ${stats.edits.toLocaleString('en')} incremental edits) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

say('');
const report = (figures) => {
  say(
    `LSP chaos: ${figures.edits.toLocaleString('en')} edits in ${figures.notifications.toLocaleString('en')} didChange notifications, ` +
      `${figures.requests.toLocaleString('en')} requests (${figures.cancelled} cancelled), ${figures.batches} consistency checks, ` +
      `${figures.diagnosticsPublished} diagnostics notifications checked against their version's text, in ${(figures.ms / 1000).toFixed(0)} s`,
  );
  say(`  slowest answer ${figures.maxLatencyMs} ms, 99th percentile ${figures.p99LatencyMs} ms`);
  say(`  server memory (VmRSS) ${figures.rssStartMb.toFixed(0)} MB after opening, ${figures.rssPeakMb.toFixed(0)} MB at most, ${figures.rssEndMb.toFixed(0)} MB at the end`);
};
try {
  let shown = 0;
  const figures = await runChaos({
    edits,
    seed,
    onProgress: (done) => {
      if (done - shown >= 1000) {
        shown = done;
        process.stderr.write(`  chaos: ${done} edits\n`);
      }
    },
  });
  report(figures);
  if (figures.rssEndMb - figures.rssStartMb >= 150) {
    failed++;
    say('  FAILED: memory grew by 150 MB or more');
  }
} catch (error) {
  failed++;
  say(`LSP chaos FAILED: ${String(error instanceof Error ? error.message : error)}`);
  if (error?.figures) report(error.figures);
}
// The parser's differential run (stream parser): the specifications' examples and real Markdown
// files, incremental parse against a parse from scratch and remark. See scripts/differential.mjs.
{
  say('');
  const r = spawnSync('node', ['scripts/differential.mjs', '--no-build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
