/**
 * The language-server set-ups of docs/language-server.md, in a real Neovim (Debian's `neovim`):
 * each set-up is read from the docs page itself, so the page cannot drift from what is tested. The
 * set-up for the installed Neovim runs headless on a copy of the showcase sample, and
 * test/neovim/probe.lua records what a user would see: the diagnostics, the completion list after
 * typing "SDG 16." and the hover on a tag. A set-up for a newer Neovim than the installed one is
 * loaded as Lua and checked for the same server command and settings.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { getCatalogue } from '../../server/src/core/index.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const server = join(repo, 'dist', 'server.js');
const cli = join(repo, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'synthesis-neovim-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The Lua block under a heading of docs/language-server.md, with the server's real path. */
function setUp(heading: string): string {
  const docs = readFileSync(join(repo, 'docs', 'language-server.md'), 'utf8');
  const at = docs.indexOf(`### ${heading}\n`);
  assert.ok(at >= 0, `docs/language-server.md has a section '${heading}'`);
  const block = /```lua\n([\s\S]*?)```/.exec(docs.slice(at));
  assert.ok(block, `the section '${heading}' has a Lua block`);
  assert.ok(block[1]!.includes("'/path/to/dist/server.js'"), 'the set-up names the server as /path/to/dist/server.js');
  return block[1]!.replaceAll("'/path/to/dist/server.js'", JSON.stringify(server).replace(/^"|"$/g, "'"));
}

function nvimVersion(): [number, number] {
  const text = execFileSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)/.exec(text);
  assert.ok(m, `nvim --version: ${text.split('\n')[0]}`);
  return [Number(m[1]), Number(m[2])];
}
const installed = nvimVersion();
const atLeast = (major: number, minor: number): boolean => installed[0] > major || (installed[0] === major && installed[1] >= minor);

interface Probe {
  version: string;
  filetype: string;
  client?: string;
  error?: string;
  diagnostics: Array<{ line: number; col: number; code: string; severity: number; message: string }>;
  hover?: string;
  completion: Array<{ label: string; detail?: string }>;
}

/** Opens a copy of the showcase sample in headless Neovim with `init` as its configuration. */
function runNeovim(name: string, init: string): { probe: Probe; file: string } {
  const folder = join(work, name);
  cpSync(join(repo, 'samples'), folder, { recursive: true });
  const file = join(folder, 'showcase.synth.md');
  const text = readFileSync(file, 'utf8');
  const expected = synthlint(file, folder);
  const tag = text.indexOf('SDG 16.1 ');
  const before = text.slice(0, tag).split('\n');
  writeFileSync(join(work, `${name}-init.lua`), init);
  const resultFile = join(work, `${name}-result.json`);
  const run = spawnSync('nvim', ['--headless', '--clean', '-u', join(work, `${name}-init.lua`), '-c', `luafile ${join(repo, 'test', 'neovim', 'probe.lua')}`, file], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      ...process.env,
      SYNTHESIS_NVIM_RESULT: resultFile,
      SYNTHESIS_NVIM_PROBE: JSON.stringify({ diagnostics: expected.length, hover: { line: before.length - 1, character: before.at(-1)!.length + 5 } }),
    },
  });
  assert.ok(existsSync(resultFile), `Neovim wrote no result (exit ${run.status ?? run.signal}): ${run.stdout}\n${run.stderr}`);
  const probe = JSON.parse(readFileSync(resultFile, 'utf8')) as Probe;
  assert.equal(probe.error, undefined, `in Neovim: ${probe.error}`);
  return { probe, file };
}

function synthlint(file: string, cwd: string): Array<{ line: number; column: number; rule: string }> {
  const r = spawnSync(process.execPath, [cli, '--format', 'json', file], { cwd, encoding: 'utf8' });
  return JSON.parse(r.stdout) as Array<{ line: number; column: number; rule: string }>;
}

function checkWhatTheUserSees(probe: Probe, file: string): void {
  assert.equal(probe.filetype, 'synthesis', 'the set-up gives *.synth.md files the filetype synthesis');
  assert.equal(probe.client, 'synthesis');
  // The diagnostics are synthlint's: same rules at the same places.
  const want = synthlint(file, join(file, '..')).map((f) => `${f.rule}@${f.line - 1}:${f.column - 1}`).sort();
  assert.ok(want.length >= 10);
  assert.deepEqual(probe.diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`).sort(), want, 'Neovim shows what synthlint reports');
  // The settings of the set-up reached the server: count-mismatch is a warning there.
  const counts = probe.diagnostics.filter((d) => d.code === 'count-mismatch');
  assert.ok(counts.length > 0 && counts.every((d) => d.severity === 2), 'count-mismatch is a warning, as the set-up\'s settings say');
  // The hover on "SDG 16.1" gives the target's official text.
  const target = getCatalogue('en').target('16.1')!;
  assert.ok(probe.hover?.includes(target.title), `the hover on SDG 16.1 gives its text: ${probe.hover}`);
  // Completion after "SDG 16." lists the targets of goal 16.
  const labels = probe.completion.map((c) => c.label);
  for (const t of getCatalogue('en').targetsOf(16)) assert.ok(labels.includes(t.id), `completion offers ${t.id}: ${labels.join(', ')}`);
  assert.ok(!labels.includes('16.11'));
}

const CURRENT = 'Neovim 0.11 and later';
const OLDER = 'Neovim 0.7 to 0.10';

test(`the set-up for ${OLDER} (vim.lsp.start_client) gives diagnostics, completion and hover in Neovim ${installed.join('.')}`, () => {
  assert.ok(atLeast(0, 7), `Neovim ${installed.join('.')} is older than any documented set-up`);
  const { probe, file } = runNeovim('older', setUp(OLDER));
  checkWhatTheUserSees(probe, file);
});

test(
  atLeast(0, 11)
    ? `the set-up for ${CURRENT} (vim.lsp.config) gives diagnostics, completion and hover in Neovim ${installed.join('.')}`
    : `the set-up for ${CURRENT} is valid Lua naming the same server and settings (Neovim ${installed.join('.')} cannot run it)`,
  () => {
    const init = setUp(CURRENT);
    if (atLeast(0, 11)) {
      const { probe, file } = runNeovim('current', init);
      checkWhatTheUserSees(probe, file);
      return;
    }
    // Loaded, not run: Lua syntax, and the same command and settings as the tested set-up.
    const lua = join(work, 'current-check.lua');
    writeFileSync(lua, init);
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `lua local ok, err = loadfile(${JSON.stringify(lua)}); io.stdout:write(ok and 'valid' or tostring(err))`, '-c', 'qall!'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(`${r.stdout}${r.stderr}`.trim(), 'valid', 'the set-up is valid Lua');
    const older = setUp(OLDER);
    for (const part of [`cmd = { 'node', '${server}', '--stdio' }`, "settings = { synthesis = { validate = 'onType', rules = { ['count-mismatch'] = 'warning' } } }"]) {
      assert.ok(init.includes(part) && older.includes(part), `both set-ups have ${part}`);
    }
    assert.match(init, /vim\.filetype\.add\(\{ pattern = \{ \['\.\*%\.synth%\.md'\] = 'synthesis' \} \}\)/);
    assert.match(init, /filetypes = \{ 'synthesis' \}/);
    assert.match(init, /vim\.lsp\.enable\('synthesis'\)/);
  },
);
