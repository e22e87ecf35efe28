// The README's tables are checked against the code, so they cannot drift: the rules table against
// the rule registry, the commands and settings tables against package.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
// package.json holds `%key%` placeholders for its texts; the English texts are in package.nls.json.
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const english = (_key: string, value: unknown): unknown => (typeof value === 'string' ? value.replace(/^%([^%\s]+)%$/, (m, k: string) => nls[k] ?? m) : value);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'), english) as {
  contributes: { commands: Array<{ command: string; title: string; category: string }>; configuration: { properties: Record<string, { default: unknown }> } };
};

/** The data rows of the table between `<!-- name:start -->` and `<!-- name:end -->`, as cells. */
function table(name: string): string[][] {
  const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
  assert.ok(m, `README has a ${name}`);
  return m[1]!
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => row.split('|').slice(1, -1).map((c) => c.trim()));
}

test('the README rules table lists every rule, in registry order, with its default and description', () => {
  assert.deepEqual(
    table('rules-table'),
    RULES.map((r) => [`[\`${r.id}\`](docs/rules/${r.id}.md)`, r.defaultSeverity, r.description.en]),
  );
});

test('the README commands table lists every contributed command', () => {
  assert.deepEqual(
    table('commands-table'),
    manifest.contributes.commands.map((c) => [`${c.category}: ${c.title}`, `\`${c.command}\``]),
  );
});

test('the README settings table lists every setting with its default', () => {
  assert.deepEqual(
    table('settings-table').map(([name, def]) => [name, def]),
    Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [`\`${k}\``, `\`${JSON.stringify(v.default)}\``]),
  );
});

test('the README quick start gives the two commands', () => {
  assert.match(readme, /npm ci && npm start/);
  assert.match(readme, /\nnpm test /);
});
