// Writes the per-rule entries of the `synthesis.rules` setting in package.json from the core's rule
// registry (id, description, default severity), so the Settings editor offers exactly the rules
// that exist. A unit test fails when they are out of date: run `node scripts/generate-rule-settings.mjs`
// after adding or renaming a rule. Only that one setting is rewritten; the rest of package.json is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadTs } from './load-ts.mjs';

const root = new URL('..', import.meta.url).pathname;
const { RULES } = await loadTs({ 'server/src/core/index.ts': ['RULES'] });

const file = `${root}package.json`;
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const setting = manifest.contributes.configuration.properties['synthesis.rules'];
setting.properties = Object.fromEntries(
  RULES.map((rule) => [
    rule.id,
    {
      type: 'string',
      enum: ['off', 'info', 'warning', 'error'],
      enumDescriptions: ['Do not check this.', 'Show as information.', 'Show as a warning.', 'Show as an error.'],
      description: `${rule.description.replace(/\.$/, '')}. Unset: ${rule.defaultSeverity}.`,
    },
  ]),
);
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${RULES.length} rules into the synthesis.rules setting of package.json.`);
