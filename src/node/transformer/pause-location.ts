import type { Worker } from 'node:worker_threads';
import { TRANSFORMER_SCRIPT_NAME } from './sandbox-scripts.js';

interface DebuggerMessage {
  method?: string;
  params?: {
    scriptId?: string;
    url?: string;
    callFrames?: Array<{ url?: string; location: { scriptId: string; lineNumber: number; columnNumber: number } }>;
  };
}

/**
 * Where a busy worker is running, asked through the inspector: the host's session attaches to the
 * worker (the `NodeWorker` domain, as a debugger would), enables its debugger and pauses it, and
 * the first paused frame in the transformer's code is the place (compiled code, 1-based). Only
 * used for a transformer that ran out of time, just before its worker is terminated, so a run
 * that never times out never opens a session. Undefined when the worker does not pause in time.
 */
export async function pausedLocation(worker: Worker, waitMs: number): Promise<{ line: number; column: number } | undefined> {
  let inspector: typeof import('node:inspector');
  try {
    inspector = await import('node:inspector');
  } catch {
    return undefined; // a Node built without the inspector
  }
  const session = new inspector.Session();
  session.connect();
  let sessionId: string | undefined;
  const send = (id: number, method: string) => session.post('NodeWorker.sendMessageToWorker', { sessionId: sessionId!, message: JSON.stringify({ id, method }) });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), waitMs);
      const scripts = new Map<string, string>();
      session.on('NodeWorker.attachedToWorker', ({ params }) => {
        // The inspector numbers workers its own way; the title carries the thread id (`[worker 3]`).
        if (sessionId || /^\[worker (\d+)\]/.exec(params.workerInfo.title)?.[1] !== String(worker.threadId)) return;
        sessionId = params.sessionId;
        send(1, 'Debugger.enable');
        send(2, 'Debugger.pause');
      });
      session.on('NodeWorker.receivedMessageFromWorker', ({ params }) => {
        if (params.sessionId !== sessionId) return;
        const message = JSON.parse(params.message) as DebuggerMessage;
        if (message.method === 'Debugger.scriptParsed' && message.params?.scriptId) scripts.set(message.params.scriptId, message.params.url ?? '');
        if (message.method !== 'Debugger.paused') return;
        clearTimeout(timer);
        const frame = message.params?.callFrames?.find((f) => (f.url || scripts.get(f.location.scriptId)) === TRANSFORMER_SCRIPT_NAME);
        // Let it run on: a worker paused in the debugger cannot be terminated.
        send(3, 'Debugger.resume');
        resolve(frame ? { line: frame.location.lineNumber + 1, column: frame.location.columnNumber + 1 } : undefined);
      });
      session.post('NodeWorker.enable', { waitForDebuggerOnStart: false });
    });
  } finally {
    session.disconnect();
  }
}
