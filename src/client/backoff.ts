/**
 * Waiting between attempts: exponential backoff with full jitter (so many clients retrying at once
 * do not hit the server in lock-step), `Retry-After` parsing, and an abortable sleep.
 */
import { InputError } from '../core/errors.js';

export interface BackoffOptions {
  /** Delay before the second attempt, in ms. */
  initialMs: number;
  /** Ceiling for one delay, in ms. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
  /** 0 = no jitter; 1 = the delay is drawn uniformly from [0, delay]. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 5000, factor: 2, jitter: 0.5 };

/** Delay before attempt `attempt + 1` (attempt counts from 0). `random` is injectable for tests. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.initialMs * options.factor ** attempt);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(exponential * (1 - jitter) + exponential * jitter * random());
}

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns ms to wait, or
 * undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header == null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with ABORTED as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortedError(signal);
}

/** The signal's own reason when it is ours (a deadline aborts with a TIMEOUT error), else ABORTED. */
export function abortedError(signal?: AbortSignal): InputError {
  if (signal?.reason instanceof InputError) return signal.reason;
  return new InputError('ABORTED', 'the export was cancelled', { cause: signal?.reason });
}

/**
 * One time limit for a whole operation. When it passes, `signal` aborts with a TIMEOUT error whose
 * text `describe()` supplies at that moment (so it can name the stage and the last status seen).
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly endsAt: number;

  constructor(ms: number, describe: () => string, parent?: AbortSignal) {
    this.endsAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.controller.abort(new InputError('TIMEOUT', `${describe()} did not finish within ${formatSeconds(ms)}`, {
        hint: 'Raise the time limit (--timeout) or check the job in the Datasaur web app.',
      }));
    }, ms);
    this.timer.unref?.();
    this.signal = parent ? AbortSignal.any([parent, this.controller.signal]) : this.controller.signal;
  }

  remaining(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
