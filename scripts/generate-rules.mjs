// Writes everything about the rules that is not the rules themselves, from the rule units
// (server/src/core/rules/<id>.ts: id, descriptions in en/es/fr, default level, tags):
//
//   package.json            the per-rule entries of the `synthesis.rules` setting (`%key%` texts)
//   package.nls*.json       those texts in English, Spanish and French, with each rule's default
//   schemas/rules.schema.json  the rule levels as a JSON Schema (for the project configuration file)
//   README.md               the rules table between <!-- rules-table:start/end -->
//   docs/rules/README.md, docs/rules/es/README.md, docs/rules/fr/README.md
//                           the rules tables between the same markers, in each language
//   docs/labels.md          the wordings the register checks, from server/src/core/i18n/labels.ts
//
//   node scripts/generate-rules.mjs          write the files that are out of date
//   node scripts/generate-rules.mjs --check  write nothing; exit 1 naming the files that are stale
//
// A meta test runs `--check`, so a rule added or changed without running this fails the tests.
// Only the generated parts are rewritten; every other key and line of these files is kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadTs } from './load-ts.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const { RULES, SEVERITY_NAMES, LABELS, REGISTER_TYPES } = await loadTs({
  'server/src/core/rules/registry.ts': ['RULES'],
  'server/src/core/i18n/severity.ts': ['SEVERITY_NAMES'],
  'server/src/core/i18n/labels.ts': ['LABELS', 'REGISTER_TYPES'],
});

const LANGUAGES = ['en', 'es', 'fr'];
const LEVELS = ['off', 'info', 'warning', 'error'];
const LEVEL_TEXTS = {
  en: ['Do not check this.', 'Show as information.', 'Show as a warning.', 'Show as an error.'],
  es: ['No comprobar esto.', 'Mostrar como información.', 'Mostrar como advertencia.', 'Mostrar como error.'],
  fr: ['Ne pas vérifier ceci.', 'Afficher comme information.', 'Afficher comme avertissement.', 'Afficher comme erreur.'],
};
const UNSET = { en: 'Unset', es: 'Sin ajuste', fr: 'Par défaut' };
const TABLE_HEAD = {
  en: '| rule | default | finds |',
  es: '| regla | nivel predeterminado | qué encuentra |',
  fr: '| règle | niveau par défaut | ce qu’elle trouve |',
};

/** What a rule's setting says in a language: its description and its default level. */
function settingText(rule, lang) {
  return `${rule.description[lang].replace(/\.$/, '')}. ${UNSET[lang]}: ${SEVERITY_NAMES[lang][rule.defaultSeverity]}.`;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const read = (file) => (existsSync(`${root}${file}`) ? readFileSync(`${root}${file}`, 'utf8') : undefined);

/** The text between two markers replaced; an error when the markers are missing. */
function replaceBetween(text, file, name, body) {
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end, i);
  if (i < 0 || j < 0) throw new Error(`${file} has no ${start.trim()} … ${end} markers`);
  return text.slice(0, i + start.length) + body + text.slice(j);
}

/** The rules table of a language; `link` is a rule's page relative to the file holding the table. */
function table(lang, link) {
  const rows = RULES.map((r) => `| [\`${r.id}\`](${link(r.id)}) | ${SEVERITY_NAMES[lang][r.defaultSeverity]} | ${r.description[lang]} |`);
  return [TABLE_HEAD[lang], '|---|---|---|', ...rows, ''].join('\n');
}

const outputs = new Map();

// package.json: only the per-rule entries of `synthesis.rules`.
{
  const manifest = JSON.parse(read('package.json'));
  const setting = manifest.contributes.configuration.properties['synthesis.rules'];
  setting.properties = Object.fromEntries(
    RULES.map((rule) => [
      rule.id,
      {
        type: 'string',
        enum: LEVELS,
        enumDescriptions: LEVELS.map((s) => `%synthesis.rules.severity.${s}%`),
        description: `%synthesis.rules.${rule.id}.description%`,
      },
    ]),
  );
  outputs.set('package.json', json(manifest));
}

// package.nls*.json: the rule texts are rewritten, every other text kept where it is.
for (const lang of LANGUAGES) {
  const file = `package.nls${lang === 'en' ? '' : `.${lang}`}.json`;
  const nls = JSON.parse(read(file));
  const texts = {};
  LEVELS.forEach((level, i) => (texts[`synthesis.rules.severity.${level}`] = LEVEL_TEXTS[lang][i]));
  for (const rule of RULES) texts[`synthesis.rules.${rule.id}.description`] = settingText(rule, lang);
  // Texts keep their place (other streams add keys to these files too); stale rule texts go, new ones
  // are added at the end.
  for (const key of Object.keys(nls)) if (/^synthesis\.rules\.(?!description$|markdownDescription$)/.test(key) && !(key in texts)) delete nls[key];
  Object.assign(nls, texts);
  outputs.set(file, json(nls));
}

// The rule levels as a JSON Schema, for editors of the project configuration file.
outputs.set(
  'schemas/rules.schema.json',
  json({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://synthesis-markdown.github.io/schemas/rules.schema.json',
    title: 'Synthesis Markdown rule levels',
    description: "How each check reports what it finds: 'off', 'info', 'warning' or 'error'. Generated from the rules by scripts/generate-rules.mjs.",
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      RULES.map((rule) => [rule.id, { description: settingText(rule, 'en'), enum: LEVELS, default: rule.defaultSeverity }]),
    ),
  }),
);

// The rules tables.
{
  const readme = read('README.md');
  outputs.set('README.md', replaceBetween(readme, 'README.md', 'rules-table', table('en', (id) => `docs/rules/${id}.md`)));
  for (const lang of LANGUAGES) {
    const file = lang === 'en' ? 'docs/rules/README.md' : `docs/rules/${lang}/README.md`;
    const text = read(file);
    if (text === undefined) throw new Error(`${file} is missing: it holds the ${lang} rules table between <!-- rules-table:start/end --> markers`);
    outputs.set(file, replaceBetween(text, file, 'rules-table', table(lang, (id) => `${id}.md`)));
  }
}

// The wordings the register checks, one table for what it counts and one per type.
{
  const words = (list) => list.map((w) => `\`${w}\``).join(', ');
  const rows = [
    '| counts | English | Spanish | French |',
    '|---|---|---|---|',
    `| evaluations | ${LANGUAGES.map((l) => words(LABELS[l].evaluations)).join(' | ')} |`,
    `| projects | ${LANGUAGES.map((l) => words(LABELS[l].projects)).join(' | ')} |`,
    `| (noun of a breakdown line) | ${LANGUAGES.map((l) => words(LABELS[l].nouns)).join(' | ')} |`,
    '',
    '| type | in the register (`type`) | in a breakdown line, English | Spanish | French |',
    '|---|---|---|---|---|',
    ...REGISTER_TYPES.map((t) => `| ${t} | ${words([...new Set(LANGUAGES.flatMap((l) => LABELS[l].typeNames[t]))])} | ${LANGUAGES.map((l) => words(LABELS[l].qualifiers[t])).join(' | ')} |`),
    '',
  ];
  outputs.set('docs/labels.md', replaceBetween(read('docs/labels.md'), 'docs/labels.md', 'labels-table', rows.join('\n')));
}

const stale = [...outputs].filter(([file, text]) => read(file) !== text).map(([file]) => file);
if (check) {
  if (stale.length > 0) {
    console.error(`Out of date with the rules: ${stale.join(', ')}. Run: node scripts/generate-rules.mjs`);
    process.exit(1);
  }
  console.log(`The files generated from the ${RULES.length} rules are up to date.`);
} else {
  for (const file of stale) writeFileSync(`${root}${file}`, outputs.get(file));
  console.log(stale.length ? `Wrote ${stale.join(', ')} (${RULES.length} rules).` : `Already up to date (${RULES.length} rules).`);
}
