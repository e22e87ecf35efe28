// Run by bench/run.mjs in a fresh process: where does the time go, in a full analysis of a 1 MB
// document and in a keystroke on it? Usage: node profile-child.mjs <core.mjs> <bytes> <seed> <keystrokes>
// CPU profiles (node:inspector, 100 µs sampling); each sample is attributed to the innermost
// function on its stack that has a category below (micromark's own functions run under
// `tokenize` and count as micromark). Prints {analysis, keystroke} as JSON: per category the
// milliseconds per analysis (per keystroke) and the share.
import { Session } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { generateDocument } from './corpus.mjs';

const [corePath, bytesArg, seedArg, keystrokesArg] = process.argv.slice(2);
const core = await import(pathToFileURL(corePath).href);
const doc = generateDocument(Number(bytesArg), Number(seedArg));
const keystrokes = Number(keystrokesArg);
const templates = core.builtinTemplates();
const WORD = 'sustained ';

/** Innermost match wins; names may carry esbuild's numeric suffix. */
const CATEGORIES = [
  [/^tokenize$/, 'micromark: tokenizing the Markdown'],
  [/^swallowsWhatFollows$/, 'micromark: tokenizing the Markdown'],
  [/^(blocksFromEvents|walk)$/, 'index: reading micromark’s events'],
  [/^(scanTags|scanCitations|collectNumbers|parseSourcesLines|parseFrontMatter|readFrontMatter|closeHeading|closeFence)$/, 'index: tags, citations, counts, headings, sources blocks, front matter'],
  [/^flattenNesting$/, 'index: the nesting guard'],
  [/^(assemble|buildSections|matchCounts|append)$/, 'index: assembling the document (sections, counts)'],
  [/^(commonPrefix|commonSuffix)$/, 'keystroke: finding the edit (comparing the texts)'],
  [/^(afterEdit|LineIndex|scanLineStarts)$/, 'keystroke: the line index'],
  [/^(parseEdit|run|tokenizeWindow|blockAt|readAgain|firstBlockFrom|lineAfter)$/, 'keystroke: choosing the blocks to re-read'],
  [/^(shiftBlock|shiftSources|shift)$/, 'keystroke: moving the blocks after the edit'],
  [/^(analyzeDocument|runRule|applySuppressions)$/, 'rules: the engine'],
];

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });

async function profiled(fn, times) {
  await post('Profiler.start');
  for (let i = 0; i < times; i++) fn(i);
  const { profile } = await post('Profiler.stop');
  return shares(profile, times);
}

function shares(profile, times) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cache = new Map();
  const categoryOf = (id) => {
    if (cache.has(id)) return cache.get(id);
    const node = byId.get(id);
    const name = node.callFrame.functionName.replace(/\d+$/, '');
    const up = parent.get(id);
    const outer = up === undefined ? undefined : categoryOf(up);
    let category;
    if (name === '(garbage collector)') category = 'garbage collection';
    else if (name !== '(program)' && name !== '(idle)' && name !== '(root)') {
      for (const [re, label] of CATEGORIES) if (re.test(name)) category = label;
      // A rule's check function (named check<RuleName>) called by analyzeDocument.
      const rule = /^check([A-Z]\w*?)$/.exec(name);
      if (!category && rule && outer?.startsWith('rules')) category = `rules: ${rule[1].replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}`;
    }
    category ??= outer ?? 'other';
    cache.set(id, category);
    return category;
  };
  const totals = new Map();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const c = categoryOf(id);
    totals.set(c, (totals.get(c) ?? 0) + dt);
    total += dt;
  });
  // Rules are many and small: the five costliest by name, the others together.
  const entries = [...totals.entries()].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  const rules = entries.filter(([c]) => c.startsWith('rules: ') && c !== 'rules: the engine');
  const keep = new Set(rules.slice(0, 5).map(([c]) => c));
  const rest = rules.slice(5).reduce((sum, [, ms]) => sum + ms, 0);
  const out = entries.filter(([c]) => !c.startsWith('rules: ') || c === 'rules: the engine' || keep.has(c)).map(([category, ms]) => ({ category, ms: ms / times, share: total ? ms / total : 0 }));
  if (rest > 0) out.push({ category: 'rules: the others', ms: rest / times, share: rest / total });
  return out.sort((a, b) => b.ms - a.ms);
}

// Warm up, then a few full analyses.
for (let i = 0; i < 2; i++) core.analyze(doc.text, { templates });
const analysis = await profiled(() => core.analyze(doc.text, { templates }), 3);

const parser = new core.IncrementalParser();
parser.parse(doc.text);
// Each version as pieces of the one before, as the language server keeps an open document
// (lsp/open-document.ts): a plain string built by concatenation would be joined, a megabyte copied,
// the first time the line index read it, which no keystroke in the editor does.
let text = core.PieceText.of(doc.text);
let k = 0;
const keystroke = () => {
  const at = doc.editOffset + k;
  const typed = WORD[k % WORD.length];
  text = text.edit(at, at, typed);
  k++;
  // The edit is handed over as the language server hands over a didChange: no comparing of texts.
  core.analyzeDocument(parser.parse(text, [{ start: at, end: at, text: typed }]), { templates });
};
for (let i = 0; i < 5; i++) keystroke();
const typing = await profiled(keystroke, keystrokes);
session.disconnect();

process.stdout.write(`${JSON.stringify({ keystrokes, analysis, keystroke: typing })}\n`);
