// `synthlint render`: a synthesis as one self-contained HTML page, through the bundled CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const clean = join(repoRoot, 'test', 'fixtures', 'cli', 'clean.synth.md');
const title = 'What evaluations tell us about justice and security work in Panama';

const dir = mkdtempSync(join(tmpdir(), 'synthlint-render-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function synthlint(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('render -o writes a complete HTML page with the brief', () => {
  copyFileSync(clean, join(dir, 'panama.synth.md'));
  const r = synthlint(['render', 'panama.synth.md', '-o', 'page.html']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^Wrote page\.html/);
  const html = readFileSync(join(dir, 'page.html'), 'utf8');
  assert.match(html, /^<!doctype html>/i);
  assert.match(html, /<\/html>\s*$/i);
  assert.ok(html.includes(title));
  assert.ok(html.includes('Access to justice'));
});

test('without -o the page is written beside the file; -o - writes to standard output', () => {
  copyFileSync(clean, join(dir, 'beside.synth.md'));
  assert.equal(synthlint(['render', 'beside.synth.md']).status, 0);
  assert.ok(existsSync(join(dir, 'beside.html')));
  const r = synthlint(['render', 'beside.synth.md', '-o', '-']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^<!doctype html>/i);
  assert.ok(r.stdout.includes(title));
});

test('what a document smuggles in does not reach the page', () => {
  writeFileSync(join(dir, 'hostile.synth.md'), '# Brief\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[link](javascript:alert(3))\n');
  const r = synthlint(['render', 'hostile.synth.md', '-o', '-']);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /alert\(1\)<\/script>|onerror=|javascript:alert/i);
});

test('an unreadable file or a missing file name: exit 2 with one line', () => {
  const missing = synthlint(['render', 'nothing.synth.md']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'synthlint: cannot read nothing.synth.md: no such file\n');
  const none = synthlint(['render']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^synthlint: 'synthlint render' needs a file/);
});
