import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getCatalogue } from '../../server/src/core/sdg/catalogue.js';
import { LANGUAGES } from '../../server/src/core/types.js';

// Compiled to out/test/unit/, so the repository root is three levels up.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedData = path.resolve(repoRoot, '..', 'shared', 'data', 'sdg');
const committedJson = path.join(repoRoot, 'server', 'src', 'core', 'sdg', 'data', 'catalogue.json');

const GOAL_16_TARGETS = ['16.1', '16.2', '16.3', '16.4', '16.5', '16.6', '16.7', '16.8', '16.9', '16.10', '16.a', '16.b'];

test('every language has 17 goals, 169 targets and the 251 indicators of the UNSD 2025 list', () => {
  for (const lang of LANGUAGES) {
    const c = getCatalogue(lang);
    assert.equal(c.language, lang);
    // The UNSD list has 251 indicator rows with 251 distinct ids; repeated indicators (e.g. 1.5.1 =
    // 11.5.1 = 13.1.1) share a UNSD code, which leaves 235 distinct indicators.
    assert.deepEqual(c.counts, { goals: 17, targets: 169, indicators: 251 });
    assert.equal(c.goals.length, 17);
    assert.equal(c.targets.length, 169);
    assert.equal(c.indicators.length, 251);
    assert.equal(new Set(c.indicators.map((i) => i.unsdCode)).size, 235);
    assert.deepEqual(
      c.goals.map((g) => g.number),
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    // Texts are cleaned: trimmed, single spaces, composed accents (the sources mix NFD and NFC).
    const texts = [...c.goals.flatMap((g) => [g.title, g.short]), ...c.targets.map((t) => t.title), ...c.indicators.map((i) => i.title)];
    for (const text of texts) {
      assert.ok(text.length > 0 && text === text.trim() && !/\s{2}|\n/.test(text), text);
      assert.equal(text, text.normalize('NFC'));
    }
  }
});

test('default language is English and catalogues are built once per language', () => {
  assert.equal(getCatalogue().language, 'en');
  assert.equal(getCatalogue(), getCatalogue('en'));
  assert.equal(getCatalogue('fr'), getCatalogue('fr'));
  assert.notEqual(getCatalogue('fr'), getCatalogue('es'));
});

test('goals: lookup by number or string, short names and official colours', () => {
  const c = getCatalogue();
  const g16 = c.goal(16);
  assert.ok(g16);
  assert.equal(c.goal('16'), g16);
  assert.equal(g16.id, '16');
  assert.equal(g16.short, 'Peace, justice and strong institutions');
  assert.equal(g16.colour, '#00689D');
  assert.equal(c.goal(1)?.colour, '#E5243B');
  assert.equal(c.goal(17)?.colour, '#19486A');
  for (const g of c.goals) assert.match(g.colour, /^#[0-9A-F]{6}$/);
  assert.equal(c.goal(0), undefined);
  assert.equal(c.goal(18), undefined);
  assert.equal(c.goal('x'), undefined);
  assert.equal(c.goal(16.5), undefined);
});

test("goal 16's targets are 16.1–16.10, 16.a, 16.b in that order", () => {
  for (const lang of LANGUAGES) {
    const c = getCatalogue(lang);
    assert.deepEqual(
      c.targetsOf(16).map((t) => t.id),
      GOAL_16_TARGETS,
    );
    assert.equal(c.targetsOf('16'), c.targetsOf(16));
  }
  const a = getCatalogue().target('16.a');
  assert.ok(a);
  assert.equal(a.goal, 16);
  assert.equal(a.code, 'a');
  assert.equal(getCatalogue().targetsOf(18).length, 0);
});

test('every target and indicator is listed in official order', () => {
  const c = getCatalogue();
  const targetIds = c.targets.map((t) => t.id);
  assert.deepEqual([...targetIds].sort(c.compareTargets), targetIds);
  for (const t of c.targets) {
    assert.deepEqual(
      c.indicatorsOf(t.id).map((i) => i.id),
      t.indicators,
    );
    const numbers = t.indicators.map((id) => Number(id.split('.')[2]));
    assert.deepEqual(
      numbers,
      [...numbers].sort((x, y) => x - y),
    );
  }
  assert.deepEqual(
    c.indicators.map((i) => i.id),
    c.targets.flatMap((t) => t.indicators),
  );
});

test('target 16.1 in three languages', () => {
  const en = getCatalogue('en').target('16.1');
  const es = getCatalogue('es').target('16.1');
  const fr = getCatalogue('fr').target('16.1');
  assert.ok(en && es && fr);
  assert.ok(en.title.startsWith('Significantly reduce all forms of violence'), en.title);
  assert.notEqual(es.title, en.title);
  assert.notEqual(fr.title, en.title);
  assert.notEqual(es.title, fr.title);
  assert.ok(es.title.startsWith('Reducir significativamente'), es.title);
  assert.ok(fr.title.startsWith('Réduire nettement'), fr.title);
});

test('indicators of 16.1', () => {
  const c = getCatalogue();
  assert.deepEqual(c.target('16.1')?.indicators, ['16.1.1', '16.1.2', '16.1.3', '16.1.4']);
  const list = c.indicatorsOf('16.1');
  assert.deepEqual(
    list.map((i) => i.id),
    ['16.1.1', '16.1.2', '16.1.3', '16.1.4'],
  );
  const first = c.indicator('16.1.1');
  assert.ok(first);
  assert.equal(first, list[0]);
  assert.equal(first.target, '16.1');
  assert.equal(first.unsdCode, 'C160101');
  assert.ok(first.title.startsWith('Number of victims of intentional homicide'), first.title);
  assert.equal(c.indicator('16.A.1')?.id, '16.a.1');
  assert.deepEqual(c.indicatorsOf('16.11'), []);
});

test('English indicator texts follow the 2025 list, footnote markers removed', () => {
  const c = getCatalogue();
  // "by speed4" in the UNSD sheet: footnote 4 glued to the last word.
  assert.equal(c.indicator('17.6.1')?.title, 'Fixed broadband subscriptions per 100 inhabitants, by speed');
  // Digits that belong to the text stay.
  assert.match(c.indicator('9.4.1')?.title ?? '', /^CO2 emission/);
  assert.match(c.indicator('11.6.2')?.title ?? '', /PM2\.5 and PM10/);
  // 2025 wording, not the older one still in open-sdg.
  assert.match(c.indicator('16.1.3')?.title ?? '', /and\/or \(c\) sexual violence/);
  // Ids the 2025 review dropped are gone; the added ones are present.
  for (const id of ['1.a.3', '13.3.2', '17.6.2']) assert.equal(c.indicator(id), undefined, id);
  for (const id of ['2.2.4', '11.5.3']) assert.ok(c.indicator(id), id);
});

test('translation flags: English fallback and translations of an older wording', () => {
  const en = getCatalogue('en');
  for (const lang of ['es', 'fr'] as const) {
    const c = getCatalogue(lang);
    // No translation yet for the indicators added in 2025.
    const added = c.indicator('2.2.4');
    assert.ok(added);
    assert.equal(added.fallback, true);
    assert.equal(added.title, en.indicator('2.2.4')?.title);
    // A translated indicator whose wording did not change.
    const same = c.indicator('16.1.1');
    assert.ok(same);
    assert.equal(same.fallback, false);
    assert.equal(same.outdatedTranslation, false);
    assert.notEqual(same.title, en.indicator('16.1.1')?.title);
    // Translated from the wording before the 2025 review.
    assert.equal(c.indicator('16.1.3')?.outdatedTranslation, true);
  }
  assert.ok(en.indicators.every((i) => !i.fallback && !i.outdatedTranslation));
});

test('compareTargets: numeric codes by value, then letters', () => {
  const c = getCatalogue();
  const ordered = ['16.9', '16.10', '16.a', '16.b'];
  for (let i = 0; i < ordered.length; i++) {
    for (let j = 0; j < ordered.length; j++) {
      const r = c.compareTargets(ordered[i]!, ordered[j]!);
      assert.equal(Math.sign(r), Math.sign(i - j), `${ordered[i]} vs ${ordered[j]}`);
    }
  }
  assert.ok(c.compareTargets('2.1', '10.1') < 0);
  assert.ok(c.compareTargets('16.b', '17.1') < 0);
  // Unknown but well-formed ids still get their place.
  assert.ok(c.compareTargets('16.11', '16.a') < 0);
  assert.ok(c.compareTargets('16.10', '16.11') < 0);
  assert.ok(c.compareTargets('16.c', '16.b') > 0);
  assert.ok(c.compareTargets('18.1', '17.19') > 0);
  assert.equal(c.compareTargets('16.A', '16.a'), 0);
  // Malformed ids go last.
  assert.ok(c.compareTargets('16.1', 'nonsense') < 0);
  assert.ok(c.compareTargets('nonsense', '16.1') > 0);
  assert.deepEqual(['16.b', '16.a', '16.10', '16.9', '16.1', '1.1'].sort(c.compareTargets), [
    '1.1',
    '16.1',
    '16.9',
    '16.10',
    '16.a',
    '16.b',
  ]);
});

test('lookups of ids that do not exist give undefined; letters and leading zeros are normalised', () => {
  const c = getCatalogue();
  for (const id of ['18.2', '16.11', '16.c', '16.0', '17.a', '16', '16.1.1', '', '16.', 'SDG 16.1']) {
    assert.equal(c.target(id), undefined, id);
  }
  assert.equal(c.target('16.A')?.id, '16.a');
  assert.equal(c.target('16.01')?.id, '16.1');
  assert.equal(c.indicator('16.1.99'), undefined);
  assert.equal(c.indicator('16.1'), undefined);
});

test('closestTarget', () => {
  const c = getCatalogue();
  // Existing ids come back normalised; malformed ids give nothing.
  assert.equal(c.closestTarget('16.1'), '16.1');
  assert.equal(c.closestTarget('16.A'), '16.a');
  assert.equal(c.closestTarget('nonsense'), undefined);
  assert.equal(c.closestTarget('16'), undefined);
  // Same goal, numeric code one slip away, nearest value wins: "11" is one slip from "1" and
  // "10"; 10 is nearer.
  assert.equal(c.closestTarget('16.11'), '16.10');
  assert.equal(c.closestTarget('16.0'), '16.1');
  assert.equal(c.closestTarget('16.13'), '16.10');
  assert.equal(c.closestTarget('3.31'), '3.3'); // "3" and "1" are one slip away, 3 is nearer
  assert.equal(c.closestTarget('4.21'), '4.2'); // "1" and "2" are one slip away, 2 is nearer
  assert.equal(c.closestTarget('16.55'), '16.5');
  assert.equal(c.closestTarget('17.91'), '17.19'); // swapped digits
  // Same goal, letter code: the neighbouring letter only.
  assert.equal(c.closestTarget('16.c'), '16.b');
  assert.equal(c.closestTarget('16.C'), '16.b');
  assert.equal(c.closestTarget('3.e'), '3.d');
  assert.equal(c.closestTarget('16.z'), undefined);
  assert.equal(c.closestTarget('17.a'), undefined); // goal 17 has no letter targets
  assert.equal(c.closestTarget('16.99'), '16.9');
  assert.equal(c.closestTarget('16.123'), undefined); // "12", "13", "23" are not targets of 16
  // Numbers never turn into letters or the other way round.
  assert.equal(c.closestTarget('16.l'), undefined);
  assert.equal(c.closestTarget('5.e'), undefined); // 5.c is two letters away
  assert.equal(c.closestTarget('5.d'), '5.c');
  // Unknown goal: a goal number one slip away that has the same code, nearest number first.
  assert.equal(c.closestTarget('18.2'), '17.2');
  assert.equal(c.closestTarget('61.1'), '16.1');
  assert.equal(c.closestTarget('0.1'), '1.1');
  assert.equal(c.closestTarget('18.19'), '17.19');
  assert.equal(c.closestTarget('18.11'), '17.11');
  assert.equal(c.closestTarget('18.20'), undefined); // no goal near 18 has a target 20
  assert.equal(c.closestTarget('18.z'), undefined);
  // Suggestions are always real targets.
  for (const id of ['16.11', '16.c', '18.2', '0.1', '61.1']) {
    const s = c.closestTarget(id);
    assert.ok(s && c.target(s), id);
  }
});

test('the generator reproduces the committed catalogue.json byte for byte', (t) => {
  if (!existsSync(sharedData)) {
    t.skip('shared data not present');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sdg-catalogue-'));
  try {
    const out = path.join(dir, 'catalogue.json');
    const r = spawnSync(process.execPath, ['scripts/generate-sdg.mjs', '--from', sharedData, '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(out).equals(readFileSync(committedJson)), 'run `npm run sdg:generate` and commit the result');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
