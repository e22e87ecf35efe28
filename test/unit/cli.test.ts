// The synthlint command as a user runs it: each test spawns the bundled CLI (dist/cli.js, built
// by `npm test`; by hand: node scripts/build.mjs) and checks its output and exit code.
//
// Rules are added over time, so expectations here name only what these fixtures are built to
// show: a breakdown that does not add up (sources-sum, an error with a fix) and target sections
// out of order (target-order, a warning); the clean fixture must stay clean.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const fixtures = join(repoRoot, 'test', 'fixtures', 'cli');
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function synthlint(args: readonly string[], cwd = fixtures, entry = cli): Run {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthlint-test-'));
  temps.push(dir);
  return dir;
}
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** No stack trace: no "    at fn (file:line)" lines, no "Error:" dumps. */
function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+[:(]/m);
  assert.doesNotMatch(text, /node:internal|Node\.js v\d/);
}

/** 1-based line and column of the first occurrence of `needle` (+ `offset` characters) in a fixture. */
function positionIn(file: string, needle: string, offset = 0): { line: number; column: number } {
  const text = readFileSync(join(fixtures, file), 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${file}`);
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

// The parent count whose breakdown (6 + 4) does not add up to it: "evaluation reports: 9".
const sumError = positionIn('sum-error.synth.md', 'evaluation reports: 9\n  country-level', 'evaluation reports: '.length);

describe('text output', () => {
  test('a clean file: exit 0, nothing on standard output, a summary on standard error', () => {
    const r = synthlint(['clean.synth.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'No problems in 1 file.\n');
  });

  test('an error: exit 1, one line per finding as file:line:column: severity rule message', () => {
    const r = synthlint(['sum-error.synth.md']);
    assert.equal(r.status, 1);
    const line = r.stdout.split('\n').find((l) => l.includes(' sources-sum '));
    assert.equal(
      line,
      `sum-error.synth.md:${sumError.line}:${sumError.column}: error sources-sum Expected evaluation reports (9) to equal the sum of its breakdown, 6 + 4 = 10`,
    );
    for (const l of r.stdout.split('\n').filter(Boolean)) assert.match(l, /^sum-error\.synth\.md:\d+:\d+: (error|warning|info) [a-z-]+ \S/);
    assert.match(r.stderr, /^\d+ errors?.* in 1 file \(\d+ can be fixed with --fix\)\.\n$/);
  });

  test('paths are shown relative to the current folder', () => {
    const r = synthlint(['test/fixtures/cli/sum-error.synth.md'], repoRoot);
    assert.match(r.stdout, /^test\/fixtures\/cli\/sum-error\.synth\.md:\d+:\d+: error sources-sum /m);
  });

  test('warnings only: exit 0; --quiet hides them', () => {
    const r = synthlint(['warnings-only.synth.md']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^warnings-only\.synth\.md:\d+:\d+: warning target-order /m);
    assert.doesNotMatch(r.stdout, /: error /);
    const quiet = synthlint(['--quiet', 'warnings-only.synth.md']);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
  });
});

describe('json output', () => {
  test('an array of findings with 1-based positions and an exclusive end column', () => {
    const r = synthlint(['--format', 'json', 'sum-error.synth.md', 'clean.synth.md']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(Array.isArray(findings));
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
      assert.equal(f.file, 'sum-error.synth.md');
      assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line);
    }
    const sum = findings.find((f) => f.rule === 'sources-sum');
    // The count "9" is one character: the range ends just after it.
    assert.deepEqual(sum, {
      file: 'sum-error.synth.md',
      line: sumError.line,
      column: sumError.column,
      endLine: sumError.line,
      endColumn: sumError.column + 1,
      severity: 'error',
      rule: 'sources-sum',
      message: 'Expected evaluation reports (9) to equal the sum of its breakdown, 6 + 4 = 10',
    });
  });

  test('no findings: an empty array and exit 0', () => {
    const r = synthlint(['--format=json', 'clean.synth.md']);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});

describe('sarif output', () => {
  interface SarifLog {
    $schema: string;
    version: string;
    runs: Array<{
      tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
      originalUriBaseIds: Record<string, { uri: string }>;
      invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }>;
      results: Array<{
        ruleId: string;
        ruleIndex?: number;
        level: string;
        message: { text: string };
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
      }>;
    }>;
  }

  test('a SARIF 2.1.0 log with the tool, its rules and located results', () => {
    const r = synthlint(['--format', 'sarif', 'sum-error.synth.md', 'warnings-only.synth.md']);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0]!;
    const driver = run.tool.driver;
    assert.equal(driver.name, 'synthlint');
    assert.equal(driver.version, version);
    assert.ok(URL.canParse(driver.informationUri), driver.informationUri);
    const ids = driver.rules.map((rule) => rule.id);
    assert.ok(ids.includes('sources-sum') && ids.includes('target-order'));
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.ok(URL.canParse(rule.helpUri), rule.helpUri);
      assert.ok(['note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
    }
    assert.match(driver.rules.find((rule) => rule.id === 'sources-sum')!.helpUri, /docs\/rules\/sources-sum\.md$/);
    assert.ok(URL.canParse(run.originalUriBaseIds['%SRCROOT%']!.uri));
    assert.equal(run.invocations[0]!.executionSuccessful, true);

    for (const result of run.results) {
      assert.ok(['note', 'warning', 'error'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      if (result.ruleIndex !== undefined) assert.equal(driver.rules[result.ruleIndex]!.id, result.ruleId);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!artifactLocation.uri.startsWith('/'), 'relative uri');
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
    }
    const sum = run.results.find((result) => result.ruleId === 'sources-sum')!;
    assert.equal(sum.level, 'error');
    assert.equal(sum.locations[0]!.physicalLocation.artifactLocation.uri, 'sum-error.synth.md');
    assert.deepEqual(sum.locations[0]!.physicalLocation.region, { startLine: sumError.line, startColumn: sumError.column, endLine: sumError.line, endColumn: sumError.column + 1 });
    const order = run.results.find((result) => result.ruleId === 'target-order')!;
    assert.equal(order.level, 'warning');
    assert.equal(order.locations[0]!.physicalLocation.artifactLocation.uri, 'warnings-only.synth.md');
  });

  test('an unreadable file is a tool notification and the run is marked unsuccessful', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'clean.synth.md'), join(dir, 'a.synth.md'));
    symlinkSync(join(dir, 'missing'), join(dir, 'gone.synth.md'));
    const r = synthlint(['--format', 'sarif', '.'], dir);
    assert.equal(r.status, 2);
    const log = JSON.parse(r.stdout) as SarifLog;
    const invocation = log.runs[0]!.invocations[0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0]!.message.text, /cannot read gone\.synth\.md/);
  });
});

describe('finding files', () => {
  function workspace(): string {
    const dir = tempDir();
    const error = readFileSync(join(fixtures, 'sum-error.synth.md'));
    for (const path of ['a.synth.md', 'sub/b.synth.md', 'sub/deeper/c.synth.md', 'node_modules/pkg/d.synth.md', '.hidden/e.synth.md', 'notes.md']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), error);
    }
    return dir;
  }
  const filesIn = (r: Run): string[] => [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file))];

  test('a folder is searched for *.synth.md, skipping node_modules and dot-folders', () => {
    const dir = workspace();
    const r = synthlint(['--format', 'json', '.'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(filesIn(r), ['a.synth.md', 'sub/b.synth.md', 'sub/deeper/c.synth.md']);
  });

  test('globs are expanded', () => {
    const dir = workspace();
    const r = synthlint(['--format', 'json', 'sub/*.synth.md'], dir);
    assert.deepEqual(filesIn(r), ['sub/b.synth.md']);
    const deep = synthlint(['--format', 'json', '**/c.synth.md'], dir);
    assert.deepEqual(filesIn(deep), ['sub/deeper/c.synth.md']);
  });

  test('a file named on the command line is checked whatever its extension, once', () => {
    const dir = workspace();
    const r = synthlint(['--format', 'json', 'notes.md', 'a.synth.md', './a.synth.md'], dir);
    assert.deepEqual(filesIn(r), ['notes.md', 'a.synth.md']);
  });

  test('nothing matched: exit 2 with one line', () => {
    const dir = workspace();
    const r = synthlint(['nothing/*.synth.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^synthlint: no \.synth\.md files found in 'nothing\/\*\.synth\.md'\n/);
    mkdirSync(join(dir, 'empty'));
    assert.equal(synthlint(['empty'], dir).status, 2);
  });
});

describe('exit codes and unreadable files', () => {
  test('an unreadable file: exit 2, one line on standard error, the other files still reported', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'sum-error.synth.md'), join(dir, 'a.synth.md'));
    symlinkSync(join(dir, 'nowhere.synth.md'), join(dir, 'broken.synth.md'));
    const r = synthlint(['.'], dir);
    assert.equal(r.status, 2, 'exit 2 wins over exit 1');
    assert.match(r.stdout, /^a\.synth\.md:\d+:\d+: error sources-sum /m);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.ok(lines.includes('synthlint: cannot read broken.synth.md: no such file'), r.stderr);
    assert.match(r.stderr, /1 file could not be checked/);
    assertNoStack(r.stderr);
  });

  test('a missing file named on the command line: exit 2', () => {
    const r = synthlint(['clean.synth.md', 'no-such-file.synth.md']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^synthlint: cannot read no-such-file\.synth\.md: no such file$/m);
    assertNoStack(r.stderr);
  });

  test('usage errors: exit 2 with a one-line message and a pointer to --help', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--frobnicate', 'clean.synth.md'], /unknown option '--frobnicate'/],
      [['clean.synth.md', '--format'], /--format needs a value/],
      [['--format', 'xml', 'clean.synth.md'], /unknown format 'xml'/],
      [[], /no files given/],
      [['--template', 'no-such-template', 'clean.synth.md'], /unknown template 'no-such-template'; known templates: .*unodc-meta-synthesis/],
      [['--rule', 'sources-sum=loud', 'clean.synth.md'], /--rule expects rule-id=off\|info\|warning\|error/],
      [['--rule', 'no-such-rule=off', 'clean.synth.md'], /unknown rule 'no-such-rule'/],
    ];
    for (const [args, message] of cases) {
      const r = synthlint(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.match(lines[0]!, /^synthlint: /);
      assert.match(lines[0]!, message);
      assert.equal(lines[1], "Run 'synthlint --help' for usage.");
      assert.equal(lines.length, 2);
    }
  });

  test('--rule changes a rule\'s severity or turns it off', () => {
    const off = synthlint(['--rule', 'sources-sum=off', '--format', 'json', 'sum-error.synth.md']);
    assert.ok(!(JSON.parse(off.stdout) as JsonFinding[]).some((f) => f.rule === 'sources-sum'));
    const warning = synthlint(['--rule=sources-sum=warning', 'sum-error.synth.md']);
    assert.match(warning.stdout, /: warning sources-sum /);
  });

  test('--template sets the template for files that name none', () => {
    const r = synthlint(['--template', 'evaluation-synthesis-report', '--format', 'json', 'clean.synth.md']);
    // The clean brief does not follow the full-report template: its sections are missing.
    assert.equal(r.status, 1);
    assert.ok((JSON.parse(r.stdout) as JsonFinding[]).some((f) => f.rule === 'missing-section'));
  });

  test('binary content is refused in one line, never altered; text with NUL characters is checked', () => {
    const dir = tempDir();
    const noise = Buffer.alloc(4096);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noise[i] = seed & 0xff;
    }
    writeFileSync(join(dir, 'noise.synth.md'), noise);
    writeFileSync(join(dir, 'nul.synth.md'), '---\ntitle: \0\n---\n## \uD800 SDG 16.\0\n```sources\n\0: 1\n```\n');
    const r = synthlint(['--fix', '.'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.split('\n').some((line) => line.startsWith('synthlint: cannot read noise.synth.md: it is not text (UTF-8 or UTF-16)')), r.stderr);
    assert.match(r.stderr, /in 1 file; 1 file could not be checked/);
    assert.deepEqual(readFileSync(join(dir, 'noise.synth.md')), noise, 'the bytes are left as they were');
    assertNoStack(r.stdout + r.stderr);
  });
});

describe('why a file cannot be read: what the file module found, in the language of the messages', () => {
  test('a file saved as Latin-1: the line with the byte UTF-8 does not allow, in English, Spanish and French', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'latin.synth.md'), Buffer.from('# Title\n\nCaf\xe9 and \x93quotes\x94\n', 'latin1'));
    const said = (lang: string): string => {
      const r = synthlint(['--lang', lang, 'latin.synth.md'], dir);
      assert.equal(r.status, 2, r.stderr);
      assertNoStack(r.stderr);
      return r.stderr.split('\n')[0]!;
    };
    assert.equal(said('en'), 'synthlint: cannot read latin.synth.md: it is not UTF-8 text: line 3 holds a byte that UTF-8 does not allow (was the file saved as Latin-1 or Windows-1252?); save it as UTF-8');
    assert.match(said('es'), /^synthlint: no se puede leer latin\.synth\.md: no es texto UTF-8: la línea 3 tiene un byte/);
    assert.match(said('fr'), /^synthlint: impossible de lire latin\.synth\.md : ce n’est pas du texte UTF-8 : la ligne 3 contient un octet/);
  });

  test('a register that is a link leading out of the project, and one over the 10 MB limit: the finding says which', () => {
    const dir = tempDir();
    const outside = tempDir();
    mkdirSync(join(dir, '.synthesis'));
    writeFileSync(join(outside, 'evidence.csv'), 'id,title\nA,An evaluation\n');
    symlinkSync(join(outside, 'evidence.csv'), join(dir, 'linked.csv'));
    writeFileSync(join(dir, 'huge.csv'), Buffer.alloc(11 * 1024 * 1024, 0x61));
    const doc = (register: string, language: string): string => `---\ntitle: T\nlanguage: ${language}\nevidence: ${register}\n---\n\n## Background\n\nText [@A].\n`;
    writeFileSync(join(dir, 'linked.synth.md'), doc('linked.csv', 'en'));
    writeFileSync(join(dir, 'huge.synth.md'), doc('huge.csv', 'en'));
    const messages = (lang: string): Map<string, string[]> => {
      const r = synthlint(['--format', 'json', '--lang', lang, 'linked.synth.md', 'huge.synth.md'], dir);
      assert.ok(r.status === 1, r.stderr);
      const byFile = new Map<string, string[]>();
      for (const f of JSON.parse(r.stdout) as JsonFinding[]) if (f.rule === 'evidence') byFile.set(f.file, [...(byFile.get(f.file) ?? []), f.message]);
      return byFile;
    };
    const en = messages('en');
    assert.ok(en.get('linked.synth.md')?.some((m) => m.includes("'linked.csv' cannot be read: it is a link to a file outside the project folder.")), JSON.stringify([...en]));
    assert.ok(en.get('huge.synth.md')?.some((m) => m.includes("'huge.csv' cannot be read: it is 11 MB; the limit is 10 MB.")), JSON.stringify([...en]));
    const es = messages('es');
    assert.ok(es.get('linked.synth.md')?.some((m) => m.includes('es un enlace a un archivo fuera de la carpeta del proyecto')), JSON.stringify([...es]));
    assert.ok(es.get('huge.synth.md')?.some((m) => m.includes('ocupa 11 MB; el límite es 10 MB')), JSON.stringify([...es]));
    const fr = messages('fr');
    assert.ok(fr.get('huge.synth.md')?.some((m) => m.includes('il fait 11 Mo ; la limite est de 10 Mo')), JSON.stringify([...fr]));
  });
});

describe('--fix', () => {
  test('applies safe fixes in place, reports what is left, and a second run finds nothing to fix', () => {
    const dir = tempDir();
    const file = join(dir, 'brief.synth.md');
    copyFileSync(join(fixtures, 'sum-error.synth.md'), file);
    const r = synthlint(['--fix', 'brief.synth.md'], dir);
    assert.match(r.stderr, /^Fixed \d+ problems? in 1 file\.$/m);
    assert.doesNotMatch(r.stdout, / sources-sum /);
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /^evaluation reports: 10\n {2}country-level: 6\n {2}regional: 4$/m);

    const again = synthlint(['--fix', '--format', 'json', 'brief.synth.md'], dir);
    assert.equal(readFileSync(file, 'utf8'), fixed, 'nothing left to fix');
    const text = synthlint(['brief.synth.md'], dir);
    assert.doesNotMatch(text.stderr, /can be fixed/);
    assert.deepEqual(JSON.parse(again.stdout), JSON.parse(synthlint(['--format', 'json', 'brief.synth.md'], dir).stdout));
  });

  test('files without fixable findings are left untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'clean.synth.md');
    copyFileSync(join(fixtures, 'clean.synth.md'), file);
    const before = readFileSync(file, 'utf8');
    const r = synthlint(['--fix', '.'], dir);
    assert.equal(r.status, 0);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.doesNotMatch(r.stderr, /Fixed/);
  });
});

describe('workspace templates', () => {
  const workspaceFixture = join(fixtures, 'workspace');

  test('templates in .synthesis/templates are used; a malformed one is an error at its line', () => {
    const r = synthlint(['reports'], workspaceFixture);
    assert.equal(r.status, 1);
    const lines = r.stdout.split('\n').filter(Boolean);
    const templateLines = lines.filter((l) => l.startsWith('.synthesis/'));
    assert.equal(templateLines.length, 1, r.stdout);
    assert.match(templateLines[0]!, /^\.synthesis\/templates\/broken\.yaml:6:\d+: error template \S/);
    assert.ok(!lines.some((l) => l.startsWith('reports/')), `the note follows its workspace template: ${r.stdout}`);
  });

  test("each file uses the templates of the nearest .synthesis folder above it, wherever synthlint runs", () => {
    const r = synthlint(['--format', 'json', join('workspace', 'reports')], fixtures);
    const findings = JSON.parse(r.stdout) as Array<{ file: string; rule: string }>;
    assert.ok(!findings.some((f) => f.rule === 'unknown-template'), `the workspace template is found: ${r.stdout}`);
    assert.deepEqual(
      findings.filter((f) => f.rule === 'template').map((f) => f.file),
      [join('workspace', '.synthesis', 'templates', 'broken.yaml')],
      'the broken template is reported once',
    );
  });

  test('from a sub-folder they are found with --project, and --template accepts their ids', () => {
    const dir = tempDir();
    cpSync(workspaceFixture, dir, { recursive: true });
    rmSync(join(dir, '.synthesis', 'templates', 'broken.yaml'));
    const note = readFileSync(join(dir, 'reports', 'note.synth.md'), 'utf8').replace('template: short-note\n', '');
    writeFileSync(join(dir, 'reports', 'untagged.synth.md'), note);
    const r = synthlint(['--project', '..', '--template', 'short-note', '.'], join(dir, 'reports'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, 'No problems in 2 files.\n');
  });

  test('a .synthesis folder above the folder synthlint starts in is not used', () => {
    const dir = tempDir();
    cpSync(workspaceFixture, dir, { recursive: true });
    const r = synthlint(['--format', 'json', '.'], join(dir, 'reports'));
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(findings.some((f) => f.rule === 'unknown-template' && f.message.includes("'short-note'")), r.stdout);
    assert.ok(!findings.some((f) => f.rule === 'template'), 'the templates above are not read');
    const unknown = synthlint(['--template', 'short-note', '.'], join(dir, 'reports'));
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown template 'short-note'/);
  });
});

describe('the project configuration file', () => {
  function project(config: string): string {
    const dir = tempDir();
    mkdirSync(join(dir, '.synthesis'));
    writeFileSync(join(dir, '.synthesis', 'config.yaml'), config);
    mkdirSync(join(dir, 'reports'));
    copyFileSync(join(fixtures, 'sum-error.synth.md'), join(dir, 'reports', 'brief.synth.md'));
    return dir;
  }
  const findingsOf = (r: Run): JsonFinding[] => JSON.parse(r.stdout) as JsonFinding[];

  test('its rule levels apply to every file of the project; --rule comes on top', () => {
    const dir = project('rules:\n  sources-sum: warning\n');
    const r = synthlint(['--format', 'json', '.'], dir);
    assert.equal(findingsOf(r).find((f) => f.rule === 'sources-sum')?.severity, 'warning');
    const flagged = synthlint(['--format', 'json', '--rule', 'sources-sum=off', '.'], dir);
    assert.ok(!findingsOf(flagged).some((f) => f.rule === 'sources-sum'));
  });

  test('a mistake in it is a located finding on the file; the rest of the run uses the defaults', () => {
    const dir = project('rules:\n  sources-sum: loud\nlanguage: en\n');
    const r = synthlint(['.'], dir);
    assert.equal(r.status, 1);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines[0], ".synthesis/config.yaml:2:16: error config Expected off, info, warning or error for 'sources-sum', found 'loud'; the rule keeps its default level");
    assert.ok(lines.some((l) => /^reports\/brief\.synth\.md:\d+:\d+: error sources-sum /.test(l)), r.stdout);
  });

  test('--project sets the folder projects are looked for in, from anywhere', () => {
    const dir = project('rules:\n  sources-sum: info\n');
    const r = synthlint(['--format', 'json', '--project', dir, join(dir, 'reports')], repoRoot);
    assert.equal(findingsOf(r).find((f) => f.rule === 'sources-sum')?.severity, 'info');
  });
});

describe('help, version and the launcher', () => {
  test('--version prints the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = synthlint([flag]);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  test("the main help's matrix line is the one 'synthlint matrix --help' gives, in English, Spanish and French", () => {
    for (const lang of ['en', 'es', 'fr']) {
      const main = synthlint(['--lang', lang, '--help']).stdout;
      const matrix = synthlint(['matrix', '--lang', lang, '--help']).stdout;
      const usage = matrix.split('\n').find((line) => line.startsWith('  synthlint matrix <'));
      assert.ok(usage, `${lang}: the usage line of synthlint matrix --help`);
      for (const option of ['--format', '--min', '--lang', '-o']) assert.ok(usage.includes(` [${option} `), `${lang}: ${option} in ${usage}`);
      assert.ok(main.split('\n').includes(usage), `${lang}: the main help has\n${usage}\nbut says\n${main.split('\n').find((line) => line.includes('synthlint matrix <'))}`);
    }
  });

  test('--help explains usage with examples and exit codes', () => {
    const r = synthlint(['--help']);
    assert.equal(r.status, 0);
    for (const part of ['Usage:', '--format', '--template', '--fix', '--rule', 'Exit codes:', 'Examples:', 'synthlint render']) {
      assert.ok(r.stdout.includes(part), part);
    }
  });

  test('bin/synthlint.cjs starts the bundled CLI', () => {
    const r = synthlint(['--version'], fixtures, join(repoRoot, 'bin', 'synthlint.cjs'));
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${version}\n`);
    const lint = synthlint(['sum-error.synth.md'], fixtures, join(repoRoot, 'bin', 'synthlint.cjs'));
    assert.equal(lint.status, 1);
  });

  test('the launcher says what to do when the CLI is not built', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(repoRoot, 'bin', 'synthlint.cjs'), join(dir, 'bin', 'synthlint.cjs'));
    const r = synthlint(['--version'], dir, join(dir, 'bin', 'synthlint.cjs'));
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'synthlint is not built yet: run npm run build\n');
  });
});
