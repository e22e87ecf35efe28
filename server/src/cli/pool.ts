/**
 * Runs lint jobs on worker threads, one per core (at most four), and hands the outcomes back in the
 * order of the files, each as soon as it and every file before it are done. Small runs, or hosts
 * where the worker script is missing, run in the main thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { CliFile } from './files.js';
import { createLinter, type JobOutcome, type JobSettings } from './lint-job.js';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 24;

export async function lintFiles(
  files: readonly CliFile[],
  settings: JobSettings,
  onOutcome: (file: CliFile, outcome: JobOutcome) => Promise<void>,
  threads = Math.min(4, availableParallelism()),
): Promise<void> {
  const script = fileURLToPath(new URL('./cli-worker.js', import.meta.url));
  if (files.length < PARALLEL_THRESHOLD || threads < 2 || !existsSync(script)) {
    const lint = createLinter(settings);
    for (const file of files) await onOutcome(file, await lint(file));
    return;
  }
  // Loaded only here: a run of a few files, or one that finds them in the cache, never starts a worker (loading this is a few ms of every start).
  const { Worker: WorkerThread } = await import('node:worker_threads');
  const outcomes = new Map<number, JobOutcome>();
  let next = 0;
  let reported = 0;
  let delivering = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    const workers = Array.from({ length: Math.min(threads, files.length) }, () => new WorkerThread(script, { workerData: settings }));
    const stop = (): void => void Promise.all(workers.map((w) => w.terminate()));
    const give = (worker: Worker): void => {
      if (next < files.length) worker.postMessage({ id: next, file: files[next++] });
    };
    for (const worker of workers) {
      worker.on('message', ({ id, outcome }: { id: number; outcome: JobOutcome }) => {
        outcomes.set(id, outcome);
        give(worker);
        // Report in file order: everything from `reported` on that is ready.
        delivering = delivering.then(async () => {
          while (outcomes.has(reported)) {
            const o = outcomes.get(reported)!;
            outcomes.delete(reported);
            await onOutcome(files[reported]!, o);
            reported++;
          }
          if (reported === files.length) {
            stop();
            resolve();
          }
        }, reject);
      });
      worker.on('error', (error) => {
        stop();
        reject(error);
      });
      give(worker);
    }
  });
}
