/**
 * Growth measurements: how the time of an operation grows when its input grows by a factor.
 * Linear work grows by about the factor (4×), quadratic work by its square (16×). Comparing
 * medians of the same machine's runs makes this robust on a loaded machine, where absolute times
 * are meaningless; a second measurement is taken before a bound is declared broken.
 */

/**
 * Which time is measured: `wall` (elapsed), or `cpu` (the process's own processor time, which other
 * programs on a shared machine disturb far less; it includes the garbage collector's threads).
 */
export type Clock = 'wall' | 'cpu';

function now(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median time of `runs` calls, in ms. */
export function medianMs(fn: () => void, runs = 3, clock: Clock = 'wall'): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = now(clock);
    fn();
    times.push(now(clock) - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Growth {
  small: number;
  large: number;
  /** large / small, with the small time floored at `floorMs` so that noise on tiny times cannot fake growth. */
  ratio: number;
}

/**
 * Times `run(make(n))` and `run(make(factor × n))` (after one warm-up at size n) and returns the
 * ratio of their medians. The inputs are built before timing starts.
 */
export interface GrowthOptions {
  /** How much larger the second input is (4 by default: linear ×4, quadratic ×16). */
  factor?: number;
  runs?: number;
  floorMs?: number;
  clock?: Clock;
}

export function measureGrowth(make: (n: number) => string, n: number, run: (text: string) => void, options: GrowthOptions = {}): Growth {
  const factor = options.factor ?? 4;
  const small = make(n);
  const large = make(n * factor);
  run(small);
  const a = medianMs(() => run(small), options.runs ?? 3, options.clock);
  const b = medianMs(() => run(large), options.runs ?? 3, options.clock);
  return { small: a, large: b, ratio: b / Math.max(a, options.floorMs ?? 5) };
}

/**
 * The growth, measured a second time if the first exceeds `bound` (a busy machine can stall one
 * run); the better of the two is returned.
 */
export function growthWithin(make: (n: number) => string, n: number, run: (text: string) => void, bound: number, options: GrowthOptions = {}): Growth {
  const first = measureGrowth(make, n, run, options);
  if (first.ratio <= bound) return first;
  const second = measureGrowth(make, n, run, options);
  return second.ratio < first.ratio ? second : first;
}

/** A deterministic pseudo-random generator (for noise that is the same on every run). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
