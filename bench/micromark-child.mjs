// Run by bench/run.mjs --micromark in a fresh process: times mdast-util-from-markdown (micromark
// underneath) on one generated document. Usage:
//   node micromark-child.mjs <path of mdast-util-from-markdown/index.js> <bytes> <seed> <reps> [report|lists]
// Prints {micromark, times} as JSON, where `micromark` is the version that module resolves to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateDocument } from './corpus.mjs';

const [moduleArg, bytesArg, seedArg, repsArg, mix = 'report'] = process.argv.slice(2);
const modulePath = resolve(moduleArg);
const { fromMarkdown } = await import(pathToFileURL(modulePath).href);

// Node resolves `micromark` from the package's own node_modules first, then upwards.
let micromark = 'unknown';
for (let dir = dirname(modulePath); dir !== dirname(dir); dir = dirname(dir)) {
  const p = join(dir, 'node_modules', 'micromark', 'package.json');
  if (existsSync(p)) {
    micromark = JSON.parse(readFileSync(p, 'utf8')).version;
    break;
  }
}

const { text } = generateDocument(Number(bytesArg), Number(seedArg), { mix });
fromMarkdown(generateDocument(16 * 1024, 7).text); // warm-up
const times = [];
for (let i = 0; i < Number(repsArg); i++) {
  const t0 = performance.now();
  fromMarkdown(text);
  times.push(performance.now() - t0);
}
process.stdout.write(`${JSON.stringify({ micromark, times })}\n`);
