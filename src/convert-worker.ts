import { parentPort, workerData } from 'node:worker_threads';
import { Report, type ConversionMessage } from './report/report.js';
import { isInputError } from './errors.js';
import { resolveFormats } from './convert.js';
import { outputPath, writeFormats, type OutputLayout } from './convert-document.js';
import type { ConvertOptions } from './formats/options.js';
import { StagedWriter, type StagedFiles } from './staged-writer.js';
import { cabinetMatches, openInput, type DocumentRef } from './read/open-input.js';
import { loadOrReport } from './read/index.js';
import type { ArchiveLimits } from './read/zip-entries.js';

/** What the main thread tells each worker once (all of it structured-clonable). */
export interface WorkerSetup {
  input: string;
  to: readonly string[] | 'all';
  explicit: boolean;
  selector: string;
  options: ConvertOptions;
  layout: OutputLayout;
  limits?: Partial<ArchiveLimits>;
}

/** One converted document sent back: its staged (not yet committed) files and its report messages. */
export interface DocumentReply {
  type: 'document';
  index: number;
  converted: boolean;
  staged: StagedFiles;
  messages: ConversionMessage[];
}

export type WorkerReply =
  | { type: 'ready'; count: number }
  | DocumentReply
  | { type: 'batch'; replies: DocumentReply[] }
  | { type: 'failed'; index: number; error: SerializedError }
  | { type: 'stopped' };

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
  const opened = await openInput(setup.input, { limits: setup.limits });
  const refs = opened.documents.filter((d) => cabinetMatches(d.cabinet, setup.selector));
  const port = parentPort!;
  // Checks for existing outputs are the main thread's (adopt): here every file is just staged.
  const staged = new StagedWriter(true);
  port.postMessage({ type: 'ready', count: refs.length } satisfies WorkerReply);
  // Documents come in batches (one message per document cost more than small documents' work)
  // and are converted one at a time (the staged files handed over must be that document's only);
  // -1 asks the worker to remove what it staged and stop, after the batch in hand.
  let queue = Promise.resolve();
  port.on('message', (batch: number[] | -1) => {
    queue = queue.then(async () => {
      if (batch === -1) {
        await staged.discard();
        return port.postMessage({ type: 'stopped' } satisfies WorkerReply);
      }
      const replies: DocumentReply[] = [];
      for (const index of batch) {
        try {
          replies.push(await convertOne(refs[index], index, writers, setup, staged));
        } catch (error) {
          if (replies.length) port.postMessage({ type: 'batch', replies } satisfies WorkerReply);
          return port.postMessage({ type: 'failed', index, error: serializeError(error) } satisfies WorkerReply);
        }
      }
      port.postMessage({ type: 'batch', replies } satisfies WorkerReply);
    });
  });
}

/**
 * Converts one document and stages its files here (temporary names beside their targets); the
 * main thread adopts them, checks names and existing files, and renames them when the run commits.
 */
async function convertOne(ref: DocumentRef, index: number, writers: ReturnType<typeof resolveFormats>, setup: WorkerSetup, staged: StagedWriter): Promise<DocumentReply> {
  const report = new Report();
  const doc = await loadOrReport(ref, report);
  try {
    if (doc) {
      await writeFormats(doc, writers, { options: setup.options, report, explicit: setup.explicit, layout: setup.layout }, async (_writer, folder, outputs) => {
        for (const file of outputs) await staged.stage(outputPath(folder, file), file.content);
      });
    }
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return { type: 'document', index, converted: doc !== null, staged: staged.handOver(), messages: report.messages };
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
