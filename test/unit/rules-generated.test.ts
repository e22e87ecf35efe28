// Everything generated from the rule units stays equal to them, and the SARIF metadata the CLI
// builds from them is complete in every language.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES, sarifRules, TOOL_CHECKS } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

test('package.json, package.nls*.json, schemas/rules.schema.json and the rules tables are up to date with the rules', () => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'generate-rules.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stderr}${r.stdout}`);
});

test('SARIF rule metadata describes every rule and check in the language asked for', () => {
  const help = (id: string): string => `https://example.org/docs/rules/${id}.md`;
  for (const language of ['en', 'es', 'fr'] as const) {
    const rules = sarifRules(language, help);
    assert.deepEqual(rules.map((r) => r.id), [...RULES, ...TOOL_CHECKS].map((r) => r.id));
    for (const [i, rule] of [...RULES, ...TOOL_CHECKS].entries()) {
      assert.equal(rules[i]!.shortDescription.text, rule.description[language]);
      assert.equal(rules[i]!.helpUri, help(rule.id));
    }
  }
  const sum = sarifRules('es', help).find((r) => r.id === 'sources-sum')!;
  assert.deepEqual(sum, {
    id: 'sources-sum',
    name: 'SourcesSum',
    shortDescription: { text: 'Un desglose de un bloque de fuentes cuyas cifras no suman la de la línea que desglosa' },
    helpUri: help('sources-sum'),
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['sources', 'numbers'] },
  });
});
