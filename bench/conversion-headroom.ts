import { rmSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { convert } from '../src/node/convert.js';
import { formatSelection } from '../src/core/formats/resolve-formats.js';

/**
 * The control loop (headroom.ts) measures what two threads gain on CPU-only work. Conversion is
 * not CPU-only: it allocates, parses, inflates and creates thousands of files, and on a shared
 * virtual machine such work can scale much worse than a loop (measured 2026-12-01: control loop
 * 0.63, two whole conversions at once 0.87). This runs the conversion itself the same way: whole
 * single-thread conversions, one after another on `threads` fresh worker threads, then all at once.
 * `ratio` (parallel / sequential wall) is the best any worker pool could reach on this input on
 * this machine right now, with no overhead at all: the pool's row is read against it.
 */
export interface ConversionHeadroom {
  sequentialMs: number;
  parallelMs: number;
  ratio: number;
}

interface Job {
  input: string;
  format: string;
  outDir: string;
}

export async function conversionHeadroom(input: string, format: string, outDir: string, threads: number): Promise<ConversionHeadroom> {
  const jobs = Array.from({ length: threads }, (_, i) => ({ input, format, outDir: path.join(outDir, `headroom-${i}`) }));
  try {
    const sequentialStart = performance.now();
    for (const job of jobs) await inThread(job);
    const sequentialMs = performance.now() - sequentialStart;
    for (const job of jobs) rmSync(job.outDir, { recursive: true, force: true });
    const parallelStart = performance.now();
    await Promise.all(jobs.map(inThread));
    const parallelMs = performance.now() - parallelStart;
    return { sequentialMs, parallelMs, ratio: parallelMs / sequentialMs };
  } finally {
    for (const job of jobs) rmSync(job.outDir, { recursive: true, force: true });
  }
}

/** One whole conversion on a fresh worker thread (this file, compiled), as a pool's worker would start. */
function inThread(job: Job): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (message: { error?: string }) => (message.error ? reject(new Error(message.error)) : resolve()));
    worker.once('error', reject);
    // A thread that dies without a word (out of memory) must not leave the case waiting.
    worker.once('exit', (code) => reject(new Error(`the conversion thread exited (code ${code})`)));
  });
}

if (!isMainThread && parentPort && (workerData as Job | undefined)?.input) {
  const job = workerData as Job;
  convert({ input: job.input, to: formatSelection(job.format.split(',')), outDir: job.outDir, force: true, flat: true }).then(
    () => parentPort!.postMessage({}),
    (error: unknown) => parentPort!.postMessage({ error: String((error as Error)?.message ?? error) }),
  );
}
