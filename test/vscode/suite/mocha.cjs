// Mocha, for the suite bundle (scripts/test-vscode.mjs resolves it from the VS Code test host's
// node_modules when it bundles the suite). A CommonJS shim so that the TypeScript side needs only
// the few declarations in mocha.d.cts, not @types/mocha.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim on purpose
module.exports = require('mocha');
