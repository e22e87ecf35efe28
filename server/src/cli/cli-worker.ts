/**
 * A worker thread of `synthlint`: receives `{ settings }` once, then `{ id, file }` jobs, and
 * answers each with `{ id, outcome }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CliFile } from './files.js';
import { createLinter, type JobSettings } from './lint-job.js';

const lint = createLinter(workerData as JobSettings);
parentPort?.on('message', (job: { id: number; file: CliFile }) => {
  void lint(job.file).then((outcome) => parentPort?.postMessage({ id: job.id, outcome }));
});
