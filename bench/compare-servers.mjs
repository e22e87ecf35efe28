// A profiling aid, not part of `npm run bench`: the benchmark's edit mix through two builds of the
// server, alternately, so that a change can be judged on a machine whose load varies.
//
//   node bench/compare-servers.mjs <server.js of A> <server.js of B> [pairs=3] [rounds=6]
//
// A server may carry Node options after its path, in the same argument:
// "dist/server.js --max-semi-space-size=32".
// Each pair runs A then B (then B then A on the next pair), each a fresh server on the 10 KB and
// the 1 MB drafts, `rounds` rounds of the mix after one of warm-up, every change timed until its
// diagnostics arrive (as bench/run.mjs does). Prints per server the p50 and p95 at each size over
// all pairs and the 1 MB / 10 KB ratios, and the server's CPU time per change (from /proc, Linux
// only), which a busy machine disturbs less than the wall time.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDocument, SIZES } from './corpus.mjs';
import { EditedDocument, editRound, openDocument, prepareProject } from './edit-mix.mjs';
import { corpusDir, median, percentile } from './lib.mjs';
import { LspClient } from './lsp-client.mjs';

const [a, b, pairsArg = '3', roundsArg = '6'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/compare-servers.mjs <server A> <server B> [pairs] [rounds]');
const SEED = 20260;
const sizes = SIZES.filter((s) => s.name === '10KB' || s.name === '1MB');
const drafts = Object.fromEntries(sizes.map((s) => [s.name, generateDocument(s.bytes, SEED + s.bytes, { findings: true })]));
const project = join(corpusDir, 'compare-workspace');
prepareProject(project);
for (const s of sizes) writeFileSync(join(project, `${s.name}.synth.md`), drafts[s.name].text);
const rootUri = pathToFileURL(project).href;

/** The CPU time (ms) a process has used so far: utime + stime from /proc, in clock ticks of 10 ms. */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function once(server) {
  const [path, ...execArgv] = server.split(' ');
  const client = new LspClient(path, { execArgv });
  const out = {};
  const cpu = {};
  try {
    await client.initialize({ validationDelay: 0, debounceMs: 0 }, { rootUri, workspaceFolders: [{ uri: rootUri, name: 'project' }] });
    for (const s of sizes) {
      const draft = drafts[s.name];
      const uri = pathToFileURL(join(project, `${s.name}.synth.md`)).href;
      await openDocument(client, uri, draft.text);
      const doc = EditedDocument.ofDraft(draft);
      let version = 1;
      const times = [];
      let cpuFrom = 0;
      for (let r = 0; r < Number(roundsArg) + 1; r++) {
        if (r === 1) cpuFrom = cpuOf(client.child.pid);
        for (const [, change] of editRound(doc)) {
          version++;
          const wait = client.diagnosticsFor(uri, version);
          const t = performance.now();
          client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
          const { at } = await wait;
          if (r > 0) times.push(at - t);
        }
      }
      out[s.name] = times;
      cpu[s.name] = (cpuOf(client.child.pid) - cpuFrom) / times.length;
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await client.shutdown();
  }
  return { times: out, cpu };
}

const all = { A: { '10KB': [], '1MB': [] }, B: { '10KB': [], '1MB': [] } };
const cpus = { A: { '10KB': [], '1MB': [] }, B: { '10KB': [], '1MB': [] } };
for (let p = 0; p < Number(pairsArg); p++) {
  const order = p % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  for (const which of order) {
    const { times: r, cpu } = await once(which === 'A' ? a : b);
    for (const s of sizes) {
      all[which][s.name].push(...r[s.name]);
      cpus[which][s.name].push(cpu[s.name]);
    }
    process.stderr.write(
      `pair ${p + 1}: ${which} p50 ${median(r['10KB']).toFixed(2)} / ${median(r['1MB']).toFixed(2)} ms (ratio ${(median(r['1MB']) / median(r['10KB'])).toFixed(2)}); CPU per change ${cpu['10KB'].toFixed(2)} / ${cpu['1MB'].toFixed(2)} ms\n`,
    );
  }
}
for (const which of ['A', 'B']) {
  const x = all[which];
  const p50 = (n) => median(x[n]);
  const p95 = (n) => percentile(x[n], 95);
  process.stdout.write(
    `${which}: p50 10KB ${p50('10KB').toFixed(2)} 1MB ${p50('1MB').toFixed(2)} ratio ${(p50('1MB') / p50('10KB')).toFixed(2)}; p95 10KB ${p95('10KB').toFixed(2)} 1MB ${p95('1MB').toFixed(2)} ratio ${(p95('1MB') / p95('10KB')).toFixed(2)}; CPU per change 10KB ${median(cpus[which]['10KB']).toFixed(2)} 1MB ${median(cpus[which]['1MB']).toFixed(2)}\n`,
  );
}
