import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type InputErrorCode } from '../core/errors.js';
import type { DocumentReply, SerializedError, WorkerReply, WorkerSetup } from './convert-worker.js';

export type { DocumentReply };

/** Batches sent ahead to each worker, so it never waits for the main thread between two. */
const AHEAD = 2;
/** Documents per message: at most this, fewer for small inputs so both workers get work. */
const BATCH = 32;

/**
 * Converts the documents `0 … total-1` of the input on `count` worker threads (ZIPs with many
 * documents use every core). Work is handed out in small batches of consecutive documents to
 * whichever worker has room; the workers write the outputs into the staging folder themselves, and
 * each document's reply (the paths written and the messages) is passed to `onDocument` strictly
 * in document order, so names, the report and progress are the same as in a single-thread run. The first failure stops every worker and is thrown (as an InputError when
 * it was one).
 */
export function runWorkers(setup: WorkerSetup, total: number, count: number, signal: AbortSignal | undefined, onDocument: (reply: DocumentReply) => Promise<void>): Promise<void> {
  const pool = Array.from({ length: count }, () => ({ worker: startWorker(setup), inFlight: 0, ready: false }));
  const replies = new Map<number, DocumentReply>();
  let next = 0;
  let handled = 0;
  let chain = Promise.resolve();
  let settled = false;
  return new Promise((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      replies.clear();
      signal?.removeEventListener('abort', onAbort);
      void Promise.all(pool.map((p) => p.worker.terminate())).finally(() => (error ? reject(error) : resolve()));
    };
    // An abort (Ctrl-C) stops every worker at once.
    const onAbort = () => finish(signal!.reason);
    if (signal?.aborted) return finish(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Hand out documents while a worker has room, keeping the reorder buffer bounded.
    const batch = Math.max(1, Math.min(BATCH, Math.floor(total / (count * AHEAD * 4))));
    const pump = () => {
      for (const slot of pool) {
        while (!settled && slot.ready && slot.inFlight < AHEAD && next < total && next - handled < AHEAD * count * batch * 2) {
          const indexes = Array.from({ length: Math.min(batch, total - next) }, (_, i) => next + i);
          next += indexes.length;
          slot.worker.postMessage(indexes);
          slot.inFlight++;
        }
      }
    };
    for (const slot of pool) {
      slot.worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          if (reply.count !== total) return finish(new Error(`a worker found ${reply.count} documents in the input, the main thread ${total}`));
          slot.ready = true;
          return pump();
        }
        if (reply.type === 'failed') return finish(deserializeError(reply.error));
        if (reply.type !== 'batch') return;
        slot.inFlight--;
        if (settled) return;
        for (const one of reply.replies) replies.set(one.index, one);
        chain = chain
          .then(async () => {
            for (let ready = replies.get(handled); ready && !settled; ready = replies.get(handled)) {
              replies.delete(handled);
              handled++;
              await onDocument(ready);
              pump();
            }
            if (handled === total) finish();
          })
          .catch(finish);
        pump();
      });
      slot.worker.on('error', finish);
      slot.worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a conversion worker stopped (exit code ${code})`));
      });
    }
  });
}

/**
 * The worker's module: the compiled `.js` (see `compiledWorker`) or, running from the TypeScript
 * sources (as the tests do), the `.ts` file after registering tsx's loader inside the worker.
 */
function startWorker(setup: WorkerSetup): Worker {
  const js = compiledWorker();
  if (js) return new Worker(js, { workerData: setup });
  // tsx's ESM entry (its CommonJS one cannot register from an eval'd worker).
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'))).href;
  const ts = new URL('./convert-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(code, { eval: true, workerData: setup });
}

function deserializeError(error: SerializedError): Error {
  const rebuilt = error.input
    ? new InputError(error.input.code as InputErrorCode, error.message, { file: error.input.file, where: error.input.where, expected: error.input.expected, hint: error.input.hint })
    : new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * The compiled worker: beside this file in a file-by-file build (the bench's copy), in
 * `dist/node/` of the published build, where this code sits in a chunk (`dist/chunks/`). Looked for
 * from this file's folder up to the package root (the first folder with a package.json); running
 * from the TypeScript sources there is none, and a `dist/` elsewhere in the checkout is never taken.
 */
function compiledWorker(): URL | undefined {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    for (const candidate of [new URL('convert-worker.js', dir), new URL('node/convert-worker.js', dir)]) if (existsSync(fileURLToPath(candidate))) return candidate;
    if (existsSync(fileURLToPath(new URL('package.json', dir))) || dir.pathname === '/') return undefined;
  }
}
