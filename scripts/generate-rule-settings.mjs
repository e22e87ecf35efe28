// Writes the per-rule entries of the `synthesis.rules` setting in package.json from the core's rule
// registry (id, description, default severity), so the Settings editor offers exactly the rules
// that exist. A unit test fails when they are out of date: run `node scripts/generate-rule-settings.mjs`
// after adding or renaming a rule. Only that one setting is rewritten; the rest of package.json is kept.
//
// The texts themselves live in package.nls.json (English, from each rule's `description`) and
// package.nls.es.json / package.nls.fr.json (from the core's RULE_DESCRIPTIONS); package.json holds
// `%key%` placeholders that VS Code resolves in the user's display language.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadTs } from './load-ts.mjs';

const root = new URL('..', import.meta.url).pathname;
const { RULES, RULE_DESCRIPTIONS, SEVERITY_NAMES } = await loadTs({
  'server/src/core/index.ts': ['RULES'],
  'server/src/core/i18n/index.ts': ['RULE_DESCRIPTIONS', 'SEVERITY_NAMES'],
});

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const SEVERITY_TEXTS = {
  en: ['Do not check this.', 'Show as information.', 'Show as a warning.', 'Show as an error.'],
  es: ['No comprobar esto.', 'Mostrar como información.', 'Mostrar como advertencia.', 'Mostrar como error.'],
  fr: ['Ne pas vérifier ceci.', 'Afficher comme information.', 'Afficher comme avertissement.', 'Afficher comme erreur.'],
};
const UNSET = { en: 'Unset', es: 'Sin ajuste', fr: 'Par défaut' };

const file = `${root}package.json`;
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const setting = manifest.contributes.configuration.properties['synthesis.rules'];
setting.properties = Object.fromEntries(
  RULES.map((rule) => [
    rule.id,
    {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: SEVERITIES.map((s) => `%synthesis.rules.severity.${s}%`),
      description: `%synthesis.rules.${rule.id}.description%`,
    },
  ]),
);
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);

for (const lang of ['en', 'es', 'fr']) {
  const nlsFile = `${root}package.nls${lang === 'en' ? '' : `.${lang}`}.json`;
  const nls = JSON.parse(readFileSync(nlsFile, 'utf8'));
  // Rule entries are rewritten; every other text is kept where it is.
  for (const key of Object.keys(nls)) if (/^synthesis\.rules\.(?!description$|markdownDescription$)/.test(key)) delete nls[key];
  SEVERITIES.forEach((s, i) => (nls[`synthesis.rules.severity.${s}`] = SEVERITY_TEXTS[lang][i]));
  for (const rule of RULES) {
    const text = lang === 'en' ? rule.description : RULE_DESCRIPTIONS[lang][rule.id];
    if (!text) throw new Error(`no ${lang} description for the rule '${rule.id}': add it to server/src/core/i18n/rule-descriptions.ts`);
    nls[`synthesis.rules.${rule.id}.description`] = `${text.replace(/\.$/, '')}. ${UNSET[lang]}: ${SEVERITY_NAMES[lang][rule.defaultSeverity]}.`;
  }
  writeFileSync(nlsFile, `${JSON.stringify(nls, null, 2)}\n`);
}
console.log(`Wrote ${RULES.length} rules into the synthesis.rules setting of package.json and package.nls*.json.`);
