// The reliability figures in docs/reliability.md come from the last full run (`npm run test:fuzz`),
// saved in test/fuzz/last-run.json: the docs section is exactly what figures.ts makes of that file,
// and the file is a run of the properties as they are now.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers.js';
import { withFigures, type FuzzFigures } from './figures.js';
import { PROPERTIES, propertySeed } from './properties.js';

const figures = JSON.parse(readFileSync(join(repoRoot, 'test', 'fuzz', 'last-run.json'), 'utf8')) as FuzzFigures;
const docs = readFileSync(join(repoRoot, 'docs', 'reliability.md'), 'utf8');

test('docs/reliability.md shows the figures of test/fuzz/last-run.json, as generated', () => {
  assert.equal(docs, withFigures(docs, figures), 'run `npm run test:fuzz` (or put the section back as it generates it)');
});

test('the saved run is a run of the current properties, each with its own seed', () => {
  assert.deepEqual(figures.properties.map((p) => p.name), PROPERTIES.map((p) => p.name), 'the properties changed since the last full run: run `npm run test:fuzz`');
  for (const p of figures.properties) assert.equal(p.seed, propertySeed(figures.seed, p.name), `${p.name}: its seed derives from the run's`);
  assert.equal(new Set(figures.properties.map((p) => p.seed)).size, figures.properties.length, 'no two properties share a seed');
});

test('the saved run has both chaos runs, the second on a document of 1 MB or more', () => {
  assert.deepEqual(figures.chaos.map((c) => c.name), ['a writer-sized document', 'a 1 MB document with a workspace folder open']);
  assert.ok(figures.chaos[1]!.finalLength >= 900_000, `the large document ended at ${figures.chaos[1]!.finalLength} characters`);
});
