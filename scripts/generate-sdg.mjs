// Builds server/src/core/sdg/data/catalogue.json: the 17 SDG goals, 169 targets and the global
// indicators, with texts in English, Spanish and French.
//
//   node scripts/generate-sdg.mjs [--from <dir>] [--out <file>] [--check]
//
//   --from   source folder (default: <repo>/../shared/data/sdg) holding
//              en|es|fr/global_{goals,targets,indicators}.yml   (open-sdg/sdg-translations)
//              unsd-2025-reference/*.csv                        (UNSD list after the 2025 review)
//   --out    where to write (default: server/src/core/sdg/data/catalogue.json)
//   --check  write nothing; exit 1 when the output file differs from what would be generated
//
// Where each piece comes from:
//   goals, targets      open-sdg, all three languages (the generator checks that the UNSD list has
//                       the same target ids; the texts agree apart from footnote markers).
//   indicator ids       the UNSD 2025 list (it drops 1.a.3, 13.3.2, 17.6.2 and adds 2.2.4, 11.5.3
//                       compared with open-sdg).
//   indicator text, en  the UNSD 2025 list, footnote markers removed (see stripFootnoteMarker).
//   indicator text, es/fr  open-sdg under the same id. Without one, the English text is used and the
//                       language is listed in the record's "fallback". When open-sdg's English text
//                       for that id differs in wording from the 2025 text, its translations were
//                       made for the older wording and the languages are listed in "stale".
//
// Text clean-up, for every text: Unicode NFC (the es/fr files mostly spell accented letters
// decomposed, "e" + U+0301, but not always, which would defeat searching and comparing), runs of
// whitespace (YAML line folding, no-break spaces in the CSV) become one space, ends are trimmed,
// and the typographic hyphens U+2010 and U+2011 become ASCII "-" (the sources mix them for the
// same word, e.g. "under‐5" / "under‑5").
//
// The output is deterministic: fixed key order, official item order, one record per line, and a
// final newline. Running the script twice gives identical bytes.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const LANGUAGES = ['en', 'es', 'fr'];

// Official SDG colour of each goal (index 0 is goal 1).
const COLOURS = [
  '#E5243B', '#DDA63A', '#4C9F38', '#C5192D', '#FF3A21', '#26BDE2', '#FCC30B', '#A21942', '#FD6925',
  '#DD1367', '#FD9D24', '#BF8B2E', '#3F7E44', '#0A97D9', '#56C02B', '#00689D', '#19486A',
];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FROM = resolve(repoRoot, '..', 'shared', 'data', 'sdg');
const DEFAULT_OUT = join(repoRoot, 'server', 'src', 'core', 'sdg', 'data', 'catalogue.json');

function fail(message) {
  console.error(`generate-sdg: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { from: DEFAULT_FROM, out: DEFAULT_OUT, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') opts.check = true;
    else if (arg === '--from' || arg === '--out') {
      const value = argv[++i];
      if (!value) fail(`${arg} needs a value`);
      opts[arg.slice(2)] = resolve(value);
    } else fail(`unknown argument ${arg}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function clean(text) {
  return text.normalize('NFC').replace(/[\u2010\u2011]/g, '-').replace(/\s+/g, ' ').trim();
}

// For comparing wordings only: all dash-like characters count as the same.
function comparable(text) {
  return clean(text).replace(/[\u2012-\u2015]/g, '-');
}

/**
 * The UNSD sheet glues footnote markers to the last word of a cell ("…by speed4"), and lists the
 * footnotes themselves at the bottom ("4 The current indicator …"). A marker is removed only when
 * all of these hold, so that "CO2", "PM2.5", "PM10" or "aged 15–49" are never touched:
 *   - it is one or two digits at the very end of the cell,
 *   - glued to a word whose last three characters are lower-case letters,
 *   - and its number is one of the footnotes listed in the sheet.
 * Returns the cleaned text and the marker removed (or undefined).
 */
function stripFootnoteMarker(text, footnotes) {
  const m = /(?<=\p{Ll}{3})(\d{1,2})$/u.exec(text);
  if (!m || !footnotes.has(Number(m[1]))) return { text, marker: undefined };
  return { text: text.slice(0, m.index), marker: m[1] };
}

// ---------------------------------------------------------------------------------------------
// Ids and official order

/** "16.a.1" -> ["16", "a", "1"]. Number parts sort numerically and before letter parts. */
function compareIds(a, b) {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn !== yn) return xn ? -1 : 1;
    const d = xn ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return 0;
}

const GOAL_KEY = /^(\d+)-(title|short)$/;
const TARGET_KEY = /^(\d+)-([0-9a-z]+)-title$/;
const INDICATOR_KEY = /^(\d+)-([0-9a-z]+)-(\d+)-title$/;

// ---------------------------------------------------------------------------------------------
// open-sdg translations

function readYamlMap(file) {
  if (!existsSync(file)) fail(`missing ${file}`);
  // The failsafe schema keeps every value a string (no accidental numbers, booleans or nulls).
  const value = parseYaml(readFileSync(file, 'utf8'), { schema: 'failsafe' });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${file} is not a flat map`);
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string' || clean(text) === '') fail(`${file}: ${key} has no text`);
  }
  return value;
}

/** Per language: Maps from id ("16", "16.a", "16.a.1") to cleaned text. */
function readTranslations(from) {
  const result = {};
  for (const lang of LANGUAGES) {
    const goals = new Map();
    const shorts = new Map();
    const targets = new Map();
    const indicators = new Map();
    const dir = join(from, lang);
    for (const [key, text] of Object.entries(readYamlMap(join(dir, 'global_goals.yml')))) {
      const m = GOAL_KEY.exec(key);
      if (!m) fail(`${lang}/global_goals.yml: unexpected key ${key}`);
      (m[2] === 'title' ? goals : shorts).set(m[1], clean(text));
    }
    for (const [key, text] of Object.entries(readYamlMap(join(dir, 'global_targets.yml')))) {
      const m = TARGET_KEY.exec(key);
      if (!m) fail(`${lang}/global_targets.yml: unexpected key ${key}`);
      targets.set(`${m[1]}.${m[2]}`, clean(text));
    }
    for (const [key, text] of Object.entries(readYamlMap(join(dir, 'global_indicators.yml')))) {
      const m = INDICATOR_KEY.exec(key);
      if (!m) fail(`${lang}/global_indicators.yml: unexpected key ${key}`);
      indicators.set(`${m[1]}.${m[2]}.${m[3]}`, clean(text));
    }
    result[lang] = { goals, shorts, targets, indicators };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// UNSD 2025 list (CSV export of the official spreadsheet)

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readUnsd(from) {
  const dir = join(from, 'unsd-2025-reference');
  if (!existsSync(dir)) fail(`missing ${dir}`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  if (files.length !== 1) fail(`expected exactly one .csv in ${dir}, found ${files.length}`);
  const rows = parseCsv(readFileSync(join(dir, files[0]), 'utf8'));

  // Find the columns by the header row rather than by position.
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim().startsWith('Goals and targets')));
  if (headerAt < 0) fail('UNSD CSV: header row not found');
  const header = rows[headerAt].map((c) => c.trim());
  const targetCol = header.findIndex((c) => c.startsWith('Goals and targets'));
  const indicatorCol = header.indexOf('Indicators');
  const codeCol = header.findIndex((c) => c.startsWith('UNSD Indicator Code'));
  if (indicatorCol < 0 || codeCol < 0) fail('UNSD CSV: indicator or code column not found');

  const targetIds = [];
  const indicators = [];
  const footnotes = new Set();
  for (const row of rows.slice(headerAt + 1)) {
    const left = clean(row[targetCol] ?? '');
    const target = /^(\d+\.[0-9a-z]+) /.exec(left);
    if (target) targetIds.push(target[1]);
    else {
      // Footnotes at the bottom: "<n> <text>".
      const note = /^(\d+) \S/.exec(left);
      if (note) footnotes.add(Number(note[1]));
    }
    const cell = clean(row[indicatorCol] ?? '');
    if (cell === '') continue;
    const m = /^(\d+\.[0-9a-z]+\.\d+) (.+)$/.exec(cell);
    if (!m) fail(`UNSD CSV: indicator cell without id: ${cell.slice(0, 60)}`);
    indicators.push({ id: m[1], text: m[2], code: clean(row[codeCol] ?? '') });
  }

  const report = { stripped: [], suspicious: [] };
  for (const ind of indicators) {
    const { text, marker } = stripFootnoteMarker(ind.text, footnotes);
    if (marker !== undefined) report.stripped.push(`${ind.id} "…${text.slice(-12)}${marker}"`);
    ind.text = text.trim();
    // Anything else that looks like a glued marker is reported (not changed) for a human to judge.
    if (/\p{Ll}{3}\d/u.test(ind.text)) report.suspicious.push(ind.id);
  }
  return { targetIds, indicators, report };
}

// ---------------------------------------------------------------------------------------------
// Assembly

function texts(get) {
  const out = {};
  for (const lang of LANGUAGES) out[lang] = get(lang);
  return out;
}

function build(from) {
  const tr = readTranslations(from);
  const unsd = readUnsd(from);
  const en = tr.en;

  // Goals: 1..17, all texts required.
  const goals = [];
  for (let n = 1; n <= 17; n++) {
    const key = String(n);
    for (const lang of LANGUAGES) {
      if (!tr[lang].goals.has(key) || !tr[lang].shorts.has(key)) fail(`goal ${n} lacks a ${lang} title or short name`);
    }
    goals.push({
      number: n,
      colour: COLOURS[n - 1],
      short: texts((l) => tr[l].shorts.get(key)),
      title: texts((l) => tr[l].goals.get(key)),
    });
  }
  if (en.goals.size !== 17) fail(`expected 17 goals in open-sdg, found ${en.goals.size}`);

  // Targets: the open-sdg set must be the UNSD set, and exist in every language.
  const targetIds = [...en.targets.keys()].sort(compareIds);
  const unsdTargets = [...new Set(unsd.targetIds)].sort(compareIds);
  if (targetIds.join() !== unsdTargets.join()) fail('open-sdg and UNSD target ids differ');
  if (unsdTargets.length !== unsd.targetIds.length) fail('UNSD CSV lists a target twice');
  const targets = targetIds.map((id) => {
    for (const lang of LANGUAGES) if (!tr[lang].targets.has(id)) fail(`target ${id} lacks a ${lang} text`);
    return { id, title: texts((l) => tr[l].targets.get(id)) };
  });

  // Indicators: ids, English text and UNSD code from the 2025 list.
  const seen = new Set();
  const known = new Set(targetIds);
  const fallbackIds = [];
  const staleIds = [];
  const indicators = [...unsd.indicators].sort((a, b) => compareIds(a.id, b.id)).map((ind) => {
    if (seen.has(ind.id)) fail(`UNSD CSV lists indicator ${ind.id} twice`);
    seen.add(ind.id);
    if (!known.has(ind.id.slice(0, ind.id.lastIndexOf('.')))) fail(`indicator ${ind.id} has no target`);
    const fallback = [];
    const stale = [];
    const title = texts((lang) => {
      if (lang === 'en') return ind.text;
      const translated = tr[lang].indicators.get(ind.id);
      if (translated === undefined) {
        fallback.push(lang);
        return ind.text;
      }
      // open-sdg's translations follow open-sdg's English; if that wording is not the 2025 one,
      // the translation describes the older wording.
      const oldEnglish = en.indicators.get(ind.id);
      if (oldEnglish === undefined || comparable(oldEnglish) !== comparable(ind.text)) stale.push(lang);
      return translated;
    });
    const record = { id: ind.id, unsd: ind.code, title };
    if (fallback.length > 0) {
      record.fallback = fallback;
      fallbackIds.push(`${ind.id} (${fallback.join(', ')})`);
    }
    if (stale.length > 0) {
      record.stale = stale;
      staleIds.push(ind.id);
    }
    return record;
  });

  const dropped = [...en.indicators.keys()].filter((id) => !seen.has(id)).sort(compareIds);
  return {
    catalogue: { languages: LANGUAGES, goals, targets, indicators },
    summary: { ...unsd.report, fallbackIds, staleIds, dropped },
  };
}

/** JSON with one goal, target or indicator per line: compact, yet readable in a diff. */
function serialise(catalogue) {
  const list = (items) => `[\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]`;
  return (
    `{"languages":${JSON.stringify(catalogue.languages)},\n` +
    `"goals":${list(catalogue.goals)},\n` +
    `"targets":${list(catalogue.targets)},\n` +
    `"indicators":${list(catalogue.indicators)}}\n`
  );
}

// ---------------------------------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(opts.from)) fail(`source folder not found: ${opts.from}`);
const { catalogue, summary } = build(opts.from);
const json = serialise(catalogue);

if (opts.check) {
  const current = existsSync(opts.out) ? readFileSync(opts.out, 'utf8') : '';
  if (current !== json) fail(`${opts.out} is out of date; run node scripts/generate-sdg.mjs`);
  console.log(`${opts.out} is up to date`);
} else {
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, json);
  const c = catalogue;
  console.log(`wrote ${opts.out} (${Buffer.byteLength(json)} bytes)`);
  console.log(`  ${c.goals.length} goals, ${c.targets.length} targets, ${c.indicators.length} indicators`);
  console.log(`  footnote markers removed: ${summary.stripped.join('; ') || 'none'}`);
  if (summary.suspicious.length > 0) console.log(`  check by hand (digits glued to a word): ${summary.suspicious.join(', ')}`);
  console.log(`  English fallback: ${summary.fallbackIds.join('; ') || 'none'}`);
  console.log(`  translations of an older wording (${summary.staleIds.length}): ${summary.staleIds.join(', ') || 'none'}`);
  console.log(`  open-sdg ids not in the 2025 list: ${summary.dropped.join(', ') || 'none'}`);
}
