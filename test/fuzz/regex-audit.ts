/**
 * Finds every regular-expression literal in server/src (with the TypeScript parser, so nothing is
 * missed or misread) and attacks each one with strings built to make backtracking engines blow
 * up: long runs of one piece, then a character that makes the match fail at the end.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { filesUnder, repoRoot } from '../helpers.js';
import { medianMs } from './growth.js';

export interface RegexSite {
  file: string;
  line: number;
  literal: string;
  regex: RegExp;
}

/** Dynamic `new RegExp(...)` constructions cannot be attacked generically; they are listed. */
export interface DynamicSite {
  file: string;
  line: number;
  code: string;
}

export function findRegexes(root = join(repoRoot, 'server', 'src')): { literals: RegexSite[]; dynamic: DynamicSite[] } {
  const literals: RegexSite[] = [];
  const dynamic: DynamicSite[] = [];
  for (const path of filesUnder(root, '.ts')) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const file = relative(repoRoot, path);
    const visit = (node: ts.Node): void => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const slash = text.lastIndexOf('/');
        literals.push({ file, line, literal: text, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.push({ file, line, code: node.getText(source).slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/** Pieces whose repetition drives common regex shapes: spaces, digits with separators, words, markup. */
const PUMPS = [
  ' ', '\t', 'a', 'A', 'é', '1', '12', '1,', '1 ', '1.', '1,000', '1 000', '-', '_', '*', '#', '`', '~', '>', '<', '!', ':', '/',
  '.', ',', '[', ']', '(', ')', '\\', '"', "'", '@', '@a', 'a@', '|', '=', '&', '\n', '\r\n', '\r', '\u00a0', '\u202f',
  'SDG 1', 'SDG 16.1/', '16.', '16.a', '<!--', '-->', '- ', '> ', '1. ', 'a ', 'a:', 'a.', 'a-', 'a_', '---', 'ab', ' -', '[@a', 'x: ',
  'ies', 'es', 's', '%', '{', '}', '$', '\u0000',
];
/** Ends that make a match fail after the run (forcing any backtracking to happen). */
const ENDS = ['!', '\n!'];

function execAll(regex: RegExp, text: string): void {
  if (!regex.global && !regex.sticky) {
    regex.exec(text);
    return;
  }
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') regex.lastIndex++;
    if (regex.sticky && regex.lastIndex >= text.length) break;
  }
  regex.lastIndex = 0;
}

export interface Suspect {
  site: RegexSite;
  attack: string;
  smallMs: number;
  largeMs: number;
  ratio: number;
}

/**
 * Attacks one regex: every pump repeated `n` times (with each end) is tried once; any attack that
 * takes more than `screenMs` is measured again at n/2 and 2n, and reported if its time grows by
 * more than `bound` (4 is linear, 16 quadratic).
 */
export function attack(site: RegexSite, options: { n?: number; screenMs?: number; bound?: number } = {}): Suspect[] {
  const n = options.n ?? 2000;
  const screenMs = options.screenMs ?? 1;
  const bound = options.bound ?? 8;
  const suspects: Suspect[] = [];
  // Characters of the regex's own source are pumped too: they are what it is built to match.
  const own = [...new Set(site.regex.source.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]/g, '').split(''))].filter((c) => c.trim() !== '' || c === ' ');
  for (const pump of [...PUMPS, ...own]) {
    for (const end of ENDS) {
      const make = (k: number): string => pump.repeat(k) + end;
      const probe = make(n);
      const started = performance.now();
      execAll(site.regex, probe);
      if (performance.now() - started < screenMs) continue;
      const small = make(n / 2);
      const big = make(n * 2);
      const smallMs = medianMs(() => execAll(site.regex, small));
      const largeMs = medianMs(() => execAll(site.regex, big));
      const ratio = largeMs / Math.max(smallMs, 0.25);
      if (ratio > bound) suspects.push({ site, attack: `${JSON.stringify(pump)} × ${n * 2} + ${JSON.stringify(end)}`, smallMs, largeMs, ratio });
    }
  }
  return suspects;
}
