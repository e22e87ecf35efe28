// Meta tests: the rule registry, the rule files, docs/rules/ and the showcase sample agree.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { analyze, parse, RULES } from '../../server/src/core/index.js';
import { SEVERITY_NAMES } from '../../server/src/core/i18n/index.js';
import { loadEvidenceFor } from '../../server/src/node/evidence.js';
import { repoRoot } from '../helpers.js';
import { checkFixture, readFixture } from './rules-fixture.js';

const docsDir = join(repoRoot, 'docs', 'rules');

test('rule ids are unique and kebab-case', () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)], 'a rule id is registered twice');
  for (const id of ids) assert.match(id, /^[a-z]+(?:-[a-z]+)*$/, `${id} is not kebab-case`);
});

test('every rule has its own file named after its id, a description and tags', () => {
  for (const rule of RULES) {
    assert.ok(existsSync(join(repoRoot, 'server', 'src', 'core', 'rules', `${rule.id}.ts`)), `server/src/core/rules/${rule.id}.ts is missing`);
    for (const language of ['en', 'es', 'fr'] as const) assert.ok(rule.description[language].trim().length > 0, `${rule.id} has no ${language} description`);
    assert.ok(rule.tags.length > 0, `${rule.id} has no tags`);
  }
});

/** The headings every rule page has, the words of its first line, and the word that starts a corrected example, per language. */
const PAGES = {
  en: { folder: docsDir, headings: ['What it finds', 'Why it matters', 'Example', 'Fix', 'How to silence it'], level: 'Default severity:', tags: 'Tags:', corrected: /^Corrected\b/ },
  es: { folder: join(docsDir, 'es'), headings: ['Qué encuentra', 'Por qué importa', 'Ejemplo', 'Corrección', 'Cómo silenciarla'], level: 'Nivel predeterminado:', tags: 'Etiquetas:', corrected: /^Corregido\b/ },
  fr: { folder: join(docsDir, 'fr'), headings: ['Ce qu’elle trouve', 'Pourquoi c’est important', 'Exemple', 'Correction', 'Comment la faire taire'], level: 'Niveau par défaut :', tags: 'Étiquettes :', corrected: /^Corrigé(?!\p{L})/u },
} as const;
const LANGUAGES = Object.keys(PAGES) as Array<keyof typeof PAGES>;

for (const [language, page] of Object.entries(PAGES) as Array<[keyof typeof PAGES, (typeof PAGES)[keyof typeof PAGES]]>) {
  test(`every rule has a ${language} page titled with its id, stating its default level and tags, with the usual sections`, () => {
    for (const rule of RULES) {
      const file = join(page.folder, `${rule.id}.md`);
      assert.ok(existsSync(file), `${file} is missing`);
      const text = readFileSync(file, 'utf8');
      assert.equal(text.split('\n')[0], `# ${rule.id}`, `${file} must start with '# ${rule.id}'`);
      const first = `**${page.level}** ${SEVERITY_NAMES[language][rule.defaultSeverity]} · **${page.tags}** ${rule.tags.join(', ')}`;
      assert.ok(text.includes(`\n${first}\n`), `${file} must say: ${first}`);
      for (const heading of page.headings) assert.ok(text.includes(`\n## ${heading}\n`), `${file} has no '## ${heading}' section`);
      // Each page links to the same rule's page in the two other languages, so a reader can switch.
      for (const other of LANGUAGES.filter((l) => l !== language)) {
        const target = join(PAGES[other].folder, `${rule.id}.md`);
        const link = relative(page.folder, target).split(sep).join('/');
        assert.ok(text.includes(`](${link})`), `${file} does not link to ${link}`);
      }
      // The language's rules table links to the page.
      assert.ok(readFileSync(join(page.folder, 'README.md'), 'utf8').includes(`](${rule.id}.md)`), `${page.folder}/README.md does not link to ${rule.id}.md`);
    }
  });

  test(`the examples of the ${language} rule pages break their rule, and the corrected ones do not`, () => {
    let checked = 0;
    const problems: string[] = [];
    for (const rule of RULES) {
      const file = join(page.folder, `${rule.id}.md`);
      const examples = docExamples(readFileSync(file, 'utf8'), page.headings[2], page.corrected);
      if (!examples.some((e) => !e.corrected)) problems.push(`${file}: no example under '## ${page.headings[2]}'`);
      if (!examples.some((e) => e.corrected)) problems.push(`${file}: no corrected example`);
      const count = (e: DocExample): number => {
        // The settings go after an example that starts with its front matter, before any other.
        const source = e.text.startsWith('---') ? `${e.text}${e.config}\n` : `${e.config}\n${e.text}`;
        const fixture = readFixture(source, rule.id);
        return checkFixture(file, fixture).findings.filter((f) => f.rule === rule.id).length;
      };
      const broken = examples.filter((e) => !e.corrected).map((e) => ({ e, n: count(e) }));
      for (const { e, n } of broken) if (n === 0) problems.push(`${file}:${e.line}: the example does not break ${rule.id}`);
      for (const e of examples.filter((x) => x.corrected)) {
        const n = count(e);
        // An example that is part of a document (`fragment: true`) may leave findings that the rest
        // of the document would answer; its correction must still remove some.
        if (e.fragment ? n >= Math.max(...broken.map((b) => b.n)) : n > 0) problems.push(`${file}:${e.line}: the corrected example still breaks ${rule.id} (${n})`);
        checked++;
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked >= RULES.length);
  });
}

interface DocExample {
  /** 1-based line where the example's text starts. */
  line: number;
  text: string;
  corrected: boolean;
  fragment: boolean;
  /** The `<!-- fixture … -->` comment that applies to it, or ''. */
  config: string;
}

/** The ```markdown examples under the page's example heading, and whether each is a corrected one. */
function docExamples(page: string, heading: string, corrected: RegExp): DocExample[] {
  const lines = page.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  const out: DocExample[] = [];
  let isCorrected = false;
  let config = '';
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const line = lines[i]!;
    if (corrected.test(line.replace(/^[*_…. ]+/, ''))) isCorrected = true;
    if (/^<!--\s*fixture\b/.test(line)) config = line;
    const fence = /^(`{3,})markdown\s*$/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf(fence[1]!, i + 1);
    assert.ok(end > i, `the example at line ${i + 1} is closed`);
    const fragment = /\bfragment:\s*true\b/.test(config);
    out.push({ line: i + 2, text: `${lines.slice(i + 1, end).join('\n')}\n`, corrected: isCorrected, fragment, config: config.replace(/,?\s*fragment:\s*true/, '') });
    i = end;
  }
  return out;
}

test('docs/rules/ documents no rule that is not registered, in any language', () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const folder of [docsDir, join(docsDir, 'es'), join(docsDir, 'fr')]) {
    const stale = readdirSync(folder).filter((f) => f.endsWith('.md') && f !== 'README.md' && !ids.has(f.slice(0, -3)));
    assert.deepEqual(stale, [], folder);
  }
});

test('samples/showcase.synth.md triggers every registered rule', () => {
  const file = join(repoRoot, 'samples', 'showcase.synth.md');
  const text = readFileSync(file, 'utf8');
  const { register } = loadEvidenceFor(file, parse(text));
  assert.ok(register, 'the showcase names its evidence register');
  const found = new Set(analyze(text, { evidence: register }).findings.map((f) => f.rule));
  assert.deepEqual(RULES.map((r) => r.id).filter((id) => !found.has(id)), []);
  assert.ok(!found.has('document'), 'the showcase should be readable as a whole');
});
