// Whether a path is inside a folder (node/fs/paths.ts) decides what a document may make the tools
// read. Its quick comparison of plain paths, and the quick join, resolve and relative built on it,
// must answer exactly as path's own functions do, for any path: with `.` and `..` steps, doubled
// and trailing slashes, dots inside names, the root.
import assert from 'node:assert/strict';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { isInside, joinPath, relativePath, resolvePath } from '../../server/src/node/fs/paths.js';

/** The definition the quick comparison stands in for. */
function insideByRelative(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel));
}

const step = fc.constantFrom('a', 'b', 'ab', '.', '..', '...', '.a', 'a.', '..a', '', 'a b', 'é');
const path = fc.tuple(fc.boolean(), fc.array(step, { maxLength: 6 }), fc.boolean()).map(([absolute, steps, trailing]) => `${absolute ? '/' : ''}${steps.join('/')}${trailing ? '/' : ''}`);
/** A path below another, sometimes: most random pairs are unrelated. */
const pair = fc.oneof(
  fc.tuple(path, path),
  fc.tuple(path, fc.array(step, { maxLength: 4 })).map(([folder, more]) => [folder, [folder, ...more].join('/')] as const),
);

test('isInside, relativePath, resolvePath and joinPath answer as path\'s functions do, for any paths', () => {
  fc.assert(
    fc.property(pair, ([folder, inner]) => {
      assert.equal(isInside(folder, inner), insideByRelative(folder, inner), `isInside(${JSON.stringify(folder)}, ${JSON.stringify(inner)})`);
      assert.equal(relativePath(folder, inner), relative(folder, inner), `relativePath(${JSON.stringify(folder)}, ${JSON.stringify(inner)})`);
      assert.equal(resolvePath(inner), resolve(inner), `resolvePath(${JSON.stringify(inner)})`);
      const name = inner.split('/').at(-1)!;
      assert.equal(joinPath(folder, name), join(folder, name), `joinPath(${JSON.stringify(folder)}, ${JSON.stringify(name)})`);
      assert.equal(joinPath(folder, inner), join(folder, inner), `joinPath(${JSON.stringify(folder)}, ${JSON.stringify(inner)})`);
    }),
    { numRuns: 3000 },
  );
});

test('the cases a quick comparison of characters gets wrong', () => {
  assert.equal(isInside('/project', '/project-other/file'), false, 'a folder whose name starts with the project\'s');
  assert.equal(isInside('/project', '/project/../etc/passwd'), false, 'a `..` step');
  assert.equal(isInside('/project', '/project/./a'), true);
  assert.equal(isInside('/project/', '/project/a'), true, 'a trailing slash');
  assert.equal(isInside('/', '/etc'), true, 'the root');
  assert.equal(isInside('/project', '/project'), true, 'the folder itself');
  assert.equal(relativePath('/project', '/project/a/b'), 'a/b');
  assert.equal(relativePath('/', '/a'), 'a');
  assert.equal(relativePath('/project', '/project'), '');
  assert.equal(relativePath('/project', '/other/a'), '../other/a');
});
