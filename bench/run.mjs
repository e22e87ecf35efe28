// npm run bench — the performance benchmark (issues 5 and 15; a measurement, not a timed test).
//
//   node bench/run.mjs              the full run (about 15 minutes on 2 cores); writes bench/results.json
//                                   and the generated part of docs/performance.md
//   node bench/run.mjs --quick      a smaller, faster run (no 10 MB document, fewer repetitions); writes nothing
//   node bench/run.mjs --json       print only the results object on stdout (progress goes to stderr)
//   node bench/run.mjs --markdown   also print the tables as Markdown (as in docs/performance.md)
//   node bench/run.mjs --micromark  also reproduce the micromark 4.0.3 slowdown (installs it into a
//                                   temporary folder from the npm registry)
//   node bench/run.mjs --only=analysis,edits,server,cli,cache,cold,heap,profile   run some parts only
//   node bench/run.mjs --no-write   do not write bench/results.json
//
// Everything is generated from fixed seeds (bench/corpus.mjs), in-process timings are CPU time
// (which a busy machine disturbs less than wall time) after a garbage collection, medians after
// warm-up, and each goal is reported as reached or missed with the measured ratio. See
// docs/performance.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDocument, GENERATOR_VERSION, SIZES, workspaceFiles } from './corpus.mjs';
import { buildCore, corpusDir, cpuMs, ensureDist, fmtMs, median, measure, percentile, root, round } from './lib.mjs';
import { EditedDocument, editRound, openDocument, prepareProject, WORD } from './edit-mix.mjs';
import { LspClient } from './lsp-client.mjs';
import { report, writePerformanceDoc } from './report.mjs';

// The in-process timings collect garbage before each timed run (so that one side does not pay
// for the other's garbage): the benchmark needs --expose-gc, and restarts itself with it.
if (typeof globalThis.gc !== 'function') {
  const again = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

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
const sizes = quick ? SIZES.filter((s) => s.name !== '10MB') : SIZES;
/** The sizes every part but the full analysis measures: the 10 MB document is for the growth only. */
const editSizes = sizes.filter((s) => s.name !== '10MB');
const REPS = {
  analysis: { '10KB': { warmup: 10, min: 30, max: 100, budgetMs: 4000 }, '100KB': { warmup: 3, min: 9, max: 25, budgetMs: 10000 }, '1MB': { warmup: 1, min: 5, max: 9, budgetMs: 30000 }, '10MB': { warmup: 0, min: 2, max: 3, budgetMs: 60000 } },
  edits: { '10KB': { warmup: 10, min: 20, max: 100, budgetMs: 2000 }, '100KB': { warmup: 5, min: 15, max: 60, budgetMs: 3000 }, '1MB': { warmup: 3, min: 10, max: 40, budgetMs: 8000 } },
  /** Rounds of the edit mix (each round is 27 edits). */
  server: { '10KB': { warmup: 1, min: 4, max: 12, budgetMs: 6000 }, '100KB': { warmup: 1, min: 4, max: 10, budgetMs: 8000 }, '1MB': { warmup: 1, min: 3, max: 8, budgetMs: 20000 } },
  requests: { '10KB': { warmup: 5, min: 15, max: 50, budgetMs: 1500 }, '100KB': { warmup: 3, min: 10, max: 40, budgetMs: 2000 }, '1MB': { warmup: 2, min: 10, max: 30, budgetMs: 4000 } },
  afterEdit: { '10KB': { warmup: 2, min: 5, max: 20, budgetMs: 1500 }, '100KB': { warmup: 1, min: 5, max: 15, budgetMs: 3000 }, '1MB': { warmup: 0, min: 3, max: 10, budgetMs: 8000 } },
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

const stats = (xs) => ({ p50: round(median(xs)), p95: round(percentile(xs, 95)), n: xs.length });

// -----------------------------------------------------------------------------------------------
// The corpus

function prepareCorpus() {
  log(`Generating the corpus (seed ${SEED}) …`);
  const docs = {};
  const drafts = {};
  for (const size of sizes) {
    docs[size.name] = generateDocument(size.bytes, SEED + size.bytes);
    if (size.name !== '10MB') drafts[size.name] = generateDocument(size.bytes, SEED + size.bytes, { findings: true });
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
  return { docs, drafts, workspace: { dir, files: files.length, bytes }, coldWorkspace: prepareColdWorkspace() };
}

/** The project a cold start opens: 50 syntheses with findings in a project folder. */
function prepareColdWorkspace() {
  const dir = join(corpusDir, 'cold-workspace');
  prepareProject(dir);
  const paths = [];
  for (let i = 0; i < 50; i++) {
    const path = join(dir, `synthesis-${String(i).padStart(2, '0')}.synth.md`);
    writeFileSync(path, generateDocument(5 * 1024 + ((i * 7919) % (15 * 1024)), SEED + 777 + i, { findings: true }).text);
    paths.push(path);
  }
  return { dir, files: paths.length, first: paths[0] };
}

// -----------------------------------------------------------------------------------------------
// Full analysis vs bare remark-parse(+frontmatter+gfm)

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
    // remark's tree of 10 MB needs gigabytes: at that size only the analysis is timed.
    const withBare = size.name !== '10MB';
    let findings = 0;
    await measure(
      (i) => {
        // Paired and alternating, so both sides see the same machine load.
        const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
        for (const which of order) {
          if (which === 'b' && !withBare) continue;
          globalThis.gc();
          const dt = cpuMs(() => {
            if (which === 'a') findings = core.analyze(text, { templates }).findings.length;
            else core.bareProcessor.parse(text);
          });
          if (i >= cfg.warmup) (which === 'a' ? analyse : bare).push(dt);
        }
        if (i >= cfg.warmup && withBare) pairs.push(analyse.at(-1) / bare.at(-1));
      },
      { warmup: 0, min: cfg.min + cfg.warmup, max: cfg.max + cfg.warmup, budgetMs: cfg.budgetMs },
    );
    const parser = new core.IncrementalParser();
    parser.parse(text);
    // The ratio is the median of the pairs' ratios, which resists the machine's load drifting.
    out[size.name] = {
      analyzeMs: round(median(analyse)),
      bareParseMs: withBare ? round(median(bare)) : null,
      ratio: withBare ? round(median(pairs), 3) : null,
      n: analyse.length,
      findings,
      blocks: parser.blockCount,
      tokenizedCharacters: parser.lastTokenized,
      characters: text.length,
    };
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// A keystroke in process: IncrementalParser + analyzeDocument

async function inProcessEdits(core, docs) {
  const templates = core.builtinTemplates();
  const out = {};
  for (const size of editSizes) {
    const doc = docs[size.name];
    const cfg = REPS.edits[size.name];
    log(`  in-process keystroke (IncrementalParser + analyzeDocument), ${size.name} …`);
    const parser = new core.IncrementalParser();
    const openMs = cpuMs(() => core.analyzeDocument(parser.parse(doc.text), { templates }));
    let text = doc.text;
    let k = 0;
    const reread = [];
    const times = await measure(() => {
      const at = doc.editOffset + k;
      const typed = WORD[k % WORD.length];
      text = text.slice(0, at) + typed + text.slice(at);
      k++;
      // The edit is handed over as the language server hands over a didChange: no comparing of texts.
      const dt = cpuMs(() => core.analyzeDocument(parser.parse(text, [{ start: at, end: at, text: typed }]), { templates }));
      reread.push(parser.lastTokenized);
      return dt;
    }, cfg);
    out[size.name] = { ...stats(times), openMs: round(openMs), tokenizedPerKeystroke: median(reread) };
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Through the server: the edit mix, completion, hover

/**
 * The drafts are edited inside a project, as a user edits them: the folder is the editor's workspace
 * folder, with a configuration file, a template and an evidence register that every check reads.
 */
async function throughServer(serverPath, drafts) {
  const project = join(corpusDir, 'edit-workspace');
  prepareProject(project);
  for (const size of editSizes) writeFileSync(join(project, `${size.name}.synth.md`), drafts[size.name].text);
  const rootUri = pathToFileURL(project).href;
  const client = new LspClient(serverPath);
  try {
    const init = await client.initialize(INIT_OPTIONS, { rootUri, workspaceFolders: [{ uri: rootUri, name: 'project' }] });
    const caps = init.result?.capabilities ?? {};
    const out = { sizes: {}, serverInfo: init.result?.serverInfo ?? null };
    for (const size of editSizes) {
      const draft = drafts[size.name];
      const uri = pathToFileURL(join(project, `${size.name}.synth.md`)).href;
      log(`  through the server, ${size.name} …`);
      const { sentAt, first } = await openDocument(client, uri, draft.text);
      const openMs = first.at - sentAt;
      const diagnostics = first.params.diagnostics.length;
      const doc = EditedDocument.ofDraft(draft, { completion: draft.completionOffset, hover: draft.hoverOffset });
      let version = 1;
      const send = async (change) => {
        version++;
        const wait = client.diagnosticsFor(uri, version);
        const t = performance.now();
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        return (await wait).at - t;
      };

      // Completion after `SDG 16.` and hover on a tag, on a document whose analysis is done.
      let items = 0;
      const completion = await measure(async () => {
        const t = performance.now();
        const r = await client.request('textDocument/completion', { textDocument: { uri }, position: doc.positions.at(doc.marks.completion) });
        items = Array.isArray(r.result) ? r.result.length : (r.result?.items?.length ?? 0);
        return r.at - t;
      }, REPS.requests[size.name]);
      let hovered = false;
      const hover = await measure(async () => {
        const t = performance.now();
        const r = await client.request('textDocument/hover', { textDocument: { uri }, position: doc.positions.at(doc.marks.hover) });
        hovered = Boolean(r.result);
        return r.at - t;
      }, REPS.requests[size.name]);

      // The edit mix: every change timed until the diagnostics of its version arrive.
      const all = [];
      const byKind = {};
      const cfg = REPS.server[size.name];
      await measure(
        async (i) => {
          for (const [kind, change] of editRound(doc)) {
            const ms = await send(change);
            if (i < cfg.warmup) continue;
            all.push(ms);
            (byKind[kind] ??= []).push(ms);
          }
        },
        { ...cfg, min: cfg.min + cfg.warmup, max: cfg.max + cfg.warmup, warmup: 0 },
      );

      // A completion asked right after a keystroke: does it wait for the new version's analysis?
      const afterEdit = await measure(async () => {
        version++;
        const diagnosed = client.diagnosticsFor(uri, version);
        const change = doc.replace(doc.marks.paragraph, doc.marks.paragraph, 'x');
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const t = performance.now();
        const r = await client.request('textDocument/completion', { textDocument: { uri }, position: doc.positions.at(doc.marks.completion) });
        await diagnosed;
        return r.at - t;
      }, REPS.afterEdit[size.name]);

      client.notify('textDocument/didClose', { textDocument: { uri } });
      out.sizes[size.name] = {
        openMs: round(openMs),
        diagnosticsAtOpen: diagnostics,
        edit: stats(all),
        editsByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])),
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
// synthlint --cache on the 1,000-file workspace: a run after one file changed, over the cold run

async function cliWarmCache(cliPath, workspace) {
  // On a copy, so that the corpus stays as generated.
  const dir = mkdtempSync(join(tmpdir(), 'synthlint-bench-cache-'));
  try {
    cpSync(workspace.dir, join(dir, 'workspace'), { recursive: true });
    const files = readdirSync(join(dir, 'workspace'), { recursive: true }).filter((f) => f.endsWith('.synth.md')).sort();
    const cacheFile = join(dir, '.synthesis-cache');
    // The key synthlint makes its cache entries with is kept here, not in the user's own cache folder.
    const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'user-cache') };
    const cold = [];
    const warm = [];
    const codes = new Set();
    let problem;
    for (let i = 0; i < CLI_RUNS; i++) {
      rmSync(cacheFile, { force: true });
      log(`  cache run ${i + 1}/${CLI_RUNS}: cold …`);
      const a = await wallTime([cliPath, '--cache', 'workspace'], dir, env);
      // One file changes (a different one each round), as between two runs of a user's.
      const changed = join(dir, 'workspace', files[(i * 397) % files.length]);
      writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nA paragraph added between two runs (${i}).\n`);
      log(`  cache run ${i + 1}/${CLI_RUNS}: one file changed …`);
      const b = await wallTime([cliPath, '--cache', 'workspace'], dir, env);
      for (const run of [a, b]) {
        codes.add(run.code);
        if (run.code !== 0 && run.code !== 1) problem = `synthlint --cache exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`;
      }
      cold.push(a.ms);
      warm.push(b.ms);
    }
    return { files: files.length, coldMs: round(median(cold)), warmMs: round(median(warm)), ratio: round(median(warm) / median(cold), 3), runs: CLI_RUNS, exitCodes: [...codes], problem: problem ?? null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// -----------------------------------------------------------------------------------------------
// The CLI vs markdownlint-cli2 on the 1,000-file workspace

function wallTime(argv, cwd, env = process.env) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
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
// Cold start: spawn → first diagnostics, alone and with a project open; an empty Node process

async function coldStart(serverPath, coldWorkspace) {
  const doc = generateDocument(20 * 1024, SEED + 20);
  const times = [];
  const workspaceTimes = [];
  const initialized = [];
  const bareNode = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    // For comparison: a Node process that does nothing, spawned and waited for the same way.
    const t0 = performance.now();
    await new Promise((resolve) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', resolve));
    bareNode.push(performance.now() - t0);

    let client = new LspClient(serverPath);
    try {
      const init = await client.initialize(INIT_OPTIONS);
      initialized.push(init.at - client.spawnedAt);
      const uri = 'file:///bench/cold-start.synth.md';
      const wait = client.diagnosticsFor(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'synthesis-markdown', version: 1, text: doc.text } });
      times.push((await wait).at - client.spawnedAt);
    } finally {
      await client.shutdown();
    }

    client = new LspClient(serverPath);
    try {
      const folder = pathToFileURL(coldWorkspace.dir).href;
      await client.initialize(INIT_OPTIONS, { rootUri: folder, workspaceFolders: [{ uri: folder, name: 'project' }] });
      const uri = pathToFileURL(coldWorkspace.first).href;
      const wait = client.diagnosticsFor(uri, 1);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'synthesis-markdown', version: 1, text: readFileSync(coldWorkspace.first, 'utf8') } });
      workspaceTimes.push((await wait).at - client.spawnedAt);
    } finally {
      await client.shutdown();
    }
  }
  return {
    ...stats(times),
    runs: times.map((t) => round(t)),
    toInitializeResultMs: round(median(initialized)),
    emptyNodeProcessMs: round(median(bareNode)),
    documentBytes: doc.bytes,
    workspace: { ...stats(workspaceTimes), runs: workspaceTimes.map((t) => round(t)), syntheses: coldWorkspace.files, configuration: true, templates: 1, register: true },
  };
}

// -----------------------------------------------------------------------------------------------
// Retained heap (child processes with --expose-gc)

function heapChild(corePath, size, mode) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(root, 'bench', 'heap-child.mjs'), corePath, String(size.bytes), String(SEED + size.bytes), mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`heap measurement (${mode}, ${size.name}) failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(r.stdout);
}

function retainedHeap(corePath) {
  const out = {};
  for (const size of editSizes) {
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
// Where the time goes: a full analysis and a keystroke at 1 MB, CPU-profiled

function profile(corePath, docs) {
  const size = SIZES.find((s) => s.name === '1MB');
  log('  profiling a full analysis and a keystroke at 1 MB …');
  const r = spawnSync(process.execPath, [join(root, 'bench', 'profile-child.mjs'), corePath, String(size.bytes), String(SEED + size.bytes), quick ? '10' : '40'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`profiling failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const result = JSON.parse(r.stdout);
  result.documentBytes = docs['1MB']?.bytes ?? null;
  return result;
}

// -----------------------------------------------------------------------------------------------
// (optional) micromark 4.0.3 vs 4.0.2 on the 1 MB document

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
// Goals (issue 15)

function goals(r) {
  const out = [];
  const goal = (id, description, measured, target, pass, note) => out.push({ id, description, measured, target, pass, note: note ?? null });
  const p50 = r.editLatencyP50Ms;
  const p95 = r.editLatencyP95Ms;
  if (p50?.['1MB'] !== undefined && p50?.['10KB'] !== undefined) {
    const ratio = p50['1MB'] / p50['10KB'];
    goal('edit-p50-scaling', 'keystroke→diagnostics p50 at 1 MB ≤ 1.5× the p50 at 10 KB (the edit mix, through the server)', round(ratio), '≤ 1.5', ratio <= 1.5, `${fmtMs(p50['1MB'])} at 1 MB, ${fmtMs(p50['10KB'])} at 10 KB (${r.editLatencySource})`);
  }
  if (p95?.['1MB'] !== undefined && p95?.['10KB'] !== undefined) {
    const ratio = p95['1MB'] / p95['10KB'];
    goal('edit-p95-scaling', 'keystroke→diagnostics p95 at 1 MB ≤ 2× the p95 at 10 KB', round(ratio), '≤ 2', ratio <= 2, `${fmtMs(p95['1MB'])} at 1 MB, ${fmtMs(p95['10KB'])} at 10 KB`);
  }
  const fa = r.fullAnalysisOverParse;
  for (const name of ['100KB', '1MB']) {
    if (typeof fa?.[name] === 'number') goal(`analysis-over-parse-${name}`, `full analysis ≤ 0.7× bare remark-parse(+frontmatter+gfm) at ${name.replace('KB', ' KB').replace('MB', ' MB')}`, fa[name], '≤ 0.7', fa[name] <= 0.7);
  }
  if (typeof r.largeDocGrowth === 'number') {
    const a = r.details.analysis;
    goal('large-doc-growth', 'full analysis of 10 MB ≤ 12× that of 1 MB (linear with headroom)', r.largeDocGrowth, '≤ 12', r.largeDocGrowth <= 12, `${fmtMs(a['10MB'].analyzeMs)} vs ${fmtMs(a['1MB'].analyzeMs)}`);
  }
  if (typeof r.cliVsMarkdownlintCli2 === 'number') {
    const c = r.details.cli;
    goal('cli-vs-markdownlint', 'synthlint on the 1,000-file workspace ≤ 0.67× markdownlint-cli2 (1.5× faster)', r.cliVsMarkdownlintCli2, '≤ 0.67', r.cliVsMarkdownlintCli2 <= 0.67, `${fmtMs(c.synthlintMs)} vs ${fmtMs(c.markdownlintCli2Ms)}`);
  }
  if (typeof r.cliWarmCacheOverCold === 'number') {
    const c = r.details.cache;
    goal('cli-warm-cache', 'synthlint --cache after one file of the 1,000 changed ≤ 0.05× the cold run', r.cliWarmCacheOverCold, '≤ 0.05', r.cliWarmCacheOverCold <= 0.05, `${fmtMs(c.warmMs)} vs ${fmtMs(c.coldMs)}`);
  }
  const heap = r.retainedHeapOverMdast?.['1MB'];
  if (heap !== undefined && heap !== null) goal('heap-vs-mdast', 'retained heap after opening the 1 MB document ≤ 0.33× its mdast', heap, '≤ 0.33', heap <= 0.33);
  if (typeof r.coldStartWorkspaceMs === 'number' && typeof r.nodeStartMs === 'number') {
    const ratio = r.coldStartWorkspaceMs / r.nodeStartMs;
    goal('cold-start', 'cold start to first diagnostics with a project open ≤ 5× an empty Node process', round(ratio), '≤ 5', ratio <= 5, `${fmtMs(r.coldStartWorkspaceMs)} vs ${fmtMs(r.nodeStartMs)}`);
  }
  return out;
}

// -----------------------------------------------------------------------------------------------

async function main() {
  const corpus = prepareCorpus();
  const { docs, drafts, workspace } = corpus;
  log('Bundling the core for in-process measurements …');
  const { path: corePath, module: core } = await buildCore();
  const dist = ensureDist(log);

  const r = {
    schema: 2,
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: (git('status', '--porcelain', '--untracked-files=no') ?? '') !== '',
    mode: quick ? 'quick' : 'default',
    timing: 'in-process figures are CPU time of the process; server, CLI and cold-start figures are wall time',
    machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGB: round(totalmem() / 2 ** 30, 1), loadAverageAtStart: loadavg().map((x) => round(x, 2)) },
    versions: Object.fromEntries(['micromark', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'mdast-util-from-markdown', 'markdownlint', 'markdownlint-cli2'].map((p) => [p, versionOf(p)])),
    corpus: { seed: SEED, generator: GENERATOR_VERSION, sizes: Object.fromEntries(sizes.map((s) => [s.name, { bytes: docs[s.name].bytes, draftBytes: drafts[s.name]?.bytes ?? null }])), workspace: { files: workspace.files, bytes: workspace.bytes } },
    editLatencyP50Ms: null,
    editLatencyP95Ms: null,
    editLatencySource: null,
    fullAnalysisOverParse: null,
    largeDocGrowth: null,
    cliVsMarkdownlintCli2: null,
    cliWarmCacheOverCold: null,
    retainedHeapOverMdast: null,
    coldStartMs: null,
    coldStartWorkspaceMs: null,
    nodeStartMs: null,
    details: {},
    goals: [],
    missing: [],
  };

  if (runs('analysis')) {
    log('Full analysis vs bare parse …');
    r.details.analysis = await fullAnalysisVsParse(core, docs);
    r.fullAnalysisOverParse = Object.fromEntries(Object.entries(r.details.analysis).filter(([, v]) => v.ratio !== null).map(([k, v]) => [k, v.ratio]));
    const a = r.details.analysis;
    if (a['10MB'] && a['1MB']) r.largeDocGrowth = round(a['10MB'].analyzeMs / a['1MB'].analyzeMs);
  }
  r.details.edits = {};
  if (runs('edits')) {
    log('Keystrokes in process …');
    r.details.edits.inProcess = await inProcessEdits(core, docs);
  }
  if (runs('server')) {
    if (dist.server) {
      log('The edit mix, completion and hover through dist/server.js --stdio …');
      try {
        const s = await throughServer(dist.server, drafts);
        r.details.edits.server = Object.fromEntries(Object.entries(s.sizes).map(([k, v]) => [k, { ...v.edit, openMs: v.openMs, diagnosticsAtOpen: v.diagnosticsAtOpen, byKind: v.editsByKind }]));
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
    r.editLatencyP95Ms = Object.fromEntries(Object.entries(r.details.edits.server).map(([k, v]) => [k, v.p95]));
    r.editLatencySource = 'server (stdio, debounce 0), the edit mix on documents with findings';
  } else if (r.details.edits.inProcess) {
    r.editLatencyP50Ms = Object.fromEntries(Object.entries(r.details.edits.inProcess).map(([k, v]) => [k, v.p50]));
    r.editLatencyP95Ms = Object.fromEntries(Object.entries(r.details.edits.inProcess).map(([k, v]) => [k, v.p95]));
    r.editLatencySource = 'in process, typing only (the server was not measured)';
  }
  if (runs('cli')) {
    if (dist.cli) {
      log('The CLI vs markdownlint-cli2 on the 1,000-file workspace …');
      r.details.cli = await cliVsMarkdownlint(dist.cli, workspace);
      if (r.details.cli.problem) r.missing.push(r.details.cli.problem);
      r.cliVsMarkdownlintCli2 = r.details.cli.ratio;
    } else r.missing.push('dist/cli.js does not exist: the CLI was not measured');
  }
  if (runs('cache')) {
    if (dist.cli) {
      log('synthlint --cache on the 1,000-file workspace: one file changed, over the cold run …');
      r.details.cache = await cliWarmCache(dist.cli, workspace);
      if (r.details.cache.problem) r.missing.push(r.details.cache.problem);
      r.cliWarmCacheOverCold = r.details.cache.ratio;
    } else r.missing.push('dist/cli.js does not exist: synthlint --cache was not measured');
  }
  if (runs('cold')) {
    if (dist.server) {
      log('Cold start …');
      try {
        r.details.coldStart = await coldStart(dist.server, corpus.coldWorkspace);
        r.coldStartMs = r.details.coldStart.p50;
        r.coldStartWorkspaceMs = r.details.coldStart.workspace.p50;
        r.nodeStartMs = r.details.coldStart.emptyNodeProcessMs;
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
    log('Where the time goes …');
    r.details.profile = profile(corePath, docs);
  }
  if (flags.has('--micromark')) {
    log('micromark 4.0.3 vs the pinned version …');
    r.details.micromark = await micromarkRepro();
  }
  r.goals = goals(r);
  r.durationS = round((performance.now() - started) / 1000, 1);

  if (!flags.has('--no-write') && !only && !quick) {
    writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(r, null, 2)}\n`);
    writePerformanceDoc(r);
    log('Wrote bench/results.json and the latest run in docs/performance.md');
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
