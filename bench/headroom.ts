import { Worker } from 'node:worker_threads';

/**
 * How much two threads can gain on this machine right now: a fixed CPU-only loop run twice in a
 * row, then once on each of `threads` worker threads at the same time. On an idle 2-core machine
 * the ratio is about 0.5; other load raises it. The worker rows of scenario b are read against it.
 */
export async function parallelHeadroom(threads = 2): Promise<{ sequentialMs: number; parallelMs: number; ratio: number }> {
  const loop = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003;';
  const started = performance.now();
  for (let t = 0; t < threads; t++) new Function(loop)();
  const sequentialMs = performance.now() - started;
  const parallelStart = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(`${loop} require('node:worker_threads').parentPort.postMessage(x);`, { eval: true }).once('message', resolve).once('error', reject))),
  );
  const parallelMs = performance.now() - parallelStart;
  return { sequentialMs, parallelMs, ratio: parallelMs / sequentialMs };
}
