// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'out-*/**', 'dist/**', 'bench/corpus/**', '.test-artifacts/**', '**/*.generated.ts', 'test/vscode-host/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The core is pure: no I/O, no protocol, no editor.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vscode', 'vscode-*', 'node:*', 'fs', 'path', 'child_process', 'worker_threads', 'os'], message: 'core does no I/O and knows no protocol' },
        { group: ['**/lsp/**', '**/cli/**'], message: 'core must not import the outer layers' },
      ] }],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vscode'], message: 'the server never imports the editor API' },
        { group: ['**/core/*/**', '!**/core/index.js'], message: "import the core's public entry (core/index.js) only" },
      ] }],
    },
  },
  {
    // The shared protocol module: constants and types only, so the client's bundle takes in nothing of
    // the server. Types it may import (`import type` is erased when compiled), so a shape the server
    // already defines is not written twice.
    files: ['server/src/lsp/protocol.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**', '*'], allowTypeImports: true, message: 'the protocol module imports nothing at run time (import type only)' }] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      // Except the one module of request names and types that the server and the client share.
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server/(?!src/lsp/protocol\\.js$)', message: 'the client never imports the server, only its protocol module (server/src/lsp/protocol.js)' }] }],
    },
  },
);
