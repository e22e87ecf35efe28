// A profiling aid, not part of `npm run bench`: where the language server spends a keystroke.
//
//   node bench/profile-server.mjs [size=1MB] [rounds=20] [top=40] [kind]
//
// Starts `node --cpu-prof dist/server.js --stdio` on the benchmark's project folder, opens the
// draft of that size, sends the benchmark's edit mix (bench/edit-mix.mjs) `rounds` times, each
// change waiting for its diagnostics, and prints the functions with the most self time and the
// most total time per change (samples while the server was idle between changes are not counted).
// With `kind` (a part of an edit kind's name, such as `typing`), only the samples taken while a
// change of that kind was in flight count.
// The profile is left in bench/corpus/profiles/ for Chrome's DevTools.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDocument, SIZES } from './corpus.mjs';
import { EditedDocument, editRound, openDocument, prepareProject } from './edit-mix.mjs';
import { corpusDir, ensureDist } from './lib.mjs';
import { LspClient } from './lsp-client.mjs';

const [sizeName = '1MB', roundsArg = '20', topArg = '40', kindArg = ''] = process.argv.slice(2);
const size = SIZES.find((s) => s.name === sizeName);
if (!size) throw new Error(`unknown size ${sizeName}: one of ${SIZES.map((s) => s.name).join(', ')}`);
const SEED = 20260;
const dist = ensureDist((m) => process.stderr.write(`${m}\n`));
const draft = generateDocument(size.bytes, SEED + size.bytes, { findings: true });
const project = join(corpusDir, 'profile-workspace');
prepareProject(project);
writeFileSync(join(project, `${size.name}.synth.md`), draft.text);
const profiles = join(corpusDir, 'profiles');
rmSync(profiles, { recursive: true, force: true });
mkdirSync(profiles, { recursive: true });

const client = new LspClient(dist.server, { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=50'] });
const rootUri = pathToFileURL(project).href;
await client.initialize({ validationDelay: 0, debounceMs: 0 }, { rootUri, workspaceFolders: [{ uri: rootUri, name: 'project' }] });
const uri = pathToFileURL(join(project, `${size.name}.synth.md`)).href;
await openDocument(client, uri, draft.text);
const doc = EditedDocument.ofDraft(draft);
let version = 1;
let changes = 0;
/** The measured changes' windows on the monotonic clock (µs), which V8's profile timestamps also use. */
const windows = [];
const now = () => Number(process.hrtime.bigint() / 1000n);
/** Wall-clock windows (ms since the client's spawn) from each change's sending to its diagnostics. */
const busy = [];
const rounds = Number(roundsArg);
for (let i = 0; i < rounds + 2; i++) {
  for (const [kind, change] of editRound(doc)) {
    version++;
    const wait = client.diagnosticsFor(uri, version);
    const from = now();
    const t = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const { at } = await wait;
    // The first two rounds warm up.
    if (i >= 2 && kind.includes(kindArg)) {
      windows.push([from, now()]);
      busy.push([t, at]);
      changes++;
    }
  }
}
await client.shutdown();

const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('the server wrote no profile');
const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const nameOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;

// The profile's timestamps and process.hrtime are the same monotonic clock: samples outside the
// measured changes' windows (start, open, warm-up, other kinds, idle) are left out.
const self = new Map();
const total = new Map();
let sum = 0;
const deltas = profile.timeDeltas;
let clock = profile.startTime;
let w = 0;
profile.samples.forEach((id, i) => {
  clock += deltas[i] ?? 0;
  while (w < windows.length && windows[w][1] < clock) w++;
  if (w === windows.length || clock < windows[w][0]) return;
  const node = byId.get(id);
  const name = node.callFrame.functionName;
  if (name === '(idle)' || name === '(program)' || name === '(root)') return;
  const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
  sum += dt;
  self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + dt);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const key = nameOf(byId.get(n));
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + dt);
  }
});
const all = changes;
const show = (map, title) => {
  process.stdout.write(`\n${title} (ms per change, ${changes} changes)\n`);
  for (const [k, ms] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) process.stdout.write(`${(ms / all).toFixed(3).padStart(8)}  ${k}\n`);
};
process.stdout.write(`busy CPU in the server: ${sum.toFixed(0)} ms; changes ${changes}; median wall ${median(busy.map(([a, b]) => b - a)).toFixed(2)} ms per change\n`);
show(self, 'self time');
show(total, 'total time');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
