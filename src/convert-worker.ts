import { parentPort, workerData } from 'node:worker_threads';
import { Report, type ConversionMessage } from './report/report.js';
import { isInputError } from './errors.js';
import { resolveFormats } from './convert.js';
import { outputPath, writeFormats, type OutputLayout } from './convert-document.js';
import type { ConvertOptions } from './formats/options.js';
import type { OutputContent } from './formats/types.js';
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

/** One converted document sent back: its files as bytes and its report messages. */
export type WorkerReply =
  | { type: 'ready'; count: number }
  | { type: 'document'; index: number; converted: boolean; files: { path: string; bytes: Uint8Array }[]; messages: ConversionMessage[] }
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
  const opened = await openInput(setup.input, { limits: setup.limits });
  const refs = opened.documents.filter((d) => cabinetMatches(d.cabinet, setup.selector));
  const port = parentPort!;
  port.postMessage({ type: 'ready', count: refs.length } satisfies WorkerReply);
  port.on('message', (index: number) => {
    convertOne(refs[index], index, writers, setup).then(
      (reply) => port.postMessage(reply),
      (error: unknown) => port.postMessage({ type: 'failed', index, error: serializeError(error) } satisfies WorkerReply),
    );
  });
}

async function convertOne(ref: DocumentRef, index: number, writers: ReturnType<typeof resolveFormats>, setup: WorkerSetup): Promise<WorkerReply> {
  const report = new Report();
  const doc = await loadOrReport(ref, report);
  const files: { path: string; bytes: Uint8Array }[] = [];
  if (doc) {
    await writeFormats(doc, writers, { options: setup.options, report, explicit: setup.explicit, layout: setup.layout }, async (_writer, folder, outputs) => {
      for (const file of outputs) files.push({ path: outputPath(folder, file), bytes: await toBytes(file.content) });
    });
  }
  return { type: 'document', index, converted: doc !== null, files, messages: report.messages };
}

/** Output content as one byte array (a worker's document is small; streams are collected). */
async function toBytes(content: OutputContent): Promise<Uint8Array> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return Buffer.from(content);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
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
