/**
 * Repeated keys in YAML, found in one pass. The `yaml` library can refuse them itself
 * (`uniqueKeys: true`), but it compares each key with every earlier key of its mapping, which is
 * quadratic: a file with tens of thousands of keys took tens of seconds. Templates, registers and
 * the front matter are therefore parsed with `uniqueKeys: false` and checked here with a set per
 * mapping.
 */
import { isMap, isScalar, visit, type Document, type Scalar } from 'yaml';

/** Every key that repeats an earlier key of the same mapping (compared as the library compares: scalar values with ===), in document order. */
export function repeatedKeys(doc: Document.Parsed): Scalar[] {
  const repeated: Scalar[] = [];
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        // Merge keys (`<<`) may repeat; keys that are collections are never equal to one another.
        if (!isScalar(key) || key.value === '<<') continue;
        if (seen.has(key.value)) repeated.push(key);
        else seen.add(key.value);
      }
    },
  });
  return repeated;
}
