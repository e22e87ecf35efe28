// The CLI's pure parts, in memory: the argument parser, and a file's findings as the CLI shows them
// (through the language service over an in-memory host).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';
import { toCliFindings, type CliFinding } from '../../server/src/cli/findings.js';
import { createLanguageService, createMemoryHost, type Overrides } from '../../server/src/core/index.js';
import { repoRoot } from '../helpers.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'cli');

describe('parseArgs', () => {
  test('defaults', () => {
    assert.deepEqual(parseArgs(['.']), { command: 'lint', inputs: ['.'], format: 'text', template: undefined, severities: {}, fix: false, quiet: false });
  });

  test('options with separate and inline values, short forms, repeated --rule, -- before file names', () => {
    const parsed = parseArgs(['-f', 'sarif', '--template=evidence-gap-map', '--rule', 'a=off', '--rule=b=WARNING', '--fix', '-q', 'x', '--', '--odd-name.synth.md']);
    assert.deepEqual(parsed, {
      command: 'lint',
      inputs: ['x', '--odd-name.synth.md'],
      format: 'sarif',
      template: 'evidence-gap-map',
      severities: { a: 'off', b: 'warning' },
      fix: true,
      quiet: true,
    });
  });

  test('--project for every command', () => {
    assert.deepEqual(parseArgs(['--project', 'reports', '.']), { command: 'lint', inputs: ['.'], format: 'text', template: undefined, severities: {}, fix: false, quiet: false, project: 'reports' });
    assert.equal((parseArgs(['coverage', '--project=..', 'x']) as { project?: string }).project, '..');
    assert.equal((parseArgs(['render', 'a.synth.md', '--project', 'p']) as { project?: string }).project, 'p');
    assert.throws(() => parseArgs(['--project']), /--project needs a value/);
  });

  test('--cache, and --cache-location (which implies it), for checking only', () => {
    assert.equal((parseArgs(['--cache', '.']) as { cache?: boolean }).cache, true);
    assert.deepEqual(parseArgs(['--cache-location=c/', '.']), { command: 'lint', inputs: ['.'], format: 'text', template: undefined, severities: {}, fix: false, quiet: false, cache: true, cacheLocation: 'c/' });
    assert.throws(() => parseArgs(['--cache-location']), /--cache-location needs a value \(a file or folder\)/);
    assert.throws(() => parseArgs(['render', 'a.synth.md', '--cache']), /--cache/);
  });

  test('help and version win over everything else', () => {
    assert.deepEqual(parseArgs(['--help']), { command: 'help' });
    assert.deepEqual(parseArgs(['x', '-v']), { command: 'version' });
    assert.deepEqual(parseArgs(['render', '-h']), { command: 'help' });
  });

  test('render', () => {
    assert.deepEqual(parseArgs(['render', 'a.synth.md', '-o', 'a.html']), { command: 'render', file: 'a.synth.md', output: 'a.html', template: undefined });
    assert.deepEqual(parseArgs(['render', 'a.synth.md']), { command: 'render', file: 'a.synth.md', output: undefined, template: undefined });
  });

  test('mistakes are usage errors with plain messages', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--nope', 'x'], /unknown option '--nope'/],
      [['--format'], /--format needs a value/],
      [['--format=', 'x'], /--format needs a value/],
      [['--format', 'html', 'x'], /unknown format 'html'/],
      [['--fix=yes', 'x'], /--fix takes no value/],
      [['--rule', 'sources-sum', 'x'], /--rule expects/],
      [['-o', 'out.html', 'x'], /only for 'synthlint render'/],
      [['render', '--fix', 'x'], /does not apply to 'synthlint render'/],
      [['render'], /needs a file/],
      [['render', 'a', 'b'], /takes one file/],
      [[], /no files given/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});

/** What `synthlint` reports for a text (with `fix`, after fixing it), as the worker threads do. */
async function lintText(text: string, overrides: Overrides = {}, options: { fix?: boolean } = {}): Promise<{ findings: CliFinding[]; fixedText?: string; fixesApplied: number }> {
  const service = createLanguageService(createMemoryHost({ '/w/a.synth.md': text }), { ceilings: ['/w'], overrides });
  const source = { key: '/w/a.synth.md', path: '/w/a.synth.md', text, version: null };
  if (!options.fix) return { findings: toCliFindings(await service.analyze(source), 'en'), fixesApplied: 0 };
  const fixed = await service.fixAll(source);
  return { findings: toCliFindings(fixed.analysis, 'en'), fixesApplied: fixed.applied, ...(fixed.text !== text ? { fixedText: fixed.text } : {}) };
}

describe('findings as the CLI shows them', () => {
  const settings: Overrides = {};
  const sumError = readFileSync(join(fixtures, 'sum-error.synth.md'), 'utf8');

  test('returns plain findings with 1-based positions and an exclusive end column', async () => {
    const { findings, fixedText, fixesApplied } = await lintText(sumError, settings);
    assert.equal(fixedText, undefined);
    assert.equal(fixesApplied, 0);
    const sum = findings.find((f) => f.rule === 'sources-sum');
    const lineIndex = sumError.split('\n').findIndex((l) => l === 'evaluation reports: 9');
    assert.deepEqual(sum, {
      line: lineIndex + 1,
      column: 'evaluation reports: '.length + 1,
      endLine: lineIndex + 1,
      endColumn: 'evaluation reports: 9'.length + 1,
      severity: 'error',
      rule: 'sources-sum',
      message: 'Expected evaluation reports (9) to equal the sum of its breakdown, 6 + 4 = 10',
      fixable: true,
    });
    // Plain data: a worker thread can post it as it is.
    assert.deepEqual(structuredClone(findings), findings);
  });

  test('with fix: the corrected text, the number of fixes, and no fixable finding left', async () => {
    const result = await lintText(sumError, settings, { fix: true });
    assert.ok(result.fixesApplied >= 1);
    assert.ok(result.fixedText?.includes('evaluation reports: 10\n  country-level: 6'));
    assert.deepEqual(result.findings.filter((f) => f.fixable), []);
    assert.deepEqual((await lintText(result.fixedText!, settings)).findings, result.findings);
  });

  test('severity settings apply', async () => {
    const { findings } = await lintText(sumError, { rules: { 'sources-sum': 'info' } });
    assert.equal(findings.find((f) => f.rule === 'sources-sum')?.severity, 'info');
  });

  test('empty text and text with CRLF line ends', async () => {
    await lintText('', settings);
    const crlf = (await lintText(sumError.replace(/\n/g, '\r\n'), settings)).findings.map(({ line, column, rule }) => ({ line, column, rule }));
    const lf = (await lintText(sumError, settings)).findings.map(({ line, column, rule }) => ({ line, column, rule }));
    assert.deepEqual(crlf, lf);
  });
});
