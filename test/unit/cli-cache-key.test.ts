// The signer of synthlint's cache entries (cli/cache-key.ts) is HMAC-SHA-256 made from two hash
// states kept for a run: it must give exactly what node:crypto's createHmac gives, for any key
// (shorter or longer than a block) and any message cut anywhere into a shared prefix and a rest.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { cacheKeyFile, Signer } from '../../server/src/cli/cache-key.js';

test('the signer gives what createHmac gives, for any key, prefix and rest', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), (key, prefix, rest) => {
      const signer = new Signer(key);
      const begun = signer.begin(prefix);
      const expected = createHmac('sha256', key).update(prefix + rest).digest('hex');
      assert.equal(signer.sign(begun, rest), expected);
      // A begun state serves many messages: signing does not use it up.
      assert.equal(signer.sign(begun, rest), expected);
    }),
    { numRuns: 300 },
  );
});

test('the key is kept in the user\'s own cache folder, chosen only by the environment', () => {
  assert.equal(cacheKeyFile({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), '/x/cache/synthlint/cache-key');
  assert.equal(cacheKeyFile({}, 'linux', '/home/u'), '/home/u/.cache/synthlint/cache-key');
  // A relative XDG_CACHE_HOME is ignored, as the specification says.
  assert.equal(cacheKeyFile({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/u'), '/home/u/.cache/synthlint/cache-key');
  assert.equal(cacheKeyFile({ XDG_CACHE_HOME: '/x/cache' }, 'darwin', '/Users/u'), '/Users/u/Library/Caches/synthlint/cache-key');
});
