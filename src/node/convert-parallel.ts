import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type InputErrorCode } from '../core/errors.js';
import type { DocumentReply, MainMessage, SerializedError, WorkerReply, WorkerSetup } from './convert-worker.js';

export type { DocumentReply };

/** Batches sent ahead to each worker, so it never waits for the main thread between two. */
const AHEAD = 2;
/** Documents per message: at most this, fewer for small inputs so both workers get work. */
const BATCH = 32;

interface Slot {
  worker: Worker;
  /** Batches sent and not answered yet. */
  inFlight: number;
  /** It has opened the input (its `ready` came). */
  ready: boolean;
}

/** What a worker thread reported before the pool was run: kept until `run` handles it. */
type PoolEvent = { type: 'message'; reply: WorkerReply } | { type: 'error'; error: unknown } | { type: 'exit'; code: number };

/**
 * Conversion workers started before the input is opened on this thread: each starts a thread,
 * loads the converter and opens the input itself, which took 0.6-1.4 s of a 20,000-document run
 * when it came after this thread's own opening. `run` hands them the documents once the run knows
 * them; `stop` ends them when the run does not use them (a single file, a failed opening).
 */
export interface WorkerPool {
  run(stagingDir: string, total: number, signal: AbortSignal | undefined, onDocument: (reply: DocumentReply) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** Conversion worker threads of this process that have not exited (tests check none is left behind). */
let live = 0;
export const liveWorkers = () => live;

export function startWorkers(setup: WorkerSetup, count: number): WorkerPool {
  const pool: Slot[] = Array.from({ length: count }, () => ({ worker: startWorker(setup), inFlight: 0, ready: false }));
  live += count;
  for (const slot of pool) slot.worker.once('exit', () => live--);
  // Events before `run` are held (a worker may be ready, or fail, before this thread has opened).
  const early: Array<[Slot, PoolEvent]> = [];
  let handle: ((slot: Slot, event: PoolEvent) => void) | undefined;
  for (const slot of pool) {
    const deliver = (event: PoolEvent) => (handle ? handle(slot, event) : early.push([slot, event]));
    slot.worker.on('message', (reply: WorkerReply) => deliver({ type: 'message', reply }));
    slot.worker.on('error', (error) => deliver({ type: 'error', error }));
    slot.worker.on('exit', (code) => deliver({ type: 'exit', code }));
  }
  let stopped: Promise<void> | undefined;
  const stop = () => {
    handle = () => {};
    early.length = 0;
    return (stopped ??= Promise.all(pool.map((p) => p.worker.terminate())).then(() => undefined));
  };
  return { run: (stagingDir, total, signal, onDocument) => run(pool, stagingDir, total, signal, onDocument, stop, (h) => {
    handle = h;
    for (const [slot, event] of early.splice(0)) h(slot, event);
  }), stop };
}

/**
 * Converts the documents `0 … total-1` of the input on the pool's threads. Work is handed out in
 * small batches of consecutive documents to whichever worker has room; the workers write the
 * outputs into the staging folder themselves, and each document's reply (the paths written and
 * the messages) is passed to `onDocument` strictly in document order, so names, the report and
 * progress are the same as in a single-thread run. The first failure stops every worker and is
 * thrown (as an InputError when it was one).
 */
function run(
  all: Slot[],
  stagingDir: string,
  total: number,
  signal: AbortSignal | undefined,
  onDocument: (reply: DocumentReply) => Promise<void>,
  stop: () => Promise<void>,
  listen: (handle: (slot: Slot, event: PoolEvent) => void) => void,
): Promise<void> {
  // Started before the document count was known: more workers than documents leave at once.
  const pool = all.slice(0, Math.max(1, Math.min(all.length, total)));
  for (const surplus of all.slice(pool.length)) void surplus.worker.terminate();
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
      void stop().finally(() => (error ? reject(error) : resolve()));
    };
    // An abort (Ctrl-C) stops every worker at once.
    const onAbort = () => finish(signal!.reason);
    if (signal?.aborted) return finish(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Hand out documents while a worker has room, keeping the reorder buffer bounded.
    const batch = Math.max(1, Math.min(BATCH, Math.floor(total / (pool.length * AHEAD * 4))));
    const pump = () => {
      for (const slot of pool) {
        while (!settled && slot.ready && slot.inFlight < AHEAD && next < total && next - handled < AHEAD * pool.length * batch * 2) {
          const indexes = Array.from({ length: Math.min(batch, total - next) }, (_, i) => next + i);
          next += indexes.length;
          slot.worker.postMessage({ type: 'batch', indexes } satisfies MainMessage);
          slot.inFlight++;
        }
      }
    };
    for (const slot of pool) slot.worker.postMessage({ type: 'start', stagingDir } satisfies MainMessage);
    listen((slot, event) => {
      if (!pool.includes(slot)) return;
      if (event.type === 'error') return finish(event.error);
      if (event.type === 'exit') {
        if (!settled && event.code !== 0) finish(new Error(`a conversion worker stopped (exit code ${event.code})`));
        return;
      }
      const reply = event.reply;
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
