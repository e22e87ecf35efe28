// Meta tests: the rule registry, the rule files, docs/rules/ and the showcase sample agree.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, parse, RULES } from '../../server/src/core/index.js';
import { loadEvidenceFor } from '../../server/src/node/evidence.js';
import { repoRoot } from '../helpers.js';

const docsDir = join(repoRoot, 'docs', 'rules');

test('rule ids are unique and kebab-case', () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)], 'a rule id is registered twice');
  for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/, `${id} is not kebab-case`);
});

test('every rule has its own file named after its id, a description and tags', () => {
  for (const rule of RULES) {
    assert.ok(existsSync(join(repoRoot, 'server', 'src', 'core', 'rules', `${rule.id}.ts`)), `server/src/core/rules/${rule.id}.ts is missing`);
    for (const language of ['en', 'es', 'fr'] as const) assert.ok(rule.description[language].trim().length > 0, `${rule.id} has no ${language} description`);
    assert.ok(rule.tags.length > 0, `${rule.id} has no tags`);
  }
});

test('every rule has docs/rules/<id>.md titled with its id and stating its default severity', () => {
  for (const rule of RULES) {
    const file = join(docsDir, `${rule.id}.md`);
    assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
    const text = readFileSync(file, 'utf8');
    assert.equal(text.split('\n')[0], `# ${rule.id}`, `docs/rules/${rule.id}.md must start with '# ${rule.id}'`);
    assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `docs/rules/${rule.id}.md must state its default severity, ${rule.defaultSeverity}`);
    for (const heading of ['## What it finds', '## Why it matters', '## Example', '## Fix', '## How to silence it']) {
      assert.ok(text.includes(`\n${heading}\n`), `docs/rules/${rule.id}.md has no '${heading}' section`);
    }
  }
});

test('docs/rules/ documents no rule that is not registered', () => {
  const ids = new Set(RULES.map((r) => r.id));
  const stale = readdirSync(docsDir).filter((f) => f.endsWith('.md') && !ids.has(f.slice(0, -3)));
  assert.deepEqual(stale, []);
});

test('samples/showcase.synth.md triggers every registered rule', () => {
  const file = join(repoRoot, 'samples', 'showcase.synth.md');
  const text = readFileSync(file, 'utf8');
  const { register } = loadEvidenceFor(file, parse(text));
  assert.ok(register, 'the showcase names its evidence register');
  const found = new Set(analyze(text, { evidence: register }).findings.map((f) => f.rule));
  assert.deepEqual(RULES.map((r) => r.id).filter((id) => !found.has(id)), []);
  assert.ok(!found.has('document'), 'the showcase should be readable as a whole');
});
