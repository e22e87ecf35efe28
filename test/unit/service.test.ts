// The language service over an in-memory host: project roots, the configuration file and its
// precedence, templates, registers, one analysis per version, fixes, rendering, coverage, the
// skeleton and the walk that finds syntheses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers.js';
import { CONFIG_KEYS, createLanguageService, createMemoryHost, parseConfig, settableRuleIds, wordMessage, type DocumentSource, type FileReport, type MemoryHost } from '../../server/src/core/index.js';

const BRIEF = [
  '---',
  'title: Justice in Norland',
  'country: Norland',
  'period: 2018-2022',
  'team: [Ada Lind]',
  '---',
  '',
  '## Background and context',
  '',
  'Text.',
  '',
  '## Main findings and considerations',
  '',
  '### SDG 16.1 Reducing violence',
  '',
  'Findings [@NTH-01].',
  '',
  '## Sources of data reviewed',
  '',
  '```sources',
  'evaluation reports: 3',
  '  country-level: 1',
  '  regional: 1',
  '```',
  '',
  '## Human rights, gender equality and inclusivity',
  '',
  'Text.',
  '',
  '## Other cross-cutting themes',
  '',
  'Text.',
  '',
  '## Conclusions',
  '',
  'Text.',
  '',
  '## Methodology',
  '',
  'Text.',
  '',
].join('\n');

const REGISTER = 'id,title,year,type,country,projects,targets,url\nNTH-01,Community policing,2019,country,Norland,1,16.1,\nNTH-02,Courts,2020,country,Norland,1,16.3,\n';

function source(host: MemoryHost, path: string, version: number | null = null): DocumentSource {
  return { key: path, path, text: textOf(host, path), version };
}

function textOf(host: MemoryHost, path: string): string {
  // The memory host's own read, synchronously through a tiny cache the tests fill.
  const text = files.get(host)?.[path];
  assert.ok(text !== undefined, `${path} is in the test host`);
  return text;
}

const files = new WeakMap<MemoryHost, Record<string, string>>();
function hostWith(contents: Record<string, string>): MemoryHost {
  const host = createMemoryHost(contents);
  files.set(host, contents);
  return host;
}

const rules = (findings: ReadonlyArray<{ rule: string }>): string[] => [...new Set(findings.map((f) => f.rule))].sort();
const reportFor = (reports: readonly FileReport[], path: string): FileReport | undefined => reports.find((r) => r.path === path);

describe('project roots', () => {
  test('the nearest folder with .synthesis at or above the document, never above the ceiling', async () => {
    const host = hostWith({
      '/w/.synthesis/config.yaml': 'rules:\n  sources-sum: warning\n',
      '/w/sub/.synthesis/config.yaml': 'rules:\n  sources-sum: info\n',
      '/w/sub/deep/a.synth.md': BRIEF,
      '/w/b.synth.md': BRIEF,
      '/above/.synthesis/config.yaml': 'rules:\n  sources-sum: off\n',
      '/above/w2/c.synth.md': BRIEF,
    });
    const service = createLanguageService(host, { ceilings: ['/w', '/above/w2'] });
    const a = await service.analyze(source(host, '/w/sub/deep/a.synth.md'));
    assert.equal(a.projectRoot, '/w/sub');
    assert.equal(a.findings.find((f) => f.rule === 'sources-sum')?.severity, 'info');
    const b = await service.analyze(source(host, '/w/b.synth.md'));
    assert.equal(b.projectRoot, '/w');
    assert.equal(b.findings.find((f) => f.rule === 'sources-sum')?.severity, 'warning');
    // /above has a configuration, but it lies above the workspace folder /above/w2.
    const c = await service.analyze(source(host, '/above/w2/c.synth.md'));
    assert.equal(c.projectRoot, '/above/w2');
    assert.equal(c.configPath, undefined);
    assert.equal(c.findings.find((f) => f.rule === 'sources-sum')?.severity, 'error');
  });

  test('a document outside every ceiling is its own folder’s project', async () => {
    const host = hostWith({ '/elsewhere/.synthesis/config.yaml': 'language: es\n', '/elsewhere/x/d.synth.md': '# Nota\n\nODS 16.1.\n' });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const d = await service.analyze(source(host, '/elsewhere/x/d.synth.md'));
    assert.equal(d.projectRoot, '/elsewhere/x');
    assert.equal(d.language, 'en');
  });
});

describe('configuration precedence', () => {
  const contents = {
    '/w/configured/.synthesis/config.yaml': 'rules:\n  sources-sum: warning\ndefaultTemplate: evidence-gap-map\n',
    '/w/configured/a.synth.md': BRIEF,
    '/w/plain/b.synth.md': BRIEF,
  };

  test('inside a project with a configuration file, user settings change no finding', async () => {
    const host = hostWith(contents);
    const service = createLanguageService(host, { ceilings: ['/w'], userSettings: { rules: { 'sources-sum': 'off', 'missing-section': 'off' }, defaultTemplate: 'unodc-meta-synthesis' } });
    const a = await service.analyze(source(host, '/w/configured/a.synth.md'));
    assert.equal(a.config.source, 'config');
    assert.equal(a.templateId, 'evidence-gap-map');
    assert.equal(a.findings.find((f) => f.rule === 'sources-sum')?.severity, 'warning');
    assert.ok(a.findings.some((f) => f.rule === 'missing-section'), 'the user turned missing-section off, the project did not');
  });

  test('outside it, user settings apply; command-line overrides win over both', async () => {
    const host = hostWith(contents);
    const service = createLanguageService(host, { ceilings: ['/w'], userSettings: { rules: { 'sources-sum': 'off' } } });
    const b = await service.analyze(source(host, '/w/plain/b.synth.md'));
    assert.equal(b.config.source, 'settings');
    assert.ok(!b.findings.some((f) => f.rule === 'sources-sum'));

    const cli = createLanguageService(host, { ceilings: ['/w'], overrides: { rules: { 'sources-sum': 'info' }, defaultTemplate: 'unodc-meta-synthesis' } });
    const a = await cli.analyze(source(host, '/w/configured/a.synth.md'));
    assert.equal(a.findings.find((f) => f.rule === 'sources-sum')?.severity, 'info');
    assert.equal(a.templateId, 'unodc-meta-synthesis');
  });

  test('the front matter’s template wins over the configured default', async () => {
    const host = hostWith({ ...contents, '/w/configured/c.synth.md': BRIEF.replace('team: [Ada Lind]', 'team: [Ada Lind]\ntemplate: unodc-meta-synthesis') });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    assert.equal((await service.analyze(source(host, '/w/configured/c.synth.md'))).templateId, 'unodc-meta-synthesis');
  });

  test('settings changed later apply at once, to documents outside configured projects only', async () => {
    const host = hostWith(contents);
    const service = createLanguageService(host, { ceilings: ['/w'] });
    assert.ok((await service.analyze(source(host, '/w/plain/b.synth.md', 1))).findings.some((f) => f.rule === 'sources-sum'));
    service.setUserSettings({ rules: { 'sources-sum': 'off' } });
    assert.ok(!(await service.analyze(source(host, '/w/plain/b.synth.md', 1))).findings.some((f) => f.rule === 'sources-sum'));
    assert.ok((await service.analyze(source(host, '/w/configured/a.synth.md', 1))).findings.some((f) => f.rule === 'sources-sum'));
  });

  test('the project’s language is the language of documents that name none', async () => {
    const host = hostWith({ '/w/.synthesis/config.yaml': 'language: es\n', '/w/nota.synth.md': '# Nota\n\nAvances en ODS 16.1.\n', '/w/note.synth.md': '---\nlanguage: en\n---\n\nSDG 16.1 and ODS 16.1.\n' });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const nota = await service.analyze(source(host, '/w/nota.synth.md'));
    assert.equal(nota.language, 'es');
    assert.deepEqual(nota.document.tags.map((t) => t.prefix), ['ODS']);
    const note = await service.analyze(source(host, '/w/note.synth.md'));
    assert.equal(note.language, 'en');
    assert.deepEqual(note.document.tags.map((t) => t.prefix), ['SDG']);
  });
});

describe('the configuration file', () => {
  test('every key is read, with its value', () => {
    const { config, problems } = parseConfig(
      'rules:\n  uncited-evidence: off\n  evidence: warning\ndefaultTemplate: country-brief\ntemplateFolders: [shared/templates]\nevidence: data/register.csv\nlanguage: fr\ncoverage:\n  minimum: 3\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'uncited-evidence': 'off', evidence: 'warning' },
      defaultTemplate: 'country-brief',
      templateFolders: ['shared/templates'],
      evidence: 'data/register.csv',
      language: 'fr',
      coverageMinimum: 3,
    });
  });

  test('mistakes are located; the keys they concern keep their defaults, the others apply', async () => {
    const text = 'rules:\n  sources-sum: loud\n  no-such-rule: off\n  count-mismatch: warning\nlanguage: de\ncolour: blue\ncoverage:\n  minimum: -1\n';
    const host = hostWith({ '/w/.synthesis/config.yaml': text, '/w/a.synth.md': BRIEF });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const a = await service.analyze(source(host, '/w/a.synth.md'));
    assert.equal(a.findings.find((f) => f.rule === 'sources-sum')?.severity, 'error', 'a malformed level leaves the default');
    assert.equal(a.config.coverageMinimum, 2);
    const report = reportFor(a.related, '/w/.synthesis/config.yaml')!;
    assert.deepEqual(
      report.findings.map((f) => [f.severity, f.range.start.line, f.range.start.character, wordMessage(f.message)]),
      [
        ['error', 1, 15, "Expected off, info, warning or error for 'sources-sum', found 'loud'; the rule keeps its default level"],
        ['warning', 2, 2, "Expected a rule id such as 'count-mismatch', found 'no-such-rule'; it has no effect, remove it"],
        ['error', 4, 10, "Expected 'language' to be en, es or fr, found 'de'"],
        ['warning', 5, 0, "Unknown key 'colour': the keys are 'rules', 'defaultTemplate', 'templateFolders', 'evidence', 'language', 'coverage', 'referenceDoc', 'pdf', 'overclaim'; it has no effect, remove it"],
        ['error', 7, 11, "Expected 'minimum' to be a whole number of evaluations such as 2, found -1"],
      ],
    );
    assert.ok(report.findings.every((f) => f.rule === 'config'));
  });

  test('a file that is not YAML gets a finding at the mistake, and the defaults are used, not user settings', async () => {
    const host = hostWith({ '/w/.synthesis/config.yaml': 'rules:\n  sources-sum: [warning\n', '/w/a.synth.md': BRIEF });
    const service = createLanguageService(host, { ceilings: ['/w'], userSettings: { rules: { 'sources-sum': 'off' } } });
    const a = await service.analyze(source(host, '/w/a.synth.md'));
    assert.equal(a.config.source, 'config');
    assert.equal(a.findings.find((f) => f.rule === 'sources-sum')?.severity, 'error');
    const [problem] = reportFor(a.related, '/w/.synthesis/config.yaml')!.findings;
    assert.equal(problem?.severity, 'error');
    assert.match(wordMessage(problem!.message), /^Expected valid YAML in the configuration; .+ The whole file is ignored until it is fixed$/);
  });

  test('an empty file is a configuration with nothing set', async () => {
    const host = hostWith({ '/w/.synthesis/config.yaml': '# nothing yet\n', '/w/a.synth.md': BRIEF });
    const a = await createLanguageService(host, { ceilings: ['/w'], userSettings: { rules: { 'sources-sum': 'off' } } }).analyze(source(host, '/w/a.synth.md'));
    assert.equal(a.config.source, 'config');
    assert.deepEqual(reportFor(a.related, '/w/.synthesis/config.yaml')!.findings, []);
    assert.ok(a.findings.some((f) => f.rule === 'sources-sum'));
  });
});

describe('templates', () => {
  const NOTE = 'id: short-note\ntitle: Short note\ndescription: One section.\nsections:\n  - id: notes\n    heading: Notes\n    level: 2\n';

  test('from .synthesis/templates and the configured folders inside the project; a folder outside is refused', async () => {
    const host = hostWith({
      '/w/.synthesis/config.yaml': 'templateFolders:\n  - shared\n  - ../outside\n',
      '/w/.synthesis/templates/note.yaml': NOTE,
      '/w/shared/memo.yaml': NOTE.replace(/short-note/g, 'memo').replace('Short note', 'Memo'),
      '/outside/evil.yaml': NOTE.replace(/short-note/g, 'evil'),
      '/w/a.synth.md': '---\ntemplate: memo\n---\n\n## Notes\n\nText.\n',
    });
    const service = createLanguageService(host, { ceilings: ['/'] });
    const a = await service.analyze(source(host, '/w/a.synth.md'));
    assert.deepEqual(rules(a.findings), []);
    assert.ok(a.templates.get('short-note') && a.templates.get('memo') && !a.templates.get('evil'));
    assert.ok(!host.reads.some((r) => r.path.startsWith('/outside')), 'nothing outside the project is read');
    const config = reportFor(a.related, '/w/.synthesis/config.yaml')!;
    assert.deepEqual(config.findings.map((f) => [f.range.start.line, wordMessage(f.message)]), [[2, "Expected a folder inside the project, found '../outside'; it is not read"]]);
  });

  test('user template folders apply to documents outside configured projects, inside the workspace folder', async () => {
    const host = hostWith({ '/w/team/note.yaml': NOTE, '/w/a.synth.md': '---\ntemplate: short-note\n---\n\n## Notes\n\nText.\n' });
    const service = createLanguageService(host, { ceilings: ['/w'], userSettings: { templateFolders: ['team', '/etc'] } });
    const a = await service.analyze(source(host, '/w/a.synth.md'));
    assert.equal(a.template?.id, 'short-note');
    assert.ok(host.reads.every((r) => r.within === '/w'), JSON.stringify(host.reads));
  });

  test('a broken template is reported on its file and left out; a usable one with a problem is a warning', async () => {
    const host = hostWith({
      '/w/.synthesis/templates/broken.yaml': 'id: broken\ntitle: Broken\nsections:\n  - heading: [oops\n',
      '/w/.synthesis/templates/note.yaml': `${NOTE}colour: blue\n`,
      '/w/a.synth.md': BRIEF,
    });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const a = await service.analyze(source(host, '/w/a.synth.md'));
    const broken = reportFor(a.related, '/w/.synthesis/templates/broken.yaml')!;
    assert.equal(broken.findings[0]?.severity, 'error');
    assert.match(wordMessage(broken.findings[0]!.message), /\(This template is not used until its problems are fixed\.\)$/);
    assert.ok(!a.templates.get('broken'));
    const note = reportFor(a.related, '/w/.synthesis/templates/note.yaml')!;
    assert.deepEqual(note.findings.map((f) => f.severity), ['warning']);
    assert.ok(a.templates.get('short-note'));
  });

  test('a template added to a configured folder that had none is read once the change is reported', async () => {
    const host = hostWith({ '/w/.synthesis/config.yaml': 'templateFolders: [team]\n', '/w/a.synth.md': '---\ntemplate: short-note\n---\n\n## Notes\n\nText.\n' });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    assert.equal((await service.analyze(source(host, '/w/a.synth.md', 1))).template, undefined);
    host.write('/w/team/note.yaml', NOTE);
    assert.equal(service.filesChanged(['/w/team/note.yaml']), true);
    assert.equal((await service.analyze(source(host, '/w/a.synth.md', 1))).template?.id, 'short-note');
  });

  test('a changed template file is read again', async () => {
    const host = hostWith({ '/w/.synthesis/templates/note.yaml': NOTE, '/w/a.synth.md': '---\ntemplate: short-note\n---\n\n## Notes\n\nText.\n' });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    assert.equal((await service.analyze(source(host, '/w/a.synth.md', 1))).template?.title, 'Short note');
    host.write('/w/.synthesis/templates/note.yaml', NOTE.replace('title: Short note', 'title: Brief note'));
    assert.equal(service.filesChanged(['/w/.synthesis/templates/note.yaml']), true);
    assert.equal((await service.analyze(source(host, '/w/a.synth.md', 1))).template?.title, 'Brief note');
  });
});

describe('registers', () => {
  test('beside the document, named by the front matter, or named by the configuration', async () => {
    const host = hostWith({
      '/w/north/evidence.csv': REGISTER,
      '/w/north/a.synth.md': BRIEF,
      '/w/south/b.synth.md': BRIEF.replace('team: [Ada Lind]', 'team: [Ada Lind]\nevidence: ../data/reg.csv'),
      '/w/data/reg.csv': REGISTER.replace('NTH-02', 'NTH-03'),
      '/p/.synthesis/config.yaml': 'evidence: data/all.csv\n',
      '/p/data/all.csv': REGISTER,
      '/p/deep/c.synth.md': BRIEF,
    });
    const service = createLanguageService(host, { ceilings: ['/w', '/p'] });
    const a = await service.analyze(source(host, '/w/north/a.synth.md'));
    assert.equal(a.register?.path, '/w/north/evidence.csv');
    assert.ok(a.findings.some((f) => f.rule === 'uncited-evidence' && wordMessage(f.message).includes('NTH-02')));
    const b = await service.analyze(source(host, '/w/south/b.synth.md'));
    assert.equal(b.register?.path, '/w/data/reg.csv');
    assert.ok(b.findings.some((f) => f.rule === 'uncited-evidence' && wordMessage(f.message).includes('NTH-03')));
    const c = await service.analyze(source(host, '/p/deep/c.synth.md'));
    assert.equal(c.register?.path, '/p/data/all.csv');
  });

  test('a register outside the project, or missing, is a finding on the front matter', async () => {
    const host = hostWith({
      '/secret/evidence.csv': REGISTER,
      '/w/a.synth.md': BRIEF.replace('team: [Ada Lind]', 'team: [Ada Lind]\nevidence: ../secret/evidence.csv'),
      '/w/b.synth.md': BRIEF.replace('team: [Ada Lind]', 'team: [Ada Lind]\nevidence: missing.csv'),
    });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const a = await service.analyze(source(host, '/w/a.synth.md'));
    const finding = a.findings.find((f) => f.rule === 'evidence')!;
    assert.equal(wordMessage(finding.message), "The evidence register '../secret/evidence.csv' cannot be read: it is outside the project, and only files inside the project are read. Name a CSV or YAML file relative to this synthesis.");
    assert.equal(a.document.text.slice(finding.span.start, finding.span.end), '../secret/evidence.csv');
    assert.equal(a.register, undefined);
    const b = await service.analyze(source(host, '/w/b.synth.md'));
    assert.match(wordMessage(b.findings.find((f) => f.rule === 'evidence')!.message), /'missing\.csv' cannot be read: there is no such file/);
  });

  test('a configured register that cannot be read is a finding on the configuration, at its key', async () => {
    const host = hostWith({ '/p/.synthesis/config.yaml': 'language: en\nevidence: data/none.csv\n', '/p/c.synth.md': BRIEF });
    const c = await createLanguageService(host, { ceilings: ['/p'] }).analyze(source(host, '/p/c.synth.md'));
    const config = reportFor(c.related, '/p/.synthesis/config.yaml')!;
    assert.deepEqual(config.findings.map((f) => [f.range.start.line, f.range.start.character, wordMessage(f.message)]), [[1, 10, "The evidence register 'data/none.csv' cannot be read: there is no such file. Name a CSV or YAML file relative to the project."]]);
  });

  test('a malformed row is reported on the register at the level the project sets; a change is read again', async () => {
    const host = hostWith({ '/w/.synthesis/config.yaml': 'rules:\n  evidence: warning\n', '/w/evidence.csv': `${REGISTER}NTH-09,Late,20x,country,Norland,1,16.1,\n`, '/w/a.synth.md': BRIEF });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const a = await service.analyze(source(host, '/w/a.synth.md', 1));
    const register = reportFor(a.related, '/w/evidence.csv')!;
    assert.deepEqual(register.findings.map((f) => [f.rule, f.severity, f.range.start.line, wordMessage(f.message)]), [['evidence', 'warning', 3, "Expected a year such as 2021, found '20x'"]]);
    host.write('/w/evidence.csv', REGISTER);
    assert.equal(service.filesChanged(['/w/evidence.csv']), true);
    const again = await service.analyze(source(host, '/w/a.synth.md', 1));
    assert.deepEqual(reportFor(again.related, '/w/evidence.csv')!.findings, []);
  });
});

describe('one analysis per version', () => {
  test('the same version is analysed once; a new version, a setting or a file change analyses again', async () => {
    const host = hostWith({ '/w/a.synth.md': BRIEF, '/w/evidence.csv': REGISTER });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const doc = { key: 'file:///w/a.synth.md', path: '/w/a.synth.md', text: BRIEF, version: 1 };
    const first = await service.analyze(doc);
    assert.equal(await service.analyze(doc), first);
    assert.notEqual(await service.analyze({ ...doc, version: 2, text: `${BRIEF}\nMore.\n` }), first);
    const v2 = await service.analyze({ ...doc, version: 2, text: `${BRIEF}\nMore.\n` });
    service.setUserSettings({ rules: { 'sources-sum': 'off' } });
    assert.notEqual(await service.analyze({ ...doc, version: 2, text: `${BRIEF}\nMore.\n` }), v2);
    const reads = host.reads.length;
    await service.analyze({ ...doc, version: 3, text: BRIEF });
    assert.equal(host.reads.length, reads, 'the register and configuration are not read again for a new version');
  });

  test('a document without a path (an unsaved editor) is analysed with the defaults and the user settings', async () => {
    const service = createLanguageService(createMemoryHost({}), { userSettings: { rules: { 'sources-sum': 'warning' } } });
    const a = await service.analyze({ key: 'untitled:1', text: BRIEF, version: 1 });
    assert.equal(a.projectRoot, undefined);
    assert.equal(a.findings.find((f) => f.rule === 'sources-sum')?.severity, 'warning');
  });
});

describe('fixes, rendering, coverage and the skeleton', () => {
  test('fixAll applies safe fixes until none is left', async () => {
    const host = hostWith({ '/w/a.synth.md': BRIEF });
    const fixed = await createLanguageService(host, { ceilings: ['/w'] }).fixAll(source(host, '/w/a.synth.md'));
    assert.ok(fixed.applied >= 1);
    assert.match(fixed.text, /evaluation reports: 2\n/);
    assert.ok(!fixed.analysis.findings.some((f) => f.rule === 'sources-sum'));
  });

  test('the preview is rendered from the analysis: register findings are marked, in the messages of the diagnostics', async () => {
    const host = hostWith({ '/w/a.synth.md': BRIEF.replace('[@NTH-01]', '[@NTH-07]'), '/w/evidence.csv': REGISTER });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const analysis = await service.analyze(source(host, '/w/a.synth.md'));
    const unknown = analysis.findings.find((f) => f.rule === 'unknown-evidence');
    assert.ok(unknown, 'the register is used');
    const { html } = service.render(analysis, { locale: 'es' });
    const titles = [...html.matchAll(/ title="([^"]*)"/g)].map((m) => decodeHtml(m[1]!));
    assert.ok(titles.some((t) => t.split('\n').includes(`Error: ${wordMessage(unknown.message, 'es')}`)), 'the mark carries the same message as the diagnostic, in the reader\'s language');
    assert.match(wordMessage(unknown.message, 'es'), /^Evaluación desconocida 'NTH-07'/);
  });

  test('coverage uses each document’s register and the configured minimum', async () => {
    const host = hostWith({ '/w/.synthesis/config.yaml': 'coverage:\n  minimum: 1\n', '/w/a.synth.md': BRIEF, '/w/evidence.csv': REGISTER });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const map = await service.coverage([source(host, '/w/a.synth.md')]);
    assert.equal(map.minimum, 1);
    assert.deepEqual(map.targets.map((t) => [t.target, t.evaluations, t.weak]), [['16.1', ['NTH-01'], false]]);
    assert.equal((await service.coverage([source(host, '/w/a.synth.md')], { minimum: 4 })).minimum, 4);
  });

  test('the skeleton follows a template of the document’s project', async () => {
    const host = hostWith({ '/w/.synthesis/templates/note.yaml': 'id: short-note\ntitle: Short note\ndescription: One section.\nsections:\n  - id: notes\n    heading: Notes\n    level: 2\n' });
    const service = createLanguageService(host, { ceilings: ['/w'] });
    const text = await service.skeleton('short-note', { path: '/w/new.synth.md' });
    assert.ok(text?.startsWith('---\ntitle: Title of the synthesis\ntemplate: short-note\n'));
    assert.ok(text?.includes('\n## Notes\n'));
    assert.equal(await service.skeleton('short-note'), undefined, 'not a built-in');
    assert.match((await service.skeleton('unodc-meta-synthesis', { snippet: true }))!, /\$\{1:Title of the synthesis\}/);
  });
});

describe('finding syntheses', () => {
  test('depth first in code-unit order, skipping node_modules and dot-folders', async () => {
    const host = createMemoryHost(
      Object.fromEntries(['/w/b.synth.md', '/w/a/z.synth.md', '/w/a/B.synth.md', '/w/node_modules/p/x.synth.md', '/w/.git/y.synth.md', '/w/.synthesis/t.synth.md', '/w/notes.md', '/w/c/d/e.synth.md'].map((p) => [p, '# x\n'])),
    );
    const service = createLanguageService(host, { ceilings: ['/w'] });
    assert.deepEqual(await service.findSyntheses('/w'), ['/w/a/B.synth.md', '/w/a/z.synth.md', '/w/b.synth.md', '/w/c/d/e.synth.md']);
    assert.deepEqual(await service.findSyntheses('/w', { limit: 2 }), ['/w/a/B.synth.md', '/w/a/z.synth.md']);
  });
});

function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt);/gi, (_, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[code.toLowerCase()]!;
  });
}

describe('the configuration schema and its documentation', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'config.schema.json'), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  const docs = readFileSync(join(repoRoot, 'docs', 'configuration.md'), 'utf8');
  const keys = Object.values(CONFIG_KEYS).map((k) => k.name);

  test('the schema has exactly the keys the service reads', () => {
    const schemaKeys = Object.entries(schema.properties).flatMap(([name, spec]) => (name === 'rules' || !spec.properties ? [name] : Object.keys(spec.properties).map((inner) => `${name}.${inner}`)));
    assert.deepEqual(schemaKeys.sort(), [...keys].sort());
    assert.deepEqual(Object.keys(schema.properties.rules!.properties!).sort(), [...settableRuleIds()].sort());
  });

  test('every key is documented in docs/configuration.md, and the manifest gives the schema to the YAML extension', () => {
    for (const key of keys) assert.ok(docs.includes(`| \`${key}\` |`), `${key} in docs/configuration.md`);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { yamlValidation: Array<{ fileMatch: string[]; url: string }> } };
    assert.ok(manifest.contributes.yamlValidation.some((v) => v.fileMatch.includes('.synthesis/config.yaml') && v.url === './schemas/config.schema.json'));
  });
});
