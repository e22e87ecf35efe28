// The full differential run of the parser (part of `npm run test:fuzz`): every example of the
// CommonMark and GFM specifications typed in, deleted, pasted and cut inside a synthesis, and every
// README/CHANGELOG file in node_modules under a seeded edit sequence; after every step the
// incremental parse must equal a parse from scratch, and that parse must agree with remark. Then a
// 10 MB report, which must get every check. See test/differential/harness.ts and large.ts.
//
//   node scripts/differential.mjs                 build out/ first, then run everything
//   node scripts/differential.mjs --no-build      use out/ as it is
//   DIFFERENTIAL_EDITS=60 FUZZ_SEED=42 node scripts/differential.mjs
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const edits = Number(process.env.DIFFERENTIAL_EDITS ?? 60);
const seed = process.env.FUZZ_SEED === undefined ? 20261 : Number(process.env.FUZZ_SEED);

if (!process.argv.includes('--no-build')) {
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const h = await import(pathToFileURL(join(root, 'out', 'test', 'differential', 'harness.js')).href);
const say = (line) => console.log(line);
const failures = [];
const started = performance.now();

const examples = await h.allExamples();
let t0 = performance.now();
for (const [i, example] of examples.entries()) {
  const failure = h.checkExample(example);
  if (failure) failures.push(failure);
  if ((i + 1) % 100 === 0) process.stderr.write(`  differential: ${i + 1} of ${examples.length} examples\n`);
}
say(`Parser differential: ${examples.length} specification examples (CommonMark ${examples.filter((e) => e.spec === 'CommonMark').length}, GFM ${examples.filter((e) => e.spec === 'GFM').length}), ` +
  `${h.counts.steps.toLocaleString('en')} incremental steps, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const files = h.realMarkdownFiles(root);
t0 = performance.now();
const before = h.counts.steps;
for (const [i, path] of files.entries()) {
  const failure = h.checkRealFile(path, seed + i, edits);
  if (failure) failures.push(failure);
  if ((i + 1) % 50 === 0) process.stderr.write(`  differential: ${i + 1} of ${files.length} files\n`);
}
say(`Parser differential: ${files.length} README/CHANGELOG files in node_modules, ${edits} edits each (seed ${seed}), ` +
  `${(h.counts.steps - before).toLocaleString('en')} incremental steps, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
// One parser at every size: a 10 MB report gets every check (test/differential/large.ts).
t0 = performance.now();
try {
  const { checkLargeReport } = await import(pathToFileURL(join(root, 'out', 'test', 'differential', 'large.js')).href);
  const length = checkLargeReport(10 * 1024 * 1024);
  say(`Parser at every size: a report of ${(length / 1e6).toFixed(1)} million characters got every check in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
} catch (error) {
  failures.push({ what: 'a 10 MB report', step: 'every check', problem: String(error instanceof Error ? error.message : error) });
}
say(`  ${h.counts.remark.toLocaleString('en')} comparisons with remark, ${(h.counts.characters / 1e6).toFixed(0)} million characters parsed both ways; ` +
  `${failures.length === 0 ? 'no difference' : `${failures.length} FAILED`} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
for (const f of failures.slice(0, 10)) console.error(`\n${h.describeFailure(f)}`);
process.exit(failures.length > 0 ? 1 : 0);
