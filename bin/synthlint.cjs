#!/usr/bin/env node
// The synthlint command: starts the bundled CLI (dist/cli.js, built by `npm run build`).
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher loads with require */
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('synthlint is not built yet: run npm run build\n');
  process.exit(2);
}
require(cli);
