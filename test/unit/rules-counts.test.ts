// Counts in English, Spanish and French: which labels the evidence register counts, how labels
// compare in each language, and the one correction of a document's counts that `--fix` applies in
// a single pass — checked over generated syntheses with registers, in all three languages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  analyze,
  applyFixes,
  parseEvidenceRegister,
  wordMessage,
  type Analysis,
  type EvidenceRegister,
  type Language,
} from '../../server/src/core/index.js';
import { breakdownType, countedBy, labelKey, registerType } from '../../server/src/core/i18n/labels.js';
import { fixtureTemplates } from './rules-fixture.js';

describe('labels in three languages', () => {
  test('plurals, gender, accents and case compare equal, by the rules of each language', () => {
    assert.equal(labelKey('Evaluation Reports', 'en'), labelKey('evaluation report', 'en'));
    assert.equal(labelKey('countries', 'en'), labelKey('country', 'en'));
    assert.equal(labelKey('Informes de evaluación', 'es'), labelKey('informe de evaluacion', 'es'));
    assert.equal(labelKey('evaluaciones nacionales', 'es'), labelKey('evaluación nacional', 'es'));
    assert.equal(labelKey('países', 'es'), labelKey('país', 'es'));
    assert.equal(labelKey('evaluaciones temáticas', 'es'), labelKey('evaluación temático', 'es'));
    assert.equal(labelKey("Rapports d'évaluation", 'fr'), labelKey('rapport d’evaluation', 'fr'));
    assert.equal(labelKey('évaluations régionales', 'fr'), labelKey('évaluation régional', 'fr'));
    assert.equal(labelKey('programmes nationaux', 'fr'), labelKey('programme national', 'fr'));
    assert.equal(labelKey('évaluations institutionnelles', 'fr'), labelKey('évaluation institutionnel', 'fr'));
    // English rules do not make "cases" and "case" differ, nor Spanish rules "informes" and "informe".
    assert.equal(labelKey('cases', 'en'), labelKey('case', 'en'));
    assert.equal(labelKey('informes', 'es'), labelKey('informe', 'es'));
    assert.notEqual(labelKey('documents', 'en'), labelKey('surveys', 'en'));
  });

  test('the lines that count evaluations and projects, in any of the three languages', () => {
    for (const label of ['evaluation reports', 'Evaluations', 'evaluation report', 'informes de evaluación', 'Evaluaciones examinadas', "rapports d'évaluation", 'évaluations']) {
      assert.equal(countedBy(label, 'es'), 'evaluations', label);
    }
    for (const label of ['projects', 'proyectos', 'Projets', 'proyectos evaluados']) assert.equal(countedBy(label), 'projects', label);
    for (const label of ['documents', 'surveys', 'documentos', 'enquêtes', 'evaluation']) assert.notEqual(countedBy(label), 'projects', label);
  });

  test('breakdown lines name a type with or without the noun, before or after it', () => {
    const cases: Array<[string, string | undefined]> = [
      ['country-level', 'country'],
      ['country-level evaluations', 'country'],
      ['Regional', 'regional'],
      ['global evaluations', 'global'],
      ['evaluaciones de programas de país', 'country'],
      ['evaluaciones nacionales', 'country'],
      ['evaluaciones regionales', 'regional'],
      ['evaluaciones mundiales', 'global'],
      ['nacionales', 'country'],
      ['evaluaciones temáticas', 'thematic'],
      ['évaluations régionales', 'regional'],
      ['évaluations de programmes de pays', 'country'],
      ['évaluations mondiales', 'global'],
      ['évaluations thématiques', 'thematic'],
      ['evaluaciones de proyectos', 'project'],
      ['desk reviews', undefined],
      ['evaluaciones', undefined],
    ];
    for (const [label, type] of cases) assert.equal(breakdownType(label, 'en'), type, label);
  });

  test("a register's type column is read in any of the three languages", () => {
    for (const [value, type] of [
      ['country', 'country'],
      ['Country-level', 'country'],
      ['país', 'country'],
      ['Nacional', 'country'],
      ['pays', 'country'],
      ['régionale', 'regional'],
      ['mundial', 'global'],
      ['mondiale', 'global'],
      ['temática', 'thematic'],
      ['thématique', 'thematic'],
      ['proyecto', 'project'],
      ['multi-country', 'multi country'],
    ]) {
      assert.equal(registerType(value!), type, value);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// One --fix

type Kind = 'country' | 'regional' | 'global';

/** How a synthesis in each language writes its counts and headings; several wordings per language. */
const WORDS: Record<Language, { evaluations: string[]; projects: string[]; types: Record<Kind, string[]>; typeValues: Record<Kind, string[]>; headings: [string, string, string]; documents: string }> = {
  en: {
    evaluations: ['evaluation reports', 'evaluations'],
    projects: ['projects'],
    types: { country: ['country-level', 'country-level evaluations', 'national evaluations'], regional: ['regional', 'regional evaluations'], global: ['global', 'global programme evaluations'] },
    typeValues: { country: ['country', 'country-level'], regional: ['regional'], global: ['global'] },
    headings: ['Background', 'Findings', 'Methodology'],
    documents: 'documents',
  },
  es: {
    evaluations: ['informes de evaluación', 'evaluaciones'],
    projects: ['proyectos'],
    types: { country: ['evaluaciones de programas de país', 'evaluaciones nacionales', 'nacionales'], regional: ['evaluaciones regionales', 'regionales'], global: ['evaluaciones mundiales', 'evaluaciones globales'] },
    typeValues: { country: ['país', 'nacional'], regional: ['regional'], global: ['mundial', 'global'] },
    headings: ['Antecedentes', 'Hallazgos', 'Metodología'],
    documents: 'documentos',
  },
  fr: {
    evaluations: ["rapports d'évaluation", 'évaluations'],
    projects: ['projets'],
    types: { country: ['évaluations de programmes de pays', 'évaluations nationales'], regional: ['évaluations régionales', 'régionales'], global: ['évaluations mondiales'] },
    typeValues: { country: ['pays', 'nationale'], regional: ['régionale'], global: ['mondiale'] },
    headings: ['Contexte', 'Constatations', 'Méthodologie'],
    documents: 'documents',
  },
};

interface Generated {
  text: string;
  register: EvidenceRegister;
}

/** A count as written, or a wrong one. */
const count = (right: number): fc.Arbitrary<number> => fc.oneof({ arbitrary: fc.constant(right), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 30 }), weight: 1 });

const generated: fc.Arbitrary<Generated> = fc
  .record({
    language: fc.constantFrom<Language>('en', 'es', 'fr'),
    rows: fc.array(fc.record({ kind: fc.constantFrom<Kind>('country', 'regional', 'global'), projects: fc.integer({ min: 1, max: 3 }), pick: fc.nat() }), { minLength: 1, maxLength: 12 }),
    pick: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    kinds: fc.subarray<Kind>(['country', 'regional', 'global'], { minLength: 1 }),
    errors: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12, maxLength: 12 }),
    quote: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    documents: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 2, maxLength: 3 }),
  })
  .chain((g) => fc.record({ g: fc.constant(g), wrongTotal: count(g.documents.reduce((a, b) => a + b, 0)) }))
  .map(({ g, wrongTotal }) => {
    const w = WORDS[g.language];
    const at = <T,>(items: readonly T[], i: number): T => items[i % items.length]!;
    const n = g.rows.length;
    const ofKind = (k: Kind): number => g.rows.filter((r) => r.kind === k).length;
    const projects = g.rows.reduce((s, r) => s + r.projects, 0);
    const off = (value: number, i: number): number => Math.max(0, value + (g.errors[i]! % 2 === 0 ? 0 : g.errors[i]!));
    const csv = [
      'id,title,year,type,country,projects,targets,url',
      ...g.rows.map((r, i) => `EV-${i + 1},Evaluation ${i + 1},2020,${at(w.typeValues[r.kind], r.pick)},X,${r.projects},16.1,`),
    ].join('\n');
    const evaluations = at(w.evaluations, g.pick[0]!);
    const projectsLabel = at(w.projects, g.pick[1]!);
    const total = off(n, 0);
    const lines = [`${evaluations}: ${total}`];
    g.kinds.forEach((k, i) => lines.push(`  ${at(w.types[k], g.pick[2 + i]!)}: ${off(ofKind(k), 1 + i)}`));
    const writtenProjects = off(projects, 5);
    lines.push(`${projectsLabel}: ${writtenProjects}`);
    lines.push(`${w.documents}: ${wrongTotal}`);
    g.documents.forEach((d, i) => lines.push(`  ${w.documents} ${i + 1}: ${d}`));
    const prose: string[] = [];
    if (g.quote[0]) prose.push(`${off(total, 6)} ${evaluations}`);
    if (g.quote[1]) prose.push(`${off(writtenProjects, 7)} ${projectsLabel}`);
    if (g.quote[2]) prose.push(`${off(wrongTotal, 8)} ${w.documents}`);
    const text = [
      '---',
      'title: A generated synthesis',
      `language: ${g.language}`,
      '---',
      '',
      `## ${w.headings[0]}`,
      '',
      'Text.',
      '',
      `## ${w.headings[1]}`,
      '',
      '### SDG 16.1 Violence',
      '',
      `Text [${g.rows.map((_, i) => `@EV-${i + 1}`).join('; ')}].`,
      '',
      `## ${w.headings[2]}`,
      '',
      prose.length ? `${prose.join(', ')}.` : 'Text.',
      '',
      '```sources',
      ...lines,
      '```',
      '',
    ].join('\n');
    return { text, register: parseEvidenceRegister(csv, 'evidence.csv') };
  });

const templates = fixtureTemplates();
const check = (text: string, register: EvidenceRegister): Analysis => analyze(text, { templates, defaultTemplate: 'short', evidence: register });
const fixable = (a: Analysis): string[] => a.findings.filter((f) => f.fixes?.some((x) => !x.suggestion)).map((f) => `${f.rule}: ${wordMessage(f.message)}`);

describe('one --fix', () => {
  test('over generated syntheses with registers, in all three languages, one --fix leaves nothing that can be fixed', () => {
    fc.assert(
      fc.property(generated, ({ text, register }) => {
        const before = check(text, register);
        assert.deepEqual(register.problems, []);
        const { text: fixed, applied } = applyFixes(text, before.findings);
        // As many findings fixed as `--fix` said could be: a fix left for later would show here.
        assert.equal(applied, fixable(before).length, `every fixable finding's fix was applied\n${text}`);
        assert.deepEqual(fixable(check(fixed, register)), [], `after one --fix:\n${fixed}`);
      }),
      { numRuns: 200 },
    );
  });

  test('a total that disagrees both with its breakdown and with the register gets one correction, from the register', () => {
    const csv = ['id,title,year,type,country,projects,targets,url', 'A,a,2020,país,X,1,16.1,', 'B,b,2020,país,X,1,16.1,', 'C,c,2020,regional,X,1,16.1,'].join('\n');
    const register = parseEvidenceRegister(csv, 'evidence.csv');
    const text = [
      '---',
      'title: T',
      'language: es',
      '---',
      '',
      '## Antecedentes',
      '',
      'Texto [@A; @B; @C].',
      '',
      '## Hallazgos',
      '',
      'Texto.',
      '',
      '## Metodología',
      '',
      'Se examinaron 5 informes de evaluación.',
      '',
      '```sources',
      'informes de evaluación: 5',
      '  evaluaciones de programas de país: 2',
      '  evaluaciones regionales: 2',
      '```',
      '',
    ].join('\n');
    const before = check(text, register);
    assert.deepEqual(
      before.findings.map((f) => `${f.rule} ${wordMessage(f.message, 'es')}`),
      [
        'register-mismatch Según el registro de evaluaciones, que contiene 3 evaluaciones en evidence.csv, deberían ser 3 informes de evaluación; el bloque dice 5',
        'sources-sum Se esperaba que informes de evaluación (5) fuera igual a la suma de su desglose, 2 + 2 = 4',
        'register-mismatch Según el registro de evaluaciones, que contiene 1 del tipo «regional», deberían ser 1 evaluaciones regionales; el bloque dice 2',
      ],
    );
    // One correction for the three, from the register, that also changes the text quoting the old total.
    const titles = new Set(before.findings.map((f) => wordMessage(f.fixes![0]!.title, 'es')));
    assert.deepEqual([...titles], ['Poner «5 informes de evaluación» del texto en 3, informes de evaluación en 3 y evaluaciones regionales en 1']);
    const { text: fixed } = applyFixes(text, before.findings);
    assert.match(fixed, /Se examinaron 3 informes de evaluación\./);
    assert.match(fixed, /informes de evaluación: 3\n {2}evaluaciones de programas de país: 2\n {2}evaluaciones regionales: 1\n/);
    assert.deepEqual(check(fixed, register).findings, []);
  });
});
