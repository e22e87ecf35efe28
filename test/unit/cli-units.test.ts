// The CLI's pure parts, in memory: the argument parser and "lint one file's text".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';
import { lintText } from '../../server/src/cli/lint-file.js';
import { builtinTemplates } from '../../server/src/core/index.js';
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

describe('lintText', () => {
  const settings = { templates: builtinTemplates() };
  const sumError = readFileSync(join(fixtures, 'sum-error.synth.md'), 'utf8');

  test('returns plain findings with 1-based positions and an exclusive end column', () => {
    const { findings, fixedText, fixesApplied } = lintText(sumError, settings);
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

  test('with fix: the corrected text, the number of fixes, and no fixable finding left', () => {
    const result = lintText(sumError, settings, { fix: true });
    assert.ok(result.fixesApplied >= 1);
    assert.ok(result.fixedText?.includes('evaluation reports: 10\n  country-level: 6'));
    assert.deepEqual(result.findings.filter((f) => f.fixable), []);
    assert.deepEqual(lintText(result.fixedText!, settings).findings, result.findings);
  });

  test('severity settings apply', () => {
    const { findings } = lintText(sumError, { ...settings, severities: { 'sources-sum': 'info' } });
    assert.equal(findings.find((f) => f.rule === 'sources-sum')?.severity, 'info');
  });

  test('empty text and text with CRLF line ends', () => {
    assert.doesNotThrow(() => lintText('', settings));
    const crlf = lintText(sumError.replace(/\n/g, '\r\n'), settings).findings.map(({ line, column, rule }) => ({ line, column, rule }));
    const lf = lintText(sumError, settings).findings.map(({ line, column, rule }) => ({ line, column, rule }));
    assert.deepEqual(crlf, lf);
  });
});
