// Run by bench/run.mjs in a fresh process with --expose-gc: measures the heap that one open
// document keeps alive. Usage: node --expose-gc heap-child.mjs <core.mjs> <bytes> <seed> <mode>
//   mode 'incremental': an IncrementalParser (with its chunk cache), its index and the analysis,
//        which is what the language server keeps per open document;
//   mode 'parse': the index from a whole-document parse() and the analysis;
//   mode 'mdast': remark's full syntax tree (remark-parse + frontmatter + gfm).
// Prints {retained, text, …} as JSON: `retained` is per document. The documents' text exists
// before the first reading, so it is not counted.
import { pathToFileURL } from 'node:url';
import { generateDocument } from './corpus.mjs';

const [corePath, bytesArg, seedArg, mode] = process.argv.slice(2);
const core = await import(pathToFileURL(corePath).href);
const bytes = Number(bytesArg);
const seed = Number(seedArg);
// Small documents are measured as several copies (different texts of the same size) and divided,
// so that the reading stands well above the heap's noise.
const copies = Math.max(1, Math.min(20, Math.floor((2 * 1024 * 1024) / bytes)));
const texts = Array.from({ length: copies }, (_, i) => generateDocument(bytes, seed + i * 7919).text);
const templates = core.builtinTemplates();

function open(text) {
  if (mode === 'incremental') {
    // What the language server keeps per open document: the parser (with its chunk cache), the
    // index and the analysis.
    const parser = new core.IncrementalParser();
    return { parser, analysis: core.analyzeDocument(parser.parse(text), { templates }) };
  }
  if (mode === 'parse') return { analysis: core.analyze(text, { templates }) };
  if (mode === 'mdast') return { tree: core.bareProcessor.parse(text) };
  throw new Error(`unknown mode ${mode}`);
}

// Warm up on a document like the measured ones, so that module state (catalogue, templates,
// parser tables) and compiled code exist before the first reading and are not counted.
open(generateDocument(Math.min(bytes, 1024 * 1024), seed - 1).text);

function heapUsed() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// Retained = the heap with the documents open minus the heap once they are dropped again. Reading
// it this way leaves out what the first runs add for good (compiled code, feedback, caches).
let kept = texts.map(open);
const alive = kept.length;
const after = heapUsed();
kept = undefined;
const before = heapUsed();
// maxRSS (KiB): the process's peak resident memory, which includes what parsing needed on the way.
process.stdout.write(`${JSON.stringify({ retained: (after - before) / copies, copies, text: Buffer.byteLength(texts[0]), alive, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
