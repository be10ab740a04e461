/**
 * The whole export in one call: request the export, wait for the job (backoff, time limit), then
 * receive the file the way the delivery method dictates (API.md "What the client must do").
 */
import { basename, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { fitOutputName } from '../core/model/naming.js';
import { Deadline } from './backoff.js';
import { downloadToFile, type DownloadProgress } from './download.js';
import type { HttpSettings } from './http.js';
import type { BackoffOptions } from './backoff.js';
import type { CommentType, DeliveryStatus, ExportApi, ExportMethod, ExportRequestResult, Role } from './operations.js';
import { waitForDelivery } from './poll.js';
import type { WebhookPayload, WebhookReceiver } from './webhook.js';

export type ExportTarget = { projectIds: string[] } | { documentId: string };

export interface ExportRequest {
  target: ExportTarget;
  /** Server format name; the CLI always asks for DATASAUR_SCHEMA and converts locally. */
  format?: string;
  /** Name the server gives the export (without extension). */
  fileName?: string;
  method?: ExportMethod;
  role?: Role;
  includedCommentType?: CommentType[];
  /** CUSTOM_WEBHOOK: where the server PUTs, the secret it signs with, and the local receiver to wait on. */
  webhook?: { url: string; secret: string; receiver?: WebhookReceiver };
  externalObjectStorage?: { externalObjectStorageId: string; prefix?: string };
  /** Folder the downloaded file is written to. */
  outDir: string;
  /** Time limit for the whole export, request to last byte (default 10 min). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: ExportEvent) => void;
}

export type ExportEvent =
  | { type: 'requested'; exportId: string; method: ExportMethod }
  | { type: 'status'; status: DeliveryStatus }
  | { type: 'link-not-ready'; httpStatus: number; attempt: number }
  | { type: 'webhook'; payload: WebhookPayload }
  | { type: 'progress'; progress: DownloadProgress }
  | { type: 'downloaded'; file: string; bytes: number };

export interface ExportOutcome {
  exportId: string;
  method: ExportMethod;
  /** The downloaded file (FILE_STORAGE, and CUSTOM_WEBHOOK with a receiver). */
  file?: string;
  bytes?: number;
  fileUrl?: string | null;
  /** EXTERNAL_OBJECT_STORAGE: the object key the server wrote. */
  key?: string | null;
}

export const ALL_COMMENT_TYPES: CommentType[] = ['COMMENT', 'SPAN_LABEL', 'ARROW_LABEL', 'SPAN_TEXT'];
export const DEFAULT_EXPORT_TIMEOUT_MS = 10 * 60_000;

export interface ExportDeps {
  api: ExportApi;
  http: HttpSettings;
  pollBackoff: BackoffOptions;
  notReadyBackoff: BackoffOptions;
}

export async function runExport(deps: ExportDeps, request: ExportRequest): Promise<ExportOutcome> {
  const method = request.method ?? 'FILE_STORAGE';
  checkMethodInputs(method, request);
  const state: { exportId?: string; stage: string; status?: DeliveryStatus } = { stage: 'requesting the export' };
  const timeoutMs = request.timeoutMs ?? DEFAULT_EXPORT_TIMEOUT_MS;
  const deadline = new Deadline(timeoutMs, () => describeState(state), request.signal);
  const signal = deadline.signal;
  const emit = request.onEvent ?? (() => undefined);
  try {
    const result = await requestExport(deps.api, request, method, signal);
    state.exportId = result.exportId;
    emit({ type: 'requested', exportId: result.exportId, method });

    state.stage = 'waiting for the job';
    await waitForDelivery(deps.api, result.exportId, {
      backoff: deps.pollBackoff,
      signal,
      random: deps.http.random,
      onStatus: (status) => {
        if (status !== state.status) emit({ type: 'status', status });
        state.status = status;
      },
    });

    const outcome: ExportOutcome = { exportId: result.exportId, method, fileUrl: result.fileUrl ?? null, key: result.key ?? null };
    let url: string | null | undefined;
    if (method === 'FILE_STORAGE') {
      url = result.fileUrl;
      if (!url) throw new InputError('API_ERROR', `export ${result.exportId}: the server returned no fileUrl for FILE_STORAGE`);
    } else if (method === 'CUSTOM_WEBHOOK' && request.webhook?.receiver) {
      state.stage = 'waiting for the webhook delivery';
      const payload = await request.webhook.receiver.next((p) => matchesTarget(p, request.target), signal);
      emit({ type: 'webhook', payload });
      url = payload.fileUrl;
      outcome.fileUrl = url;
    }
    if (url) {
      state.stage = 'downloading';
      const destination = join(request.outDir, downloadName(url, request));
      const downloaded = await downloadToFile(url, destination, {
        http: deps.http,
        notReadyBackoff: deps.notReadyBackoff,
        signal,
        onNotReady: (httpStatus, attempt) => emit({ type: 'link-not-ready', httpStatus, attempt }),
        onProgress: (progress) => emit({ type: 'progress', progress }),
      });
      emit({ type: 'downloaded', file: downloaded.path, bytes: downloaded.bytes });
      outcome.file = downloaded.path;
      outcome.bytes = downloaded.bytes;
    }
    return outcome;
  } finally {
    deadline.dispose();
  }
}

async function requestExport(api: ExportApi, request: ExportRequest, method: ExportMethod, signal: AbortSignal): Promise<ExportRequestResult> {
  const common = {
    fileName: request.fileName ?? defaultFileName(),
    format: request.format ?? 'DATASAUR_SCHEMA',
    method,
    includedCommentType: request.includedCommentType ?? ALL_COMMENT_TYPES,
    url: request.webhook?.url,
    secret: request.webhook?.secret,
    externalObjectStorageParameter: request.externalObjectStorage,
  };
  if ('documentId' in request.target) return api.exportTextProjectDocument({ ...common, documentId: request.target.documentId }, signal);
  return api.exportTextProject({ ...common, projectIds: request.target.projectIds, role: request.role ?? 'REVIEWER' }, signal);
}

/** `export ExportQueue:… (downloading, last status DELIVERED)`: what a time-out message names. */
function describeState(state: { exportId?: string; stage: string; status?: DeliveryStatus }): string {
  const id = state.exportId ? ` ${state.exportId}` : '';
  return `export${id} (${state.stage}${state.status ? `, last status ${state.status}` : ''})`;
}

function checkMethodInputs(method: ExportMethod, request: ExportRequest): void {
  if (method === 'CUSTOM_WEBHOOK' && !(request.webhook?.url && request.webhook.secret)) {
    throw new InputError('BAD_OPTION', 'CUSTOM_WEBHOOK needs a webhook url and secret', { hint: 'Pass --webhook-url and --webhook-secret.' });
  }
  if (method === 'EXTERNAL_OBJECT_STORAGE' && !request.externalObjectStorage?.externalObjectStorageId) {
    throw new InputError('BAD_OPTION', 'EXTERNAL_OBJECT_STORAGE needs an external object storage id', { hint: 'Pass --storage-id (and optionally --storage-prefix).' });
  }
  if ('projectIds' in request.target && request.target.projectIds.length === 0) {
    throw new InputError('BAD_OPTION', 'no project to export', { hint: 'Pass --project <id> or --tag/--status filters that match a project.' });
  }
}

function matchesTarget(payload: WebhookPayload, target: ExportTarget): boolean {
  if ('documentId' in target) return payload.documentId === target.documentId;
  return payload.projectId == null || target.projectIds.includes(payload.projectId);
}

/** The link's last path segment, made safe as a file name; the requested name otherwise. */
export function downloadName(url: string, request: Pick<ExportRequest, 'fileName' | 'target'>): string {
  let name = '';
  try {
    name = decodeURIComponent(basename(new URL(url).pathname));
  } catch {
    name = '';
  }
  name = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '');
  // A link's last part may be longer than a file name can be (with the `.part-` suffix).
  if (name) return fitOutputName(name).name;
  return `${request.fileName ?? 'export'}${'documentId' in request.target ? '.json' : '.zip'}`;
}

function defaultFileName(): string {
  return `datasaur-export-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}
