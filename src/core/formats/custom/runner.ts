import type { Exportable } from './exportable.js';

/**
 * Runs an export transformer on one document. The core only knows this interface; the sandbox
 * that implements it (a worker thread with a `node:vm` context, `src/node/transformer/`) is
 * injected through `ConvertOptions.transformer`, so the core stays free of Node built-ins.
 */
export interface TransformerRunner {
  /** The transformer's file name as the user gave it (`my-export.ts`), for messages. */
  readonly file: string;
  /**
   * Runs the transformer on one document's `Exportable`. A fault of the transformer (exception,
   * time-out, memory, a result that is not a string) is an outcome, never a rejection.
   */
  run(document: Exportable): Promise<TransformerOutcome>;
}

export type TransformerOutcome = TransformerResult | TransformerFailure;

export interface TransformerResult {
  ok: true;
  text: string;
  /** Lines the transformer wrote with `console.log` and friends while it ran. */
  logs: string[];
}

export type TransformerFailureCause = 'exception' | 'timeout' | 'memory' | 'not-a-string' | 'crashed';

export interface TransformerFailure {
  ok: false;
  cause: TransformerFailureCause;
  /** What happened, e.g. `TypeError: Cannot read properties of undefined (reading 'length')`. */
  message: string;
  /** Where in the user's source (1-based line and column), when it is known. */
  line?: number;
  column?: number;
  logs: string[];
}
