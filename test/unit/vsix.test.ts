/**
 * The packaged extension: `vsce package` must produce a .vsix holding the bundles and the files
 * the manifest names, and no sources, tests or node_modules. Needs dist/ (npm test builds it first).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from '../helpers.js';

/** The entries of a zip file: name → stored bytes (inflated). Reads the central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'the .vsix is a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function vsce(args: string[]): string {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), ...args], { cwd: repoRoot, encoding: 'utf8', input: '', timeout: 120_000 });
  assert.equal(result.status, 0, `vsce ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const DOCUMENTS = ['README.md', 'CHANGELOG.md', 'LICENSE'];
/** vsce stores a licence file without extension as LICENSE.txt, and the readme and changelog in lower case. */
const packagedName = (file: string): string => (file === 'LICENSE' ? 'LICENSE.txt' : /^(README|CHANGELOG)\.md$/i.test(file) ? file.toLowerCase() : file);
const REQUIRED = ['package.json', 'package.nls.json', 'package.nls.es.json', 'package.nls.fr.json', 'l10n', 'language-configuration.json', 'dist', 'syntaxes', 'snippets', 'media', 'schemas', 'images'];

let dir: string;
let files: Map<string, Buffer>;

before(() => {
  assert.ok(existsSync(join(repoRoot, 'dist', 'client.js')) && existsSync(join(repoRoot, 'dist', 'server.js')), 'build first: node scripts/build.mjs');
  dir = mkdtempSync(join(tmpdir(), 'synthesis-vsix-'));
  vsce(['package', '--no-dependencies', '--out', join(dir, 'test.vsix')]);
  const zip = readZip(readFileSync(join(dir, 'test.vsix')));
  files = new Map([...zip].filter(([name]) => name.startsWith('extension/')).map(([name, data]) => [name.slice('extension/'.length), data]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('the .vsix package', () => {
  test('holds exactly the run-time files at its top level', () => {
    const top = new Set([...files.keys()].map((f) => f.split('/')[0]!));
    const expected = [...REQUIRED, ...DOCUMENTS.filter((d) => existsSync(join(repoRoot, d))).map(packagedName)];
    assert.deepEqual([...top].sort(), expected.sort());
  });

  test('carries the README and the licence', () => {
    for (const document of ['README.md', 'LICENSE']) assert.ok(files.has(packagedName(document)), `${document} is packaged (add it at the repository root)`);
  });

  test('has the bundles (client, server with its loader and code cache, and the Word and PDF code the server loads on demand), CommonJS, and nothing else from dist/', () => {
    assert.deepEqual([...files.keys()].filter((f) => f.startsWith('dist/')).sort(), ['dist/client.js', 'dist/package.json', 'dist/server-bundle.cache', 'dist/server-bundle.js', 'dist/server.js', 'dist/word.js']);
    assert.equal(JSON.parse(files.get('dist/package.json')!.toString('utf8')).type, 'commonjs');
  });

  test('has no sources, tests, source maps or node_modules', () => {
    for (const name of files.keys()) {
      assert.doesNotMatch(name, /\.(ts|mts|cts|map)$/, name);
      assert.doesNotMatch(name, /(^|\/)(node_modules|test|src|out|samples|\.git)\//, name);
    }
  });

  test('contains every file its manifest points to', () => {
    const manifest = JSON.parse(files.get('package.json')!.toString('utf8')) as {
      main: string;
      icon: string;
      contributes: { grammars: { path: string }[]; snippets: { path: string }[]; languages: { configuration: string }[]; yamlValidation?: { url: string }[] };
    };
    const paths = [
      manifest.main,
      manifest.icon,
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.snippets.map((s) => s.path),
      ...manifest.contributes.languages.map((l) => l.configuration),
      ...(manifest.contributes.yamlValidation ?? []).map((y) => y.url),
      'media/preview.css',
      'media/preview.js',
    ];
    for (const path of paths) assert.ok(files.has(path.replace(/^\.\//, '')), `${path} is in the package`);
  });

  test('vsce ls agrees with the package', () => {
    const listed = vsce(['ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean).map(packagedName).sort();
    const packaged = [...files.keys()].filter((f) => !f.endsWith('/')).sort();
    assert.deepEqual(listed, packaged);
  });
});
