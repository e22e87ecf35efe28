// Strength of evidence: the register's optional quality and criteria columns, the evidence base of
// a finding (evaluations by kind and year) and each rule of the confidence level.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evidenceBase, kindOfType, parseEvidenceRegister, rateConfidence, readQuality, type Citation, type EvidenceBase, wordMessage } from '../../server/src/core/index.js';

const REGISTER = [
  'id,title,year,type,quality,criteria',
  'C-1,Country one,2016,country,very good,effectiveness; impact',
  'C-2,Country two,2019,country,good,relevance',
  'C-3,Country three,2021,country-level,fair,',
  'R-1,Regional one,2018,regional,poor,',
  'G-1,Global one,2020,global,,sustainability',
  'T-1,Thematic one,2017,thematic,Muy buena,eficacia',
  'N-1,National one,2022,Nacional,Très bonne,efficacité; durabilité',
].join('\n');

const register = parseEvidenceRegister(REGISTER, 'evidence.csv');
const cite = (...ids: string[]): Citation[] => ids.map((id, i) => ({ id, span: { start: i * 10, end: i * 10 + 5 } }));

describe('the register’s quality and criteria columns', () => {
  test('are read in English, Spanish and French, in any case and with or without accents', () => {
    assert.deepEqual(register.problems, []);
    assert.deepEqual(
      register.entries.map((e) => [e.id, e.quality, e.criteria]),
      [
        ['C-1', 'very good', ['effectiveness', 'impact']],
        ['C-2', 'good', ['relevance']],
        ['C-3', 'fair', undefined],
        ['R-1', 'poor', undefined],
        ['G-1', undefined, ['sustainability']],
        ['T-1', 'very good', ['effectiveness']],
        ['N-1', 'very good', ['effectiveness', 'sustainability']],
      ],
    );
  });

  test('an unknown rating or criterion is reported at its cell; the row is kept', () => {
    const bad = parseEvidenceRegister(['id,year,quality,criteria', 'X-1,2020,excellentish,impact; speed'].join('\n'), 'evidence.csv');
    assert.deepEqual(bad.problems.map((p) => ({ ...p, message: wordMessage(p.message) })), [
      { line: 2, column: 10, message: "Expected a quality rating (very good, good, fair or poor; in Spanish or French too), found 'excellentish'" },
      { line: 2, column: 23, message: "Expected an evaluation criterion (relevance, coherence, effectiveness, efficiency, impact or sustainability; in Spanish or French too), found 'speed'" },
    ]);
    assert.deepEqual(bad.entries.map((e) => [e.id, e.quality, e.criteria]), [['X-1', undefined, ['impact']]]);
  });

  test('YAML registers give them as fields, criteria as a list', () => {
    const yaml = parseEvidenceRegister(['evaluations:', '  - id: Y-1', '    quality: Insatisfactoria', '    criteria: [coherencia, pertinence]'].join('\n'), 'evidence.yaml');
    assert.deepEqual(yaml.problems, []);
    assert.deepEqual(yaml.entries.map((e) => [e.quality, e.criteria]), [['poor', ['relevance', 'coherence']]]);
  });

  test('every spelling of the scale maps to its step', () => {
    const cases: Array<[string, string | undefined]> = [
      ['very good', 'very good'], ['Very-Good', 'very good'], ['excellent', 'very good'], ['muy bueno', 'very good'], ['très bon', 'very good'],
      ['good', 'good'], ['Buena', 'good'], ['bonne', 'good'],
      ['fair', 'fair'], ['regular', 'fair'], ['passable', 'fair'],
      ['poor', 'poor'], ['unsatisfactory', 'poor'], ['deficiente', 'poor'], ['insuffisante', 'poor'],
      ['', undefined], ['  ', undefined],
    ];
    for (const [text, rating] of cases) assert.equal(readQuality(text).rating, rating, text);
    assert.match(wordMessage(readQuality('5 stars').problem!), /found '5 stars'/);
  });
});

describe('the evidence base', () => {
  test('counts distinct evaluations by kind, with the years they span and their ratings', () => {
    const base = evidenceBase(cite('C-1', 'R-1', 'C-1', 'G-1', 'ZZ-9', 'T-1'), register);
    assert.deepEqual(base.evaluations, ['C-1', 'R-1', 'G-1', 'ZZ-9', 'T-1']);
    assert.equal(base.count, 5);
    assert.deepEqual(base.byKind, { country: 1, regional: 1, global: 1, other: 1, unregistered: 1 });
    assert.deepEqual(base.years, { from: 2016, to: 2020 });
    assert.deepEqual(base.ratings, { 'very good': 2, good: 0, fair: 0, poor: 1, unrated: 2 });
  });

  test('register types read as kinds in three languages', () => {
    const kinds = ['country', 'Country-level', 'national', 'país', 'pays', 'regional', 'régional', 'global', 'mundial', 'mondial', 'thematic', ''].map(kindOfType);
    assert.deepEqual(kinds, ['country', 'country', 'country', 'country', 'country', 'regional', 'regional', 'global', 'global', 'global', 'other', 'other']);
  });

  test('without a register every id is unregistered and no years are known', () => {
    const base = evidenceBase(cite('C-1', 'C-2'), undefined);
    assert.deepEqual(base.byKind, { country: 0, regional: 0, global: 0, other: 0, unregistered: 2 });
    assert.equal(base.years, undefined);
  });
});

describe('confidence in a finding', () => {
  const rate = (ids: string[], countrySynthesis = true): ReturnType<typeof rateConfidence> => rateConfidence(evidenceBase(cite(...ids), register), { countrySynthesis });

  test('three sound country-level evaluations: high, no concern', () => {
    assert.deepEqual(rate(['C-1', 'C-2', 'N-1']), { level: 'high', concerns: [] });
  });

  test('no evaluation cited: very low', () => {
    assert.deepEqual(rate([]), { level: 'very low', concerns: [{ component: 'none-cited' }] });
  });

  test('adequacy: two evaluations one step down, one evaluation two steps', () => {
    assert.deepEqual(rate(['C-1', 'C-2']), { level: 'moderate', concerns: [{ component: 'adequacy', steps: 1, evaluations: 2 }] });
    assert.deepEqual(rate(['C-1']), { level: 'low', concerns: [{ component: 'adequacy', steps: 2, evaluations: 1 }] });
  });

  test('quality: at least half rated good or better is one step, fewer than half two steps', () => {
    assert.deepEqual(rate(['C-1', 'C-2', 'C-3']), { level: 'moderate', concerns: [{ component: 'quality', steps: 1, sound: 2, evaluations: 3 }] });
    assert.deepEqual(rate(['C-1', 'C-2', 'C-3', 'R-1']), { level: 'moderate', concerns: [{ component: 'quality', steps: 1, sound: 2, evaluations: 4 }] });
    assert.deepEqual(rate(['C-1', 'C-3', 'R-1']), { level: 'low', concerns: [{ component: 'quality', steps: 2, sound: 1, evaluations: 3 }] });
  });

  test('an unrated evaluation, or one not in the register, does not count as rated good', () => {
    assert.deepEqual(rate(['C-1', 'C-2', 'G-1']).concerns, [{ component: 'quality', steps: 1, sound: 2, evaluations: 3 }]);
    assert.deepEqual(rate(['C-1', 'C-2', 'NOPE']).concerns, [{ component: 'quality', steps: 1, sound: 2, evaluations: 3 }]);
  });

  test('relevance: in a country synthesis, no country-level evaluation is one step down; not in other syntheses', () => {
    const sound = parseEvidenceRegister(['id,type,quality', 'R-1,regional,good', 'G-1,global,good', 'G-2,global,very good'].join('\n'), 'e.csv');
    const base = evidenceBase(cite('R-1', 'G-1', 'G-2'), sound);
    assert.deepEqual(rateConfidence(base, { countrySynthesis: true }), { level: 'moderate', concerns: [{ component: 'relevance', steps: 1 }] });
    assert.deepEqual(rateConfidence(base, { countrySynthesis: false }), { level: 'high', concerns: [] });
  });

  test('steps add up, and three or more steps are very low', () => {
    // One evaluation (2 steps), rated fair (2 steps), regional in a country synthesis (1 step).
    const r = rate(['C-3']);
    assert.equal(r.level, 'very low');
    assert.deepEqual(r.concerns.map((c) => c.component), ['adequacy', 'quality']);
    const s = rate(['C-1', 'R-1']);
    assert.equal(s.level, 'low', 'two evaluations (1) and half rated good (1)');
    const base: EvidenceBase = evidenceBase(cite('R-1', 'G-1'), register);
    assert.equal(rateConfidence(base, { countrySynthesis: true }).level, 'very low', 'two (1) + none sound (2) + no country-level (1)');
  });
});
