// Hostile and enormous documents: analysis finishes, never throws, and its work grows linearly with
// the document: the JavaScript executed, counted by V8 (../security/work.ts), when the input grows
// 4× (4 is linear, 16 quadratic), never a time, so a busy machine cannot fail it or hide a slowdown.
// There is no reduced mode: a 10 MB document gets every check. Every regular expression in
// server/src is audited by recheck, whose verdict does not depend on time either.
// work.ts is imported first: it counts only code compiled after it is loaded.
import { stopCounting, workGrowth } from '../security/work.js';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  analyze,
  analyzeDocument,
  complete,
  disableRuleFix,
  documentSymbols,
  foldingRanges,
  hover,
  MAX_NESTING,
  parse,
  scanTags,
  type Analysis,
  type SynthesisDocument,
  wordMessage,
} from '../../server/src/core/index.js';
import { VERY_LARGE_DOCUMENT, veryLargeDocumentMessage } from '../../server/src/core/limits.js';
import { checkLargeReport } from '../differential/large.js';
import { seededRandom } from '../fuzz/random.js';
import { assertSpansInside } from '../fuzz/properties.js';
import { audit, findRegexes, verdictText, type RegexSite } from '../fuzz/regex-audit.js';

/** Growth of the work allowed when the input grows 4× (linear is 4, quadratic 16; the count is exact, so little room is needed). */
const BOUND = 6;

function analyseChecked(text: string): Analysis {
  const analysis = analyze(text);
  assertSpansInside(text, analysis.findings);
  return analysis;
}

function assertLinear(make: (n: number) => string, n: number, run: (text: string) => void = analyseChecked, what = 'analysis'): void {
  const g = workGrowth(make, n, run);
  assert.ok(g.ratio <= BOUND, `${what}: the work grew ${g.ratio.toFixed(1)}× when the input grew 4× (${g.small} → ${g.large} blocks executed)`);
}

/** Noise: any UTF-16 unit, lone surrogates and controls included, the same on every run. */
function noise(length: number, seed = 7): string {
  const random = seededRandom(seed);
  const units = new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    const r = random();
    units[i] = r < 0.6 ? Math.floor(random() * 256) : r < 0.7 ? 0xd800 + Math.floor(random() * 0x800) : r < 0.8 ? 10 : Math.floor(random() * 0x10000);
  }
  let out = '';
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

const SAMPLE = `---
title: A synthesis
period: 2018-2023
---

## Background and context

The review covers 21 evaluation reports and 3,076 documents (SDG 16.1, SDG 5.2).

## Main findings and considerations

### SDG 16.1 Reducing violence

> A quote with a list:
> - item one
> - item two

| a | b |
|---|---|
| 1 | 2 |

## Sources of data reviewed

\`\`\`sources
evaluation reports: 21
  country-level: 13
  regional: 8
documents: 3 076
\`\`\`

`;

/** A realistic document of about `size` characters (the sample's body repeated). */
function report(size: number): string {
  const body = SAMPLE.slice(SAMPLE.indexOf('## Main'));
  let out = SAMPLE;
  while (out.length < size) out += body;
  return out;
}

describe('hostile documents: analysis finishes, never throws, and grows linearly', () => {
  test('5,000-deep blockquotes on one line', () => {
    const a = analyseChecked(`${'> '.repeat(5000)}text\n`);
    assert.ok(a.findings.some((f) => f.rule === 'document' && wordMessage(f.message).includes(`${MAX_NESTING} levels`)), 'the flattened nesting is reported');
    assertLinear((n) => `${'> '.repeat(n)}text\n`, 1250);
  });

  test('5,000-deep lists on one line (bullets and ordered)', () => {
    analyseChecked(`${'- '.repeat(5000)}text\n`);
    analyseChecked(`${'1. '.repeat(5000)}text\n`);
    assertLinear((n) => `${'- '.repeat(n)}text\n`, 1250);
    assertLinear((n) => `${'* 1) '.repeat(n)}text\n`, 1250);
  });

  test('lists nested by indentation, one level per line', () => {
    // Depth d takes about d² characters: 40 KB and 160 KB are depths about 190 and 390. Up to
    // MAX_NESTING levels the parser's work on a line grows with its depth (each open list checks the
    // line), so smaller documents grow faster than 4×; beyond the cap the levels are flattened and
    // the work is linear, which is what is asserted.
    const make = (size: number): string => {
      const lines: string[] = [];
      for (let depth = 0, total = 0; total < size; depth++) {
        const line = `${' '.repeat(2 * depth)}- item SDG 16.${(depth % 10) + 1}`;
        lines.push(line);
        total += line.length + 1;
      }
      return `${lines.join('\n')}\n`;
    };
    assertLinear(make, 40_000);
  });

  test('blockquotes nested line by line, deeper on each line', () => {
    const make = (size: number): string => {
      const lines: string[] = [];
      for (let depth = 1, total = 0; total < size; depth++) {
        lines.push(`${'>'.repeat(depth)} q`);
        total += depth + 3;
      }
      return `${lines.join('\n')}\n`;
    };
    assertLinear(make, 30_000);
  });

  test('a long single line (2 MB)', () => {
    analyseChecked('a'.repeat(2_000_000));
    assertLinear((n) => 'word '.repeat(n), 5000);
  });

  test('100,000 SDG tags', () => {
    const a = analyseChecked('SDG 16.1 SDG 18.2 '.repeat(50_000));
    assert.equal(a.document.tags.length, 100_000);
    assertLinear((n) => 'SDG 16.1 '.repeat(n), 2500);
  });

  test('more SDG tags than a spread argument list allows (166,000 in 996 KB)', () => {
    // `array.push(...tags)` has thrown RangeError here for 150,000–250,000 tags (the limit depends
    // on the stack).
    const a = analyseChecked('SDG 1 '.repeat(166_000));
    assert.equal(a.document.tags.length, 166_000);
  });

  test('binary noise, unpaired surrogates and NUL bytes', () => {
    analyseChecked(noise(200_000));
    analyseChecked('\ud800\udc00\ud800 \udfff'.repeat(50_000));
    analyseChecked(`## SDG 16.1 \u0000 heading\n\ntext \u0000 with NUL, 21 evaluation reports\u0000\n`);
    assertLinear((n) => noise(n), 5000);
    assertLinear((n) => `${'\ud800a\u0000'.repeat(n)}\n`, 5000);
  });

  test('a realistic report grows linearly up to the limit', () => {
    assertLinear(report, 40_000);
  });

  test('many target sections under one heading (the checks, the parse aside)', () => {
    // The documents are parsed while they are built, so only the checks are counted.
    const parsed = new Map<string, SynthesisDocument>();
    const make = (n: number): string => {
      const text = `## Main findings and considerations\n\n${'### SDG 16.1 Target\n\nText.\n\n'.repeat(n)}`;
      parsed.set(text, parse(text));
      return text;
    };
    assertLinear(make, 1000, (text) => void analyzeDocument(parsed.get(text)!), 'the checks');
  });

  test('a heading made of a long run of dots', () => {
    assertLinear((n) => `## Title ${'. '.repeat(n)}x\n`, 2500);
  });

  test('a sources block with many lines', () => {
    assertLinear((n) => `\`\`\`sources\n${'evaluation reports: 1\n  country-level: 1\n'.repeat(n)}\`\`\`\n`, 750);
  });

  test('a long table', () => {
    assertLinear((n) => `| Target | Evaluations |\n|---|---|\n${'| SDG 16.1 | 2 |\n'.repeat(n)}`, 500);
  });

  test('front matter with many fields', () => {
    assertLinear((n) => `---\n${Array.from({ length: n }, (_, i) => `field${i}: value`).join('\n')}\n---\n`, 750);
  });
});

describe('very large documents', () => {
  test('a 1 MB report gets every check, the ones that need the Markdown parser included (10 MB in npm run test:fuzz)', () => {
    checkLargeReport(1024 * 1024);
  });

  test('over 50 MB, an information finding says how large the document is', () => {
    assert.equal(VERY_LARGE_DOCUMENT, 50 * 1024 * 1024);
    assert.match(wordMessage(veryLargeDocumentMessage(62_400_000)), /^This document is very large \(62\.4 million characters\); it was checked in full/);
  });
});

describe('editor features on hostile lines', () => {
  test('completion, hover, outline, folding and quick fixes stay linear on long lines', () => {
    const line = (n: number): string => `## Findings\n\nSDG ${'1/'.repeat(n)}1.\n\n${' '.repeat(n)}|${' '.repeat(n)}-\n\n${'`'.repeat(n)}x\n`;
    const parsed = new Map<string, SynthesisDocument>();
    const make = (n: number): string => {
      const text = line(n);
      parsed.set(text, parse(text));
      return text;
    };
    assertLinear(make, 5000, (text) => {
      const doc = parsed.get(text)!;
      for (const offset of [doc.text.indexOf('1.\n') + 2, doc.text.length - 2, 20]) {
        complete(doc, offset);
        hover(doc, offset);
      }
    }, 'completion and hover');
    assertLinear(make, 5000, (text) => {
      const doc = parsed.get(text)!;
      documentSymbols(doc);
      foldingRanges(doc);
    }, 'outline and folding');
    assertLinear(make, 5000, (text) => {
      const doc = parsed.get(text)!;
      for (let l = 0; l < doc.lines.lineCount; l++) disableRuleFix(doc, { rule: 'sources-syntax', span: { start: doc.lines.lineStart(l), end: doc.lines.lineStart(l) } });
    }, 'the quick fix that disables a rule');
  });

  test('the SDG tag scanner is linear on runs of slashes, dots and prefixes', () => {
    for (const make of [(n: number) => `SDG ${'16.1/'.repeat(n)}x`, (n: number) => 'SDG SDG 1.'.repeat(n), (n: number) => `SDG 1${'.1'.repeat(n)}`]) {
      assertLinear(make, 20_000, (text) => void scanTags(text, 0));
    }
  });
});

describe('regular expressions in server/src', () => {
  // The last part of the file, and the slowest: it needs no counting of work.
  before(stopCounting);

  /**
   * Regexes recheck finds able to backtrack super-linearly, which only ever see short, bounded
   * text; each with that bound. Anything else it flags fails the test (see docs/reliability.md).
   */
  const BOUNDED: Record<string, string> = {
    'server/src/cli/main.ts /#.*$/': "the package's own repository URL",
    'server/src/cli/main.ts /\\/+$/': "the package's own repository URL",
    'server/src/core/features/common.ts /[\\s,;:]+$/': 'a clipped text of at most `max` characters',
    'server/src/core/frontmatter.ts /\\s+at line \\d+, column \\d+:?$/': "the first line of the YAML library's error message",
    'server/src/core/markdown/blocks.ts /^[ \\t\\u00a0]*(?:\\r\\n|\\r|\\n)?[ \\t\\u00a0]*\\p{L}/u': 'the 120 characters after a number',
    "server/src/core/parse.ts /[ \\t\\u00a0]*(?:\\r\\n|\\r|\\n)?[ \\t\\u00a0]*([\\p{L}\\p{N}'’-]+)/uy": 'the 120 characters after a number',
    'server/src/cli/report.ts /\\s*[\\r\\n]+\\s*/g': 'a finding message (document text in messages is clipped to 40 characters)',
    'server/src/core/features/actions.ts /^((?:[ \\t]*>)*[ \\t]*<!--\\s*synthlint-disable-next-line\\b[^>]*?)(\\s*-->\\s*)$/': 'one line of the document, the one above a finding (quadratic in that line only)',
    'server/src/core/features/completion/frontmatter.ts /^([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:[ \\t]*(.*)$/': 'the text before the cursor on one line',
    'server/src/core/features/completion/headings.ts /^(#{1,6})(?:[ \\t]+([^#]*))?$/': 'the text before the cursor on one line',
    'server/src/core/features/completion/sources.ts /^((?:[ \\t]*>)*[ \\t]*)([^:]*)$/': 'the text before the cursor on one line',
    'server/src/core/templates/template.ts /^-+|-+$/g': "a name whose runs of '-' the replace before it made single",
  };

  /** A literal's key: its file and its text (not its line, which moves with every edit above it). */
  const key = (site: RegexSite): string => `${site.file} ${site.literal}`;

  test('recheck finds none that backtracks super-linearly, except those listed with the bound on their input', () => {
    const { literals } = findRegexes();
    assert.ok(literals.length > 50, `found ${literals.length} regular expressions`);
    const verdicts = literals.map(audit);
    const report = verdicts
      .filter((v) => v.status !== 'safe' && !(key(v.site) in BOUNDED))
      .map(verdictText);
    assert.deepEqual(report, []);
    // The list stays true: an entry recheck no longer flags (fixed, or gone) is removed.
    const flagged = new Set(verdicts.filter((v) => v.status === 'vulnerable').map((v) => key(v.site)));
    assert.deepEqual(Object.keys(BOUNDED).filter((k) => !flagged.has(k)), [], 'listed as bounded, but recheck finds them safe or they are gone: remove them');
  });

  /**
   * Regexes built at run time (`new RegExp(...)`), keyed by their file and the code that builds
   * them: each is audited as it is built from typical parts. A new one, or a changed one, fails the
   * next test until it is added here.
   */
  const NUMBER = String.raw`\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+|\d+`;
  const REF = String.raw`(\d{1,2})(?:\.(\d{1,2}|[a-zA-Z](?![a-zA-Z]))(?:\.(\d{1,2}))?)?`;
  const PREFIXES = 'SDG|ODS|ODD|Goal|Objetivo';
  const CODE = String.raw`(?:COL-2019-A|MEX-01|GLO-02)`;
  const DYNAMIC: Record<string, RegExp[]> = {
    'server/src/core/features/completion/sdg.ts new RegExp(String.raw`(?<![\\p{L}\\p{N}_])(?:${key})[ \\t\\u00a0]{1,4}(?:\\d{1,2}(?:\\.[0-9a-zA-Z]{1,2}){0,2}\\/)*(\\d{': [
      new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${PREFIXES})[ \t\u00a0]{1,4}(?:\d{1,2}(?:\.[0-9a-zA-Z]{1,2}){0,2}\/)*(\d{0,2}(?:\.[0-9a-zA-Z]{0,2}(?:\.\d{0,2})?)?)$`, 'u'),
    ],
    'server/src/core/sdg/tags.ts new RegExp(String.raw`(?<![\\p{L}\\p{N}_])(?:${key})[ \\t\\u00a0]{1,4}${REF}(?:\\/${REF})*(?!\\.?\\p{N})`, \'gu\')': [
      new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${PREFIXES})[ \t\u00a0]{1,4}${REF}(?:\/${REF})*(?!\.?\p{N})`, 'gu'),
    ],
    'server/src/core/sdg/tags.ts new RegExp(`^${REF}`)': [new RegExp(`^${REF}`)],
    "server/src/core/import/counts.ts new RegExp(String.raw`^\\s*(${NUMBER})\\s+([^\\d][\\s\\S]*)$`, 'u')": [new RegExp(String.raw`^\s*(${NUMBER})\s+([^\d][\s\S]*)$`, 'u')],
    "server/src/core/import/counts.ts new RegExp(String.raw`(?<![\\p{L}\\p{N}.,/-])(${NUMBER})(?![\\p{N}]|[.,/]\\p{N})`, 'gu')": [new RegExp(String.raw`(?<![\p{L}\p{N}.,/-])(${NUMBER})(?![\p{N}]|[.,/]\p{N})`, 'gu')],
    "server/src/core/import/counts.ts new RegExp(String.raw`^(${NUMBER})\\s+(.+)$`, 'u')": [new RegExp(String.raw`^(${NUMBER})\s+(.+)$`, 'u')],
    'server/src/core/import/recognise.ts new RegExp(String.raw`[([]\\s*${code}(?:\\s*[;,]\\s*${code})*\\s*[)\\]]|(?<![\\p{L}\\p{N}@_-])${code}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, \'gu\')': [
      new RegExp(String.raw`[([]\s*${CODE}(?:\s*[;,]\s*${CODE})*\s*[)\]]|(?<![\p{L}\p{N}@_-])${CODE}(?![\p{L}\p{N}_]|-[\p{L}\p{N}])`, 'gu'),
    ],
    "server/src/core/import/recognise.ts new RegExp(code!, 'gu')": [new RegExp(CODE, 'gu')],
    // The strong wording of the overclaim rule, built from the built-in and the team's phrases.
    'server/src/core/findings/fold.ts new RegExp(`(?<![': [
      new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}])(?:(all\s+the\s+evaluations)|(clearly\s+demonstrated)|(consistent[\p{L}\p{M}]*)|(todas\s+las\s+evaluaciones))(?![\p{L}\p{N}\p{M}])`, 'gu'),
    ],
  };

  /** Built regexes recheck flags, which only see bounded text; each with that bound. */
  const DYNAMIC_BOUNDED: Record<string, string> = {
    [String(new RegExp(String.raw`^(${NUMBER})\s+(.+)$`, 'u'))]: 'one part of a bracketed breakdown in one sentence of an imported document (quadratic in that part only)',
  };

  test('every regex built at run time is listed, and recheck finds each, as built from typical parts, safe', () => {
    const { dynamic } = findRegexes();
    // findRegexes gives the first 120 characters of the code, and a key may be shorter still.
    const found = dynamic.map((site) => `${site.file} ${site.code}`);
    const listed = Object.keys(DYNAMIC);
    const same = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);
    assert.deepEqual(found.filter((k) => !listed.some((l) => same(k, l))), [], 'a regex built at run time that is not audited: add it to DYNAMIC with the regexes it builds');
    assert.deepEqual(listed.filter((l) => !found.some((k) => same(k, l))), [], 'listed, but no longer in server/src: remove it');
    const report = Object.entries(DYNAMIC).flatMap(([where, built]) =>
      built
        .map((regex) => audit({ file: where, line: 0, literal: String(regex), regex }))
        .filter((v) => v.status !== 'safe' && !(String(v.site.regex) in DYNAMIC_BOUNDED))
        .map(verdictText),
    );
    assert.deepEqual(report, []);
  });

  test('the audit can fail: recheck flags the classic catastrophic shapes and passes a plain one', () => {
    const site = (regex: RegExp): RegexSite => ({ file: 'example', line: 1, literal: String(regex), regex });
    assert.equal(audit(site(/^(a+)+$/)).status, 'vulnerable');
    assert.equal(audit(site(/(\w+\s?)*$/u)).status, 'vulnerable');
    assert.equal(audit(site(/\s+at line \d+$/)).status, 'vulnerable', 'polynomial backtracking is flagged too');
    assert.equal(audit(site(/^\d+(?:,\d{3})*$/)).status, 'safe');
  });
});
