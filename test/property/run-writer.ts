import { resolveOptions, type ConvertOptions } from '../../src/core/formats/options.js';
import { writersForKinds } from '../../src/core/formats/registry.js';
import type { FormatWriter, OutputContent } from '../../src/core/formats/types.js';
import type { Document } from '../../src/core/model/types.js';
import type { ConversionMessage } from '../../src/core/report/report.js';
import { Report } from '../../src/core/report/report.js';
import { isInputError } from '../../src/core/errors.js';

export interface WrittenFile {
  name: string;
  bytes: Buffer;
  text: string;
}

export interface WriterRun {
  /** Null when the writer refused the options or input with an InputError (e.g. `--overlap error` is not a throw, a bad option is). */
  files: WrittenFile[] | null;
  error?: string;
  messages: ConversionMessage[];
}

/** Options every run needs: Vertex requires its Cloud Storage prefix. */
export const BASE_OPTIONS: Partial<ConvertOptions> = { gcsPrefix: 'gs://property-bucket/exports' };

/** Every registered writer that takes token documents: the registry decides, not this file. */
export function tokenWriters(): FormatWriter[] {
  return writersForKinds(['TOKEN_BASED']);
}

export function rowWriters(): FormatWriter[] {
  return writersForKinds(['ROW_BASED']);
}

/** The registered writers for a document's kinds (what `convert --to all` runs on it). */
export function writersFor(doc: Document): FormatWriter[] {
  return writersForKinds(doc.kinds);
}

async function bytesOf(content: OutputContent): Promise<Buffer> {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return Buffer.from(content);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  // A streamed writer (pdfkit) finishes its stream on process.nextTick; in a loop of pure awaits
  // (hundreds of property runs, no I/O) those ticks never get a turn and every finished PDF stays
  // in memory (~2 MB each, out of memory at PROPERTY_RUNS=1000). One macrotask turn lets them end.
  await new Promise((resolve) => setImmediate(resolve));
  return Buffer.concat(chunks);
}

/** Runs one writer on one document the way `convert` does (scoped report), collecting bytes and messages. */
export async function runWriter(writer: FormatWriter, doc: Document, options: Partial<ConvertOptions> = {}): Promise<WriterRun> {
  const report = new Report();
  const scoped = report.scope({ format: writer.name, project: doc.project.folder, document: doc.name, cabinet: doc.cabinet.folder });
  try {
    const out = await writer.writeDocument(doc, { options: resolveOptions({ ...BASE_OPTIONS, ...options }), report: scoped });
    const files: WrittenFile[] = [];
    for (const file of out) {
      const bytes = await bytesOf(file.content);
      files.push({ name: file.name, bytes, text: bytes.toString('utf8') });
    }
    return { files, messages: report.all() };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { files: null, error: `${error.code}: ${error.message}`, messages: report.all() };
  }
}

/** A message without the fields that legitimately name the source file (path, JSON path inside it). */
export function withoutSource(message: ConversionMessage): ConversionMessage {
  if (!message.place) return message;
  const { file: _file, jsonPath: _jsonPath, ...place } = message.place;
  return { ...message, place };
}
