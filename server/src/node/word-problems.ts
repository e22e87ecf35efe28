/**
 * Why a reference document cannot be used and why the browser printed no PDF, in the user's
 * language: said the same way by `synthlint export` and by the language server, so both are here,
 * on the Node side they share. The words are the catalogue's (`cli.export.reference.*`,
 * `cli.export.print.*`).
 */
import { translator, type Locale } from '../core/index.js';
import type { ReferenceProblem } from '../core/word.js';
import type { PrintProblem } from './pdf/index.js';

/** Why a reference document cannot be used. */
export function referenceProblem(locale: Locale | undefined, problem: ReferenceProblem): string {
  return translator(locale)(`cli.export.reference.${problem}`);
}

/** Why the browser printed no PDF. */
export function printProblem(locale: Locale | undefined, problem: PrintProblem): string {
  const t = translator(locale);
  switch (problem.problem) {
    case 'timeout':
      return t('cli.export.print.timeout', { seconds: problem.seconds });
    case 'not-started':
      return t('cli.export.print.not-started', { detail: problem.detail });
    case 'exited':
      return problem.detail ? t('cli.export.print.exited-detail', { code: String(problem.code), detail: problem.detail }) : t('cli.export.print.exited', { code: String(problem.code) });
    case 'no-pdf':
      return problem.detail ? t('cli.export.print.no-pdf-detail', { detail: problem.detail }) : t('cli.export.print.no-pdf');
  }
}
