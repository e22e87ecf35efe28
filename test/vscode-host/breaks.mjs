// Deliberately broken copies of the extension, to show that the end-to-end tests fail when what a
// user sees is broken (SYNTHESIS_E2E_BREAK=<name> node scripts/test-vscode.mjs). Each break changes
// one thing in a copy of the sources, which is then built; the suite runs against the copy. The
// tests each break must fail are named in `fails` (a SYNTHESIS_E2E_GREP pattern, so a run can be
// limited to them); docs/testing.md records what each run gave.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const BREAKS = {
  server: {
    what: 'the language server is missing (dist/server.js deleted)',
    fails: '',
    after: (dir) => rmSync(join(dir, 'dist', 'server.js')),
  },
  'badge-colours': {
    what: 'the goal 16 badges are drawn grey instead of in the SDG 16 blue',
    fails: 'shows the brief',
    file: 'media/preview.css',
    find: '.sdg-goal-16 { --sdg-colour: #00689D; }',
    replace: '.sdg-goal-16 { --sdg-colour: #5b6770; }',
  },
  'preview-marks': {
    what: 'the preview marks only the errors, not the warnings',
    fails: 'marks the blocks that hold problems',
    file: 'server/src/core/render/blocks.ts',
    find: '  for (const finding of findings) {',
    replace: "  for (const finding of findings.filter((f) => f.severity === 'error')) {",
  },
  'preview-updates': {
    what: 'the preview page ignores new renderings',
    fails: 'shows what is typed',
    file: 'media/preview.js',
    find: 'content.innerHTML = message.html;',
    replace: '/* update ignored */',
  },
  'scroll-sync': {
    what: 'the preview page ignores the editor scrolling',
    fails: 'follows the editor',
    file: 'media/preview.js',
    find: 'scrollToLine(message.line);',
    replace: '/* scroll ignored */',
  },
  sanitizer: {
    what: "the server's HTML sanitizer is skipped",
    fails: 'hostile document',
    file: 'server/src/core/render/markdown.ts',
    find: 'return sanitizer.runSync(tree);',
    replace: 'return tree;',
  },
  'remote-images': {
    what: 'the preview keeps images from the web instead of naming them in words',
    fails: 'hostile document',
    file: 'server/src/core/render/index.ts',
    find: '  remoteImagePlaceholders(tree, labelsFor(analysis.document.language));\n',
    replace: '',
  },
  'closed-preview': {
    what: 'a render that comes back after the preview was closed still writes to the panel',
    fails: 'closing the preview while it renders',
    file: 'client/src/preview.ts',
    find: 'if (this.disposed || count !== this.renderCount) return;',
    replace: 'if (count !== this.renderCount) return;',
  },
  'config-live': {
    what: 'the server ignores changes to the files of a .synthesis folder',
    fails: 'config.yaml',
    file: 'server/src/core/service/service.ts',
    find: 'const inSynthesisFolder = path.split(/[\\\\/]/).includes(CONFIG_FOLDER);',
    replace: 'const inSynthesisFolder = false;',
  },
  'coverage-escape': {
    what: 'the coverage page does not escape what registers and documents say',
    fails: 'hostile register',
    file: 'client/src/coverage-html.ts',
    find: "return text.replace(/[&<>\"']/g, (c) => `&#${c.charCodeAt(0)};`);",
    replace: 'return text;',
  },
  'completion-details': {
    what: "the suggest widget's rows carry the target's id instead of the start of its official text",
    fails: 'opens the suggest widget',
    file: 'server/src/core/features/completion/sdg.ts',
    find: 'detail: clip(target.title, 70),',
    replace: 'detail: target.id,',
  },
  'hover-indicators': {
    what: "a target's hover leaves out its indicators",
    fails: 'hovering an SDG tag shows the official text of the target and its indicators',
    file: 'server/src/core/features/hover.ts',
    find: 'const list = indicators.length > 0 ?',
    replace: 'const list = false ?',
  },
  'quick-fixes': {
    what: 'the server offers no quick fix',
    fails: 'quick-fix menu',
    file: 'server/src/lsp/handlers/code-actions.ts',
    find: '      const only = params.context.only;',
    replace: '      if (params) return [];\n      const only = params.context.only;',
  },
  'coverage-ticks': {
    what: 'the coverage table ticks only evaluations cited twice or more',
    fails: 'shows the map of the Colombia sample',
    file: 'client/src/coverage-html.ts',
    find: 'return n > 0 ?',
    replace: 'return n > 1 ?',
  },
  'status-bar': {
    what: 'the status bar item does not follow changes of the problems',
    fails: 'the status bar shows',
    file: 'client/src/status.ts',
    find: 'vscode.languages.onDidChangeDiagnostics((e) => {',
    replace: 'vscode.languages.onDidChangeDiagnostics((e) => {\n        if (e) return;',
  },
  'crash-give-up': {
    what: 'the client never gives up restarting a crashing server',
    fails: 'keeps crashing',
    file: 'client/src/crash.ts',
    find: 'if (this.recent.length > MAX_RESTARTS) {',
    replace: 'if (this.recent.length > MAX_RESTARTS + 100) {',
  },
  'template-folders': {
    what: 'the server ignores synthesis.templateFolders',
    fails: 'templateFolders',
    file: 'server/src/core/service/service.ts',
    find: 'for (const folder of userSettings.templateFolders ?? []) folders.push(',
    replace: 'for (const folder of [] as string[]) folders.push(',
  },
};

/**
 * Builds the broken copy for `name` in `dir` and returns it. Throws when the name is unknown or the
 * code to change is no longer there (then the break must be updated, not silently skipped).
 */
export function buildBroken(name, repoRoot, dir) {
  const brk = BREAKS[name];
  if (!brk) throw new Error(`SYNTHESIS_E2E_BREAK=${name}: no such break; there are ${Object.keys(BREAKS).join(', ')}`);
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('node_modules/'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(repoRoot, file), join(dir, file));
    } catch {
      // listed but deleted in the work tree
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  if (brk.file) {
    const path = join(dir, brk.file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(brk.find)) throw new Error(`SYNTHESIS_E2E_BREAK=${name}: '${brk.find}' is no longer in ${brk.file}; update test/vscode-host/breaks.mjs`);
    writeFileSync(path, text.replace(brk.find, brk.replace));
  }
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`SYNTHESIS_E2E_BREAK=${name}: the broken copy did not build`);
  brk.after?.(dir);
  return brk;
}
