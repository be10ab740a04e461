/**
 * Receiver for CUSTOM_WEBHOOK deliveries. The signature is checked over the raw bytes before the
 * body is parsed; a bad or missing signature answers 401, another method 405, a body over the
 * limit 413, and nothing is handed on in those cases.
 *
 * Replays (decided): a delivery whose signed body was already received within the replay window
 * (default 24 hours, the last 10,000 deliveries) answers 200 — the sender may be retrying because
 * our first answer was lost — but is not handed on again, so its file is not downloaded twice. The
 * signature carries no time stamp, so the window is what bounds the memory this takes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { abortedError } from './backoff.js';
import { SIGNATURE_HEADER, verifySignature } from './signature.js';

const WebhookPayload = z.object({
  userId: z.union([z.number(), z.string()]).nullish(),
  fileUrl: z.string().min(1),
  projectId: z.string().nullish(),
  documentId: z.string().nullish(),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

export interface WebhookReceiverOptions {
  secret: string;
  /** Loopback by default: exposing the receiver is the user's explicit choice. */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Bodies above this answer 413 (default 64 KiB: a delivery is a few hundred bytes). */
  maxBodyBytes?: number;
  onDelivery?: (payload: WebhookPayload) => void;
  /** Called for a replayed delivery (not handed on), with the time the first one arrived. */
  onReplay?: (payload: WebhookPayload, firstReceivedAt: Date) => void;
  /** How long a received body is remembered to recognise replays (default 24 hours). */
  replayWindowMs?: number;
  /** Called for every rejected request (status and reason), for logs and tests. */
  onRejected?: (status: number, reason: string) => void;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  /** Verified deliveries, in arrival order. */
  readonly deliveries: WebhookPayload[];
  /** Resolves with the first verified delivery matching `accept` (already received or future). */
  next(accept?: (payload: WebhookPayload) => boolean, signal?: AbortSignal): Promise<WebhookPayload>;
  close(): Promise<void>;
}

export const DEFAULT_WEBHOOK_BODY_LIMIT = 64 * 1024;
export const DEFAULT_REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Deliveries remembered for replay detection at most (the oldest are forgotten first). */
const REMEMBERED_DELIVERIES = 10_000;

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const deliveries: WebhookPayload[] = [];
  const waiters = new Set<{ accept: (p: WebhookPayload) => boolean; resolve: (p: WebhookPayload) => void }>();
  const limit = options.maxBodyBytes ?? DEFAULT_WEBHOOK_BODY_LIMIT;
  const replayWindow = options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
  /** Signature (lower-case hex, one per body) → when that body first arrived; in arrival order. */
  const received = new Map<string, number>();
  const firstReceipt = (signature: string, now: number): number | undefined => {
    for (const [key, at] of received) {
      if (now - at < replayWindow && received.size <= REMEMBERED_DELIVERIES) break;
      received.delete(key);
    }
    const at = received.get(signature);
    if (at === undefined) received.set(signature, now);
    return at;
  };

  const reject = (res: ServerResponse, status: number, reason: string): void => {
    options.onRejected?.(status, reason);
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ error: reason }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'PUT') {
      res.setHeader('allow', 'PUT');
      return reject(res, 405, 'method not allowed; deliveries use PUT');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(res, 413, `body larger than ${limit} bytes`);
    }
    const body = await readLimited(req, limit);
    if (body === 'too-large') return reject(res, 413, `body larger than ${limit} bytes`);
    const header = req.headers[SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!verifySignature(body, signature, options.secret)) {
      return reject(res, 401, 'missing or bad X-Datasaur-Signature');
    }
    let payload: WebhookPayload;
    try {
      payload = WebhookPayload.parse(JSON.parse(Buffer.from(body).toString('utf8')));
    } catch {
      return reject(res, 400, 'signed body is not a delivery ({"fileUrl": …})');
    }
    const firstAt = firstReceipt(signature!.trim().toLowerCase(), Date.now());
    res.writeHead(200, { 'content-type': 'application/json' });
    if (firstAt !== undefined) {
      res.end('{"replay":true}');
      options.onReplay?.(payload, new Date(firstAt));
      return;
    }
    res.end('{}');
    deliveries.push(payload);
    options.onDelivery?.(payload);
    for (const waiter of waiters) {
      if (waiter.accept(payload)) {
        waiters.delete(waiter);
        waiter.resolve(payload);
      }
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reject(res, 400, 'unreadable request');
    });
  });
  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    deliveries,
    next(accept = () => true, signal) {
      const earlier = deliveries.find(accept);
      if (earlier) return Promise.resolve(earlier);
      return new Promise((resolve, rejectWait) => {
        const waiter = { accept, resolve };
        waiters.add(waiter);
        signal?.addEventListener(
          'abort',
          () => {
            waiters.delete(waiter);
            rejectWait(abortedError(signal));
          },
          { once: true },
        );
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Reads the body up to `limit` bytes; beyond that stops reading and answers 'too-large'. */
function readLimited(req: IncomingMessage, limit: number): Promise<Uint8Array | 'too-large'> {
  return new Promise((resolve, rejectRead) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', rejectRead);
  });
}
