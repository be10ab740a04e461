/**
 * fetch with the retry rules of the export API: 429, 5xx and network errors are retried with
 * backoff (honouring `Retry-After`), everything else is returned to the caller. Errors name the
 * operation and the last status, with secrets redacted.
 */
import { InputError } from '../core/errors.js';
import { abortedError, backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, sleep, type BackoffOptions } from './backoff.js';
import { Redactor } from './redact.js';

export interface RetryPolicy {
  /** Attempts in total (first try included). */
  maxAttempts: number;
  backoff: BackoffOptions;
  /** A server asking for a longer pause than this is not waited for: the call fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoff: DEFAULT_BACKOFF, maxRetryAfterMs: 60_000 };

export interface RetryEvent {
  operation: string;
  attempt: number;
  /** HTTP status, or undefined for a network error. */
  status?: number;
  delayMs: number;
}

export interface HttpSettings {
  retry: RetryPolicy;
  redactor: Redactor;
  fetch: typeof fetch;
  onRetry?: (event: RetryEvent) => void;
  random?: () => number;
}

export function defaultHttpSettings(redactor = new Redactor()): HttpSettings {
  return { retry: DEFAULT_RETRY, redactor, fetch: globalThis.fetch.bind(globalThis) };
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  operation: string,
  http: HttpSettings,
  signal?: AbortSignal,
): Promise<Response> {
  const { retry, redactor } = http;
  refuseUnfetchable(url, operation, redactor);
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await http.fetch(url, { ...init, signal });
    } catch (error) {
      if (signal?.aborted) throw abortedError(signal);
      const reason = describeNetworkError(error);
      if (attempt + 1 >= retry.maxAttempts) {
        throw new InputError('API_ERROR', redactor.redact(`${operation} failed after ${attempt + 1} attempts: ${reason}`), {
          hint: 'Check DATASAUR_BASE_URL and the network connection.',
        });
      }
      const delayMs = backoffDelay(attempt, retry.backoff, http.random);
      http.onRetry?.({ operation, attempt, delayMs });
      await sleep(delayMs, signal);
      continue;
    }
    if (!isRetryableStatus(response.status)) return response;

    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    await response.body?.cancel().catch(() => undefined);
    const last = attempt + 1 >= retry.maxAttempts;
    if (last || (retryAfter !== undefined && retryAfter > retry.maxRetryAfterMs)) {
      const why = last ? `after ${attempt + 1} attempts` : `(the server asked to wait ${Math.round((retryAfter ?? 0) / 1000)} s)`;
      throw new InputError('API_ERROR', redactor.redact(`${operation} failed ${why}: last status HTTP ${response.status}`), {
        hint: response.status === 429 ? 'The server is rate limiting; try again later.' : 'The server had an error; try again later.',
      });
    }
    const delayMs = retryAfter ?? backoffDelay(attempt, retry.backoff, http.random);
    http.onRetry?.({ operation, attempt, status: response.status, delayMs });
    await sleep(delayMs, signal);
  }
}

/**
 * Only http and https links are fetched. Anything else (`file://`, `ftp:`, a bare path, a broken
 * URL) is refused at once: asking again cannot make it work, and a `file://` link in a delivery
 * must never read local files.
 */
function refuseUnfetchable(url: string, operation: string, redactor: Redactor): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new InputError('API_ERROR', redactor.redact(`${operation} refused: "${url}" is not a URL`), { expected: 'an http or https link' });
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new InputError('API_ERROR', redactor.redact(`${operation} refused: only http and https links are fetched, not ${protocol}`), { expected: 'an http or https link' });
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
