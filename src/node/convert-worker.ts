import { parentPort, workerData } from 'node:worker_threads';
import { Report, type ConversionMessage, type ReportScope } from '../core/report/report.js';
import { isInputError } from '../core/errors.js';
import { resolveFormats, type FormatSelection } from '../core/formats/resolve-formats.js';
import { writeFormats, type OutputLayout } from '../core/convert-document.js';
import type { ConvertOptions } from '../core/formats/options.js';
import { contentBytes } from '../core/formats/content.js';
import { cabinetMatches, openInput, type DocumentRef } from './open-input.js';
import { loadOrReport } from '../core/read/index.js';
import type { ArchiveLimits } from '../core/read/zip-entries.js';

/** What the main thread tells each worker once (all of it structured-clonable). */
export interface WorkerSetup {
  input: string;
  to: FormatSelection;
  explicit: boolean;
  selector: string;
  options: ConvertOptions;
  layout: OutputLayout;
  limits?: Partial<ArchiveLimits>;
  inputFormat?: string;
}

/** One converted document sent back: its output files and its report messages. */
export interface DocumentReply {
  type: 'document';
  index: number;
  converted: boolean;
  /** The document's output files: paths relative to the output root and bytes (the main thread stages them). */
  files: { path: string; scope: ReportScope; bytes: Uint8Array }[];
  messages: ConversionMessage[];
}

export type WorkerReply =
  | { type: 'ready'; count: number }
  | DocumentReply
  | { type: 'batch'; replies: DocumentReply[] }
  | { type: 'failed'; index: number; error: SerializedError };

export interface SerializedError {
  message: string;
  stack?: string;
  input?: { code: string; file?: string; where?: string; expected?: string; hint?: string };
}

/**
 * A worker of `convert --workers N`: opens the same input (documents are listed in the same order
 * as in the main thread), then converts the documents it is sent, one at a time, returning the
 * output bytes to the main thread, which stages them and keeps the report in document order.
 */
async function main(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const writers = resolveFormats(setup.to);
  const opened = await openInput(setup.input, { limits: setup.limits, inputFormat: setup.inputFormat });
  const refs = opened.documents.filter((d) => cabinetMatches(d.cabinet, setup.selector));
  const port = parentPort!;
  port.postMessage({ type: 'ready', count: refs.length } satisfies WorkerReply);
  // Documents come in batches (one message per document cost more than small documents' work)
  // and are converted one at a time.
  let queue = Promise.resolve();
  port.on('message', (batch: number[]) => {
    queue = queue.then(async () => {
      const replies: DocumentReply[] = [];
      for (const index of batch) {
        try {
          replies.push(await convertOne(refs[index], index, writers, setup));
        } catch (error) {
          if (replies.length) port.postMessage({ type: 'batch', replies } satisfies WorkerReply);
          return port.postMessage({ type: 'failed', index, error: serializeError(error) } satisfies WorkerReply);
        }
      }
      // Each file's bytes have a buffer of their own (contentBytes): moved, not copied.
      port.postMessage({ type: 'batch', replies } satisfies WorkerReply, replies.flatMap((r) => r.files.map((f) => f.bytes.buffer as ArrayBuffer)));
    });
  });
}

/**
 * Converts one document and returns its files as bytes with their relative paths; the
 * main thread stages them (checking names and existing files) and commits them with the run.
 */
async function convertOne(ref: DocumentRef, index: number, writers: ReturnType<typeof resolveFormats>, setup: WorkerSetup): Promise<DocumentReply> {
  const report = new Report();
  const doc = await loadOrReport(ref, report);
  const files: DocumentReply['files'] = [];
  if (doc) {
    for await (const file of writeFormats(doc, writers, { options: setup.options, report, explicit: setup.explicit, layout: setup.layout })) {
      files.push({ path: file.path, scope: { format: file.format, project: file.project, cabinet: file.cabinet, document: file.document }, bytes: await contentBytes(file.content) });
    }
  }
  return { type: 'document', index, converted: doc !== null, files, messages: report.messages };
}

function serializeError(error: unknown): SerializedError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    message: e.message,
    stack: e.stack,
    input: isInputError(e) ? { code: e.code, file: e.file, where: e.where, expected: e.expected, hint: e.hint } : undefined,
  };
}

if (parentPort) {
  main().catch((error: unknown) => parentPort!.postMessage({ type: 'failed', index: -1, error: serializeError(error) } satisfies WorkerReply));
}
