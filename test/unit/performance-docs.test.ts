// docs/performance.md shows the latest benchmark run as bench/report.mjs writes it from
// bench/results.json, and the results hold every key other programs read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Report {
  performanceDocIsCurrent(): boolean;
}

test('docs/performance.md shows bench/results.json, as bench/report.mjs writes it', async () => {
  const report = (await import(pathToFileURL(`${root}bench/report.mjs`).href)) as Report;
  assert.ok(report.performanceDocIsCurrent(), 'run `node bench/report.mjs` after `npm run bench`');
});

test('bench/results.json holds every key of issues 5 and 15, and a reached or missed state per goal', () => {
  const r = JSON.parse(readFileSync(`${root}bench/results.json`, 'utf8')) as Record<string, unknown> & { goals: Array<{ id: string; pass: boolean }> };
  for (const key of ['editLatencyP50Ms', 'editLatencyP95Ms', 'fullAnalysisOverParse', 'largeDocGrowth', 'cliVsMarkdownlintCli2', 'cliWarmCacheOverCold', 'retainedHeapOverMdast', 'coldStartMs', 'coldStartWorkspaceMs', 'nodeStartMs']) {
    assert.ok(r[key] !== null && r[key] !== undefined, `${key} was measured`);
  }
  assert.deepEqual(
    r.goals.map((g) => g.id).sort(),
    ['analysis-over-parse-100KB', 'analysis-over-parse-1MB', 'cli-vs-markdownlint', 'cli-warm-cache', 'cold-start', 'edit-p50-scaling', 'edit-p95-scaling', 'heap-vs-mdast', 'large-doc-growth'],
  );
  assert.ok(r.goals.every((g) => typeof g.pass === 'boolean'));
});
