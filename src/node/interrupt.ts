/**
 * Ctrl-C and `kill`: SIGINT and SIGTERM become an abort of an AbortSignal, so long work stops at
 * its next check, removes what it staged and says what was and was not written; the process then
 * exits 130 (128 + SIGINT, what shells expect). A second signal does not wait: the synchronous
 * cleanups registered with `onForcedExit` run and the process exits at once.
 */
export const EXIT_INTERRUPTED = 130;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type InterruptSignal = (typeof SIGNALS)[number];

/** The reason of an interrupted run's abort; its message says what was and was not written. */
export class Interrupted extends Error {
  constructor(
    readonly signal: InterruptSignal | 'abort',
    message = `interrupted (${signal})`,
  ) {
    super(message);
    this.name = 'Interrupted';
  }
}

export function isInterrupted(error: unknown): error is Interrupted {
  return error instanceof Interrupted;
}

const cleanups = new Set<() => void>();

/** Registers a synchronous cleanup for a forced exit (a second signal); returns its removal. */
export function onForcedExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Runs `work` with SIGINT/SIGTERM turned into an abort of the signal it gets (reason: an
 * `Interrupted`). The handlers are removed when `work` settles.
 */
export async function withInterrupts<T>(work: (signal: AbortSignal) => Promise<T>, stderr: { write(text: string): unknown } = process.stderr): Promise<T> {
  const controller = new AbortController();
  const handle = (signal: InterruptSignal) => {
    if (!controller.signal.aborted) {
      stderr.write(`\n${signal}: stopping, removing what was staged (press Ctrl-C again to quit at once)\n`);
      controller.abort(new Interrupted(signal));
      return;
    }
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // Exiting anyway: a cleanup that fails must not keep the process alive.
      }
    }
    process.exit(EXIT_INTERRUPTED);
  };
  const handlers = SIGNALS.map((signal) => [signal, () => handle(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return await work(controller.signal);
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

/** The signal name of an abort reason (`abort` when it was not a signal). */
export function interruptSignal(signal: AbortSignal): InterruptSignal | 'abort' {
  return signal.reason instanceof Interrupted && signal.reason.signal !== 'abort' ? signal.reason.signal : 'abort';
}
