/**
 * Work counted, not timed: how much JavaScript an operation executes, from V8's own block-coverage
 * counters (the inspector's precise coverage with call counts). Every call and every pass of every
 * loop body, in our code and in the libraries it uses (micromark, yaml), adds one to a counter, so
 * the same input gives the same count on a busy machine as on an idle one. A test asserts how the
 * count grows when the input grows 4× (linear work ×4, quadratic ×16), never how long it took:
 * speed itself is measured by `npm run bench` (the project's standards).
 *
 * What the count does not see is work inside the engine's built-ins (a regular expression's
 * backtracking, a long `indexOf`): the regular expressions are audited by recheck instead
 * (test/unit/pathological.test.ts), whose verdict does not depend on time either.
 *
 * Production code carries no hook for this: V8 adds the counters to the bytecode it compiles while
 * coverage is on. It adds none to functions compiled before, so counting starts when this module is
 * loaded and stays on: a test file imports it FIRST, before the code it measures has run.
 */
import { Session } from 'node:inspector';

interface CoverageRange { count: number }
interface ScriptCoverage { url: string; functions: Array<{ ranges: CoverageRange[] }> }

let session: Session | undefined;

/** The in-process inspector answers synchronously; this unwraps its callback. */
function post<T>(method: string, params?: object): T {
  session ??= (() => {
    const s = new Session();
    s.connect();
    return s;
  })();
  let failure: Error | null = null;
  let result: unknown;
  session.post(method, params, (error, answer) => {
    failure = error;
    result = answer;
  });
  if (failure) throw failure as Error;
  if (result === undefined) throw new Error(`the inspector did not answer ${method} at once`);
  return result as T;
}

post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
let counting = true;

/**
 * Stops counting, for the rest of the test file: the counters slow every function compiled while
 * they are on (the regex audit's recheck runs about a third slower with them).
 */
export function stopCounting(): void {
  if (!counting) return;
  counting = false;
  post('Profiler.stopPreciseCoverage');
  post('Profiler.disable');
}

/** Blocks of JavaScript (calls and loop passes) executed by `run`, counted in the project's files and its libraries. */
export function workOf(run: () => void): number {
  if (!counting) throw new Error('workOf after stopCounting: the work is no longer counted');
  // Taking the coverage resets the counters: what is taken after `run` is `run`'s alone.
  post('Profiler.takePreciseCoverage');
  run();
  const { result } = post<{ result: ScriptCoverage[] }>('Profiler.takePreciseCoverage');
  let blocks = 0;
  // Node's own internals (node:…) are left out: the test runner's bookkeeping is not the work measured.
  for (const script of result) {
    if (!script.url.startsWith('file:')) continue;
    for (const fn of script.functions) for (const range of fn.ranges) blocks += range.count;
  }
  return blocks;
}

export interface WorkGrowth {
  small: number;
  large: number;
  /** large / small: 4 for linear work when the input grows 4×, 16 for quadratic. */
  ratio: number;
}

/**
 * Counts the work of `run(make(n))` and of `run(make(4n))`. The inputs are built before counting
 * starts, and `run` sees the small input once before, so that work done once (a library loading,
 * a table built on first use) is not counted as part of the small input's.
 */
export function workGrowth(make: (n: number) => string, n: number, run: (text: string) => void): WorkGrowth {
  const small = make(n);
  const large = make(4 * n);
  // Warm up on an input of the same shape but another size: what is set up once (catalogues,
  // parsers) is not counted, while a cache keyed by the input (e.g. target-order's, by the ids of
  // the sections) serves neither measured run, so a cached result cannot pass for a cheap one.
  run(make(Math.max(1, n >> 1)));
  const a = workOf(() => run(small));
  const b = workOf(() => run(large));
  return { small: a, large: b, ratio: b / Math.max(a, 1) };
}
