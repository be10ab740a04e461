/**
 * Downloading a delivered export. A pre-signed link may answer 404 (upload not finished) or 403
 * (not yet visible) for a while: keep asking with backoff until the caller's deadline. The body is
 * streamed to a temporary file next to the destination and put in place only when complete, so an
 * interrupted download never leaves a partial file under the real name. A download never replaces
 * an existing file (decided): when the name is taken — an earlier export, or another delivery of a
 * file with the same name — it gets ` (2)`, ` (3)` … before its extension, and the caller is told
 * the path it got.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream, ReadableStreamReadResult } from 'node:stream/web';
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

/**
 * The connection broke (or the body ended short) after the response started: the part file is
 * gone and the download may start again from the beginning.
 */
class DownloadCut extends Error {
  constructor(readonly received: number, readonly reason: string) {
    super(reason);
  }
}

/**
 * Downloads `url` to `destination`. A download cut mid-way is asked again from the start, as many
 * times as the retry policy allows (`http.retry.maxAttempts`, with its backoff); then it fails with
 * an API_ERROR naming the link without its signature. The part file never outlives a call: it is
 * removed after each cut, on an error and on abort.
 */
export async function downloadToFile(url: string, destination: string, options: DownloadOptions): Promise<{ path: string; bytes: number }> {
  const { http, signal } = options;
  const shownUrl = redactUrl(http.redactor.redact(url));
  for (let attempt = 0, cuts = 0; ; attempt++) {
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
    try {
      return await streamToFile(response.body as WebReadableStream<Uint8Array>, destination, total, options);
    } catch (error) {
      if (!(error instanceof DownloadCut)) throw error;
      cuts++;
      const of = total === undefined ? '' : ` of ${total}`;
      if (cuts >= http.retry.maxAttempts) {
        throw new InputError('API_ERROR', http.redactor.redact(`download ${shownUrl} was cut ${cuts} time(s); the last time after ${error.received}${of} bytes (${error.reason})`), {
          hint: 'The connection keeps breaking; check the network and export again. Nothing was kept of the partial download.',
        });
      }
      const delayMs = backoffDelay(cuts - 1, http.retry.backoff, http.random);
      http.onRetry?.({ operation: `download ${shownUrl} (cut after ${error.received}${of} bytes)`, attempt: cuts - 1, delayMs });
      await sleep(delayMs, signal);
    }
  }
}

/**
 * The body's chunks, counted as they arrive; a failed read (connection reset, "terminated")
 * becomes a DownloadCut that says how far it got.
 */
async function* bodyChunks(body: WebReadableStream<Uint8Array>, onChunk: (size: number) => number): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw new DownloadCut(received, describeCut(error));
      }
      if (next.done) return;
      received = onChunk(next.value.length);
      yield next.value;
    }
  } finally {
    // Stopped early (an abort, a write error): let go of the connection.
    await reader.cancel().catch(() => undefined);
  }
}

function describeCut(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.message ? `${error.message}: ${cause.message}${cause.code ? ` (${cause.code})` : ''}` : error.message;
}

async function streamToFile(body: WebReadableStream<Uint8Array>, destination: string, total: number | undefined, options: DownloadOptions): Promise<{ bytes: number; path: string }> {
  await mkdir(dirname(destination), { recursive: true });
  const temporary = `${destination}.part-${randomBytes(4).toString('hex')}`;
  let received = 0;
  const count = (size: number): number => {
    received += size;
    options.onProgress?.({ received, total });
    return received;
  };
  try {
    await pipeline(Readable.from(bodyChunks(body, count), { objectMode: false }), createWriteStream(temporary, { flags: 'wx' }), { signal: options.signal });
    if (total !== undefined && received !== total) throw new DownloadCut(received, 'the body ended early');
    return { bytes: received, path: await placeWithoutOverwrite(temporary, destination) };
  } catch (error) {
    await rm(temporary, { force: true });
    if (options.signal?.aborted) throw abortedError(options.signal);
    throw error;
  }
}

/**
 * Gives the finished temporary file the first free name of `destination`, `name (2).ext`, … A hard
 * link fails when the name exists, so two downloads finishing at once cannot take the same name
 * (a rename would silently replace it); where links are not supported, an exclusive copy does the
 * same.
 */
async function placeWithoutOverwrite(temporary: string, destination: string): Promise<string> {
  const extension = extname(destination);
  const stem = destination.slice(0, destination.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? destination : `${stem} (${n})${extension}`;
    try {
      await link(temporary, candidate).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw error;
        await copyFile(temporary, candidate, fsConstants.COPYFILE_EXCL);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await rm(temporary, { force: true });
    return candidate;
  }
}
