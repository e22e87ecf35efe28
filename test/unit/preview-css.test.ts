/**
 * The preview's stylesheet (media/preview.css) against the renderer's output: every SDG goal has
 * its official colour, and every class the renderer emits is styled.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNEX_CLASSES, CONSIDERATION_CLASSES, FLOW_CLASSES, getCatalogue } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

const css = readFileSync(join(repoRoot, 'media', 'preview.css'), 'utf8');

test('every SDG goal has its official colour', () => {
  const goals = getCatalogue('en').goals;
  assert.equal(goals.length, 17);
  for (const goal of goals) {
    const rule = new RegExp(`\\.sdg-goal-${goal.number} \\{ --sdg-colour: (#[0-9A-Fa-f]{6});`).exec(css);
    assert.ok(rule, `a rule for goal ${goal.number}`);
    assert.equal(rule[1]!.toUpperCase(), goal.colour.toUpperCase(), `goal ${goal.number}`);
  }
});

test("the renderer's classes are styled", () => {
  const classes = [
    'synthesis-title-block', 'synthesis-title', 'synthesis-meta',
    'sdg-badge', 'sdg-unknown',
    'sources-tiles', 'sources-tile', 'sources-count', 'sources-label', 'sources-breakdown',
    'synthesis-problem', 'synthesis-problem-error', 'synthesis-problem-warning', 'synthesis-problem-info',
    'synthesis-notice',
    ...CONSIDERATION_CLASSES, ...FLOW_CLASSES, ...ANNEX_CLASSES,
  ];
  for (const name of classes) assert.match(css, new RegExp(`\\.${name}\\b`), name);
});
