/**
 * tinyglobby, loaded through its CommonJS build. The CLI is bundled by esbuild as CommonJS, and
 * tinyglobby's ES module build reaches fdir's, which calls `createRequire(import.meta.url)`: in a
 * CommonJS bundle `import.meta` is empty and that call throws at start-up. (If scripts/build.mjs
 * ever defines `import.meta.url` for the bundles, a plain `import` works and this file can go.)
 */
import type * as Tinyglobby from 'tinyglobby';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tinyglobby = require('tinyglobby') as typeof Tinyglobby;

export const glob = tinyglobby.glob;
export const isDynamicPattern = tinyglobby.isDynamicPattern;
