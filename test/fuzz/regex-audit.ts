/**
 * Finds every regular expression in server/src (with the TypeScript parser, so nothing is missed or
 * misread: a new one is audited without being listed anywhere) and asks recheck
 * (https://makenowjust-labs.github.io/recheck/) whether it can backtrack super-linearly. recheck
 * decides from the regex itself (an automaton analysis, or a fuzzer that counts the steps of its
 * own backtracking matcher), so the verdict never depends on how busy the machine is: it runs its
 * pure JavaScript build in this process (no native program, no Java, nothing downloaded), with a
 * fixed random seed and every time limit turned off.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { filesUnder, repoRoot } from '../helpers.js';

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

/** Fixed, so the fuzzer explores the same strings on every run and every machine. */
export const RECHECK_SEED = 20261201;

/**
 * Every limit that is a time (and so depends on the machine's load) is off; the step limits stay.
 * "Recall validation" (re-running an attack on the real engine against a clock) is off too.
 */
const PARAMS = { randomSeed: RECHECK_SEED, timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, recallTimeout: -1, recallLimit: 0 } as const;

export type Verdict = { site: RegexSite; status: 'safe' } | { site: RegexSite; status: 'vulnerable'; complexity: string; attack: string } | { site: RegexSite; status: 'unknown'; error: string };

/** recheck's verdict on one regex. */
export function audit(site: RegexSite): Verdict {
  // The in-process build: the default starts a worker thread, and its other back ends are programs.
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  const result: Diagnostics = checkSync(site.regex.source, site.regex.flags, PARAMS);
  switch (result.status) {
    case 'safe':
      return { site, status: 'safe' };
    case 'vulnerable':
      return { site, status: 'vulnerable', complexity: result.complexity.summary, attack: result.attack.pattern };
    case 'unknown':
      return { site, status: 'unknown', error: 'message' in result.error ? `${result.error.kind}: ${result.error.message}` : result.error.kind };
  }
}

/** One line for a failure report. */
export function verdictText(v: Verdict): string {
  const where = `${v.site.file}${v.site.line > 0 ? `:${v.site.line}` : ''} ${v.site.literal}`;
  switch (v.status) {
    case 'safe':
      return `${where} — safe`;
    case 'vulnerable':
      return `${where} — ${v.complexity}, for example ${v.attack}`;
    case 'unknown':
      return `${where} — no verdict (${v.error})`;
  }
}
