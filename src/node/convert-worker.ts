import { parentPort, threadId, workerData } from 'node:worker_threads';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Report, type ConversionMessage, type ReportScope } from '../core/report/report.js';
import { isInputError } from '../core/errors.js';
import { resolveFormats, type FormatSelection } from '../core/formats/resolve-formats.js';
import { writeFormats, type OutputLayout } from '../core/convert-document.js';
import type { ConvertOptions } from '../core/formats/options.js';
import { contentBytes } from '../core/formats/content.js';
import { cabinetMatches, openInput, type DocumentRef } from './open-input.js';
import { loadOrReport } from '../core/read/index.js';
import type { ArchiveLimits } from '../core/read/zip-entries.js';
import { ASIDE } from './staged-writer.js';

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

/**
 * What the main thread sends: first the run's staging folder (workers write the outputs there
 * themselves, see StagedWriter.adopt; the folder is made after the input is opened, while the
 * workers are already starting), then batches of document indexes.
 */
export type MainMessage = { type: 'start'; stagingDir: string } | { type: 'batch'; indexes: number[] };

/** One output file a worker wrote into the staging folder. */
export interface WrittenFile {
  /** The path the writer asked for, relative to the output root (`/`-separated). */
  path: string;
  /** Where it is, relative to the staging folder, when not at `path` (that path was taken). */
  aside?: string;
  scope: ReportScope;
}

/** One converted document sent back: what it wrote and its report messages (no file content). */
export interface DocumentReply {
  type: 'document';
  index: number;
  converted: boolean;
  files: WrittenFile[];
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
 * as in the main thread), then converts the documents it is sent, one at a time, writing their
 * outputs into the staging folder; the main thread gets their paths and messages back and keeps
 * names and the report in document order.
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
  let stagingDir = '';
  port.on('message', (message: MainMessage) => {
    if (message.type === 'start') {
      stagingDir = message.stagingDir;
      return;
    }
    const batch = message.indexes;
    queue = queue.then(async () => {
      const replies: DocumentReply[] = [];
      for (const index of batch) {
        try {
          replies.push(await convertOne(refs[index], index, writers, setup, stagingDir));
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
 * Converts one document and writes its files into the staging folder; only their paths and the
 * messages go back. The main thread checks the names in document order (two outputs with one
 * path, existing outputs) and commits them with the run.
 */
async function convertOne(ref: DocumentRef, index: number, writers: ReturnType<typeof resolveFormats>, setup: WorkerSetup, stagingDir: string): Promise<DocumentReply> {
  const report = new Report();
  const doc = await loadOrReport(ref, report);
  const files: DocumentReply['files'] = [];
  if (doc) {
    for await (const file of writeFormats(doc, writers, { options: setup.options, report, explicit: setup.explicit, layout: setup.layout })) {
      const content = typeof file.content === 'string' || file.content instanceof Uint8Array ? file.content : await contentBytes(file.content);
      const aside = writeStaged(stagingDir, file.path, content);
      files.push({ path: file.path, ...(aside ? { aside } : {}), scope: { format: file.format, project: file.project, cabinet: file.cabinet, document: file.document } });
    }
  }
  return { type: 'document', index, converted: doc !== null, files, messages: report.messages };
}

/** Staging folders this worker made (one mkdir per folder, not per file). */
const madeFolders = new Set<string>();
let asideCount = 0;

/**
 * Writes a file at its path in the staging folder, never over another (`wx`): when the path is
 * taken (another document's output, or a file where a folder goes), the file goes to
 * `.aside/<thread>-<n>` and that name is returned; the main thread then moves it where its name
 * check puts it.
 */
function writeStaged(stagingDir: string, relative: string, bytes: string | Uint8Array): string | undefined {
  const target = path.join(stagingDir, ...relative.split('/'));
  try {
    const folder = path.dirname(target);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    writeFileSync(target, bytes, { flag: 'wx' });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
  }
  const aside = `${ASIDE}/${threadId}-${++asideCount}`;
  mkdirSync(path.join(stagingDir, ASIDE), { recursive: true });
  writeFileSync(path.join(stagingDir, aside), bytes, { flag: 'wx' });
  return aside;
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
