import { InputError } from './errors.js';
import type { OpenedInput, OpenOptions } from './read/input.js';
import { assembleEntries, baseName, BINARY_DOCUMENT, openDocumentFile, openDocumentValue, openZipSource, type DocumentFileAccess, type RawEntry } from './read/open-export.js';
import { entryTooLarge, isUnsafePath, MAX_TEXT_BYTES, resolveLimits } from './read/zip-entries.js';
import { blobSource, bytesSource, streamBytes, type ByteSource } from './read/zip-source.js';
import { decodeText } from './read/decode.js';
import { checkInputFormat } from './read/detect.js';

/** One file of an export handed over in memory (a folder's files dropped on a page, a test's fixture). */
export interface ExportFile {
  /** Path inside the export, with `/`: `Project-id/REVIEW/lorem.txt.json`. */
  path: string;
  content: Uint8Array | string | Blob;
}

/**
 * What the in-memory API reads: an export ZIP or one document file as bytes, a `Blob`/`File`
 * (read slice by slice) or a `ReadableStream` (collected first: a ZIP's directory is at its end);
 * the files of an export folder; or one document already parsed from JSON.
 */
export type ExportInput = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | readonly ExportFile[] | ParsedDocument;

/** A DATASAUR_SCHEMA or JSON_ADVANCED document as `JSON.parse` returns it. */
export type ParsedDocument = { readonly [key: string]: unknown };

export interface ExportInputOptions extends OpenOptions {
  /**
   * The input's file name, used in messages and to tell a document's format by its extension
   * (`.json`, `.tsv`, `.csv`, `.zip`). Default: a `File`'s own name; otherwise a ZIP is told by its
   * bytes and a document is `document.json`, or `document.tsv`/`.csv` when it is not JSON.
   */
  name?: string;
}

/** Opens an input held in memory: projects and document references, each loaded when asked for. */
export async function openExport(input: ExportInput, options: ExportInputOptions = {}): Promise<OpenedInput> {
  checkInputFormat(options.inputFormat);
  if (input instanceof Uint8Array) return openBytes(input, options);
  if (input instanceof ArrayBuffer) return openBytes(new Uint8Array(input), options);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return openBlob(input, options);
  if (isReadableStream(input)) {
    const limit = resolveLimits(options.limits).maxTotalBytes;
    return openBytes(await streamBytes(input, limit, options.name ?? 'input stream'), options);
  }
  if (Array.isArray(input)) return openFiles(input as readonly ExportFile[], options);
  if (input !== null && typeof input === 'object') return openDocumentValue(options.name ?? 'document.json', input);
  throw new InputError('NOT_AN_EXPORT', `cannot read a ${input === null ? 'null' : typeof input} as an export`, {
    file: options.name,
    expected: 'bytes (Uint8Array/ArrayBuffer), a Blob, a ReadableStream, an array of { path, content } files, or a parsed JSON document',
  });
}

function isReadableStream(input: unknown): input is ReadableStream<Uint8Array> {
  return typeof (input as { getReader?: unknown }).getReader === 'function';
}

const isZipSignature = (head: Uint8Array) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && head[3] === head[2] + 1;

async function openBytes(bytes: Uint8Array, options: ExportInputOptions): Promise<OpenedInput> {
  return openSource(bytesSource(bytes), options.name, options, { read: async () => decodeText(bytes), bytes: async () => bytes });
}

async function openBlob(blob: Blob, options: ExportInputOptions): Promise<OpenedInput> {
  const name = options.name ?? ((blob as { name?: unknown }).name ? String((blob as { name?: unknown }).name) : undefined);
  const bytes = async () => new Uint8Array(await blob.arrayBuffer());
  return openSource(blobSource(blob), name, options, { read: async () => decodeText(await bytes()), bytes });
}

/** A ZIP (by its name or its first bytes; an XLSX workbook is a ZIP but a document) or one document file. */
async function openSource(source: ByteSource, name: string | undefined, options: OpenOptions, access: DocumentFileAccess): Promise<OpenedInput> {
  const head = await source.read(0, 4096);
  const zip = name ? /\.zip$/i.test(name) || (!BINARY_DOCUMENT.test(name) && isZipSignature(head)) : isZipSignature(head);
  if (zip) return openZipSource(source, name ?? 'export.zip', options);
  // One document as the whole input has nothing beside it to keep: the per-entry limit applies
  // only when given; past V8's longest string it cannot be decoded, a clean error about the input.
  const documentLimit = options.limits?.maxEntryBytes ?? MAX_TEXT_BYTES;
  if (source.size > documentLimit) throw entryTooLarge(name ?? 'document', source.size, documentLimit);
  return openDocumentFile(name ?? documentFileName(head), access, options.inputFormat);
}

/** A name for a document given without one: JSON when it looks like JSON, else TSV or CSV by its first line. */
function documentFileName(head: Uint8Array): string {
  const start = decodeText(head).replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(start)) return 'document.json';
  return start.split('\n', 1)[0].includes('\t') ? 'document.tsv' : 'document.csv';
}

async function openFiles(files: readonly ExportFile[], options: ExportInputOptions): Promise<OpenedInput> {
  const name = options.name ?? 'export';
  const limits = resolveLimits(options.limits);
  if (files.length > limits.maxEntries) throw new InputError('LIMIT_EXCEEDED', `the input has ${files.length} files, more than the limit of ${limits.maxEntries}`, { file: name });
  let total = 0;
  const raw: RawEntry[] = files.map((file, i) => {
    if (!file || typeof file.path !== 'string' || file.content === undefined) {
      throw new InputError('NOT_AN_EXPORT', `item ${i} of the file list is not a { path, content } file`, { file: name, expected: '{ path: string, content: Uint8Array | string | Blob }' });
    }
    // The same rules as a ZIP's entries: paths stay inside the export, the total within the limit.
    if (isUnsafePath(file.path)) throw new InputError('UNSAFE_PATH', `file "${file.path}" would be placed outside the export folder`, { file: name, expected: 'relative paths without ".." segments' });
    const size = typeof file.content === 'string' ? file.content.length : file.content instanceof Uint8Array ? file.content.byteLength : file.content.size;
    total += size;
    if (total > limits.maxTotalBytes) throw new InputError('LIMIT_EXCEEDED', `the files hold more than the limit of ${limits.maxTotalBytes} bytes`, { file: name, where: `file "${file.path}"` });
    const content = file.content;
    // A Blob too large to parse costs its document only (a string given is already held).
    const fits = () => {
      if (typeof content !== 'string' && size > limits.maxEntryBytes) throw entryTooLarge(`${name}/${file.path}`, size, limits.maxEntryBytes);
    };
    const bytes = async () => (fits(), typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(await content.arrayBuffer()));
    const readSync = typeof content === 'string' ? () => content : content instanceof Uint8Array ? () => (fits(), decodeText(content)) : undefined;
    return { path: file.path.replace(/\\/g, '/'), read: async () => (fits(), fileText(content)), bytes, readSync, size };
  });
  if (raw.length === 0) throw new InputError('EMPTY_INPUT', 'the file list is empty', { file: name, expected: 'the files of an export folder' });
  return assembleEntries(name, 'folder', raw, (p) => `${name}/${p}`, baseName(name), options.inputFormat);
}

async function fileText(content: ExportFile['content']): Promise<string> {
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return decodeText(content);
  return decodeText(new Uint8Array(await content.arrayBuffer()));
}
