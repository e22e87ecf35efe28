import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parseEvidenceRegister, type EvidenceRegister, type SynthesisDocument } from '../core/index.js';

export interface EvidenceLookup {
  /** The register, when one was found and read. */
  register?: EvidenceRegister;
  /** Its absolute path. */
  path?: string;
  /** Why a register named in the front matter could not be read. */
  error?: string;
}

/**
 * A synthesis's evidence register, found synchronously for the rule-fixture tests: the file named by
 * `evidence:` in its front matter (relative to the synthesis), else `evidence.csv` or
 * `evidence.yaml`/`.yml` in its folder. The editor and the CLI do not use this: the language service
 * finds registers (with the project's configuration, and only inside the project). The fixture tests
 * can move to `createLanguageService(createNodeHost())`, and then this file goes.
 */
export function loadEvidenceFor(file: string, document: SynthesisDocument): EvidenceLookup {
  const dir = dirname(file);
  const named = document.frontMatter?.fields.get('evidence')?.value;
  if (typeof named === 'string' && named.trim()) {
    const path = isAbsolute(named.trim()) ? named.trim() : resolve(dir, named.trim());
    try {
      return { register: parseEvidenceRegister(readFileSync(path, 'utf8'), basename(path)), path };
    } catch (error) {
      return { path, error: `cannot read the evidence register ${named.trim()}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
  for (const name of ['evidence.csv', 'evidence.yaml', 'evidence.yml']) {
    const path = resolve(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      return { register: parseEvidenceRegister(readFileSync(path, 'utf8'), name), path };
    } catch {
      // Not there: try the next name.
    }
  }
  return {};
}
