import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  builtinTemplates,
  FIELD_PATTERN,
  ID_PATTERN,
  matchSection,
  normaliseHeading,
  parseTemplate as parseTemplateData,
  SECTION_KEYS,
  targetsSection,
  TEMPLATE_KEYS,
  TemplateRegistry,
  type Template,
  type TemplateSection,
} from '../../server/src/core/templates/template.js';
import { wordMessage } from '../../server/src/core/i18n/words.js';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin.generated.js';
import { buildSkeleton } from '../../server/src/core/templates/skeleton.js';
import { analyze } from '../../server/src/core/lint.js';

const root = resolve(import.meta.dirname, '../../..');
const builtinDir = join(root, 'server/src/core/templates/builtin');
/** The built-in templates' YAML files, as the generator reads them (sorted by name, line endings made '\n'). */
const BUILTIN_SOURCES = readdirSync(builtinDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(builtinDir, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') }));

/** A template problem with its message in English words, as the tests below read it. */
interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

/** `parseTemplate` with the problems worded in English. */
function parseTemplate(text: string, origin: string): { template?: Template; problems: TemplateProblem[] } {
  const { template, problems } = parseTemplateData(text, origin);
  const worded = problems.map((p) => ({ line: p.line, column: p.column, message: wordMessage(p.message) }));
  return template ? { template, problems: worded } : { problems: worded };
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `"${needle}" occurs ${nth + 1} times in the fixture`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The one problem whose message matches `pattern`. */
function problem(problems: TemplateProblem[], pattern: RegExp): TemplateProblem {
  const found = problems.filter((p) => pattern.test(p.message));
  assert.equal(found.length, 1, `one problem matching ${pattern}, got:\n${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
  return found[0]!;
}

function where(p: TemplateProblem): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

const schema = JSON.parse(readFileSync(join(root, 'schemas/template.schema.json'), 'utf8')) as Schema;

const MINIMAL = `id: minimal
title: Minimal
sections:
  - id: findings
    heading: Findings
    targets: true
`;

describe('built-in templates', () => {
  test('each parses without problems', () => {
    assert.equal(BUILTIN_SOURCES.length, 3);
    for (const source of BUILTIN_SOURCES) {
      const { template, problems } = parseTemplate(source.text, 'builtin');
      assert.deepEqual(problems, [], source.file);
      assert.ok(template, source.file);
      assert.equal(`${template.id}.yaml`, source.file, 'a built-in is named after its id');
      assert.ok(template.description.length > 0);
      for (const section of template.sections) assert.ok(section.description, `${template.id}/${section.id} has a description for hovers`);
    }
  });

  test('the registry holds the three, memoised', () => {
    const registry = builtinTemplates();
    assert.equal(builtinTemplates(), registry);
    assert.deepEqual(registry.list().map((t) => t.id), ['evaluation-synthesis-report', 'evidence-gap-map', 'unodc-meta-synthesis']);
    for (const template of registry.list()) assert.equal(template.origin, 'builtin');
  });

  test('unodc-meta-synthesis follows the brief', () => {
    const unodc = builtinTemplates().get('unodc-meta-synthesis');
    assert.ok(unodc);
    assert.deepEqual(unodc.sections.map((s) => s.heading), [
      'Background and context',
      'Main findings and considerations',
      'Sources of data reviewed',
      'Human rights, gender equality and inclusivity',
      'Other cross-cutting themes',
      'Conclusions',
      'Methodology',
    ]);
    assert.ok(unodc.sections.every((s) => s.level === 2 && s.required));
    assert.equal(targetsSection(unodc)?.heading, 'Main findings and considerations');
    assert.deepEqual(unodc.goals, [16]);
    assert.deepEqual(unodc.sections.filter((s) => s.sources).map((s) => s.id), ['sources-of-data', 'methodology']);
    assert.deepEqual(unodc.requiredFields, [['title'], ['country', 'scope'], ['period'], ['team']]);
    for (const label of ['documents', 'surveys', 'interview and focus group participants', 'evaluation reports', 'secondary documents']) {
      assert.ok(unodc.sourceLabels.includes(label), label);
    }
  });

  test('evaluation-synthesis-report has the usual chapters and all goals', () => {
    const report = builtinTemplates().get('evaluation-synthesis-report');
    assert.ok(report);
    assert.deepEqual(report.sections.map((s) => s.heading), [
      'Executive summary',
      'Background',
      'Purpose, scope and questions',
      'Methodology',
      'Limitations',
      'Findings',
      'Conclusions',
      'Recommendations',
      'Annexes',
    ]);
    assert.equal(targetsSection(report)?.id, 'findings');
    assert.deepEqual(report.sections.filter((s) => s.sources).map((s) => s.id), ['methodology']);
    assert.deepEqual(report.sections.filter((s) => !s.required).map((s) => s.id), ['annexes']);
    assert.deepEqual(report.goals, Array.from({ length: 17 }, (_, i) => i + 1));
    assert.deepEqual(report.requiredFields, [['title'], ['scope', 'country'], ['period']]);
  });

  test('evidence-gap-map has one targets section and one sources section', () => {
    const map = builtinTemplates().get('evidence-gap-map');
    assert.ok(map);
    assert.deepEqual(map.sections.map((s) => s.id), [
      'introduction',
      'scope-and-framework',
      'search-and-screening',
      'evidence-map',
      'gaps',
      'implications',
      'annexes',
    ]);
    assert.equal(targetsSection(map)?.id, 'evidence-map');
    assert.deepEqual(map.sections.filter((s) => s.sources).map((s) => s.id), ['search-and-screening']);
    assert.equal(map.goals.length, 17);
  });

  test('templates are frozen', () => {
    const unodc = builtinTemplates().get('unodc-meta-synthesis')!;
    assert.ok(Object.isFrozen(unodc) && Object.isFrozen(unodc.sections) && Object.isFrozen(unodc.sections[0]));
    assert.ok(Object.isFrozen(unodc.sections[0]!.aliases) && Object.isFrozen(unodc.requiredFields[1]));
  });
});

describe('headings', () => {
  const unodc = (): Template => builtinTemplates().get('unodc-meta-synthesis')!;

  test('normaliseHeading', () => {
    assert.equal(normaliseHeading('  MAIN  FINDINGS AND\tCONSIDERATIONS:  '), 'main findings and considerations');
    assert.equal(normaliseHeading('Conclusions.'), 'conclusions');
    assert.equal(normaliseHeading('Conclusions :'), 'conclusions', 'French spacing before a colon');
    assert.equal(normaliseHeading('MÉTHODOLOGIE'), 'méthodologie');
    assert.equal(normaliseHeading('Metodologi\u0301a'), normaliseHeading('Metodología'), 'composed and decomposed accents');
    assert.equal(normaliseHeading('   '), '');
  });

  test('matchSection is case-insensitive and whitespace tolerant', () => {
    assert.equal(matchSection(unodc(), 'MAIN  FINDINGS AND CONSIDERATIONS')?.id, 'findings');
    assert.equal(matchSection(unodc(), 'Background and context')?.id, 'background');
    assert.equal(matchSection(unodc(), 'HUMAN RIGHTS, GENDER EQUALITY AND INCLUSIVITY')?.id, 'human-rights-gender');
    assert.equal(matchSection(unodc(), 'Sources of data reviewed for meta-synthesis')?.id, 'sources-of-data', 'as the brief writes it');
  });

  test('matchSection knows aliases, in English, Spanish and French', () => {
    assert.equal(matchSection(unodc(), 'Background')?.id, 'background');
    assert.equal(matchSection(unodc(), 'Findings')?.id, 'findings');
    assert.equal(matchSection(unodc(), 'Cross-cutting themes')?.id, 'cross-cutting');
    assert.equal(matchSection(unodc(), 'Methodology and sources')?.id, 'methodology');
    assert.equal(matchSection(unodc(), 'ANTECEDENTES Y CONTEXTO')?.id, 'background');
    assert.equal(matchSection(unodc(), 'Contexte')?.id, 'background');
    assert.equal(matchSection(unodc(), 'Metodología')?.id, 'methodology');
    assert.equal(matchSection(unodc(), 'Conclusiones:')?.id, 'conclusions');
    assert.equal(matchSection(unodc(), 'Recommendations'), undefined);
    assert.equal(matchSection(unodc(), ''), undefined);
  });

  test('no heading or alias stands for two sections in a built-in', () => {
    for (const template of builtinTemplates().list()) {
      for (const section of template.sections) {
        for (const text of [section.heading, ...section.aliases]) {
          assert.equal(matchSection(template, text), section, `${template.id}: "${text}"`);
        }
      }
    }
  });
});

describe('the built-in templates in three languages', () => {
  test('every built-in template and section has its title, heading and description in English, Spanish and French', () => {
    for (const template of builtinTemplates().list()) {
      for (const language of ['en', 'es', 'fr'] as const) {
        assert.ok(template.titles[language].trim(), `${template.id}: ${language} title`);
        assert.ok(template.descriptions[language].trim(), `${template.id}: ${language} description`);
        assert.ok(template.labels[language].length >= 5, `${template.id}: ${language} source labels`);
      }
      assert.notEqual(template.titles.es, template.titles.en, `${template.id}: the Spanish title is Spanish`);
      assert.notEqual(template.titles.fr, template.titles.en, `${template.id}: the French title is French`);
      for (const section of template.sections) {
        const where = `${template.id}/${section.id}`;
        for (const language of ['en', 'es', 'fr'] as const) {
          assert.ok(section.headings[language].trim(), `${where}: ${language} heading`);
          assert.ok(section.descriptions?.[language].trim(), `${where}: ${language} description`);
        }
        assert.notEqual(section.headings.es, section.headings.en, `${where}: the Spanish heading is Spanish`);
        assert.notEqual(section.descriptions!.es, section.descriptions!.en, `${where}: the Spanish description is Spanish`);
        assert.notEqual(section.descriptions!.fr, section.descriptions!.en, `${where}: the French description is French`);
      }
    }
  });

  test('every alias of a built-in section has its Spanish and French counterparts, and each matches', () => {
    for (const source of BUILTIN_SOURCES) {
      const data = parseYaml(source.text) as { sections: Array<{ id: string; aliases: Record<string, string[]>; heading: Record<string, string> }> };
      const template = builtinTemplates().get(source.file.replace(/\.yaml$/, ''))!;
      for (const section of data.sections) {
        const counts = ['en', 'es', 'fr'].map((l) => section.aliases[l]?.length ?? 0);
        assert.ok(counts.every((n) => n >= counts[0]!), `${source.file}/${section.id}: as many aliases in Spanish and French as in English (${counts.join(', ')})`);
        for (const text of [...Object.values(section.heading), ...Object.values(section.aliases).flat()]) {
          assert.equal(matchSection(template, text)?.id, section.id, `${source.file}: "${text}"`);
        }
      }
    }
  });

  test("the long form of the sources heading is accepted in each language", () => {
    const unodc = builtinTemplates().get('unodc-meta-synthesis')!;
    for (const heading of ['Sources of data reviewed for meta-synthesis', 'Fuentes de datos examinadas para la metasíntesis', 'Sources de données examinées pour la méta-synthèse']) {
      assert.equal(matchSection(unodc, heading)?.id, 'sources-of-data', heading);
    }
  });
});

describe('the template skeleton in the language of the document', () => {
  /** What a user gets by pressing Tab through a snippet: every placeholder's default. */
  const expand = (snippet: string): string => snippet.replace(/\$\{\d+:((?:[^\\}]|\\.)*)\}/g, (_m, d: string) => d.replace(/\\(.)/g, '$1')).replace(/\$0$/, '');

  for (const template of builtinTemplates().list()) {
    for (const language of ['en', 'es', 'fr'] as const) {
      test(`${template.id} in ${language}: headings, placeholders and labels in ${language}, with no problems`, () => {
        const text = buildSkeleton(template, { language });
        const analysis = analyze(text);
        assert.equal(analysis.document.language, language);
        assert.deepEqual(analysis.findings.map((f) => `${f.rule}: ${wordMessage(f.message)}`), [], text);
        for (const section of template.sections) assert.ok(text.includes(`\n${'#'.repeat(section.level)} ${section.headings[language]}\n`), `${section.headings[language]} in:\n${text}`);
        assert.ok(text.includes(`\n${template.labels[language][0]}: 12\n`), 'the sources block uses the labels of the language');
        assert.equal(expand(buildSkeleton(template, { language, snippet: true })), text, 'the snippet gives the same text');
      });
    }
  }

  test('the snippets of each language make clean sections in a skeleton of that language', () => {
    const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'synthesis.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
    const unodc = builtinTemplates().get('unodc-meta-synthesis')!;
    const tag = { en: 'SDG', es: 'ODS', fr: 'ODD' } as const;
    for (const language of ['en', 'es', 'fr'] as const) {
      const ofLanguage = Object.entries(snippets).filter(([name]) => name.endsWith(`(${language})`)).map(([, s]) => expand(s.body.join('\n')));
      const targets = ofLanguage.filter((b) => b.startsWith(`### ${tag[language]} 16.`));
      assert.equal(targets.length, 13, `${language}: a target-section snippet, and one per target of SDG 16`);
      const sources = ofLanguage.find((b) => b.startsWith('```sources'))!;
      const base = buildSkeleton(unodc, { language });
      const findings = unodc.sections.find((x) => x.targets)!.headings[language];
      const next = unodc.sections[unodc.sections.findIndex((x) => x.targets) + 1]!.headings[language];
      // Every target section but 16.1 (the skeleton has it) after the skeleton's first one.
      const added = targets.filter((b) => !b.startsWith(`### ${tag[language]} 16.1 `)).slice(1).join('\n\n');
      const text = base.replace(`\n## ${next}\n`, `\n${added}\n\n## ${next}\n`) + `\n${sources}\n`;
      assert.ok(text.includes(findings));
      assert.deepEqual(analyze(text).findings.map((f) => `${f.rule}: ${wordMessage(f.message)}`), [], text);
    }
  });

  test('the target section leaves its title to the author, with the official text of the target as the placeholder', () => {
    const unodc = builtinTemplates().get('unodc-meta-synthesis')!;
    assert.match(buildSkeleton(unodc, { language: 'es' }), /\n### ODS 16\.1 Reducir significativamente todas las formas de violencia/);
    assert.match(buildSkeleton(unodc, { language: 'fr', snippet: true }), /\n### ODD 16\.1 \$\{\d+:Réduire nettement, partout dans le monde, toutes les formes de violence/);
    assert.match(buildSkeleton(unodc), /\nlanguage: en\n|^(?![\s\S]*\nlanguage:)/, 'an English skeleton needs no language field');
  });
});

describe('parseTemplate', () => {
  test('a minimal template gets the defaults', () => {
    const { template, problems } = parseTemplate(MINIMAL, '/ws/.synthesis/templates/minimal.yaml');
    assert.deepEqual(problems, []);
    assert.ok(template);
    assert.equal(template.origin, '/ws/.synthesis/templates/minimal.yaml');
    assert.equal(template.description, '');
    assert.deepEqual(template.requiredFields, []);
    assert.equal(template.goals.length, 17, 'no goals means all goals');
    assert.deepEqual(template.sourceLabels, []);
    assert.deepEqual(template.sections, [
      { id: 'findings', heading: 'Findings', headings: { en: 'Findings', es: 'Findings', fr: 'Findings' }, aliases: [], level: 2, required: true, targets: true, sources: false, considerations: false },
    ]);
    assert.deepEqual(template.titles, { en: template.title, es: template.title, fr: template.title }, 'one title serves every language');
  });

  test('titles, descriptions, headings, aliases and labels may be given per language', () => {
    const text = [
      'id: three',
      'title: { en: Country brief, es: Nota de país, fr: Note de pays }',
      'description: { en: A brief., es: Una nota., fr: Une note. }',
      'sections:',
      '  - id: findings',
      '    heading: { en: Findings, es: Hallazgos, fr: Constatations }',
      '    aliases: { en: [Key findings], es: [Principales hallazgos], fr: [Principales constatations] }',
      '    description: { en: What was found., es: Lo que se encontró., fr: Ce qui a été constaté. }',
      '  - id: conclusions',
      '    heading: { en: Conclusions, es: Conclusiones }',
      'sourceLabels: { en: [documents], es: [documentos], fr: [documents, enquêtes] }',
      '',
    ].join('\n');
    const { template, problems } = parseTemplate(text, 'x');
    assert.deepEqual(problems, []);
    assert.ok(template);
    assert.deepEqual(template.titles, { en: 'Country brief', es: 'Nota de país', fr: 'Note de pays' });
    assert.equal(template.title, 'Country brief');
    assert.equal(template.descriptions.fr, 'Une note.');
    const [findings, conclusions] = template.sections;
    assert.deepEqual(findings!.headings, { en: 'Findings', es: 'Hallazgos', fr: 'Constatations' });
    assert.deepEqual(findings!.aliases, ['Key findings', 'Principales hallazgos', 'Principales constatations']);
    assert.equal(findings!.descriptions?.es, 'Lo que se encontró.');
    assert.deepEqual(conclusions!.headings, { en: 'Conclusions', es: 'Conclusiones', fr: 'Conclusions' }, 'French falls back to English');
    for (const heading of ['Hallazgos', 'CONSTATATIONS', 'principales hallazgos', 'Conclusiones']) assert.ok(matchSection(template, heading), heading);
    assert.deepEqual(template.labels, { en: ['documents'], es: ['documentos'], fr: ['documents', 'enquêtes'] });
    assert.deepEqual(template.sourceLabels, ['documents', 'documentos', 'enquêtes']);
  });

  test('a text per language must be text, under en, es or fr', () => {
    const text = ['id: t', 'title: T', 'sections:', '  - id: a', '    heading: { es: Hallazgos, de: Befunde, fr: [x] }', ''].join('\n');
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        "'de' is not a language of Synthesis Markdown: use en, es or fr.",
        "'heading.fr' should be text, not a list. Put it in quotes if it is meant as text.",
      ],
    );
    const noEnglish = parseTemplate(['id: t', 'title: T', 'sections:', '  - id: a', '    heading: { es: Hallazgos }', ''].join('\n'), 'x');
    assert.ok(noEnglish.template);
    assert.equal(noEnglish.template.sections[0]!.heading, 'Hallazgos');
    assert.match(noEnglish.problems[0]!.message, /gives no English text/);
  });

  test('goals are sorted; an alias equal to the heading is dropped silently', () => {
    const text = 'id: t\ntitle: T\ngoals: [16, 5]\nsections:\n  - id: findings\n    heading: Findings\n    aliases: [FINDINGS, Hallazgos]\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.deepEqual(problems, []);
    assert.deepEqual(template?.goals, [5, 16]);
    assert.deepEqual(template?.sections[0]?.aliases, ['Hallazgos']);
  });

  test('invalid YAML: a tab used for indentation', () => {
    const text = 'id: broken\ntitle: Broken\nsections:\n  - id: a\n\theading: A\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(where(problem(problems, /tab/)), { line: 5, column: 1 });
  });

  test('invalid YAML: a key written twice', () => {
    const text = 'id: twice\ntitle: Twice\ntitle: Again\nsections:\n  - id: a\n    heading: A\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(where(problem(problems, /twice/)), at(text, 'title: Again'));
  });

  test('invalid YAML: an unclosed bracket', () => {
    const text = 'id: open\ntitle: Open\ngoals: [16\nsections:\n  - id: a\n    heading: A\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.ok(problems.length > 0);
    assert.match(problems[0]!.message, /not valid YAML/);
    assert.ok(problems[0]!.line >= 3, 'points at or after the open bracket');
  });

  test('a section without heading', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n  - id: b\n    level: 2\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(where(problem(problems, /has no 'heading'/)), at(text, 'id: b'));
  });

  test('level 9', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    level: 9\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    const p = problem(problems, /level/);
    assert.deepEqual(where(p), at(text, '9'));
    assert.match(p.message, /1 to 6/);
  });

  test('a level that is not a number', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    level: two\n';
    const { problems } = parseTemplate(text, 'x');
    assert.deepEqual(where(problem(problems, /level/)), at(text, 'two'));
  });

  test('an unknown key is ignored, with a suggestion', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    requird: false\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.ok(template, 'an unknown key does not make the template unusable');
    assert.equal(template.sections[0]?.required, true);
    const p = problem(problems, /requird/);
    assert.deepEqual(where(p), at(text, 'requird'));
    assert.match(p.message, /Did you mean 'required'\?/);
  });

  test('unknown keys: spelling variants, keys of the other level, and no suggestion', () => {
    const text = 'id: t\ntitle: T\nsource_labels: [documents]\ntargets: true\ncolour: red\nsections:\n  - id: a\n    heading: A\n    goals: [16]\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.ok(template);
    assert.match(problem(problems, /source_labels/).message, /Did you mean 'sourceLabels'\?/);
    assert.match(problem(problems, /'targets' is not/).message, /belongs to a section/);
    assert.match(problem(problems, /'goals' is not/).message, /whole template/);
    assert.match(problem(problems, /colour/).message, /The settings are: 'id', 'title'/);
    assert.deepEqual(where(problem(problems, /colour/)), at(text, 'colour'));
  });

  test('two targets sections', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    targets: true\n  - id: b\n    heading: B\n    targets: true\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    const p = problem(problems, /Only one section/);
    assert.deepEqual(where(p), at(text, 'true', 1));
    assert.match(p.message, /section 'a' \(line 6\)/);
  });

  test('a targets section at level 6', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    level: 6\n    targets: true\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(where(problem(problems, /no level 7/)), at(text, 'true'));
  });

  test('goals [18]', () => {
    const text = 'id: t\ntitle: T\ngoals: [18]\nsections:\n  - id: a\n    heading: A\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    const p = problem(problems, /18/);
    assert.deepEqual(where(p), at(text, '18'));
    assert.match(p.message, /1 to 17/);
  });

  test('goals as quoted text or repeated', () => {
    const text = 'id: t\ntitle: T\ngoals: [16, "5", 16]\nsections:\n  - id: a\n    heading: A\n';
    const { problems } = parseTemplate(text, 'x');
    assert.deepEqual(where(problem(problems, /without quotes/)), at(text, '"5"'));
    assert.deepEqual(where(problem(problems, /listed twice/)), at(text, '16', 1));
  });

  test('duplicate section ids and a heading shared by two sections', () => {
    const text = 'id: t\ntitle: T\nsections:\n  - id: a\n    heading: Findings\n  - id: a\n    heading: Other\n    aliases: ["FINDINGS:"]\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    const dup = problem(problems, /already has the id 'a'/);
    const second = at(text, 'id: a', 1);
    assert.deepEqual(where(dup), { line: second.line, column: second.column + 'id: '.length });
    assert.match(dup.message, /line 4/);
    assert.deepEqual(where(problem(problems, /already names section 'a'/)), at(text, '"FINDINGS:"'));
  });

  test('ids, types and missing keys', () => {
    const text = 'title: 3\nsections:\n  - id: Main Findings\n    heading: Main findings\n    required: yes\n    aliases: Findings\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(where(problem(problems, /has no 'id'/)), { line: 1, column: 1 });
    assert.deepEqual(where(problem(problems, /'title' should be text/)), at(text, '3'));
    const badId = problem(problems, /cannot be an id/);
    assert.deepEqual(where(badId), at(text, 'Main Findings'));
    assert.match(badId.message, /'main-findings'/);
    assert.deepEqual(where(problem(problems, /true or false/)), at(text, 'yes'));
    assert.deepEqual(where(problem(problems, /'aliases' should be a list/)), at(text, 'Findings', 1));
  });

  test('required fields: alternatives, bad names, repeats', () => {
    const text = MINIMAL + 'requiredFields:\n  - title\n  - [country, scope]\n  - [title]\n  - "two words"\n  - []\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.deepEqual(where(problem(problems, /already required/)), at(text, 'title', 2));
    assert.deepEqual(where(problem(problems, /cannot be a front-matter field name/)), at(text, '"two words"'));
    assert.deepEqual(where(problem(problems, /alternative fields is empty/)), at(text, '[]'));
  });

  test('empty and non-mapping files', () => {
    assert.match(parseTemplate('', 'x').problems[0]!.message, /empty/);
    assert.match(parseTemplate('# only a comment\n', 'x').problems[0]!.message, /empty/);
    const list = parseTemplate('- a\n- b\n', 'x');
    assert.equal(list.template, undefined);
    assert.match(list.problems[0]!.message, /this file holds a list/);
    const sections = parseTemplate('id: t\ntitle: T\nsections: []\n', 'x');
    assert.deepEqual(where(problem(sections.problems, /empty list/)), { line: 3, column: 11 });
  });

  test('two documents in one file', () => {
    const text = MINIMAL + '---\nid: second\n';
    const { template, problems } = parseTemplate(text, 'x');
    assert.equal(template, undefined);
    assert.equal(problem(problems, /one template/).line, at(text, '---').line);
  });

  test('anchors and aliases are followed', () => {
    const text = 'id: t\ntitle: &name Shared\nsections:\n  - id: a\n    heading: *name\n  - id: b\n    heading: B\n    aliases: *missing\n';
    const { problems } = parseTemplate(text, 'x');
    assert.deepEqual(where(problem(problems, /anchor '&missing'/)), at(text, '*missing'));
    assert.equal(parseTemplate(text.replace('    aliases: *missing\n', ''), 'x').template?.sections[0]?.heading, 'Shared');
  });

  test('problems are sorted and parseTemplate never throws', () => {
    const inputs = ['', ':', '[', '{', '- - -', 'id: [', '"', '*a', '&a [*a]', 'a: !!binary x', '\u0000', 'id: t\ntitle: T\nsections: [[[]]]', '{'.repeat(2000)];
    for (const input of inputs) {
      const { problems } = parseTemplate(input, 'x');
      assert.ok(problems.length > 0, JSON.stringify(input));
      for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1 && p.message.length > 0);
      const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
      assert.deepEqual(problems, sorted);
    }
  });
});

describe('TemplateRegistry', () => {
  test('get, list and with (later ones replace the same id, in place)', () => {
    const builtins = builtinTemplates();
    const mine = parseTemplate(MINIMAL.replace('id: minimal', 'id: unodc-meta-synthesis'), '/ws/t.yaml').template!;
    const other = parseTemplate(MINIMAL, '/ws/m.yaml').template!;
    const registry = builtins.with([mine, other]);
    assert.notEqual(registry, builtins);
    assert.equal(registry.get('unodc-meta-synthesis')?.origin, '/ws/t.yaml');
    assert.equal(builtins.get('unodc-meta-synthesis')?.origin, 'builtin', 'the original is unchanged');
    assert.deepEqual(registry.list().map((t) => t.id), ['evaluation-synthesis-report', 'evidence-gap-map', 'unodc-meta-synthesis', 'minimal']);
    assert.equal(registry.get('nope'), undefined);
    assert.deepEqual(new TemplateRegistry().list(), []);
  });
});

describe('generated file and schema', () => {
  test('builtin.generated.ts holds exactly what the parser makes of the YAML files today', () => {
    // The built-ins are parsed when the file is generated, not at run time: it must be regenerated
    // after a change to a YAML file or to the parser, or the editor and synthlint would use stale ones.
    const parsed = BUILTIN_SOURCES.map((source) => parseTemplateData(source.text, 'builtin'));
    for (const [i, { problems }] of parsed.entries()) assert.deepEqual(problems, [], BUILTIN_SOURCES[i]!.file);
    assert.deepEqual(
      JSON.parse(JSON.stringify(BUILTIN_TEMPLATES)),
      JSON.parse(JSON.stringify(parsed.map((p) => p.template))),
      'run `node scripts/generate-templates.mjs`',
    );
    // And the registry is those, unchanged.
    assert.deepEqual(builtinTemplates().list(), parsed.map((p) => p.template));
  });

  test('the built-in templates are frozen all the way down, as parsed templates are', () => {
    const frozen = (value: unknown, where: string): void => {
      if (typeof value !== 'object' || value === null) return;
      assert.ok(Object.isFrozen(value), `${where} is frozen`);
      for (const [key, inner] of Object.entries(value)) frozen(inner, `${where}.${key}`);
    };
    for (const template of builtinTemplates().list()) frozen(template, template.id);
    const unodc = builtinTemplates().get('unodc-meta-synthesis')!;
    assert.throws(() => (unodc.sections as TemplateSection[]).push(unodc.sections[0]!));
  });

  test('the generator says whether the generated file is current', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/generate-templates.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /up to date \(3 templates\)/);
  });

  test('the schema and the parser accept the same keys', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), [...TEMPLATE_KEYS].sort());
    const section = schema.definitions?.['section'];
    assert.ok(section);
    assert.deepEqual(Object.keys(section.properties ?? {}).sort(), [...SECTION_KEYS].sort());
    assert.deepEqual(schema.required, ['id', 'title', 'sections']);
    assert.deepEqual(section.required, ['id', 'heading']);
    assert.equal(schema.properties?.['id']?.pattern, ID_PATTERN.source);
    assert.equal(section.properties?.['id']?.pattern, ID_PATTERN.source);
    assert.equal(schema.definitions?.['fieldName']?.pattern, FIELD_PATTERN.source);
    for (const key of TEMPLATE_KEYS) assert.ok(schema.properties?.[key]?.description, `schema describes ${key}`);
    for (const key of SECTION_KEYS) assert.ok(section.properties?.[key]?.description, `schema describes section ${key}`);
  });

  test('every built-in validates against the schema', () => {
    for (const source of BUILTIN_SOURCES) {
      assert.deepEqual(validate(schema, parseYaml(source.text), schema), [], source.file);
    }
    assert.deepEqual(validate(schema, parseYaml(MINIMAL), schema), []);
  });

  test('the schema rejects what the parser rejects', () => {
    const bad = [
      'id: t\ntitle: T\nsections:\n  - id: a\n    level: 2\n',
      'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    level: 9\n',
      'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    level: 6\n    targets: true\n',
      'id: t\ntitle: T\ngoals: [18]\nsections:\n  - id: a\n    heading: A\n',
      'id: t\ntitle: T\ngoals: ["16"]\nsections:\n  - id: a\n    heading: A\n',
      'id: Bad Id\ntitle: T\nsections:\n  - id: a\n    heading: A\n',
      'id: t\ntitle: T\nsections: []\n',
      'id: t\ntitle: "  "\nsections:\n  - id: a\n    heading: A\n',
      'id: t\ntitle: T\nrequiredFields: [[]]\nsections:\n  - id: a\n    heading: A\n',
      'id: t\ntitle: T\nrequiredFields: ["two words"]\nsections:\n  - id: a\n    heading: A\n',
      'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    required: "yes"\n',
      'id: t\ntitle: T\nsections:\n  - id: a\n    heading: A\n    colour: red\n',
      'id: t\ntitle: T\ncolour: red\nsections:\n  - id: a\n    heading: A\n',
    ];
    for (const text of bad) {
      assert.ok(parseTemplate(text, 'x').problems.length > 0, `parser: ${text}`);
      assert.ok(validate(schema, parseYaml(text), schema).length > 0, `schema: ${text}`);
    }
  });
});

describe('docs/templates.md', () => {
  const docs = readFileSync(join(root, 'docs/templates.md'), 'utf8');

  test('the complete example is a valid template', () => {
    const example = /A complete example:\n\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(example, 'the example is found');
    const { template, problems } = parseTemplate(example, 'docs');
    assert.deepEqual(problems, []);
    assert.equal(template?.id, 'country-synthesis');
    assert.deepEqual(validate(schema, parseYaml(example), schema), []);
  });

  test('the tables list every built-in section, in order, with level and required', () => {
    for (const template of builtinTemplates().list()) {
      const start = docs.indexOf(`### \`${template.id}\``);
      assert.notEqual(start, -1, `docs have a part for ${template.id}`);
      const rows = docs
        .slice(start)
        .split('\n')
        .filter((line) => /^\| \d+ \|/.test(line));
      const part = rows.slice(0, template.sections.length).map((row) => row.split('|').map((cell) => cell.trim()));
      assert.deepEqual(
        part.map((cells) => [cells[2], cells[3], cells[4]]),
        template.sections.map((s) => [s.heading, String(s.level), s.required ? 'yes' : 'no']),
        template.id,
      );
      part.forEach((cells, i) => {
        const section = template.sections[i]!;
        assert.equal(/holds the target sections/.test(cells[5]!), section.targets, `${template.id}/${section.id} targets`);
        assert.equal(/needs a sources block/.test(cells[5]!), section.sources, `${template.id}/${section.id} sources`);
      });
    }
  });
});

// A checker for the part of JSON Schema draft-07 that template.schema.json uses. It refuses any
// keyword it does not know, so the schema cannot quietly grow beyond what is tested here.
interface Schema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  required?: string[];
  items?: Schema;
  minItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  oneOf?: Schema[];
  $ref?: string;
  if?: Schema;
  then?: Schema;
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  definitions?: Record<string, Schema>;
}

const KNOWN = new Set(['$schema', 'title', 'description', 'type', 'properties', 'additionalProperties', 'required', 'items', 'minItems', 'uniqueItems', 'minimum', 'maximum', 'pattern', 'oneOf', '$ref', 'if', 'then', 'const', 'default', 'examples', 'definitions']);

function validate(schema: Schema, value: unknown, rootSchema: Schema, path = '$'): string[] {
  for (const key of Object.keys(schema)) assert.ok(KNOWN.has(key), `the test's schema checker does not know '${key}'`);
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = rootSchema.definitions?.[name];
    assert.ok(target, `unknown $ref ${schema.$ref}`);
    return validate(target, value, rootSchema, path);
  }
  const errors: string[] = [];
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (schema.type) {
    const ok =
      schema.type === 'object' ? isObject
      : schema.type === 'array' ? Array.isArray(value)
      : schema.type === 'integer' ? Number.isInteger(value)
      : typeof value === schema.type;
    if (!ok) return [`${path}: expected ${schema.type}`];
  }
  if (schema.const !== undefined && value !== schema.const) errors.push(`${path}: expected ${String(schema.const)}`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${path}: repeated items`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(schema.items!, item, rootSchema, `${path}[${i}]`)));
  }
  if (isObject) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${path}: missing ${key}`);
    for (const [key, item] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) errors.push(...validate(property, item, rootSchema, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown key ${key}`);
    }
  }
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((option) => validate(option, value, rootSchema, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of the oneOf options`);
  }
  if (schema.if && validate(schema.if, value, rootSchema, path).length === 0 && schema.then) {
    errors.push(...validate(schema.then, value, rootSchema, path));
  }
  return errors;
}
