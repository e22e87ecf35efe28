/**
 * A worker thread of `synthlint`: receives `{ settings }` once, then `{ id, path }` jobs, and
 * answers each with `{ id, outcome }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinter, type JobSettings } from './lint-job.js';

const lint = createLinter(workerData as JobSettings);
parentPort?.on('message', (job: { id: number; path: string }) => {
  void lint(job.path).then(
    (outcome) => parentPort?.postMessage({ id: job.id, outcome }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, outcome: { ok: false, error: String(error) } }),
  );
});
