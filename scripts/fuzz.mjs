// The full reliability run (npm run test:fuzz): the core's properties over FUZZ_RUNS generated
// inputs (100,000 by default), the LSP chaos test over CHAOS_EDITS edits (10,000) on a writer-sized
// document, and over CHAOS_LARGE_EDITS edits (200) on a 1 MB document with a workspace folder open.
// FUZZ_SEED makes a run reproducible: each property and each chaos run derives its own seed from it,
// and a failure prints the seed and the shrunk case.
//
// The figures are saved in test/fuzz/last-run.json (committed) and written into the section of
// docs/reliability.md between its fuzz-figures markers; test/fuzz/figures.test.ts checks the two agree.
//
//   npm run test:fuzz
//   FUZZ_RUNS=20000 CHAOS_EDITS=2000 CHAOS_LARGE_EDITS=100 FUZZ_SEED=42 npm run test:fuzz
//   npm run test:fuzz -- --no-build      (reuse out/ and dist/ as they are)
//   npm run test:fuzz -- --no-save       (print only: leave last-run.json and the docs alone)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const edits = Number(process.env.CHAOS_EDITS ?? 10_000);
const largeEdits = Number(process.env.CHAOS_LARGE_EDITS ?? 200);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 1_000_000 : Number(process.env.FUZZ_SEED);
const save = !process.argv.includes('--no-save');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!process.argv.includes('--no-build')) {
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  run('node', ['scripts/build.mjs']);
}

const load = (path) => import(pathToFileURL(join(root, 'out', 'test', 'fuzz', path)).href);
const { PROPERTIES, stats, distinctInputs, propertySeed, runsFor } = await load('properties.js');
const { runChaos } = await load('chaos.js');
const { allPassed, figuresMarkdown, withFigures } = await load('figures.js');

const environment = [
  `FUZZ_RUNS=${runs}`,
  `CHAOS_EDITS=${edits}`,
  `CHAOS_LARGE_EDITS=${largeEdits}`,
  `FUZZ_SEED=${seed}`,
];
const figures = {
  date: new Date().toISOString().slice(0, 10),
  command: `${environment.join(' ')} npm run test:fuzz`,
  node: process.version,
  cores: availableParallelism(),
  seed,
  properties: [],
  totals: {},
  chaos: [],
};
const say = (line) => console.log(line);
say(`Fuzz run, seed ${seed}: ${runs.toLocaleString('en')} inputs, ${edits.toLocaleString('en')} + ${largeEdits.toLocaleString('en')} LSP edits (Node ${process.version})`);

const started = performance.now();
for (const property of PROPERTIES) {
  const numRuns = runsFor(property, runs);
  const own = propertySeed(seed, property.name);
  const t0 = performance.now();
  const entry = { name: property.name, seed: own, runs: numRuns, seconds: 0, passed: true };
  try {
    property.check({ numRuns, seed: own });
  } catch (error) {
    entry.passed = false;
    entry.failure = String(error instanceof Error ? error.message : error).slice(0, 4000);
    console.error(`\n${property.name}:\n${entry.failure}\n`);
  }
  entry.seconds = Math.round((performance.now() - t0) / 100) / 10;
  figures.properties.push(entry);
  process.stderr.write(`  ${property.name}: ${entry.passed ? 'passed' : 'FAILED'} (${entry.seconds} s)\n`);
}
figures.totals = {
  distinctInputs: distinctInputs(),
  analyses: stats.analyses,
  characters: stats.characters,
  findings: stats.findings,
  fixesApplied: stats.fixesApplied,
  incrementalEdits: stats.edits,
  registers: stats.registers,
  registerProblems: stats.registerProblems,
  seconds: Math.round((performance.now() - started) / 100) / 10,
};

const chaosRuns = [
  { name: 'a writer-sized document', document: 'sample', edits, seed },
  { name: 'a 1 MB document with a workspace folder open', document: 'large', edits: largeEdits, seed: seed + 1, batch: 25 },
];
for (const chaos of chaosRuns) {
  if (chaos.edits <= 0) continue;
  const entry = { name: chaos.name, seed: chaos.seed, passed: true };
  let shown = 0;
  const keep = (result) => {
    Object.assign(entry, {
      edits: result.edits,
      notifications: result.notifications,
      requests: result.requests,
      cancelled: result.cancelled,
      batches: result.batches,
      diagnosticsPublished: result.diagnosticsPublished,
      diagnosticsChecked: result.diagnosticsChecked,
      maxLatencyMs: result.maxLatencyMs,
      p99LatencyMs: result.p99LatencyMs,
      rssStartMb: Math.round(result.rssStartMb),
      rssPeakMb: Math.round(result.rssPeakMb),
      rssEndMb: Math.round(result.rssEndMb),
      finalLength: result.finalLength,
      seconds: Math.round(result.ms / 100) / 10,
    });
  };
  try {
    const result = await runChaos({
      edits: chaos.edits,
      seed: chaos.seed,
      document: chaos.document,
      ...(chaos.batch ? { batch: chaos.batch } : {}),
      onProgress: (done) => {
        if (done - shown >= 500) {
          shown = done;
          process.stderr.write(`  chaos (${chaos.name}): ${done} edits\n`);
        }
      },
    });
    keep(result);
    if (result.rssEndMb - result.rssStartMb >= 150) {
      entry.passed = false;
      entry.failure = `memory grew by 150 MB or more (${Math.round(result.rssStartMb)} MB to ${Math.round(result.rssEndMb)} MB)`;
    }
  } catch (error) {
    entry.passed = false;
    entry.failure = String(error instanceof Error ? error.message : error).slice(0, 4000);
    if (error?.figures) keep(error.figures);
  }
  figures.chaos.push(entry);
}

// The parser's differential run: the specifications' examples and real Markdown files, the
// incremental parse against a parse from scratch and remark (scripts/differential.mjs).
say('');
const differential = spawnSync('node', ['scripts/differential.mjs', '--no-build'], { cwd: root, stdio: 'inherit' });

say('');
say(figuresMarkdown(figures));
if (save) {
  writeFileSync(join(root, 'test', 'fuzz', 'last-run.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const docs = join(root, 'docs', 'reliability.md');
  writeFileSync(docs, withFigures(readFileSync(docs, 'utf8'), figures));
  say('');
  say('Saved in test/fuzz/last-run.json and docs/reliability.md.');
}
process.exit(allPassed(figures) && differential.status === 0 ? 0 : 1);
