// Many files are linted on worker threads; the output must be exactly what one thread gives, in
// the same order, and a fix must still be written to the right file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lintFiles, PARALLEL_THRESHOLD } from '../../server/src/cli/pool.js';
import { wordMessage } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'synthlint-parallel-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const base = readFileSync(join(repoRoot, 'test', 'fixtures', 'cli', 'sum-error.synth.md'), 'utf8');
const count = PARALLEL_THRESHOLD + 16;
const files: string[] = [];
for (let i = 0; i < count; i++) {
  // Every third file is clean, the others keep the fixture's wrong total; sizes vary so that
  // workers finish out of order.
  const text = (i % 3 === 0 ? base.replace(/evaluation reports: 9/, 'evaluation reports: 10') : base) + '\nFiller paragraph.\n'.repeat((i * 37) % 200);
  const file = join(dir, `file-${String(i).padStart(2, '0')}.synth.md`);
  writeFileSync(file, text);
  files.push(file);
}

function synthlint(args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

test('worker threads report exactly what one thread reports, in file order', async () => {
  const parallel = synthlint(['--format', 'json', '.']);
  const expected: unknown[] = [];
  await lintFiles(
    files.map((path) => ({ path, within: dir, found: true })),
    { project: dir, severities: {}, fix: false },
    async ({ path }, outcome) => {
      assert.ok(outcome.ok);
      for (const f of outcome.findings) {
        expected.push({ file: path.slice(dir.length + 1), line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, severity: f.severity, rule: f.rule, message: wordMessage(f.message, 'en') });
      }
    },
    1,
  );
  assert.ok(expected.length > 0);
  assert.deepEqual(JSON.parse(parallel.stdout), expected);
  assert.equal(parallel.status, 1);
});

test('--fix on worker threads corrects every file it should', () => {
  assert.equal(synthlint(['--fix', '.']).status, 0);
  for (const file of files) assert.match(readFileSync(file, 'utf8'), /evaluation reports: 10\b/);
});
