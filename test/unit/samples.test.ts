// The samples and the dialect documentation are promises to users: the samples are valid
// syntheses to copy from, and docs/dialect.md shows what synthlint reports on its examples. These
// tests keep both true. samples/showcase.synth.md is left out: it exists to trigger every rule and
// has tests of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import {
  analyze,
  builtinTemplates,
  checkFlow,
  parseEvidenceRegister,
  screeningFlows,
  targetFindings,
  matchSection,
  parseTemplate,
  RULES,
  scanTags,
  type Analysis,
  type Template,
  type TemplateRegistry,
  wordMessage,
} from '../../server/src/core/index.js';
import { filesUnder, repoRoot } from '../helpers.js';

const samplesDir = join(repoRoot, 'samples');
const templatesDir = join(samplesDir, '.synthesis', 'templates');

/** The built-in templates plus the samples' workspace templates, as the CLI and editor load them. */
function sampleTemplates(): TemplateRegistry {
  const templates: Template[] = [];
  for (const file of filesUnder(templatesDir, '.yaml')) {
    const { template, problems } = parseTemplate(readFileSync(file, 'utf8'), file);
    assert.deepEqual(problems, [], `${relative(repoRoot, file)} has problems`);
    assert.ok(template, `${relative(repoRoot, file)} gives a template`);
    templates.push(template);
  }
  return builtinTemplates().with(templates);
}

/** Findings as `line:column severity rule message` (1-based), so a failure reads like synthlint. */
function render(analysis: Analysis): string[] {
  return analysis.findings.map((f) => {
    const p = analysis.document.lines.positionAt(f.span.start);
    return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule} ${wordMessage(f.message)}`;
  });
}

const sampleFiles = filesUnder(samplesDir, '.synth.md').filter((f) => basename(f) !== 'showcase.synth.md');

describe('samples', () => {
  const templates = sampleTemplates();

  test('there are samples for every built-in template, a workspace template and Spanish', () => {
    const used = new Set(sampleFiles.map((f) => analyze(readFileSync(f, 'utf8'), { templates }).templateId));
    for (const t of builtinTemplates().list()) assert.ok(used.has(t.id), `no sample uses the template '${t.id}'`);
    assert.ok(used.has('country-brief'), 'no sample uses the workspace template country-brief');
    assert.ok(sampleFiles.some((f) => analyze(readFileSync(f, 'utf8')).document.language === 'es'), 'no Spanish sample');
  });

  for (const file of sampleFiles) {
    const name = relative(samplesDir, file);
    const text = readFileSync(file, 'utf8');

    test(`${name} analyses with no findings`, () => {
      const analysis = analyze(text, { templates });
      assert.ok(analysis.template, `the template '${analysis.templateId}' exists`);
      assert.deepEqual(render(analysis), []);
    });

    test(`${name} repeats counts in its text that equal its sources blocks`, () => {
      const { document } = analyze(text, { templates });
      assert.ok(document.sourcesBlocks.length > 0, 'has a sources block');
      assert.ok(document.proseCounts.length > 0, 'quotes at least one count in its text');
      const counts = new Map<string, number[]>();
      for (const block of document.sourcesBlocks) {
        for (const entry of block.all) counts.set(entry.key, [...(counts.get(entry.key) ?? []), entry.count!]);
      }
      for (const claim of document.proseCounts) {
        assert.ok(counts.get(claim.key)?.includes(claim.value), `"${claim.value} ${claim.label}" agrees with a sources block`);
      }
    });
  }

  test('the Colombia sample uses every part of the dialect', () => {
    const text = readFileSync(join(samplesDir, 'colombia-country-programme.synth.md'), 'utf8');
    const { document, templateId } = analyze(text);
    assert.equal(templateId, 'unodc-meta-synthesis');
    const fields = document.frontMatter!.fields;
    for (const key of ['title', 'template', 'country', 'period', 'team', 'report', 'language']) assert.ok(fields.has(key), `front matter has '${key}'`);
    assert.ok(Array.isArray(fields.get('team')!.value), 'team is a list');
    const targets = document.headings.filter((h) => h.targetTag).map((h) => h.targetTag!.raw);
    assert.ok(targets.includes('SDG 16.6/16.a'), 'has a combined target section');
    assert.ok(targets.includes('SDG 16.b'), 'has a lettered target section');
    assert.ok(targets.every((t) => t.startsWith('SDG 16.')), 'target sections are all goal 16');
    const prose = document.tags.filter((t) => !document.headings.some((h) => h.targetTag === t)).map((t) => t.raw);
    for (const tag of ['SDG 16', 'SDG 5.2', 'SDG 16.7', 'SDG 16.1.1']) assert.ok(prose.includes(tag), `mentions ${tag} in prose`);
    assert.equal(document.sourcesBlocks.length, 3);
    const reports = document.sourcesBlocks[1]!.entries.find((e) => e.key === 'evaluation report');
    assert.deepEqual([reports?.count, reports?.children.map((c) => c.count)], [18, [11, 3, 4]]);
    const quoted = document.proseCounts.map((c) => `${c.value} ${c.key}`);
    for (const claim of ['2140 document', '18 evaluation report', '19 project']) assert.ok(quoted.includes(claim), `quotes ${claim}`);
  });

  for (const [file, register] of [['colombia-country-programme.synth.md', 'colombia-evidence.csv'], ['es/sintesis-guatemala.synth.md', 'es/registro-guatemala.csv'], ['fr/synthese-senegal.synth.md', 'fr/registre-senegal.csv']] as const) {
    test(`${file} uses the findings features: considerations, a screening flow, quality and criteria in its register`, () => {
      const document = analyze(readFileSync(join(samplesDir, file), 'utf8')).document;
      const targets = targetFindings(document);
      assert.ok(targets.length >= 5 && targets.filter((t) => t.considerations.length > 0).length >= targets.length - 1, 'nearly every target section has a consideration');
      const flows = screeningFlows(document);
      assert.equal(flows.length, 1, 'a sources flow block');
      const rows = parseEvidenceRegister(readFileSync(join(samplesDir, register), 'utf8'), register);
      assert.deepEqual(checkFlow(flows[0]!, rows), [], 'the flow adds up to the register');
      assert.ok(rows.entries.every((e) => e.quality !== undefined), 'every evaluation has a quality rating');
      assert.ok(rows.entries.every((e) => (e.criteria?.length ?? 0) > 0), 'every evaluation names its criteria');
    });
  }

  // Spanish is a later issue (headings, hovers and messages in Spanish); what already works is
  // asserted here so that it keeps working.
  test('the Spanish sample is read as Spanish: ODS tags, Spanish headings and counts', () => {
    const text = readFileSync(join(samplesDir, 'es', 'sintesis-guatemala.synth.md'), 'utf8');
    const { document, template } = analyze(text);
    assert.equal(document.language, 'es');
    assert.equal(template?.id, 'unodc-meta-synthesis');

    const ods = scanTags(text, 0, 'es').filter((t) => t.prefix === 'ODS').map((t) => t.raw);
    for (const tag of ['ODS 16.1', 'ODS 16.6/16.a', 'ODS 16.b', 'ODS 5.2']) assert.ok(ods.includes(tag), `finds ${tag}`);
    assert.deepEqual(scanTags(text, 0, 'en').filter((t) => t.prefix === 'ODS'), [], 'ODS is not a tag in English');

    const targets = document.headings.filter((h) => h.targetTag).map((h) => h.targetTag!.raw);
    assert.deepEqual(targets, ['ODS 16.1', 'SDG 16.2', 'ODS 16.3', 'ODS 16.4', 'ODS 16.5', 'ODS 16.6/16.a', 'ODS 16.b']);

    const quoted = document.proseCounts.map((c) => `${c.value} ${c.label}`);
    for (const claim of ['1460 documentos', '14 informes de evaluación', '16 proyectos', '241 participantes en entrevistas y grupos focales']) {
      assert.ok(quoted.includes(claim), `quotes ${claim}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// docs/dialect.md

interface DocExample {
  /** 1-based line in dialect.md where the example's text starts. */
  line: number;
  text: string;
  /** Expected findings as synthlint prints them without the file name, or [] for none. */
  expected: string[] | undefined;
}

/**
 * The complete syntheses in dialect.md: ```markdown blocks whose first line is `---`. Each must be
 * followed, before any other example, by `<!-- expect-no-findings -->` or by a ```text block of
 * synthlint's output (`file:line:column: severity rule message`).
 */
function docExamples(doc: string): DocExample[] {
  const lines = doc.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```markdown' || lines[i + 1] !== '---') continue;
    const end = lines.indexOf('```', i + 1);
    assert.ok(end > i, `the example at line ${i + 1} of dialect.md is closed`);
    const example: DocExample = { line: i + 2, text: `${lines.slice(i + 1, end).join('\n')}\n`, expected: undefined };
    for (let j = end + 1; j < lines.length; j++) {
      if (lines[j] === '<!-- expect-no-findings -->') {
        example.expected = [];
        break;
      }
      if (lines[j] === '```text') {
        const close = lines.indexOf('```', j + 1);
        example.expected = lines.slice(j + 1, close).map((l) => {
          const m = /^[^:\s]+:(\d+):(\d+): (\S+) (\S+) (.*)$/.exec(l);
          assert.ok(m, `line ${j + 1} of dialect.md reads like synthlint output`);
          return `${m[1]}:${m[2]} ${m[3]} ${m[4]} ${m[5]}`;
        });
        break;
      }
      if (lines[j]!.startsWith('```')) break;
    }
    examples.push(example);
    i = end;
  }
  return examples;
}

describe('docs/dialect.md', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'dialect.md'), 'utf8');
  const examples = docExamples(doc);

  test('has complete examples, each with the findings it gives', () => {
    assert.ok(examples.length >= 2);
    for (const e of examples) assert.ok(e.expected, `the example at line ${e.line} says what synthlint reports on it`);
    assert.ok(examples.some((e) => e.expected?.length === 0), 'one example is valid');
    assert.ok(examples.some((e) => (e.expected?.length ?? 0) > 0), 'one example has findings');
  });

  for (const e of examples) {
    test(`the example at line ${e.line} gives the findings the page shows`, () => {
      assert.deepEqual(render(analyze(e.text)), e.expected ?? []);
    });
  }

  test('its sources blocks and counts in the text are valid', () => {
    const snippets = [...doc.matchAll(/^````markdown\n([\s\S]*?)^````$/gm)].map((m) => m[1]!);
    assert.ok(snippets.length >= 3);
    for (const snippet of snippets) {
      const analysis = analyze(snippet);
      assert.ok(analysis.document.sourcesBlocks.length > 0);
      const about = (rule: string): boolean => ['sources-syntax', 'duplicate-source', 'sources-sum', 'count-mismatch'].includes(rule);
      assert.deepEqual(render({ ...analysis, findings: analysis.findings.filter((f) => about(f.rule)) }), [], snippet);
    }
    const counted = snippets.find((s) => s.includes('The team reviewed 21 evaluation reports'));
    assert.equal(analyze(counted!).document.proseCounts.length, 5, 'the page says this text holds five counts');
  });

  test('its examples of heading wordings match the template section they name', () => {
    const template = builtinTemplates().get('unodc-meta-synthesis')!;
    for (const heading of ['MAIN FINDINGS:', 'Findings', 'Principales hallazgos']) {
      assert.ok(doc.includes(`\`## ${heading}\``));
      assert.equal(matchSection(template, heading)?.heading, 'Main findings and considerations', heading);
    }
  });

  test('documents every rule', () => {
    for (const rule of RULES) assert.ok(doc.includes(`\`${rule.id}\``), `'${rule.id}' is explained in dialect.md`);
  });

  test('names only rules that exist in its suppression comments', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const m of doc.matchAll(/<!-- synthlint-(?:disable-next-line|disable|enable)([^>]*?)-->/g)) {
      for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) assert.ok(ids.has(id), `'${id}' is a rule`);
    }
  });
});
