// npm run bench — the performance benchmark of issue 5 (a measurement, not a timed test).
//
//   node bench/run.mjs              the full run (about 10 minutes on 2 cores); writes bench/results.json
//   node bench/run.mjs --quick      a smaller, faster run (no 5 MB document, fewer repetitions)
//   node bench/run.mjs --json       print only the results object on stdout (progress goes to stderr)
//   node bench/run.mjs --markdown   also print the tables as Markdown (for docs/performance.md)
//   node bench/run.mjs --micromark  also reproduce the micromark 4.0.3 slowdown (installs it into a
//                                   temporary folder from the npm registry)
//   node bench/run.mjs --only=analysis,edits,server,cli,cold,heap,profile   run some parts only
//   node bench/run.mjs --no-write   do not write bench/results.json
//
// Everything is generated from fixed seeds (bench/corpus.mjs), timings are medians after warm-up,
// and each goal of issue 5 is reported as passed or missed with the measured ratio. See
// docs/performance.md for what each number means.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDocument, GENERATOR_VERSION, SIZES, workspaceFiles } from './corpus.mjs';
import { buildCore, corpusDir, ensureDist, fmtBytes, fmtMs, fmtRatio, markdownTable, measure, median, percentile, root, round, table } from './lib.mjs';
import { LspClient, positionAt } from './lsp-client.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => !a.includes('=')));
const options = Object.fromEntries(args.filter((a) => a.includes('=')).map((a) => a.replace(/^--/, '').split('=')));
const quick = flags.has('--quick');
const jsonOnly = flags.has('--json');
const only = options.only ? new Set(options.only.split(',')) : undefined;
const runs = (part) => !only || only.has(part);
const log = (message) => process.stderr.write(`${message}\n`);
const started = performance.now();

// -----------------------------------------------------------------------------------------------
// Configuration: repetitions per size. `budgetMs` stops a series early once that much time was
// measured (at least `min` repetitions always run), which keeps the slow sizes affordable.

const SEED = 20260;
const sizes = quick ? SIZES.filter((s) => s.name !== '5MB') : SIZES;
const REPS = {
  analysis: { '10KB': { warmup: 10, min: 30, max: 100, budgetMs: 4000 }, '100KB': { warmup: 3, min: 9, max: 25, budgetMs: 10000 }, '1MB': { warmup: 1, min: 5, max: 9, budgetMs: 30000 }, '5MB': { warmup: 0, min: 1, max: 3, budgetMs: 30000 } },
  edits: { '10KB': { warmup: 10, min: 20, max: 100, budgetMs: 2000 }, '100KB': { warmup: 5, min: 15, max: 60, budgetMs: 3000 }, '1MB': { warmup: 3, min: 10, max: 40, budgetMs: 8000 }, '5MB': { warmup: 2, min: 5, max: 20, budgetMs: 15000 } },
  server: { '10KB': { warmup: 5, min: 15, max: 60, budgetMs: 3000 }, '100KB': { warmup: 3, min: 10, max: 40, budgetMs: 5000 }, '1MB': { warmup: 1, min: 5, max: 30, budgetMs: 12000 }, '5MB': { warmup: 0, min: 2, max: 15, budgetMs: 20000 } },
  requests: { '10KB': { warmup: 5, min: 15, max: 50, budgetMs: 1500 }, '100KB': { warmup: 3, min: 10, max: 40, budgetMs: 2000 }, '1MB': { warmup: 2, min: 10, max: 30, budgetMs: 4000 }, '5MB': { warmup: 1, min: 5, max: 20, budgetMs: 6000 } },
  afterEdit: { '10KB': { warmup: 2, min: 5, max: 20, budgetMs: 1500 }, '100KB': { warmup: 1, min: 5, max: 15, budgetMs: 3000 }, '1MB': { warmup: 0, min: 3, max: 10, budgetMs: 8000 }, '5MB': { warmup: 0, min: 2, max: 6, budgetMs: 15000 } },
};
if (quick) {
  for (const part of Object.values(REPS)) {
    for (const cfg of Object.values(part)) {
      cfg.max = Math.max(cfg.min, Math.ceil(cfg.max / 3));
      cfg.budgetMs /= 3;
      cfg.warmup = Math.min(cfg.warmup, 2);
    }
  }
}
const CLI_RUNS = quick ? 1 : 3;
const COLD_RUNS = quick ? 3 : 5;
const WORD = 'sustained ';
/** The debounce is excluded: the server's delay between a change and its validation is set to 0. */
const INIT_OPTIONS = { validationDelay: 0, debounceMs: 0 };

// -----------------------------------------------------------------------------------------------

function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function git(...argv) {
  const r = spawnSync('git', argv, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Yields successive versions of `text`: one character of WORD typed at a time at `offset`. */
function typist(text, offset) {
  let k = 0;
  let current = text;
  return {
    get text() {
      return current;
    },
    get typed() {
      return k;
    },
    /** Types the next character; returns the LSP change and the new text. */
    next() {
      const at = offset + k;
      const ch = WORD[k % WORD.length];
      const position = positionAt(current, at);
      current = current.slice(0, at) + ch + current.slice(at);
      k++;
      return { text: current, change: { range: { start: position, end: position }, text: ch } };
    },
    /** An offset of the original text, moved past what was typed before it. */
    shift(original) {
      return original >= offset ? original + k : original;
    },
  };
}

const stats = (xs) => ({ p50: round(median(xs)), p95: round(percentile(xs, 95)), n: xs.length });

// -----------------------------------------------------------------------------------------------
// Part 1: the corpus

function prepareCorpus() {
  log(`Generating the corpus (seed ${SEED}) …`);
  const docs = {};
  for (const size of sizes) {
    docs[size.name] = generateDocument(size.bytes, SEED + size.bytes);
  }
  // The workspace is written to disk once per generator version.
  const dir = join(corpusDir, 'workspace');
  const stamp = join(dir, '.stamp');
  const files = workspaceFiles(1000, SEED);
  const want = `generator ${GENERATOR_VERSION}, seed ${SEED}, ${files.length} files\n`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    log('Writing the 1,000-file workspace to bench/corpus/workspace …');
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      const p = join(dir, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, generateDocument(f.bytes, f.seed).text);
    }
    writeFileSync(stamp, want);
  }
  let bytes = 0;
  for (const f of files) bytes += statSync(join(dir, f.path)).size;
  return { docs, workspace: { dir, files: files.length, bytes } };
}

// -----------------------------------------------------------------------------------------------
// Part 2: full analysis vs bare remark-parse(+frontmatter+gfm)

async function fullAnalysisVsParse(core, docs) {
  const templates = core.builtinTemplates();
  const out = {};
  for (const size of sizes) {
    const { text } = docs[size.name];
    const cfg = REPS.analysis[size.name];
    log(`  full analysis vs bare parse, ${size.name} …`);
    const analyse = [];
    const bare = [];
    const pairs = [];
    // Paired and alternating, so both sides see the same machine load.
    let findings = 0;
    await measure(
      (i) => {
        const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
        for (const which of order) {
          const t0 = performance.now();
          if (which === 'a') findings = core.analyze(text, { templates }).findings.length;
          else core.bareProcessor.parse(text);
          const dt = performance.now() - t0;
          if (i >= cfg.warmup) (which === 'a' ? analyse : bare).push(dt);
        }
        if (i >= cfg.warmup) pairs.push(analyse.at(-1) / bare.at(-1));
      },
      { warmup: 0, min: cfg.min + cfg.warmup, max: cfg.max + cfg.warmup, budgetMs: cfg.budgetMs },
    );
    // The ratio is the median of the pairs' ratios, which resists the machine's load drifting.
    out[size.name] = { analyzeMs: round(median(analyse)), bareParseMs: round(median(bare)), ratio: round(median(pairs), 3), n: analyse.length, findings, chunks: core.chunkStarts(text).length };
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Part 3 (in process): a keystroke through IncrementalParser + analyzeDocument

async function inProcessEdits(core, docs) {
  const templates = core.builtinTemplates();
  const out = {};
  for (const size of sizes) {
    const doc = docs[size.name];
    const cfg = REPS.edits[size.name];
    log(`  in-process keystroke (IncrementalParser + analyzeDocument), ${size.name} …`);
    const parser = new core.IncrementalParser();
    const t0 = performance.now();
    core.analyzeDocument(parser.parse(doc.text), { templates });
    const openMs = performance.now() - t0;
    const typing = typist(doc.text, doc.editOffset);
    const times = await measure(() => core.analyzeDocument(parser.parse(typing.next().text), { templates }), cfg);
    out[size.name] = { ...stats(times), openMs: round(openMs) };
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Parts 3 and 4 (through the server): keystroke→diagnostics, completion, hover

async function throughServer(serverPath, docs) {
  const client = new LspClient(serverPath);
  try {
    const init = await client.initialize(INIT_OPTIONS);
    const caps = init.result?.capabilities ?? {};
    const out = { sizes: {}, serverInfo: init.result?.serverInfo ?? null };
    for (const size of sizes) {
      const doc = docs[size.name];
      const uri = `file:///bench/${size.name}.synth.md`;
      log(`  through the server, ${size.name} …`);
      const opened = client.diagnosticsFor(uri, 1);
      const t0 = performance.now();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'synthesis-markdown', version: 1, text: doc.text } });
      const first = await opened;
      const openMs = first.at - t0;
      const diagnostics = first.params.diagnostics.length;
      const typing = typist(doc.text, doc.editOffset);
      let version = 1;
      const at = (offset) => positionAt(typing.text, typing.shift(offset));

      // Completion after `SDG 16.` and hover on a tag, on a document whose analysis is done.
      let items = 0;
      const completion = await measure(async () => {
        const t = performance.now();
        const r = await client.request('textDocument/completion', { textDocument: { uri }, position: at(doc.completionOffset) });
        items = Array.isArray(r.result) ? r.result.length : (r.result?.items?.length ?? 0);
        return r.at - t;
      }, REPS.requests[size.name]);
      let hovered = false;
      const hover = await measure(async () => {
        const t = performance.now();
        const r = await client.request('textDocument/hover', { textDocument: { uri }, position: at(doc.hoverOffset) });
        hovered = Boolean(r.result);
        return r.at - t;
      }, REPS.requests[size.name]);

      // Keystroke → diagnostics for that version.
      const keystroke = async () => {
        const { change } = typing.next();
        version++;
        const wait = client.diagnosticsFor(uri, version);
        const t = performance.now();
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        return (await wait).at - t;
      };
      const edits = await measure(keystroke, REPS.server[size.name]);

      // A completion asked right after a keystroke: does it wait for the new version's analysis?
      const afterEdit = await measure(async () => {
        const { change } = typing.next();
        version++;
        const diagnosed = client.diagnosticsFor(uri, version);
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const t = performance.now();
        const r = await client.request('textDocument/completion', { textDocument: { uri }, position: at(doc.completionOffset) });
        await diagnosed;
        return r.at - t;
      }, REPS.afterEdit[size.name]);

      client.notify('textDocument/didClose', { textDocument: { uri } });
      out.sizes[size.name] = {
        openMs: round(openMs),
        diagnosticsAtOpen: diagnostics,
        edit: stats(edits),
        completion: { ...stats(completion), items, supported: Boolean(caps.completionProvider) },
        hover: { ...stats(hover), answered: hovered, supported: Boolean(caps.hoverProvider) },
        completionAfterEdit: stats(afterEdit),
      };
    }
    return out;
  } finally {
    await client.shutdown();
  }
}

// -----------------------------------------------------------------------------------------------
// Part 5: the CLI vs markdownlint-cli2 on the 1,000-file workspace

function wallTime(argv, cwd) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('exit', (code) => resolve({ ms: performance.now() - t0, code, stderr }));
  });
}

async function cliVsMarkdownlint(cliPath, workspace) {
  // Read every file once so that both tools start with the files in the page cache.
  for (const f of readdirSync(workspace.dir, { recursive: true })) {
    const p = join(workspace.dir, f);
    if (p.endsWith('.md')) readFileSync(p);
  }
  const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const ours = [];
  const theirs = [];
  let oursCode;
  let theirsCode;
  let problem;
  for (let i = 0; i < CLI_RUNS; i++) {
    log(`  CLI run ${i + 1}/${CLI_RUNS}: synthlint …`);
    const a = await wallTime([cliPath, 'workspace'], corpusDir);
    oursCode = a.code;
    if (a.code !== 0 && a.code !== 1) problem = `synthlint exited with ${a.code}: ${a.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    ours.push(a.ms);
    log(`  CLI run ${i + 1}/${CLI_RUNS}: markdownlint-cli2 …`);
    const b = await wallTime([markdownlint, 'workspace/**/*.md'], corpusDir);
    theirsCode = b.code;
    theirs.push(b.ms);
  }
  return {
    files: workspace.files,
    bytes: workspace.bytes,
    synthlintMs: round(median(ours)),
    markdownlintCli2Ms: round(median(theirs)),
    ratio: round(median(ours) / median(theirs), 3),
    runs: CLI_RUNS,
    exitCodes: { synthlint: oursCode, markdownlintCli2: theirsCode },
    problem: problem ?? null,
  };
}

// -----------------------------------------------------------------------------------------------
// Part 6: cold start to first diagnostics

async function coldStart(serverPath) {
  const doc = generateDocument(20 * 1024, SEED + 20);
  const uri = 'file:///bench/cold-start.synth.md';
  const times = [];
  const initialized = [];
  const bareNode = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    // For comparison: a Node process that does nothing.
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bareNode.push(performance.now() - t0);
    const client = new LspClient(serverPath);
    try {
      const init = await client.initialize(INIT_OPTIONS);
      initialized.push(init.at - client.spawnedAt);
      const wait = client.diagnosticsFor(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'synthesis-markdown', version: 1, text: doc.text } });
      times.push((await wait).at - client.spawnedAt);
    } finally {
      await client.shutdown();
    }
  }
  return { ...stats(times), runs: times.map((t) => round(t)), toInitializeResultMs: round(median(initialized)), emptyNodeProcessMs: round(median(bareNode)), documentBytes: doc.bytes };
}

// -----------------------------------------------------------------------------------------------
// Part 7: retained heap (child processes with --expose-gc)

function heapChild(corePath, size, mode) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(root, 'bench', 'heap-child.mjs'), corePath, String(size.bytes), String(SEED + size.bytes), mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`heap measurement (${mode}, ${size.name}) failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(r.stdout);
}

function retainedHeap(corePath) {
  const out = {};
  for (const size of sizes) {
    log(`  retained heap, ${size.name} …`);
    const index = heapChild(corePath, size, 'incremental');
    const mdast = heapChild(corePath, size, 'mdast');
    const whole = size.name === '1MB' ? heapChild(corePath, size, 'parse') : undefined;
    out[size.name] = {
      textBytes: index.text,
      indexBytes: index.retained,
      wholeParseIndexBytes: whole?.retained ?? null,
      mdastBytes: mdast.retained,
      ratio: round(index.retained / mdast.retained, 3),
      peakRss: { index: index.peakRss, mdast: mdast.peakRss },
    };
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Where the incremental path spends its time at 1 MB

function profileIncremental(corePath, docs) {
  const size = SIZES.find((s) => s.name === '1MB');
  log('  profiling the incremental path at 1 MB …');
  const r = spawnSync(process.execPath, [join(root, 'bench', 'profile-child.mjs'), corePath, String(size.bytes), String(SEED + size.bytes), quick ? '10' : '30'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`profiling failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const result = JSON.parse(r.stdout);
  result.documentBytes = docs['1MB']?.bytes ?? null;
  return result;
}

// -----------------------------------------------------------------------------------------------
// Part 8 (optional): micromark 4.0.3 vs 4.0.2 on the 1 MB document

async function micromarkRepro() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-micromark-'));
  try {
    log(`  installing micromark@4.0.3 and mdast-util-from-markdown into ${dir} …`);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-micromark', private: true, overrides: { micromark: '4.0.3' } }));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', 'micromark@4.0.3', 'mdast-util-from-markdown@2'], { cwd: dir, encoding: 'utf8' });
    if (install.status !== 0) return { error: `npm install failed: ${install.stderr.trim().split('\n').slice(-3).join(' | ')}` };
    const size = SIZES.find((s) => s.name === '1MB');
    const child = (modulePath, mix) => {
      const r = spawnSync(process.execPath, [join(root, 'bench', 'micromark-child.mjs'), modulePath, String(size.bytes), String(SEED + size.bytes), '1', mix], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    const out = {};
    for (const mix of ['report', 'lists']) {
      log(`  timing mdast-util-from-markdown with the pinned micromark (${mix}) …`);
      const pinned = child(join(root, 'node_modules', 'mdast-util-from-markdown', 'index.js'), mix);
      log(`  timing mdast-util-from-markdown with micromark 4.0.3 (${mix}, slow) …`);
      const newer = child(join(dir, 'node_modules', 'mdast-util-from-markdown', 'index.js'), mix);
      out[mix] = { document: `1MB, ${mix === 'lists' ? 'mostly lists and block quotes' : 'the benchmark report'}`, [pinned.micromark]: round(median(pinned.times)), [newer.micromark]: round(median(newer.times)), ratio: round(median(newer.times) / median(pinned.times), 2) };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// -----------------------------------------------------------------------------------------------
// Goals

function goals(r) {
  const out = [];
  const goal = (id, description, measured, target, pass, note) => out.push({ id, description, measured, target, pass, note: note ?? null });
  const edit = r.editLatencyP50Ms;
  const full1mb = r.details.analysis?.['1MB']?.analyzeMs;
  if (edit?.['1MB'] !== undefined && edit?.['10KB'] !== undefined) {
    const ratio = edit['1MB'] / edit['10KB'];
    goal('edit-scaling', 'keystroke→diagnostics p50 at 1 MB ≤ 2× the p50 at 10 KB', round(ratio), '≤ 2', ratio <= 2, `${r.editLatencySource}: ${fmtMs(edit['1MB'])} at 1 MB, ${fmtMs(edit['10KB'])} at 10 KB`);
  }
  const core1mb = r.details.edits?.inProcess?.['1MB']?.p50;
  if (core1mb !== undefined && full1mb !== undefined) {
    const ratio = full1mb / core1mb;
    goal('edit-vs-full-core', 'incremental keystroke (IncrementalParser + analyzeDocument) ≥ 50× faster than a full analyze at 1 MB', round(ratio, 1), '≥ 50', ratio >= 50, `${fmtMs(core1mb)} vs ${fmtMs(full1mb)}`);
  }
  const server1mb = r.details.edits?.server?.['1MB']?.p50;
  if (server1mb !== undefined && full1mb !== undefined) {
    const ratio = full1mb / server1mb;
    goal('edit-vs-full-server', 'keystroke→diagnostics through the server ≥ 50× faster than a full analyze at 1 MB', round(ratio, 1), '≥ 50', ratio >= 50, `${fmtMs(server1mb)} vs ${fmtMs(full1mb)}`);
  }
  const fa = r.fullAnalysisOverParse;
  if (fa && Object.keys(fa).length > 0) {
    const worst = Math.max(...Object.values(fa));
    const missed = Object.entries(fa).filter(([, v]) => v > 1.2).map(([k]) => k);
    goal('analysis-over-parse', 'full analysis ≤ 1.2× bare remark-parse(+frontmatter+gfm), at every size', round(worst, 3), '≤ 1.2', missed.length === 0, missed.length ? `over at ${missed.join(', ')}` : `worst ${fmtRatio(worst)}`);
  }
  if (typeof r.cliVsMarkdownlintCli2 === 'number') {
    const c = r.details.cli;
    goal('cli-vs-markdownlint', 'synthlint on the 1,000-file workspace: wall time ≤ markdownlint-cli2', r.cliVsMarkdownlintCli2, '≤ 1', r.cliVsMarkdownlintCli2 <= 1, `${fmtMs(c.synthlintMs)} vs ${fmtMs(c.markdownlintCli2Ms)}`);
  }
  const heap = r.retainedHeapOverMdast?.['1MB'];
  if (heap !== undefined) {
    const h = r.details.heap['1MB'];
    goal('heap-vs-mdast', 'retained heap after opening the 1 MB document ≤ 1/3 of its mdast', heap, '≤ 0.333', heap <= 1 / 3, `${fmtBytes(h.indexBytes)} vs ${fmtBytes(h.mdastBytes)}`);
  }
  if (typeof r.coldStartMs === 'number') {
    goal('cold-start', 'cold start of dist/server.js to first diagnostics on a 20 KB document ≤ 0.5 s', r.coldStartMs, '≤ 500 ms', r.coldStartMs <= 500, `median of ${r.details.coldStart.runs.length}`);
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Report

function report(r, markdown) {
  const t = markdown ? markdownTable : table;
  const lines = [];
  const names = sizes.map((s) => s.name);
  const a = r.details.analysis;
  const e = r.details.edits;
  const sv = e?.server;
  const heap = r.details.heap;
  const rows = [];
  const row = (label, f) => rows.push([label, ...names.map((n) => f(n) ?? '–')]);
  row('document size', (n) => fmtBytes(r.corpus.sizes[n].bytes));
  row('chunks (incremental cuts)', (n) => a?.[n]?.chunks);
  if (a) {
    row('bare remark-parse+fm+gfm', (n) => fmtMs(a[n]?.bareParseMs));
    row('full analysis (parse + all rules)', (n) => fmtMs(a[n]?.analyzeMs));
    row('  full analysis / bare parse', (n) => fmtRatio(a[n]?.ratio));
  }
  if (e?.inProcess) {
    row('keystroke, in process: p50', (n) => fmtMs(e.inProcess[n]?.p50));
    row('  full analysis / keystroke', (n) => (a?.[n] && e.inProcess[n] ? fmtRatio(a[n].analyzeMs / e.inProcess[n].p50, 0) : undefined));
  }
  if (sv) {
    row('open → first diagnostics (server)', (n) => fmtMs(sv[n]?.openMs));
    row('keystroke → diagnostics (server): p50', (n) => fmtMs(sv[n]?.p50));
    row('  p95', (n) => fmtMs(sv[n]?.p95));
    row('completion after `SDG 16.`: p50', (n) => fmtMs(r.details.requests?.[n]?.completion.p50));
    row('hover on a tag: p50', (n) => fmtMs(r.details.requests?.[n]?.hover.p50));
    row('completion right after a keystroke: p50', (n) => fmtMs(r.details.requests?.[n]?.completionAfterEdit.p50));
  }
  if (heap) {
    row('retained heap: index (incremental)', (n) => fmtBytes(heap[n]?.indexBytes));
    row('retained heap: mdast', (n) => fmtBytes(heap[n]?.mdastBytes));
    row('  index / mdast', (n) => fmtRatio(heap[n]?.ratio));
  }
  lines.push(t(['measure', ...names], rows));
  const other = [];
  if (r.details.cli) {
    const c = r.details.cli;
    other.push([`synthlint, ${c.files} files (${fmtBytes(c.bytes)})`, fmtMs(c.synthlintMs)]);
    other.push(['markdownlint-cli2, same files', fmtMs(c.markdownlintCli2Ms)]);
    other.push(['  synthlint / markdownlint-cli2', fmtRatio(c.ratio)]);
  }
  if (r.details.coldStart) {
    const c = r.details.coldStart;
    other.push(['cold start → first diagnostics (20 KB)', fmtMs(c.p50)]);
    other.push(['  of which spawn → initialize result', fmtMs(c.toInitializeResultMs)]);
    other.push(['  an empty Node process, for comparison', fmtMs(c.emptyNodeProcessMs)]);
  }
  if (r.details.micromark && !r.details.micromark.error) {
    for (const [mix, m] of Object.entries(r.details.micromark)) {
      for (const [k, v] of Object.entries(m)) if (/^\d/.test(k)) other.push([`mdast-util-from-markdown, micromark ${k}, 1 MB (${mix})`, fmtMs(v)]);
    }
  }
  if (other.length) lines.push('', t(['measure', 'median'], other));
  if (r.goals.length) {
    lines.push('', t(['goal', 'measured', 'target', 'result'], r.goals.map((g) => [g.description, String(g.measured), g.target, g.pass ? 'PASS' : `MISSED (${g.note})`])));
  }
  if (r.details.profile) {
    const p = r.details.profile;
    const ph = p.phasesMs;
    lines.push('', `Where a keystroke goes at 1 MB (${p.chunks} chunks, edited chunk ${fmtBytes(p.editedChunkBytes)}):`);
    lines.push(t(['phase (timed alone)', 'p50'], [
      ['split: chunkStarts', fmtMs(ph.split)],
      ['chunk parse: parse(edited chunk)', fmtMs(ph.chunkParse)],
      ['the rest of IncrementalParser.parse (keys, slices, assemble)', fmtMs(ph.rest)],
      ['  of which new LineIndex(text)', fmtMs(ph.lineIndex)],
      ['IncrementalParser.parse, whole', fmtMs(ph.incrementalParse)],
      ['rules: analyzeDocument', fmtMs(ph.rules)],
    ]));
    lines.push('', t(['CPU profile, by where the time goes', 'ms/keystroke', 'share'], p.profile.filter((x) => x.share >= 0.005).map((x) => [x.category, x.msPerKeystroke.toFixed(2), `${(x.share * 100).toFixed(1)}%`])));
  }
  return lines.join('\n');
}

// -----------------------------------------------------------------------------------------------

async function main() {
  const { docs, workspace } = prepareCorpus();
  log('Bundling the core for in-process measurements …');
  const { path: corePath, module: core } = await buildCore();
  const dist = ensureDist(log);

  const r = {
    schema: 1,
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: (git('status', '--porcelain') ?? '') !== '',
    mode: quick ? 'quick' : 'default',
    machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGB: round(totalmem() / 2 ** 30, 1), loadAverageAtStart: loadavg().map((x) => round(x, 2)) },
    versions: Object.fromEntries(['micromark', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'mdast-util-from-markdown', 'markdownlint', 'markdownlint-cli2'].map((p) => [p, versionOf(p)])),
    corpus: { seed: SEED, generator: GENERATOR_VERSION, sizes: Object.fromEntries(sizes.map((s) => [s.name, { bytes: docs[s.name].bytes }])), workspace: { files: workspace.files, bytes: workspace.bytes } },
    editLatencyP50Ms: null,
    editLatencySource: null,
    fullAnalysisOverParse: null,
    cliVsMarkdownlintCli2: null,
    retainedHeapOverMdast: null,
    coldStartMs: null,
    details: {},
    goals: [],
    missing: [],
  };

  if (runs('analysis')) {
    log('Full analysis vs bare parse …');
    r.details.analysis = await fullAnalysisVsParse(core, docs);
    r.fullAnalysisOverParse = Object.fromEntries(Object.entries(r.details.analysis).map(([k, v]) => [k, v.ratio]));
  }
  r.details.edits = {};
  if (runs('edits')) {
    log('Keystrokes in process …');
    r.details.edits.inProcess = await inProcessEdits(core, docs);
  }
  if (runs('server')) {
    if (dist.server) {
      log('Keystrokes, completion and hover through dist/server.js --stdio …');
      try {
        const s = await throughServer(dist.server, docs);
        r.details.edits.server = Object.fromEntries(Object.entries(s.sizes).map(([k, v]) => [k, { ...v.edit, openMs: v.openMs, diagnosticsAtOpen: v.diagnosticsAtOpen }]));
        r.details.requests = Object.fromEntries(Object.entries(s.sizes).map(([k, v]) => [k, { completion: v.completion, hover: v.hover, completionAfterEdit: v.completionAfterEdit }]));
        r.details.server = { serverInfo: s.serverInfo, initializationOptions: INIT_OPTIONS };
      } catch (error) {
        r.missing.push(`server measurements failed: ${error.message}`);
        log(`  failed: ${error.message}`);
      }
    } else r.missing.push('dist/server.js does not exist: keystroke, completion and hover latencies through the server were not measured');
  }
  if (r.details.edits.server) {
    r.editLatencyP50Ms = Object.fromEntries(Object.entries(r.details.edits.server).map(([k, v]) => [k, v.p50]));
    r.editLatencySource = 'server (stdio, debounce 0)';
  } else if (r.details.edits.inProcess) {
    r.editLatencyP50Ms = Object.fromEntries(Object.entries(r.details.edits.inProcess).map(([k, v]) => [k, v.p50]));
    r.editLatencySource = 'in process (the server was not measured)';
  }
  if (runs('cli')) {
    if (dist.cli) {
      log('The CLI vs markdownlint-cli2 on the 1,000-file workspace …');
      r.details.cli = await cliVsMarkdownlint(dist.cli, workspace);
      if (r.details.cli.problem) r.missing.push(r.details.cli.problem);
      r.cliVsMarkdownlintCli2 = r.details.cli.ratio;
    } else r.missing.push('dist/cli.js does not exist: the CLI was not measured');
  }
  if (runs('cold')) {
    if (dist.server) {
      log('Cold start …');
      try {
        r.details.coldStart = await coldStart(dist.server);
        r.coldStartMs = r.details.coldStart.p50;
      } catch (error) {
        r.missing.push(`cold start failed: ${error.message}`);
      }
    } else r.missing.push('dist/server.js does not exist: cold start was not measured');
  }
  if (runs('heap')) {
    log('Retained heap …');
    r.details.heap = retainedHeap(corePath);
    r.retainedHeapOverMdast = Object.fromEntries(Object.entries(r.details.heap).map(([k, v]) => [k, v.ratio]));
  }
  if (runs('profile')) {
    log('Profile of the incremental path …');
    r.details.profile = profileIncremental(corePath, docs);
  }
  if (flags.has('--micromark')) {
    log('micromark 4.0.3 vs the pinned version …');
    r.details.micromark = await micromarkRepro();
  }
  r.goals = goals(r);
  r.durationS = round((performance.now() - started) / 1000, 1);

  if (!flags.has('--no-write') && !only && !quick) {
    writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(r, null, 2)}\n`);
    log('Wrote bench/results.json');
  }
  if (jsonOnly) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  process.stdout.write(`\n${report(r, false)}\n`);
  if (flags.has('--markdown')) process.stdout.write(`\n${report(r, true)}\n`);
  for (const m of r.missing) process.stdout.write(`\nNot measured: ${m}\n`);
  const missed = r.goals.filter((g) => !g.pass).length;
  process.stdout.write(`\n${r.goals.length - missed} of ${r.goals.length} goals reached; ${missed} missed. ${r.durationS} s.\n`);
}

await main();
