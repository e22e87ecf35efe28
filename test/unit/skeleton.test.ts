/**
 * The skeleton that "Synthesis: Insert Template Skeleton" and the template snippets insert: for
 * every built-in template it must analyse without a single finding, as plain text and with the
 * snippet's placeholders left at their defaults.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, buildSkeleton, builtinTemplates, expandSnippet, parseTemplate, TemplateRegistry, wordMessage, type Template } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

/** The skeleton is built from the core's template itself (the service answers `synthesis/skeleton` with it). */
const info = (template: Template): Template => template;

function findingsText(text: string, templates = builtinTemplates()): string[] {
  const lines = text.split('\n');
  return analyze(text, { templates }).findings.map((f) => {
    const line = text.slice(0, f.span.start).split('\n').length;
    return `${f.severity} ${f.rule} line ${line}: ${wordMessage(f.message)} | ${lines[line - 1]}`;
  });
}

const templates = builtinTemplates().list();

describe('template skeleton', () => {
  test('there are built-in templates to build from', () => {
    assert.ok(templates.length >= 3);
  });

  for (const template of templates) {
    test(`${template.id}: plain skeleton has no findings at all`, () => {
      const text = buildSkeleton(info(template));
      assert.deepEqual(findingsText(text), []);
      assert.match(text, new RegExp(`^---\\ntitle: .+\\ntemplate: ${template.id}\\n`));
      for (const section of template.sections) assert.ok(text.includes(`\n${'#'.repeat(section.level)} ${section.heading}\n`), section.heading);
    });

    test(`${template.id}: snippet with defaults equals the plain skeleton`, () => {
      const snippet = buildSkeleton(info(template), { snippet: true });
      assert.match(snippet, /\$\{1:Title of the synthesis\}/);
      assert.equal(expandSnippet(snippet), buildSkeleton(info(template)));
    });
  }

  test('a workspace template with its own goals, levels and sources labels', () => {
    const yaml = [
      'id: gender-review',
      'title: Gender review',
      'description: A review of gender results.',
      'requiredFields: [title, [scope, country], team, report]',
      'goals: [5]',
      'sections:',
      '  - id: summary',
      '    heading: Summary',
      '    level: 1',
      '  - id: results',
      '    heading: Results by target',
      '    level: 2',
      '    targets: true',
      '    sources: true',
      '    description: "#1 priority: results, each under its SDG 5 target."',
      'sourceLabels: [evaluations, interviews]',
    ].join('\n');
    const { template, problems } = parseTemplate(yaml, '.synthesis/templates/gender-review.yaml');
    assert.deepEqual(problems, []);
    assert.ok(template);
    const text = buildSkeleton(info(template));
    assert.deepEqual(findingsText(text, builtinTemplates().with([template])), []);
    assert.match(text, /\n### SDG 5\.1 /);
    assert.match(text, /\nscope: .+\n/);
    assert.match(text, /\nreport: https:\/\//);
    assert.match(text, /```sources\nevaluations: 12\ninterviews: 8\n```/);
  });

  test('a template that names no required fields, goals or labels still gives a clean skeleton', () => {
    const { template } = parseTemplate('id: bare\ntitle: Bare\nsections:\n  - id: findings\n    heading: Findings\n    targets: true\n  - id: methods\n    heading: Methods\n    sources: true\n', 'x');
    assert.ok(template);
    const text = buildSkeleton(template);
    assert.deepEqual(findingsText(text, new TemplateRegistry([...builtinTemplates().list(), template])), []);
    assert.match(text, /\n### SDG 1\.1 /, 'a template without goals covers them all, from goal 1');
  });

  test('snippet syntax characters in template text are escaped', () => {
    const template = builtinTemplates().get('unodc-meta-synthesis')!;
    const tricky: Template = { ...template, sections: template.sections.map((s, i) => (i === 0 ? { ...s, descriptions: { en: 'Costs in $ and {braces} and a back\\slash.', es: '', fr: '' } } : s)) };
    const snippet = buildSkeleton(tricky, { snippet: true });
    assert.ok(snippet.includes('Costs in \\$ and {braces\\} and a back\\\\slash.'));
    assert.ok(expandSnippet(snippet).includes('Costs in $ and {braces} and a back\\slash.'));
  });
});

describe('snippets file', () => {
  interface Snippet {
    prefix: string | string[];
    body: string | string[];
    description?: string;
  }
  const snippets = JSON.parse(readFileSync(join(repoRoot, 'snippets', 'synthesis.code-snippets'), 'utf8')) as Record<string, Snippet>;
  const bodyOf = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

  test('has a full skeleton for each built-in template in each language, up to date with the templates', () => {
    for (const template of templates) {
      for (const language of ['en', 'es', 'fr'] as const) {
        const skeleton = buildSkeleton(template, { language, snippet: true });
        const entry = Object.values(snippets).find((s) => bodyOf(s) === skeleton);
        assert.ok(entry, `a skeleton snippet for ${template.id} in ${language}: run 'node scripts/generate-snippets.mjs'`);
        assert.deepEqual(findingsText(expandSnippet(bodyOf(entry))), []);
      }
    }
  });

  test('every snippet has a prefix and a description', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length > 0, name);
      assert.ok(s.description, name);
    }
  });

  test('the target-section and sources snippets make clean sections inside a skeleton', () => {
    const target = Object.values(snippets).find((s) => /^### SDG 16\./.test(bodyOf(s)));
    const sources = Object.values(snippets).find((s) => bodyOf(s).startsWith('```sources'));
    assert.ok(target && sources);
    const base = buildSkeleton(info(builtinTemplates().get('unodc-meta-synthesis')!));
    // A second target section after the first (SDG 16.1) and a sources block in the methodology.
    const withTarget = base.replace('\n## Sources of data reviewed', `\n${expandSnippet(bodyOf(target)).replace('SDG 16.1', 'SDG 16.3')}\n\n## Sources of data reviewed`);
    assert.deepEqual(findingsText(withTarget), []);
    assert.ok(withTarget.includes('### SDG 16.3 '));
    const withSources = `${base}\n${expandSnippet(bodyOf(sources))}\n`;
    assert.deepEqual(findingsText(withSources), []);
  });
});
