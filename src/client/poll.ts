/**
 * Waiting for an export job: poll `getExportDeliveryStatus` with exponential backoff and jitter
 * until DELIVERED (done) or FAILED (an error carrying the job's errors). The time limit comes from
 * the caller's signal (a Deadline), so polling never runs unbounded as the official tools do.
 */
import { InputError } from '../core/errors.js';
import { backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import type { DeliveryStatus, ExportApi, JobError } from './operations.js';

export interface PollOptions {
  backoff: BackoffOptions;
  signal?: AbortSignal;
  onStatus?: (status: DeliveryStatus) => void;
  random?: () => number;
}

export const DEFAULT_POLL_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 5000, factor: 1.6, jitter: 0.3 };

export async function waitForDelivery(api: ExportApi, exportId: string, options: PollOptions): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const answer = await api.getExportDeliveryStatus(exportId, options.signal);
    options.onStatus?.(answer.deliveryStatus);
    if (answer.deliveryStatus === 'DELIVERED') return;
    if (answer.deliveryStatus === 'FAILED') throw jobFailedError(exportId, answer.errors ?? []);
    await sleep(backoffDelay(attempt, options.backoff, options.random), options.signal);
  }
}

export function jobFailedError(exportId: string, errors: readonly JobError[]): InputError {
  const details = errors.length
    ? errors.map((e) => [e.id, firstLine(e.stack), e.args == null ? '' : JSON.stringify(e.args)].filter(Boolean).join(': ')).join('; ')
    : 'the server gave no error details';
  return new InputError('API_ERROR', `export ${exportId} FAILED on the server: ${details}`, {
    hint: 'Nothing was downloaded. Fix the cause shown above (or ask the project owner) and export again.',
  });
}

function firstLine(text: string | null | undefined): string {
  return (text ?? '').split('\n')[0]!.trim();
}
