// The fast part of the differential tests (harness.ts): every example against remark, a fixed
// sample of the examples typed in and of the README/CHANGELOG files in node_modules under edits.
// `npm run test:fuzz` runs all of it (scripts/differential.mjs), bare examples included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allExamples, checkExample, checkRealFile, compareWithRemark, AFTER, BEFORE, describeFailure, realMarkdownFiles, type Failure } from './harness.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

test('the specifications hold every example the differential tests need', async () => {
  const examples = await allExamples();
  // CommonMark 0.31.2 has 652 examples; GFM 0.29 has 677 (CommonMark 0.29's and its extensions').
  assert.equal(examples.filter((e) => e.spec === 'CommonMark').length, 652);
  assert.equal(examples.filter((e) => e.spec === 'GFM').length, 677);
});

test('every example of both specifications, in a synthesis, parses as remark reads it', async () => {
  const failures: string[] = [];
  for (const example of await allExamples()) {
    const problem = compareWithRemark(BEFORE + example.markdown + AFTER);
    if (problem) failures.push(`${example.spec} ${example.number}: ${problem}`);
  }
  assert.deepEqual(failures.slice(0, 5), []);
});

test('one example in thirty, typed in, deleted, pasted and cut: incremental equals from scratch after every step', async () => {
  const examples = (await allExamples()).filter((_, i) => i % 30 === 0);
  const failures: Failure[] = [];
  for (const example of examples) {
    const failure = checkExample(example);
    if (failure) failures.push(failure);
  }
  assert.deepEqual(failures.slice(0, 3).map(describeFailure), []);
});

test('README and CHANGELOG files in node_modules under seeded edits: incremental equals from scratch, and remark agrees', () => {
  const files = realMarkdownFiles(root, 64 * 1024);
  assert.ok(files.length > 100, `found ${files.length} files`);
  const failures: Failure[] = [];
  files
    .filter((_, i) => i % 80 === 0)
    .forEach((path, i) => {
      const failure = checkRealFile(path, 1000 + i, 12);
      if (failure) failures.push(failure);
    });
  assert.deepEqual(failures.slice(0, 3).map(describeFailure), []);
});
