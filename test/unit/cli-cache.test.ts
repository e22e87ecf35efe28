// `synthlint --cache`: a run with the cache says exactly what a run without it says, whatever was
// edited in between (a document, a register, a template, the configuration, the options); an entry
// is used only while everything it depends on is unchanged; a broken or hostile cache file is
// ignored with one line; --fix never trusts an entry that still has something to fix. Each test
// spawns the bundled CLI (dist/cli.js, built by `npm test`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The user's cache folder, where synthlint keeps the key its cache entries are made with (cache-key.ts). */
const userCache = mkdtempSync(join(tmpdir(), 'synthlint-user-cache-'));
temps.push(userCache);

/** `keyFolder`: another user's (or machine's) cache folder. */
function synthlint(args: readonly string[], cwd: string, keyFolder = userCache): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', XDG_CACHE_HOME: keyFolder } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project: the samples, a configuration file, a template folder and registers. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthlint-cache-'));
  temps.push(dir);
  cpSync(join(repoRoot, 'samples'), join(dir, 'project'), { recursive: true });
  writeFileSync(join(dir, 'project', '.synthesis', 'config.yaml'), 'rules:\n  target-order: warning\n');
  return dir;
}

/** The same command with and without the cache (twice with it: cold, then warm) must agree. */
function assertSame(dir: string, args: readonly string[], label: string): Run {
  const plain = synthlint(['--format', 'json', ...args, 'project'], dir);
  for (const round of ['first', 'second']) {
    const cached = synthlint(['--cache', '--format', 'json', ...args, 'project'], dir);
    assert.equal(cached.stdout, plain.stdout, `${label} (${round} run with the cache)`);
    assert.equal(cached.status, plain.status, `${label}: exit code`);
    assert.equal(cached.stderr, plain.stderr, `${label}: standard error`);
  }
  return plain;
}

interface CacheFile {
  synthlintCache: number;
  inputs: unknown[][];
  entries: Record<string, { key: string; inputs: number; findings: unknown[] }>;
}

function cacheOf(dir: string): CacheFile {
  return JSON.parse(readFileSync(join(dir, '.synthesis-cache'), 'utf8')) as CacheFile;
}

test('with or without the cache, the findings are the same after each kind of edit', () => {
  const dir = project();
  const p = (...parts: string[]): string => join(dir, 'project', ...parts);
  const first = assertSame(dir, [], 'as copied');
  assert.ok(JSON.parse(first.stdout).length > 5, 'the samples have findings');
  assert.ok(existsSync(join(dir, '.synthesis-cache')), 'the cache is kept in the current folder');

  // A document: a wrong total corrected.
  const showcase = readFileSync(p('showcase.synth.md'), 'utf8');
  writeFileSync(p('showcase.synth.md'), showcase.replace('template: unodc-meta-synthsis', 'template: unodc-meta-synthesis'));
  assertSame(dir, [], 'after a document edit');
  // A register: a row removed (a citation becomes unknown, and another evaluation uncited).
  const register = readFileSync(p('showcase-evidence.csv'), 'utf8').split('\n');
  writeFileSync(p('showcase-evidence.csv'), [register[0], ...register.slice(2)].join('\n'));
  assertSame(dir, [], 'after a register edit');
  // A template of the project.
  const template = p('.synthesis', 'templates', 'country-brief.yaml');
  writeFileSync(template, readFileSync(template, 'utf8').replace(/\n/, '\n# edited\n').replace(/title: [^\n]*/i, 'title: Renamed brief'));
  assertSame(dir, [], 'after a template edit');
  writeFileSync(template, 'this: [is not, a template');
  assertSame(dir, [], 'after a template broken');
  // A new template file appears in the folder.
  writeFileSync(p('.synthesis', 'templates', 'extra.yaml'), 'nothing useful\n');
  assertSame(dir, [], 'after a template added');
  // The configuration: a rule turned off, then the language.
  writeFileSync(p('.synthesis', 'config.yaml'), 'rules:\n  unknown-evidence: off\n  uncited-evidence: error\n');
  assertSame(dir, [], 'after a configuration edit');
  writeFileSync(p('.synthesis', 'config.yaml'), 'language: fr\nrules:\n  unknown-evidence: off\n');
  assertSame(dir, [], 'after the configuration language changed');
  // A register appears beside documents that had none.
  writeFileSync(p('evidence.csv'), 'id,title,year\nX-1,An evaluation,2020\n');
  assertSame(dir, [], 'after a register appeared');
  // Options of the command line.
  assertSame(dir, ['--rule', 'uncited-evidence=off'], 'with --rule');
  assertSame(dir, ['--template', 'evidence-gap-map'], 'with --template');
});

test('an entry whose key still matches is what is shown: unchanged files are not checked again', () => {
  const dir = project();
  synthlint(['--cache', 'project'], dir);
  const cache = cacheOf(dir);
  const showcase = Object.keys(cache.entries).find((path) => path.endsWith('showcase.synth.md'))!;
  const colombia = Object.keys(cache.entries).find((path) => path.endsWith('colombia-country-programme.synth.md'))!;
  assert.ok(cache.entries[showcase]!.findings.length > 0);
  // Emptied by hand: if the next run shows no findings for these files, it did not check them.
  cache.entries[showcase]!.findings = [];
  cache.entries[colombia]!.findings = [];
  writeFileSync(join(dir, '.synthesis-cache'), JSON.stringify(cache));
  const warm = JSON.parse(synthlint(['--cache', '--format', 'json', 'project'], dir).stdout) as Array<{ file: string }>;
  assert.ok(!warm.some((f) => f.file.endsWith('showcase.synth.md')));
  assert.ok(!warm.some((f) => f.file.endsWith('colombia-country-programme.synth.md')));
  // The showcase's register changes: its entry is stale and it is checked again; Colombia's is not.
  appendFileSync(join(dir, 'project', 'showcase-evidence.csv'), '\n');
  const after = JSON.parse(synthlint(['--cache', '--format', 'json', 'project'], dir).stdout) as Array<{ file: string }>;
  assert.ok(after.some((f) => f.file.endsWith('showcase.synth.md')));
  assert.ok(!after.some((f) => f.file.endsWith('colombia-country-programme.synth.md')));
});

test('findings are kept as data: a cache written in English serves a run in French', () => {
  const dir = project();
  synthlint(['--cache', 'project'], dir);
  const french = synthlint(['--lang', 'fr', 'project'], dir);
  assert.equal(synthlint(['--cache', '--lang', 'fr', 'project'], dir).stdout, french.stdout);
  assert.match(french.stdout, /erreur|avertissement|évaluation/i);
});

test('a broken or hostile cache file is ignored with one line, never a crash', () => {
  const dir = project();
  const plain = synthlint(['--format', 'json', 'project'], dir);
  synthlint(['--cache', 'project'], dir);
  const good = cacheOf(dir);
  const path = Object.keys(good.entries)[0]!;
  const hostile: Record<string, string> = {
    garbage: 'not json at all {{{',
    empty: '',
    null: 'null',
    array: '[1,2,3]',
    'wrong types': JSON.stringify({ synthlintCache: 2, inputs: [], entries: { [path]: { key: 42, inputs: 'x', findings: {}, related: null } } }),
    'a finding that is not one': JSON.stringify({ ...good, entries: { [path]: { ...good.entries[path], findings: [{ line: -1, column: 'a', message: { key: 'no.such.message' } }] } } }),
    'an input without a folder to stay in': JSON.stringify({ ...good, inputs: [[{ kind: 'file', path: '/etc/passwd' }]], entries: { [path]: { ...good.entries[path], inputs: 0 } } }),
    'an input outside the project': JSON.stringify({ ...good, inputs: [[{ kind: 'file', path: '/etc/passwd', within: '/' }]], entries: { [path]: { ...good.entries[path], inputs: 0 } } }),
    'a list of inputs that is not there': JSON.stringify({ ...good, entries: { [path]: { ...good.entries[path], inputs: good.inputs.length } } }),
    'lists of inputs that are not lists': JSON.stringify({ ...good, inputs: 'x' }),
    __proto__: `{"synthlintCache":2,"inputs":[],"__proto__":{"polluted":true},"entries":{"__proto__":{"key":"x"}}}`,
    'another format': JSON.stringify({ ...good, synthlintCache: 999 }),
    'not text': '\u0000\uFFFF',
  };
  for (const [label, text] of Object.entries(hostile)) {
    writeFileSync(join(dir, '.synthesis-cache'), text);
    const run = synthlint(['--cache', '--format', 'json', 'project'], dir);
    assert.equal(run.stdout, plain.stdout, label);
    assert.equal(run.status, plain.status, label);
    assert.ok(run.stderr.split('\n').filter(Boolean).length <= 1, `${label}: at most one line, got ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /^\s+at |Error:|node:internal/m, label);
    // And the file is written anew, valid.
    assert.equal(cacheOf(dir).synthlintCache, 2, label);
  }
  // A huge file is not read at all.
  writeFileSync(join(dir, '.synthesis-cache'), Buffer.alloc(65 * 1024 * 1024, 0x20));
  const huge = synthlint(['--cache', '--format', 'json', 'project'], dir);
  assert.equal(huge.stdout, plain.stdout);
  assert.match(huge.stderr, /^synthlint: the cache \.synthesis-cache was not used \(it is too large\); every file is checked\n$/);
});

test('a cache of the first format, or of a later one, is started anew without a word', () => {
  const dir = project();
  const plain = synthlint(['--format', 'json', 'project'], dir);
  synthlint(['--cache', 'project'], dir);
  const good = cacheOf(dir);
  // As the first format wrote it: each entry with its own list of inputs.
  const first = { synthlintCache: 1, entries: Object.fromEntries(Object.entries(good.entries).map(([path, entry]) => [path, { ...entry, inputs: good.inputs[entry.inputs] }])) };
  for (const [label, file] of [['the first format', first], ['a later format', { ...good, synthlintCache: 3 }]] as const) {
    writeFileSync(join(dir, '.synthesis-cache'), JSON.stringify(file));
    const run = synthlint(['--cache', '--format', 'json', 'project'], dir);
    assert.equal(run.stdout, plain.stdout, label);
    assert.equal(run.stderr, '', `${label}: nothing said`);
    assert.equal(cacheOf(dir).synthlintCache, 2, `${label}: written anew`);
  }
});

test('the files of one folder share one list of inputs in the cache file', () => {
  const dir = project();
  synthlint(['--cache', 'project'], dir);
  const cache = cacheOf(dir);
  const entries = Object.values(cache.entries);
  const used = new Set(entries.map((e) => e.inputs));
  assert.ok(entries.length > cache.inputs.length, `${entries.length} entries, ${cache.inputs.length} lists`);
  assert.equal(used.size, cache.inputs.length, 'every list written is used');
  assert.equal(new Set(cache.inputs.map((list) => JSON.stringify(list))).size, cache.inputs.length, 'no list written twice');
});

test('a cache file made elsewhere (a repository, another user) is not believed: its entries are keyed with the user\'s own key', () => {
  const dir = project();
  const plain = synthlint(['--format', 'json', 'project'], dir);
  const elsewhere = mkdtempSync(join(tmpdir(), 'synthlint-other-user-'));
  temps.push(elsewhere);
  // Made by another key, then forged to say no file has findings, as a pull request could bring it.
  synthlint(['--cache', 'project'], dir, elsewhere);
  const forged = cacheOf(dir);
  for (const entry of Object.values(forged.entries)) entry.findings = [];
  writeFileSync(join(dir, '.synthesis-cache'), JSON.stringify(forged));
  const run = synthlint(['--cache', '--format', 'json', 'project'], dir);
  assert.equal(run.stdout, plain.stdout, 'every file is checked');
  assert.equal(run.stderr, '');
  // The same forgery under the key it was made with is believed: the key is what keeps it out.
  writeFileSync(join(dir, '.synthesis-cache'), JSON.stringify(forged));
  assert.notEqual(synthlint(['--cache', '--format', 'json', 'project'], dir, elsewhere).stdout, plain.stdout);
});

test('the key is made once, private, in the user\'s cache folder, and a damaged one is made anew', () => {
  const dir = project();
  const folder = mkdtempSync(join(tmpdir(), 'synthlint-key-'));
  temps.push(folder);
  const file = join(folder, 'synthlint', 'cache-key');
  synthlint(['--cache', 'project'], dir, folder);
  const key = readFileSync(file, 'latin1');
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  synthlint(['--cache', 'project'], dir, folder);
  assert.equal(readFileSync(file, 'latin1'), key, 'the same key at the next run');
  writeFileSync(file, 'not a key');
  const plain = synthlint(['--format', 'json', 'project'], dir, folder);
  const run = synthlint(['--cache', '--format', 'json', 'project'], dir, folder);
  assert.equal(run.stdout, plain.stdout);
  assert.equal(run.stderr, '');
  assert.match(readFileSync(file, 'latin1'), /^[0-9a-f]{64}$/);
  assert.notEqual(readFileSync(file, 'latin1'), key);
});

test('without a place for the key, the cache is not used, left as it is, and that is said in one line', () => {
  const dir = project();
  synthlint(['--cache', 'project'], dir);
  const before = readFileSync(join(dir, '.synthesis-cache'), 'utf8');
  // A file where the folder should be: the key can be neither read nor made.
  const notAFolder = join(dir, 'not-a-folder');
  writeFileSync(notAFolder, '');
  const plain = synthlint(['--format', 'json', 'project'], dir);
  const run = synthlint(['--cache', '--format', 'json', 'project'], dir, notAFolder);
  assert.equal(run.stdout, plain.stdout);
  assert.equal(run.status, plain.status);
  assert.match(run.stderr, /^synthlint: the cache \.synthesis-cache was not used \(the key that vouches for its entries is unavailable: cannot write .*not-a-folder\/synthlint\/cache-key: .*\); every file is checked\n$/);
  assert.equal(readFileSync(join(dir, '.synthesis-cache'), 'utf8'), before, 'the cache file is left as it was');
});

test('--fix does not trust an entry of a file that has something to fix', () => {
  const dir = project();
  const copy = join(dir, 'copy');
  cpSync(join(dir, 'project'), copy, { recursive: true });
  synthlint(['--cache', 'project'], dir);
  const cached = synthlint(['--cache', '--fix', '--format', 'json', 'project'], dir);
  const plain = synthlint(['--fix', '--format', 'json', 'copy'], dir);
  assert.equal(cached.stdout.replaceAll('project/', 'copy/'), plain.stdout);
  assert.equal(readFileSync(join(dir, 'project', 'showcase.synth.md'), 'utf8'), readFileSync(join(copy, 'showcase.synth.md'), 'utf8'));
  // The fixed files are cached as they are now.
  assert.equal(synthlint(['--cache', '--format', 'json', 'project'], dir).stdout, synthlint(['--format', 'json', 'project'], dir).stdout);
});

test('--cache-location names the file, or a folder to keep it in', () => {
  const dir = project();
  synthlint(['--cache-location', 'my.cache', 'project'], dir);
  assert.ok(existsSync(join(dir, 'my.cache')));
  assert.ok(!existsSync(join(dir, '.synthesis-cache')));
  mkdirSync(join(dir, 'caches'));
  synthlint(['--cache', '--cache-location', 'caches', 'project'], dir);
  assert.ok(existsSync(join(dir, 'caches', '.synthesis-cache')));
  // Without --cache nothing is written.
  rmSync(join(dir, 'my.cache'));
  synthlint(['project'], dir);
  assert.ok(!existsSync(join(dir, 'my.cache')) && !existsSync(join(dir, '.synthesis-cache')));
});

test('a .synthesis-cache that links out of the current folder is neither read nor written through', () => {
  const dir = project();
  const outside = mkdtempSync(join(tmpdir(), 'synthlint-cache-outside-'));
  temps.push(outside);
  const victim = join(outside, 'notes.txt');
  writeFileSync(victim, 'a file of the user, outside the project\n');
  symlinkSync(victim, join(dir, '.synthesis-cache'));
  const plain = synthlint(['--format', 'json', 'project'], dir);
  const run = synthlint(['--cache', '--format', 'json', 'project'], dir);
  assert.equal(run.stdout, plain.stdout);
  assert.equal(run.status, plain.status);
  assert.equal(readFileSync(victim, 'utf8'), 'a file of the user, outside the project\n');
  assert.match(run.stderr, /cannot write \.synthesis-cache: it is outside the project/);
  assert.doesNotMatch(run.stderr, /^\s+at |node:internal/m);
});

test('the entries of files that are gone are pruned; those of files this run did not check are kept', () => {
  const dir = project();
  const p = (...parts: string[]): string => join(dir, 'project', ...parts);
  const entry = (name: string): string => p(name);
  synthlint(['--cache', 'project'], dir);
  const before = Object.keys(cacheOf(dir).entries);
  assert.ok(before.includes(entry('showcase.synth.md')) && before.includes(entry('country-brief-example.synth.md')), before.join('\n'));

  // A file of the checked folder deleted, another moved: neither can be looked up again.
  rmSync(p('showcase.synth.md'));
  cpSync(p('country-brief-example.synth.md'), p('renamed-brief.synth.md'));
  rmSync(p('country-brief-example.synth.md'));
  synthlint(['--cache', 'project'], dir);
  const pruned = Object.keys(cacheOf(dir).entries);
  assert.ok(!pruned.includes(entry('showcase.synth.md')), 'a deleted file has no entry');
  assert.ok(!pruned.includes(entry('country-brief-example.synth.md')), 'a moved file has no entry under its old name');
  assert.ok(pruned.includes(entry('renamed-brief.synth.md')), 'its new name has one');

  // A run on one file keeps the entries of the others (they may be checked next time), but still
  // drops the entry of a file deleted since, which no folder search would ever find again.
  const others = pruned.filter((path) => path !== entry('renamed-brief.synth.md'));
  assert.ok(others.length > 0);
  rmSync(others[0]!);
  synthlint(['--cache', join('project', 'renamed-brief.synth.md')], dir);
  assert.deepEqual(Object.keys(cacheOf(dir).entries).sort(), pruned.filter((path) => path !== others[0]).sort());
});

test('files with a byte-order mark, in UTF-16 or without a mark are hits while their text is unchanged, and misses once it changes', () => {
  const dir = project();
  const p = (...parts: string[]): string => join(dir, 'project', ...parts);
  const text = readFileSync(p('showcase.synth.md'), 'utf8');
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const utf16 = (t: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
  writeFileSync(p('with-mark.synth.md'), Buffer.concat([bom, Buffer.from(text)]));
  writeFileSync(p('utf16.synth.md'), utf16(text));
  // A text that itself starts with U+FEFF: its file holds the mark twice.
  writeFileSync(p('two-marks.synth.md'), Buffer.concat([bom, bom, Buffer.from(text)]));
  const names = ['showcase.synth.md', 'with-mark.synth.md', 'utf16.synth.md', 'two-marks.synth.md'];
  assertSame(dir, [], 'with marks');
  const empty = (): void => {
    const cache = cacheOf(dir);
    for (const name of names) cache.entries[p(name)]!.findings = [];
    writeFileSync(join(dir, '.synthesis-cache'), JSON.stringify(cache));
  };
  const checked = (): string[] => {
    const found = JSON.parse(synthlint(['--cache', '--format', 'json', 'project'], dir).stdout) as Array<{ file: string }>;
    return names.filter((name) => found.some((f) => f.file === `project/${name}`));
  };
  // Emptied by hand: a file that shows findings again was checked again.
  empty();
  assert.deepEqual(checked(), [], 'unchanged files are taken from the cache, whatever their encoding');
  // The same text saved with another encoding or without its mark is the same text: still a hit.
  writeFileSync(p('with-mark.synth.md'), text);
  writeFileSync(p('utf16.synth.md'), Buffer.concat([bom, Buffer.from(text)]));
  empty();
  assert.deepEqual(checked(), [], 'the same text in another encoding');
  // One mark less in the two-mark file: its text lost its first character, so it is checked again
  // (its bytes are now exactly those the cache once hashed for its text).
  writeFileSync(p('two-marks.synth.md'), Buffer.concat([bom, Buffer.from(text)]));
  // A one-character edit in UTF-16.
  writeFileSync(p('utf16.synth.md'), utf16(text.replace('template:', 'template: ')));
  empty();
  assert.deepEqual(checked(), ['utf16.synth.md', 'two-marks.synth.md']);
  // Without the entries emptied by hand, a cached run says what a plain one says.
  rmSync(join(dir, '.synthesis-cache'));
  assertSame(dir, [], 'after the edits');
});

test('a cached file replaced by a link that leads out of the folder is not taken from the cache', () => {
  const dir = project();
  const p = (...parts: string[]): string => join(dir, 'project', ...parts);
  const outside = mkdtempSync(join(tmpdir(), 'synthlint-cache-outside-'));
  temps.push(outside);
  synthlint(['--cache', 'project'], dir);
  // The same bytes, now outside the folder that was searched, and linked from inside it.
  cpSync(p('showcase.synth.md'), join(outside, 'showcase.synth.md'));
  rmSync(p('showcase.synth.md'));
  symlinkSync(join(outside, 'showcase.synth.md'), p('showcase.synth.md'));
  const plain = synthlint(['--format', 'json', 'project'], dir);
  const cached = synthlint(['--cache', '--format', 'json', 'project'], dir);
  assert.equal(cached.stdout, plain.stdout);
  assert.equal(cached.stderr, plain.stderr);
  assert.match(cached.stderr, /showcase\.synth\.md.*outside/);
});
