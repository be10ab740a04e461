import type { Worker } from 'node:worker_threads';
import type { Exportable } from '../../core/formats/custom/exportable.js';
import type { TransformerFailure, TransformerFailureCause, TransformerOutcome, TransformerResult, TransformerRunner } from '../../core/formats/custom/runner.js';
import type { CompiledTransformer } from './compile.js';
import { pausedLocation } from './pause-location.js';
import { SourcePositions, type SourcePosition } from './source-position.js';
import { MAX_LOG_LINES, workerSource } from './sandbox-scripts.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits } from './limits.js';


/** Time the debugger gets to pause a transformer that ran out of time (the place is then unknown). */
const PAUSE_WAIT_MS = 1500;
/** The VM's own time-out, a backstop behind the host's deadline (which pauses for the line). */
const VM_GRACE_MS = 3000;

/** What the sandbox answers for a job: the JSON record its context produced. */
interface SandboxReply {
  ok: boolean;
  text?: string;
  cause?: string;
  message?: string;
  stack?: string;
  source?: string;
  phase?: 'load' | 'run';
  logs?: string;
  dropped?: number;
}

/** A failure as the sandbox reports it: also `no-function` (the file gives no function), and whether the top level or the call failed. */
export type SandboxFailure = Omit<TransformerFailure, 'cause'> & { cause: TransformerFailureCause | 'no-function'; phase?: 'load' | 'run' };
type JobOutcome = TransformerResult | SandboxFailure;
export type ProbeResult = { ok: true } | SandboxFailure;

/**
 * A transformer running in a worker thread, one document at a time, each in a fresh `node:vm`
 * context (sandbox-scripts.ts). The worker has an empty environment, no inherited Node flags and a
 * heap limit; a document that takes longer than the time limit is paused through the inspector
 * for its place, then the worker is terminated; a worker that dies (out of memory) is replaced
 * for the next document. Call `close()` when done (an idle worker does not keep Node running).
 */
export class SandboxedTransformer implements TransformerRunner {
  readonly file: string;
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;
  private closed = false;
  private readonly positions: SourcePositions;

  constructor(private readonly compiled: CompiledTransformer, readonly limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS) {
    this.file = compiled.file;
    this.positions = new SourcePositions(compiled);
  }

  run(document: Exportable): Promise<TransformerOutcome> {
    return this.enqueue(() => this.job('run', JSON.stringify(document))).then((result) => {
      if (result.ok) return result;
      const { phase: _phase, cause, ...failure } = result;
      // A top level that gives no function for this document (it depends on state) fails it too.
      return Object.assign({}, failure, { cause: cause === 'no-function' ? 'exception' : cause });
    });
  }

  /** Loads the file's top level once: does it give a function? (`loadTransformer` asks before any document.) */
  probe(): Promise<ProbeResult> {
    return this.enqueue(() => this.job('probe', '')).then((result) => (result.ok ? { ok: true } : result));
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async startWorker(): Promise<Worker> {
    // Loaded on first use: importing the package loads no worker code (only CUSTOM needs it).
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: { code: this.compiled.code },
      env: {},
      execArgv: [],
      argv: [],
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: Math.max(4, Math.min(32, Math.floor(this.limits.memoryMb / 8))), stackSizeMb: 4 },
    });
    worker.unref();
    return worker;
  }

  private async job(kind: 'run' | 'probe', json: string): Promise<JobOutcome> {
    if (this.closed) return this.failure('crashed', 'the transformer was closed');
    const worker = (this.worker ??= await this.startWorker());
    const id = ++this.nextId;
    worker.ref();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: JobOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        resolve(outcome);
      };
      const retire = () => {
        if (this.worker === worker) this.worker = undefined;
      };
      const onMessage = (message: { id: number; reply: string | null }) => {
        if (message.id === id) finish(this.outcome(message.reply));
      };
      const onError = (error: Error & { code?: string }) => {
        retire();
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(this.failure('memory', `ran out of memory: the sandbox's heap is limited to ${this.limits.memoryMb} MB (--transformer-memory)`));
        else finish(this.failure('crashed', `the sandbox stopped: ${error.message}`));
      };
      const onExit = (code: number) => {
        retire();
        finish(this.failure('crashed', `the sandbox stopped (exit code ${code})`));
      };
      const deadline = setTimeout(() => {
        retire();
        void pausedLocation(worker, PAUSE_WAIT_MS)
          .catch(() => undefined)
          .then((at) => {
            void worker.terminate();
            const where = at && this.positions.original(at.line, at.column);
            finish(this.failure('timeout', this.timeoutText(), where));
          });
      }, this.limits.timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, kind, json, timeoutMs: this.limits.timeoutMs + VM_GRACE_MS });
    });
  }

  private timeoutText(): string {
    return `did not finish within ${this.limits.timeoutMs / 1000} s (--transformer-timeout)`;
  }

  private failure(cause: TransformerFailureCause, message: string, where?: SourcePosition, logs: string[] = []): TransformerFailure {
    return { ok: false, cause, message, ...(where ? { line: where.line, column: where.column } : {}), logs };
  }

  /** The context's JSON record, checked field by field (it came out of the transformer's realm). */
  private outcome(reply: string | null): JobOutcome {
    let record: SandboxReply;
    try {
      record = JSON.parse(reply ?? 'null') as SandboxReply;
    } catch {
      return this.failure('crashed', 'the sandbox answered something unreadable');
    }
    if (!record || typeof record !== 'object') return this.failure('crashed', 'the sandbox answered nothing');
    const logs = typeof record.logs === 'string' && record.logs !== '' ? record.logs.split('\n') : [];
    if (typeof record.dropped === 'number' && record.dropped > 0) logs.push(`… ${record.dropped} more console line(s) not kept (the first ${MAX_LOG_LINES} are)`);
    if (record.ok === true && typeof record.text === 'string') return { ok: true, text: record.text, logs };
    const message = typeof record.message === 'string' ? record.message : 'failed';
    const phase = record.phase === 'load' || record.phase === 'run' ? record.phase : undefined;
    switch (record.cause) {
      case 'exception': {
        const where = typeof record.stack === 'string' ? this.positions.fromStack(record.stack) : undefined;
        return Object.assign(this.failure('exception', phase === 'load' ? `the file's top level threw ${message}` : message, where, logs), { phase });
      }
      case 'not-a-string': {
        const where = typeof record.source === 'string' ? this.positions.ofFunction(record.source) : undefined;
        return Object.assign(this.failure('not-a-string', message, where, logs), { phase });
      }
      case 'no-function':
        return Object.assign(this.failure('exception', message, undefined, logs), { cause: 'no-function' as const, phase });
      case 'timeout':
        return this.failure('timeout', this.timeoutText(), undefined, logs);
      default:
        return this.failure('crashed', message, undefined, logs);
    }
  }
}
