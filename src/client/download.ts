/**
 * Downloading a delivered export. A pre-signed link may answer 404 (upload not finished) or 403
 * (not yet visible) for a while: keep asking with backoff until the caller's deadline. The body is
 * streamed to a temporary file next to the destination and renamed only when complete, so an
 * interrupted download never leaves a partial file under the real name.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { InputError } from '../core/errors.js';
import { abortedError, backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import { fetchWithRetry, type HttpSettings } from './http.js';
import { redactUrl } from './redact.js';

export interface DownloadProgress {
  received: number;
  /** From Content-Length; undefined when the server does not say. */
  total?: number;
}

export interface DownloadOptions {
  http: HttpSettings;
  /** Delays between asks while the link answers 404/403. */
  notReadyBackoff: BackoffOptions;
  signal?: AbortSignal;
  onNotReady?: (status: number, attempt: number) => void;
  onProgress?: (progress: DownloadProgress) => void;
}

export const DEFAULT_NOT_READY_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 4000, factor: 2, jitter: 0.3 };

export async function downloadToFile(url: string, destination: string, options: DownloadOptions): Promise<{ path: string; bytes: number }> {
  const { http, signal } = options;
  const shownUrl = redactUrl(http.redactor.redact(url));
  for (let attempt = 0; ; attempt++) {
    const response = await fetchWithRetry(url, { method: 'GET' }, `download ${shownUrl}`, http, signal);
    if (response.status === 404 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      options.onNotReady?.(response.status, attempt);
      await sleep(backoffDelay(attempt, options.notReadyBackoff, http.random), signal);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new InputError('API_ERROR', `download ${shownUrl} failed: HTTP ${response.status}`);
    }
    const lengthHeader = response.headers.get('content-length');
    const total = lengthHeader === null ? undefined : Number(lengthHeader);
    const bytes = await streamToFile(response.body as WebReadableStream<Uint8Array>, destination, total, options);
    return { path: destination, bytes };
  }
}

async function streamToFile(body: WebReadableStream<Uint8Array>, destination: string, total: number | undefined, options: DownloadOptions): Promise<number> {
  await mkdir(dirname(destination), { recursive: true });
  const temporary = `${destination}.part-${randomBytes(4).toString('hex')}`;
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      options.onProgress?.({ received, total });
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body, { signal: options.signal }), counter, createWriteStream(temporary, { flags: 'wx' }), { signal: options.signal });
    if (total !== undefined && received !== total) {
      throw new InputError('API_ERROR', `download ended after ${received} of ${total} bytes`, { hint: 'The connection was cut; export again.' });
    }
    await rename(temporary, destination);
    return received;
  } catch (error) {
    await rm(temporary, { force: true });
    if (options.signal?.aborted) throw abortedError(options.signal);
    throw error;
  }
}
