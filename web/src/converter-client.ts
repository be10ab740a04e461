import type { ConversionMessage } from '../../src/core/index.js';
import type { DroppedInput, FromWorker, PageSettings, ProblemInfo, ToWorker } from './protocol.js';

type Ready = Extract<FromWorker, { type: 'ready' }>;
type Inspected = Extract<FromWorker, { type: 'inspected' }>;
export type OutputBlob = { path: string; format: string; blob: Blob };
export type Converted = { files: OutputBlob[]; problems: ConversionMessage[]; exitCode: 0 | 1; converted: number; skipped: number };

/** A failure the worker reported: the input error's paragraph, or what went wrong. */
export class WorkerProblem extends Error {
  constructor(readonly problem: ProblemInfo) {
    super(problem.message);
  }
}

interface Pending {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
  onMessage?(message: FromWorker): void;
}

/** The page's side of the conversion worker: one promise per request, progress and files as they come. */
export class ConverterClient {
  readonly ready: Promise<Ready>;
  /** The PDF fonts are in the worker (fetched in the background after `ready`). */
  readonly fonts: Promise<void>;
  private fontsSettled!: (message: Extract<FromWorker, { type: 'fonts' }>) => void;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'converter' });
    this.ready = new Promise<Ready>((resolve, reject) => {
      this.pending.set(0, { resolve: (m) => resolve(m as Ready), reject });
    });
    this.fonts = new Promise<void>((resolve, reject) => {
      this.fontsSettled = (m) => (m.error ? reject(new WorkerProblem(m.error)) : resolve());
    });
    // Settled by a failed load too (below); a page that never asks is not an unhandled rejection.
    this.fonts.catch(() => undefined);
    this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      const error = new Error(`the converter stopped: ${event.message || 'it could not be loaded'}`);
      for (const pending of this.pending.values()) pending.reject(error);
      this.fontsSettled({ type: 'fonts', error: { message: error.message } });
      this.pending.clear();
    });
  }

  async inspect(input: DroppedInput): Promise<Inspected> {
    return (await this.request({ type: 'inspect', id: this.next++, input })) as Inspected;
  }

  async convert(input: DroppedInput, settings: PageSettings, onProgress: (done: number, total: number, document: string) => void): Promise<Converted> {
    const files: OutputBlob[] = [];
    const done = await this.request({ type: 'convert', id: this.next++, input, settings }, (m) => {
      if (m.type === 'progress') onProgress(m.done, m.total, m.document);
      else if (m.type === 'file') files.push({ path: m.path, format: m.format, blob: m.blob });
    });
    if (done.type !== 'converted') throw new Error(`unexpected answer ${done.type}`);
    return { files, problems: done.problems, exitCode: done.exitCode, converted: done.converted, skipped: done.skipped };
  }

  async zip(files: readonly OutputBlob[]): Promise<Blob> {
    const done = await this.request({ type: 'zip', id: this.next++, files: files.map((f) => ({ path: f.path, blob: f.blob })) });
    if (done.type !== 'zipped') throw new Error(`unexpected answer ${done.type}`);
    return done.blob;
  }

  private request(message: ToWorker, onMessage?: (message: FromWorker) => void): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, onMessage });
      this.worker.postMessage(message);
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'fonts') {
      this.fontsSettled(message);
      return;
    }
    const id = message.type === 'ready' ? 0 : message.id;
    const pending = this.pending.get(id);
    if (!pending) return;
    if (message.type === 'progress' || message.type === 'file') {
      pending.onMessage?.(message);
      return;
    }
    this.pending.delete(id);
    if (message.type === 'failed') pending.reject(new WorkerProblem(message.error));
    else pending.resolve(message);
  }
}
