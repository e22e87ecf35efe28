// A deterministic generator of synthesis-like documents for the benchmark. Every byte comes from a
// seeded pseudo-random generator (mulberry32), so the same seed always gives the same corpus on any
// machine. The prose is invented word salad in the shape of an evaluation synthesis: it exercises
// the parser and the rules the way a real report would (front matter, the sections of the
// unodc-meta-synthesis template, SDG 16 target sections, paragraphs with SDG tags and counts, lists,
// block quotes, tables and sources blocks), but it says nothing true about any country.

/** Bumped whenever the generator's output changes, so that a cached corpus on disk is rebuilt. */
export const GENERATOR_VERSION = 4;

/** The document sizes the benchmark measures, in bytes of UTF-8 (10 MB only for the full analysis). */
export const SIZES = [
  { name: '10KB', bytes: 10 * 1024 },
  { name: '100KB', bytes: 100 * 1024 },
  { name: '1MB', bytes: 1024 * 1024 },
  { name: '10MB', bytes: 10 * 1024 * 1024 },
];

/** mulberry32: a small, fast, well-mixed 32-bit generator. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.float = mulberry32(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.float() * list.length)];
  }
  chance(p) {
    return this.float() < p;
  }
}

const COUNTRIES = ['Mexico', 'Colombia', 'Peru', 'Ecuador', 'Bolivia', 'Guatemala', 'Honduras', 'Panama', 'Paraguay', 'Chile', 'Kenya', 'Nigeria', 'Senegal', 'Morocco', 'Viet Nam', 'Indonesia', 'Pakistan', 'Kyrgyzstan', 'Georgia', 'Côte d’Ivoire'];
const REGIONS = ['andes', 'central-america', 'southern-cone', 'caribbean', 'west-africa', 'east-africa', 'north-africa', 'south-east-asia', 'central-asia', 'south-asia'];
const NAMES = ['Ana Ruiz', 'Ben Okafor', 'Chloé Martin', 'Dmitri Volkov', 'Esther Mensah', 'Farid Haddad', 'Grace Liang', 'Hugo Ferreira', 'Inés Quispe', 'Jonas Berg', 'Kemi Adeyemi', 'Lucía Restrepo'];

/** The twelve targets of SDG 16 in the official order, with a short heading of our own wording. */
const TARGETS = [
  ['16.1', 'Less violence and fewer violent deaths'],
  ['16.2', 'Protecting children from abuse, exploitation and trafficking'],
  ['16.3', 'The rule of law and equal access to justice'],
  ['16.4', 'Illicit money, arms and organised crime'],
  ['16.5', 'Corruption and bribery'],
  ['16.6', 'Effective and accountable institutions'],
  ['16.7', 'Responsive and inclusive decisions'],
  ['16.8', 'A voice in global governance'],
  ['16.9', 'Legal identity for all'],
  ['16.10', 'Public access to information'],
  ['16.a', 'Stronger national institutions'],
  ['16.b', 'Laws that do not discriminate'],
];
const TAGS_OTHER = ['SDG 5.2', 'SDG 5.5', 'SDG 10.7', 'SDG 17.17', 'SDG 4.7', 'SDG 3.5', 'SDG 15.7', 'SDG 8.7', 'SDG 16.1.1', 'SDG 16.3.2', 'SDG 16.5.1', 'SDG 16.6.2', 'SDG 16.9.1', 'SDG 16.10.2', 'SDG 16.6/16.a', 'SDG 5.2.1', 'SDG 3.5.1'];

const SUBJECTS = ['The project', 'The programme', 'Each evaluation', 'The country office', 'National partners', 'The synthesis team', 'Most evaluations', 'Several reviews', 'Local authorities', 'The prosecutors trained', 'Civil society groups', 'The judicial school', 'Provincial governments', 'The steering committee'];
const VERBS = ['strengthened', 'supported', 'documented', 'questioned', 'reviewed', 'expanded', 'measured', 'piloted', 'adapted', 'funded', 'coordinated', 'monitored', 'replaced', 'simplified', 'introduced', 'assessed'];
const OBJECTS = ['the case management system', 'mobile legal aid units', 'the victimisation survey', 'joint protocols for identifying victims', 'the financial intelligence unit', 'container control at the ports', 'municipal crime observatories', 'training for family commissioners', 'the national statistics office', 'shelters for survivors', 'asset forfeiture proceedings', 'an online course for judges', 'community oversight committees', 'birth registration in rural districts', 'the review mechanism', 'data sharing between agencies'];
const TAILS = ['in the border provinces', 'with mixed results', 'although funding remained short', 'for the first time in several districts', 'over the whole period', 'with strong national ownership', 'but follow-up data were scarce', 'in close cooperation with universities', 'once the pandemic restrictions ended', 'despite frequent changes of staff', 'at a modest cost', 'under a new national policy'];
const LINKERS = ['However,', 'In addition,', 'As a result,', 'By contrast,', 'Over time,', 'In practice,', 'Even so,', 'For this reason,'];
const PROJECT_WORDS = ['Justice', 'Integrity', 'Safe Borders', 'Open Data', 'Rural Courts', 'Victim Support', 'Port Control', 'Prison Reform', 'Youth Prevention', 'Civic Oversight'];
const LESSONS = ['Plan the exit strategy from the first year.', 'Keep a small budget for refreshing training material.', 'Share the data with the national statistics office.', 'Involve field staff when indicators are chosen.', 'Pay trainers from the national budget after the pilot.', 'Publish the protocols in the languages people speak.', 'Tie support to the municipal planning cycle.', 'Record baselines before activities start.'];

/** Labels of the counted sources; prose counts quote the same numbers, so they agree. */
function methodologyCounts(rng) {
  const country = rng.int(6, 20);
  const regional = rng.int(1, 5);
  const global = rng.int(0, 4);
  return { reports: country + regional + global, country, regional, global, projects: rng.int(10, 40), secondary: rng.int(3, 15) };
}

function sentence(rng, tags) {
  let s = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS)}`;
  if (rng.chance(0.25)) s = `${rng.pick(LINKERS)} ${s[0].toLowerCase()}${s.slice(1)}`;
  if (rng.chance(0.12)) s += `, which served ${rng.pick(TAGS_OTHER)}`;
  if (rng.chance(0.1)) s += ` (${tags.own})`;
  if (rng.chance(0.1)) s += `, reaching ${rng.int(2, 999)},${String(rng.int(0, 999)).padStart(3, '0')} people`;
  if (rng.chance(0.06)) s = s.replace(/ (\w+)$/, ' **$1**');
  if (rng.chance(0.05)) s = s.replace(/ (\w+)$/, ' *$1*');
  if (rng.chance(0.04)) s += `; see [the report](https://evaluation.example.org/reports/${rng.int(1000, 9999)})`;
  return `${s}.`;
}

/** Wraps words to lines of at most ~100 characters, as writers do in Markdown. */
function wrap(text, prefix = '') {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 100 - prefix.length) {
      out.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(prefix + line);
  return out.join('\n');
}

/**
 * Builds one document. `doc.push(block, kind)` records where paragraphs and SDG 16 target tags in
 * prose start, so the benchmark can edit "inside a paragraph in the middle" and ask for completion
 * or hover on a tag.
 */
class Writer {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.bytes = 0;
    this.paragraphs = [];
    this.targetTags = [];
    /** Start offsets of headings, sources blocks and other fenced blocks. */
    this.headings = [];
    this.sources = [];
    this.fences = [];
  }
  push(block, kind) {
    if (this.parts.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
      this.bytes += 2;
    }
    const start = this.length;
    if (kind === 'paragraph') {
      this.paragraphs.push({ start, end: start + block.length });
      for (const m of block.matchAll(/SDG 16\.(?:\d+|[ab])(?![.\d])/g)) this.targetTags.push(start + m.index);
    }
    if (kind === 'heading') this.headings.push(start);
    if (kind === 'sources') this.sources.push(start);
    if (kind === 'fence') this.fences.push(start);
    this.parts.push(block);
    this.length += block.length;
    this.bytes += Buffer.byteLength(block);
  }
  text() {
    return `${this.parts.join('')}\n`;
  }
}

/** Three to seven sentences, fewer when `room` (bytes) is short; always at least one. */
function paragraph(rng, tags, room = Infinity) {
  const n = rng.int(3, 7);
  const sentences = [];
  let length = 0;
  for (let i = 0; i < n && (i === 0 || length < room); i++) {
    const s = sentence(rng, tags);
    sentences.push(s);
    length += s.length + 1;
  }
  return wrap(sentences.join(' '));
}

function bulletList(rng, tags) {
  const items = [];
  const n = rng.int(3, 7);
  for (let i = 0; i < n; i++) {
    items.push(wrap(sentence(rng, tags), '  ').replace(/^ {2}/, '- '));
    if (rng.chance(0.25)) {
      for (let j = rng.int(1, 3); j > 0; j--) items.push(wrap(sentence(rng, tags), '    ').replace(/^ {4}/, '  - '));
    }
  }
  return items.join('\n');
}

function orderedList(rng) {
  const items = [];
  const n = rng.int(3, 6);
  for (let i = 1; i <= n; i++) items.push(`${i}. ${rng.pick(LESSONS)}`);
  return items.join('\n');
}

function blockquote(rng, tags) {
  const lines = [wrap(`“${sentence(rng, tags)} ${sentence(rng, tags)}”`, '> ')];
  if (rng.chance(0.4)) {
    lines.push('>');
    for (let j = rng.int(2, 4); j > 0; j--) lines.push(`> - ${rng.pick(LESSONS)}`);
  }
  lines.push('>', `> — evaluation of the ${rng.pick(PROJECT_WORDS)} project, ${rng.int(2015, 2023)}`);
  return lines.join('\n');
}

function table(rng) {
  const rows = ['| Project | Country | Year | Budget (USD) | Rating |', '|---|---|---:|---:|---|'];
  for (let i = rng.int(3, 8); i > 0; i--) {
    rows.push(`| ${rng.pick(PROJECT_WORDS)} ${rng.int(100, 999)} | ${rng.pick(COUNTRIES)} | ${rng.int(2015, 2023)} | ${rng.int(1, 40)},${String(rng.int(0, 999)).padStart(3, '0')},000 | ${rng.pick(['highly satisfactory', 'satisfactory', 'moderately satisfactory', 'unsatisfactory'])} |`);
  }
  return rows.join('\n');
}

function sourcesBlock(c) {
  return [
    '```sources',
    `evaluation reports: ${c.reports}`,
    `  country-level: ${c.country}`,
    `  regional: ${c.regional}`,
    `  global: ${c.global}`,
    `projects: ${c.projects}`,
    `secondary documents: ${c.secondary}`,
    '```',
  ].join('\n');
}

/** Adds a mixture of blocks until the writer has grown by about `budget` bytes. */
function fill(w, rng, tags, budget, { minBlocks = 1 } = {}) {
  const until = w.bytes + budget;
  let blocks = 0;
  while (w.bytes < until || blocks < minBlocks) {
    const r = rng.float();
    if (w.mix === 'lists' && until - w.bytes >= 700) {
      // Mostly lists and block quotes: the shape that made micromark 4.0.3 slow.
      w.push(r < 0.5 ? bulletList(rng, tags) : r < 0.85 ? blockquote(rng, tags) : paragraph(rng, tags), r < 0.85 ? undefined : 'paragraph');
    } else if (until - w.bytes < 700) w.push(paragraph(rng, tags, until - w.bytes), 'paragraph');
    else if (r < 0.5) w.push(paragraph(rng, tags), 'paragraph');
    else if (r < 0.64) w.push(bulletList(rng, tags));
    else if (r < 0.7) w.push(orderedList(rng));
    else if (r < 0.84) w.push(blockquote(rng, tags));
    else if (r < 0.93) w.push(table(rng));
    else w.push(paragraph(rng, tags), 'paragraph');
    blocks++;
  }
}

/**
 * One synthesis of about `bytes` bytes. `mix: 'lists'` makes the blocks mostly lists and block
 * quotes (for the micromark comparison); the default is a report-like mixture. `findings: true`
 * adds what a draft has: a count in the prose that disagrees with the sources block, a target
 * that does not exist, an excerpt in a fenced code block. Returns the text and the places the
 * benchmark uses: the paragraph nearest the middle (for edits), the SDG 16 tag nearest the middle
 * (for completion and hover), and for the edit mix a heading, a sources block's count, a line in
 * a fenced block and a sub-section near the middle.
 */
export function generateDocument(bytes, seed, { mix = 'report', findings = false } = {}) {
  // Fixed parts (front matter, headings, at least one block per section) make small documents
  // overshoot: shrink the budget until the result is within 5% of the size asked for.
  let budget = bytes;
  let doc = generateOnce(budget, seed, mix, findings);
  for (let i = 0; i < 4 && Math.abs(doc.bytes - bytes) > bytes * 0.05; i++) {
    budget = Math.round(budget * (bytes / doc.bytes));
    doc = generateOnce(budget, seed, mix, findings);
  }
  return doc;
}

function generateOnce(bytes, seed, mix, findings) {
  const rng = new Rng(seed);
  const w = new Writer();
  w.mix = mix;
  const country = rng.pick(COUNTRIES);
  const start = rng.int(2010, 2017);
  const counts = methodologyCounts(rng);
  const team = [rng.pick(NAMES), rng.pick(NAMES), rng.pick(NAMES)].filter((n, i, a) => a.indexOf(n) === i);
  w.push([
    '---',
    `title: Meta-synthesis of the country programme in ${country}`,
    'template: unodc-meta-synthesis',
    `country: ${country}`,
    `period: ${start}-${start + rng.int(4, 8)}`,
    'team:',
    ...team.map((n) => `  - ${n}`),
    `report: https://evaluation.example.org/meta-syntheses/${seed}`,
    'language: en',
    '---',
  ].join('\n'));
  w.push(`<!-- Generated by bench/corpus.mjs (seed ${seed}): invented text, for measurement only. -->`);
  const share = (f) => Math.max(0, Math.round(bytes * f));

  w.push('## Background and context');
  fill(w, rng, { own: 'SDG 16' }, share(0.05));

  w.push('## Main findings and considerations');
  w.push(wrap(`The findings are grouped by the SDG 16 targets the ${counts.reports} evaluation reports addressed. Each target closes with what the team suggests could come next.`), 'paragraph');
  // A short synthesis covers a few targets; a long one all twelve.
  const targets = TARGETS.slice(0, Math.min(TARGETS.length, Math.max(3, Math.floor(bytes / 1500))));
  const perTarget = share(0.72) / targets.length;
  for (const [index, [id, title]] of targets.entries()) {
    const tags = { own: `SDG ${id}` };
    w.push(`### SDG ${id} ${title}`, 'heading');
    if (findings && index === Math.floor(targets.length / 2)) {
      // A draft's slips: a target that does not exist, and an interview excerpt in a fence.
      w.push(wrap(`Several evaluations also reported on birth registration (SDG 16.13), which the team could not place.`), 'paragraph');
      w.push(['```text', 'Interview, district court clerk:', '"We finally know how many cases are waiting, and for how long."', '```'].join('\n'), 'fence');
    }
    if (perTarget < 8000) {
      fill(w, rng, tags, perTarget);
      continue;
    }
    // Long reports split each target into sub-sections per project or evaluation.
    fill(w, rng, tags, 1500);
    const until = w.bytes + perTarget - 1500;
    while (w.bytes < until) {
      w.push(`#### ${rng.pick(PROJECT_WORDS)} ${rng.int(100, 999)} in ${rng.pick(COUNTRIES)} (${rng.int(2015, 2023)})`, 'heading');
      fill(w, rng, tags, rng.int(2000, 8000), { minBlocks: 2 });
    }
  }

  w.push('## Sources of data reviewed');
  w.push(wrap(`The evaluations drew on ${counts.projects} projects and on ${counts.secondary} secondary documents, listed in the annex.`), 'paragraph');
  w.push(sourcesBlock(counts), 'sources');
  fill(w, rng, { own: 'SDG 16' }, share(0.03));

  w.push('## Human rights, gender equality and inclusivity');
  fill(w, rng, { own: 'SDG 5.2' }, share(0.06));

  w.push('## Other cross-cutting themes');
  fill(w, rng, { own: 'SDG 17.17' }, share(0.08));

  w.push('## Conclusions');
  fill(w, rng, { own: 'SDG 16' }, share(0.03));

  w.push('## Methodology');
  // A draft quotes one count that the sources block does not hold.
  const quoted = findings ? counts.reports + 1 : counts.reports;
  w.push(wrap(`The team reviewed ${quoted} evaluation reports covering ${counts.projects} projects: ${counts.country} country-level, ${counts.regional} regional and ${counts.global} global evaluations, and ${counts.secondary} secondary documents.`), 'paragraph');
  w.push(sourcesBlock(counts), 'sources');
  fill(w, rng, { own: 'SDG 16' }, Math.max(0, bytes - w.bytes - 200));

  const text = w.text();
  const middle = text.length / 2;
  const nearest = (xs, f) => xs.reduce((best, x) => (best === undefined || Math.abs(f(x) - middle) < Math.abs(f(best) - middle) ? x : best), undefined);
  const para = nearest(w.paragraphs, (p) => p.start);
  // Type at a word boundary halfway through the paragraph.
  const editOffset = text.indexOf(' ', Math.floor((para.start + para.end) / 2));
  const tag = nearest(w.targetTags, (t) => t);
  const heading = nearest(w.headings, (h) => h);
  const sources = nearest(w.sources, (b) => b);
  const fence = nearest(w.fences, (b) => b);
  return {
    text,
    bytes: Buffer.byteLength(text),
    editOffset,
    /** The end of the heading line nearest the middle: where a writer adds a word to a heading. */
    headingEndOffset: text.indexOf('\n', heading),
    /** The heading nearest the middle and the next heading: a section to copy and paste. */
    section: { start: heading, end: nextHeading(text, heading) },
    /** The last digit of the first count in the sources block nearest the middle. */
    sourcesCountOffset: sources === undefined ? undefined : text.indexOf('\n', text.indexOf(': ', sources)) - 1,
    /** The end of the second line of the fenced block nearest the middle (documents with findings). */
    fenceLineOffset: fence === undefined ? undefined : text.indexOf('\n', text.indexOf('\n', fence) + 1),
    /** Right after `SDG 16.`: where a writer asks which target comes next. */
    completionOffset: tag === undefined ? undefined : tag + 'SDG 16.'.length,
    /** Inside the tag. */
    hoverOffset: tag === undefined ? undefined : tag + 5,
  };
}

function nextHeading(text, from) {
  const m = /\n#{1,6} /g;
  m.lastIndex = from + 1;
  const found = m.exec(text);
  return found ? found.index + 1 : text.length;
}

/** The 1,000-file workspace: files of 5–20 KB in region/country folders, named *.synth.md. */
export function workspaceFiles(count = 1000, seed = 4242) {
  const rng = new Rng(seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length];
    const country = COUNTRIES[Math.floor(i / REGIONS.length) % COUNTRIES.length].toLowerCase().replace(/[^a-z]+/g, '-');
    const bytes = rng.int(5 * 1024, 20 * 1024);
    files.push({ path: `${region}/${country}/synthesis-${String(i).padStart(4, '0')}.synth.md`, bytes, seed: seed + i + 1 });
  }
  return files;
}
