/**
 * The extension manifest (package.json) against the code and files it names: commands, settings,
 * activation, grammar and snippet paths, and the rule ids the settings offer.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates, DEFAULT_TEMPLATE, RULES } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

interface Setting {
  type?: string;
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  enum?: string[];
  properties?: Record<string, Setting>;
}
interface Manifest {
  main: string;
  engines: { vscode: string };
  icon?: string;
  activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language?: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, Setting> };
  };
}

// Texts are `%key%` placeholders resolved through package.nls.json (English), as VS Code does.
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const english = (_key: string, value: unknown): unknown => (typeof value === 'string' ? value.replace(/^%([^%\s]+)%$/, (m, k: string) => nls[k] ?? m) : value);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'), english) as Manifest;
const settings = manifest.contributes.configuration.properties;
const clientSource = ['extension.ts', 'commands.ts', 'preview.ts', 'status.ts'].map((f) => readFileSync(join(repoRoot, 'client', 'src', f), 'utf8')).join('\n');

describe('package.json: the extension manifest', () => {
  test('activates only on the Synthesis Markdown language (commands activate it implicitly)', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:synthesis-markdown']);
    const language = manifest.contributes.languages.find((l) => l.id === 'synthesis-markdown');
    assert.ok(language);
    assert.deepEqual(language.extensions, ['.synth.md']);
  });

  test('runs from the bundle, on VS Code 1.100 or newer, also in untrusted workspaces', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.engines.vscode, '^1.100.0');
    // vsce refuses to package when @types/vscode is newer than engines.vscode.
    assert.match(manifest.devDependencies['@types/vscode'] ?? '', /^\^?1\.100\./);
    // In Restricted Mode only the workspace's own template folders are not used: a workspace
    // setting cannot send the server reading templates from elsewhere (docs/security.md).
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['synthesis.templateFolders']);
    assert.ok(manifest.contributes.configuration.properties?.['synthesis.templateFolders'], 'the restricted setting exists');
    assert.match(manifest.capabilities?.untrustedWorkspaces?.description ?? '', /synthesis\.templateFolders/);
  });

  test('every command has a title and the category "Synthesis", and is registered by the client', () => {
    assert.ok(manifest.contributes.commands.length >= 5);
    for (const c of manifest.contributes.commands) {
      assert.ok(c.title.trim(), `${c.command} has a title`);
      assert.equal(c.category, 'Synthesis', c.command);
      assert.ok(clientSource.includes(`'${c.command}'`), `${c.command} is registered in client/src`);
    }
    const registered = [...clientSource.matchAll(/command\('(synthesis\.[A-Za-z]+)'/g)].map((m) => m[1]);
    assert.deepEqual(registered.sort(), manifest.contributes.commands.map((c) => c.command).sort(), 'registered and contributed commands agree');
  });

  test('every setting (and every rule under synthesis.rules) has a description', () => {
    for (const [key, setting] of Object.entries(settings)) {
      assert.ok(setting.description ?? setting.markdownDescription, `${key} has a description`);
      assert.ok(key.startsWith('synthesis.'), key);
      if (setting.enum) assert.ok(setting.enum.includes(setting.default as string), `${key}: the default is one of its values`);
      for (const [rule, sub] of Object.entries(setting.properties ?? {})) assert.ok(sub.description, `${key}.${rule} has a description`);
    }
    for (const key of ['synthesis.defaultTemplate', 'synthesis.rules', 'synthesis.validate', 'synthesis.templateFolders', 'synthesis.preview.scrollSync', 'synthesis.trace.server']) {
      assert.ok(settings[key], `${key} is contributed`);
    }
  });

  test('synthesis.rules offers exactly the rules the core has, described as the core describes them', () => {
    const offered = settings['synthesis.rules']?.properties ?? {};
    const hint = "run 'node scripts/generate-rules.mjs'";
    assert.deepEqual(Object.keys(offered), RULES.map((r) => r.id), hint);
    for (const rule of RULES) {
      const setting = offered[rule.id]!;
      assert.deepEqual(setting.enum, ['off', 'info', 'warning', 'error']);
      assert.ok(setting.description?.startsWith(rule.description.en.replace(/\.$/, '')), `${rule.id}: ${hint}`);
    }
  });

  test("the default template setting is the core's default, a built-in template", () => {
    assert.equal(settings['synthesis.defaultTemplate']?.default, DEFAULT_TEMPLATE);
    assert.ok(builtinTemplates().get(DEFAULT_TEMPLATE));
  });

  test('the grammar, snippets, language configuration and icon files exist and are valid JSON', () => {
    const files = [
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.snippets.map((s) => s.path),
      ...manifest.contributes.languages.map((l) => l.configuration),
    ];
    for (const file of files) {
      assert.ok(existsSync(join(repoRoot, file)), `${file} exists`);
      assert.doesNotThrow(() => JSON.parse(readFileSync(join(repoRoot, file), 'utf8')), `${file} is JSON`);
    }
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'synthesis-markdown');
    assert.equal(grammar?.scopeName, 'text.html.markdown.synthesis');
    assert.equal((JSON.parse(readFileSync(join(repoRoot, grammar.path), 'utf8')) as { scopeName: string }).scopeName, grammar.scopeName);
    assert.ok(manifest.icon && existsSync(join(repoRoot, manifest.icon)), 'the icon exists');
    assert.ok(existsSync(join(repoRoot, 'media', 'preview.css')) && existsSync(join(repoRoot, 'media', 'preview.js')), 'the preview page files exist');
  });

  test('docs/extension.md describes every command and every setting', () => {
    const docs = readFileSync(join(repoRoot, 'docs', 'extension.md'), 'utf8');
    for (const c of manifest.contributes.commands) assert.ok(docs.includes(`Synthesis: ${c.title}`), `docs mention "Synthesis: ${c.title}"`);
    for (const key of Object.keys(settings)) assert.ok(docs.includes(`\`${key}\``), `docs mention ${key}`);
  });
});
