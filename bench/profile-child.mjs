// Run by bench/run.mjs in a fresh process: where does one keystroke's incremental analysis spend
// its time? Usage: node profile-child.mjs <core.mjs> <bytes> <seed> <keystrokes>
// Two views, printed together as JSON:
//   phases: the public pieces timed one by one, per keystroke (median ms): chunkStarts (split),
//     parse() of the edited chunk alone (chunk parse), new LineIndex(text) (part of assembling),
//     analyzeDocument (rules), and the whole IncrementalParser.parse; "the rest" is the whole
//     minus split and chunk parse (slicing, cache keys and look-ups, assembling);
//   profile: a CPU profile of the keystroke loop (node:inspector, 100 µs sampling), each sample
//     attributed to the innermost known function on its stack.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDocument } from './corpus.mjs';

const [corePath, bytesArg, seedArg, keystrokesArg] = process.argv.slice(2);
const core = await import(pathToFileURL(corePath).href);
const doc = generateDocument(Number(bytesArg), Number(seedArg));
const keystrokes = Number(keystrokesArg);
const templates = core.builtinTemplates();
const WORD = 'sustained ';

function* versions() {
  let text = doc.text;
  for (let k = 0; ; k++) {
    const at = doc.editOffset + k;
    text = text.slice(0, at) + WORD[k % WORD.length] + text.slice(at);
    yield text;
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn) {
  const t0 = performance.now();
  const value = fn();
  return [performance.now() - t0, value];
}

// --- Phases -------------------------------------------------------------------------------------
const parser = new core.IncrementalParser();
parser.parse(doc.text);
const phases = { split: [], chunkParse: [], lineIndex: [], incrementalParse: [], rules: [], whole: [] };
const gen = versions();
let chunkBytes = 0;
let chunks = 0;
for (let k = 0; k < keystrokes + 3; k++) {
  const text = gen.next().value;
  const [tSplit, starts] = time(() => core.chunkStarts(text));
  const at = doc.editOffset + k;
  let i = starts.length - 1;
  while (i > 0 && starts[i] > at) i--;
  const slice = text.slice(starts[i], starts[i + 1] ?? text.length);
  const [tChunk] = time(() => core.parse(slice));
  const [tLines] = time(() => new core.LineIndex(text));
  const [tParse, document] = time(() => parser.parse(text));
  const [tRules] = time(() => core.analyzeDocument(document, { templates }));
  if (k < 3) continue; // warm-up
  phases.split.push(tSplit);
  phases.chunkParse.push(tChunk);
  phases.lineIndex.push(tLines);
  phases.incrementalParse.push(tParse);
  phases.rules.push(tRules);
  phases.whole.push(tParse + tRules);
  chunkBytes = Buffer.byteLength(slice);
  chunks = starts.length;
}
const phaseMedians = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)]));
phaseMedians.rest = Math.max(0, phaseMedians.incrementalParse - phaseMedians.split - phaseMedians.chunkParse);

// --- CPU profile ----------------------------------------------------------------------------------
// Function definitions of the bundle, by line, so that `parse` the method of IncrementalParser can
// be told apart from `parse` the function.
const bundle = readFileSync(corePath, 'utf8').split('\n');
const lineOf = (pattern, from = 0) => bundle.findIndex((l, i) => i >= from && pattern.test(l));
const classLine = lineOf(/^(?:var IncrementalParser = )?class IncrementalParser\b|^var IncrementalParser = class/);
const incrementalParseLine = lineOf(/^\s+parse\(\w+\)\s*\{/, classLine);

/** Innermost match wins; names may carry esbuild's numeric suffix. */
const CATEGORIES = [
  [/^chunkStarts\d*$/, 'split (chunkStarts)'],
  [/^limitNesting\d*$/, 'chunk: nesting guard'],
  [/^(scanTags|collectNumbers|readHeading|readSources|readFrontMatter|readSuppression|plainText|insideCode|parseSourcesLines|parseFrontMatter)\d*$/, 'chunk: reading tags, counts, headings, sources'],
  [/^indexChunk\d*$/, 'chunk: remark/micromark parse'],
  [/^(buildSections|matchCounts)\d*$/, 'assemble: sections and counts'],
  [/^(shiftBlock|shift)\d*$/, 'assemble: shifting chunk offsets'],
  [/^LineIndex\d*$/, 'assemble: line index'],
  [/^assemble\d*$/, 'assemble: other'],
  [/^(analyzeDocument|runRule|applySuppressions)\d*$/, 'rules: the engine (analyzeDocument)'],
];

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });
await post('Profiler.start');
const t0 = performance.now();
for (let k = 0; k < keystrokes; k++) {
  const text = gen.next().value;
  core.analyzeDocument(parser.parse(text), { templates });
}
const loopMs = performance.now() - t0;
const { profile } = await post('Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const categoryCache = new Map();
function categoryOf(id) {
  if (categoryCache.has(id)) return categoryCache.get(id);
  const node = byId.get(id);
  const name = node.callFrame.functionName;
  const up = parent.get(id);
  const outer = up === undefined ? undefined : categoryOf(up);
  let category;
  if (name === '(garbage collector)') category = 'garbage collection';
  else if (name !== '(program)' && name !== '(idle)' && name !== '(root)') {
    for (const [re, label] of CATEGORIES) if (re.test(name)) category = label;
    if (!category && name === 'parse' && node.callFrame.lineNumber === incrementalParseLine) category = 'IncrementalParser.parse itself (slices, cache keys, Map look-ups)';
    // A rule's check function (named check<RuleName>) called by analyzeDocument.
    const rule = /^check([A-Z]\w*?)\d*$/.exec(name);
    if (!category && rule && outer?.startsWith('rules')) category = `rules: ${rule[1].replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}`;
  }
  category ??= outer ?? 'other';
  categoryCache.set(id, category);
  return category;
}
const counts = new Map();
const selfTimes = new Map();
const deltas = profile.timeDeltas ?? [];
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
  const c = categoryOf(id);
  counts.set(c, (counts.get(c) ?? 0) + dt);
  const f = byId.get(id).callFrame;
  const self = `${f.functionName || '(anonymous)'}:${f.lineNumber + 1} [${c}]`;
  selfTimes.set(self, (selfTimes.get(self) ?? 0) + dt);
  total += dt;
});
const topSelf = [...selfTimes.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 15)
  .map(([fn, ms]) => ({ function: fn, msPerKeystroke: ms / keystrokes }));
const profileShares = [...counts.entries()]
  .filter(([, ms]) => ms > 0)
  .sort((a, b) => b[1] - a[1])
  .map(([category, ms]) => ({ category, msPerKeystroke: ms / keystrokes, share: total ? ms / total : 0 }));

process.stdout.write(`${JSON.stringify({ keystrokes, chunks, editedChunkBytes: chunkBytes, phasesMs: phaseMedians, loopMsPerKeystroke: loopMs / keystrokes, profile: profileShares, topSelf })}\n`);
