/**
 * Export jobs and the files they produce. A job goes QUEUED → IN_PROGRESS → DELIVERED or FAILED on
 * timers (delays configurable); on delivery it stores the file behind its link, sends the signed
 * webhook PUT, or writes into the external-storage folder, as the method says.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { signBody, SIGNATURE_HEADER } from '../client/signature.js';
import type { JobContent, JobErrorOut } from './job-content.js';
import { renderExport } from './render.js';
import { copyFileName } from './zip.js';

export type { JobContent, JobErrorOut };

export type JobStatus = 'QUEUED' | 'IN_PROGRESS' | 'DELIVERED' | 'FAILED';
export type Method = 'FILE_STORAGE' | 'EMAIL' | 'CUSTOM_WEBHOOK' | 'EXTERNAL_OBJECT_STORAGE';

export interface JobSettings {
  queuedMs: number;
  processingMs: number;
  linkTtlMs: number;
  /** 404 answers a link still gives after its file is ready (storage that is slow to show it). */
  linkNotFoundAfterDelivery: number;
  storageDir: string;
  userId: number;
  /** The next this-many jobs fail, with these errors. */
  failNextJobs: number;
  failErrors: JobErrorOut[];
}

export interface JobRequest {
  method: Method;
  format: string;
  fileName: string;
  content: JobContent;
  webhook?: { url: string; secret: string };
  storage?: { id: string; prefix: string };
}

export interface StoredFile {
  id: string;
  name: string;
  /** Query-string signature the link must carry. */
  signature: string;
  expiresAt: number;
  /** Undefined until the job delivers: the link answers 404 meanwhile. */
  bytes?: Uint8Array;
  notFoundLeft: number;
}

export interface ExportJob {
  id: string;
  status: JobStatus;
  errors: JobErrorOut[];
  createdAt: number;
  updatedAt: number;
  request: JobRequest;
  file: StoredFile;
  key?: string;
}

export interface Delivery {
  jobId: string;
  method: Method;
  /** CUSTOM_WEBHOOK: the status the receiver answered (undefined on a network error). */
  webhookStatus?: number;
  /** EMAIL: the link that would have been mailed. */
  mailedUrl?: string;
  storedPath?: string;
}

export class JobRunner {
  readonly jobs = new Map<string, ExportJob>();
  readonly files = new Map<string, StoredFile>();
  /** Side effects of deliveries, in order (tests assert on these). */
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    readonly settings: JobSettings,
    private readonly linkFor: (file: StoredFile) => string,
  ) {}

  start(request: JobRequest): ExportJob {
    const now = Date.now();
    const file: StoredFile = {
      id: randomUUID(),
      name: request.content.kind === 'document' ? copyFileName(request.content.copy) : `${request.fileName}.zip`,
      signature: randomBytes(16).toString('hex'),
      expiresAt: now + this.settings.linkTtlMs,
      notFoundLeft: this.settings.linkNotFoundAfterDelivery,
    };
    this.files.set(file.id, file);
    const job: ExportJob = { id: `ExportQueue:${randomUUID()}`, status: 'QUEUED', errors: [], createdAt: now, updatedAt: now, request, file };
    if (request.method === 'EXTERNAL_OBJECT_STORAGE') job.key = `${request.storage?.prefix ?? ''}${file.name}`;
    this.jobs.set(job.id, job);
    this.later(this.settings.queuedMs, () => {
      this.setStatus(job, 'IN_PROGRESS');
      this.later(this.settings.processingMs, () => this.track(job, this.deliver(job)));
    });
    return job;
  }

  link(job: ExportJob): string {
    return this.linkFor(job.file);
  }

  /** Stops timers and waits for deliveries in flight. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private async deliver(job: ExportJob): Promise<void> {
    const { request } = job;
    if (this.settings.failNextJobs > 0) {
      this.settings.failNextJobs--;
      return this.fail(job, this.settings.failErrors);
    }
    const rendered = await renderExport(request.content, request.format);
    if ('errors' in rendered) return this.fail(job, rendered.errors);
    const bytes = rendered.bytes;
    job.file.bytes = bytes;
    const delivery: Delivery = { jobId: job.id, method: request.method };
    if (request.method === 'EMAIL') delivery.mailedUrl = this.link(job);
    if (request.method === 'EXTERNAL_OBJECT_STORAGE') {
      const path = this.storagePath(request.storage!.id, job.key!);
      if (!path) return this.fail(job, [{ id: 'InvalidStorageKey', stack: `object key ${job.key} escapes the storage folder`, args: null }]);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      delivery.storedPath = path;
    }
    if (request.method === 'CUSTOM_WEBHOOK') {
      const status = await this.putWebhook(job);
      delivery.webhookStatus = status;
      if (status === undefined || status < 200 || status >= 300) {
        this.deliveries.push(delivery);
        return this.fail(job, [{ id: 'WebhookDeliveryError', stack: `PUT ${request.webhook!.url} answered ${status ?? 'no response'}`, args: { status: status ?? null } }]);
      }
    }
    this.deliveries.push(delivery);
    this.setStatus(job, 'DELIVERED');
  }

  /** PUT {userId, fileUrl, projectId, documentId?} signed with the request's secret. */
  private async putWebhook(job: ExportJob): Promise<number | undefined> {
    const { webhook, content } = job.request;
    const payload: Record<string, unknown> = {
      userId: this.settings.userId,
      fileUrl: this.link(job),
      projectId: content.kind === 'document' ? content.project.id : content.projects[0]?.project.id,
    };
    if (content.kind === 'document') payload.documentId = content.copy.documentId;
    const body = JSON.stringify(payload);
    try {
      const response = await fetch(webhook!.url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, webhook!.secret) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel().catch(() => undefined);
      return response.status;
    } catch {
      return undefined;
    }
  }

  private storagePath(storageId: string, key: string): string | undefined {
    const root = resolve(this.settings.storageDir, storageId.replace(/[/\\]/g, '_'));
    const path = resolve(join(root, key));
    return path.startsWith(root + sep) ? path : undefined;
  }

  private fail(job: ExportJob, errors: JobErrorOut[]): void {
    job.errors = errors;
    this.setStatus(job, 'FAILED');
  }

  private setStatus(job: ExportJob, status: JobStatus): void {
    job.status = status;
    job.updatedAt = Date.now();
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  /** A delivery that throws is a FAILED job carrying the error, never an unhandled rejection. */
  private track(job: ExportJob, work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => this.fail(job, [{ id: 'InternalError', stack: error instanceof Error ? error.message : String(error), args: null }]))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}
