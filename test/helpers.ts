import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests run compiled from out/test/…). */
export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** Files under a folder, recursively, whose names end with `suffix`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}
