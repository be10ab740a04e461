import { closeSync, createReadStream, existsSync, openSync, promises as fs, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { IgnoredEntry, OpenedInput, OpenOptions } from '../core/read/input.js';
import { InputError } from '../core/errors.js';
import { entryTooLarge, MAX_TEXT_BYTES, type ArchiveLimits } from '../core/read/zip-entries.js';
import { assembleEntries, BINARY_DOCUMENT, openDocumentFile, openZipSource, type RawEntry } from '../core/read/open-export.js';
import { checkInputFormat } from '../core/read/detect.js';
import { describeIgnored } from '../core/read/ignored-entries.js';
import { openExport, type ExportInput } from '../core/export-input.js';
import { nodeZipCodec } from './zip-codec.js';
import { nodeArchiveLimits } from './archive-limits.js';

export { cabinetMatches } from '../core/read/input.js';
export type { DocumentRef, OpenedInput, OpenOptions, ProjectRef } from '../core/read/input.js';

/**
 * Opens a ZIP, a folder in the export layout, or a single document file by its path. What is done
 * with the files is the core's (`core/read/open-export.ts`); this part only finds and reads them.
 */
export async function openInput(inputPath: string, options: OpenOptions = {}): Promise<OpenedInput> {
  checkInputFormat(options.inputFormat);
  const limits = nodeArchiveLimits(options.limits);
  const stat = await fs.stat(inputPath).catch(() => null);
  if (!stat) throw new InputError('FILE_NOT_FOUND', 'no such file or folder', { file: inputPath, expected: 'an export ZIP, a folder or a document file' });
  if (stat.isDirectory()) return openFolder(inputPath, limits, options.inputFormat);
  // A device, FIFO or socket is refused before a byte is read: /dev/zero never ends, and opening
  // a FIFO waits for a writer that may never come.
  if (!stat.isFile()) {
    throw new InputError('NOT_A_FILE', `not a regular file or folder (it is ${specialKind(stat)}); nothing was read`, { file: inputPath, expected: 'an export ZIP, a folder or a document file' });
  }
  const source = fileSource(inputPath, stat.size);
  if (isExportZip(inputPath, source.read(0, 4))) return openZipSource(source, inputPath, Object.assign({}, options, { limits, codec: options.codec ?? nodeZipCodec }));
  // One document as the whole input has nothing beside it to keep, so the heap-sized limit (made
  // to skip one entry of many) is not applied unless given; past V8's longest string it cannot be
  // decoded at all, and that is a clean error about the input.
  const documentLimit = options.limits?.maxEntryBytes ?? MAX_TEXT_BYTES;
  if (stat.size > documentLimit) throw entryTooLarge(inputPath, stat.size, documentLimit);
  const companion = (name: string) => {
    const next = path.join(path.dirname(inputPath), name);
    return existsSync(next) ? readFileSync(next, 'utf8') : undefined;
  };
  // A streamed row document is read in these on each pass over its rows, a batch of rows per
  // chunk. 64 KiB, not 1 MiB: a batch then dies young (scavenged, not promoted); on scenario c
  // (200k rows, CSV) that took CPU from 8.4-9.2 s to 4.5-5.3 s and peak RSS from ~400 to ~275 MB.
  const chunks = () => createReadStream(inputPath, { highWaterMark: 1 << 16 });
  return openDocumentFile(inputPath, { read: () => fs.readFile(inputPath, 'utf8'), bytes: () => fs.readFile(inputPath), companion, size: stat.size, chunks }, options.inputFormat, options.streamRowsAbove);
}

/** An export ZIP by its name or first bytes. An XLSX workbook is a ZIP too: it is a document, not an export archive. */
function isExportZip(inputPath: string, head: Uint8Array): boolean {
  return /\.zip$/i.test(inputPath) || (!BINARY_DOCUMENT.test(inputPath) && head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4);
}

/**
 * Whether `openInput` would open the path as a ZIP or a folder (inputs of many documents), told
 * from its type and first bytes alone. False when it cannot be read: opening it says why.
 */
export function opensAsArchive(inputPath: string): boolean {
  try {
    const stat = statSync(inputPath);
    if (stat.isDirectory()) return true;
    if (!stat.isFile()) return false;
    const fd = openSync(inputPath, 'r');
    try {
      const head = new Uint8Array(4);
      return isExportZip(inputPath, head.subarray(0, readSync(fd, head, 0, 4, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * A path as `openInput` opens it, or an input held in memory (bytes, a stream such as standard
 * input: a ZIP or a document told from its bytes) as the in-memory API does, with zlib's inflate.
 */
export async function openPathOrExport(input: string | ExportInput, options: OpenOptions = {}): Promise<OpenedInput> {
  return typeof input === 'string' ? openInput(input, options) : openExport(input, { codec: nodeZipCodec, ...options });
}

/**
 * Bytes read ahead per read of the file: a ZIP's entries are read in order, so most reads are
 * served from the window. 64 KiB, not 1 MiB: a window then lasts a dozen small documents and dies
 * young with them. A 1 MiB window lasted about 250, long enough to be promoted, and its memory
 * (outside the heap) came back only at the next full collection: 10-17 MB of old windows at any
 * time on scenario b, and the peak at 5,000 documents went from 107 to 86 MB with this size (p:
 * 117 to 101 MiB). 256 KiB measured the same on b, 112 MiB on p. The extra opens cost about 1,300
 * for 20,000 documents, within the noise of the run's CPU.
 */
const READ_AHEAD = 64 * 1024;
/** A read longer than this is not kept for the next (a large entry's bytes are not held twice). */
const MAX_WINDOW = 4 * READ_AHEAD;

/**
 * Reads byte ranges of a file. The run holds no file open between documents (the file is opened
 * for each read), but each read takes a window of at least READ_AHEAD bytes and the next reads
 * inside it are served from memory: a ZIP's entries come in order, two small reads each (local
 * header, data), and opening the file for each cost 0.15 ms per entry (issue 15: 2.2 s of CPU
 * for 15,000 entries, more than the inflate).
 */
function fileSource(file: string, size: number): { size: number; read(position: number, length: number): Uint8Array; readSync(position: number, length: number): Uint8Array } {
  let window = new Uint8Array(0);
  let windowStart = 0;
  const read = (position: number, length: number) => {
    if (position >= windowStart && position + length <= windowStart + window.length) return window.subarray(position - windowStart, position - windowStart + length);
    const want = Math.min(Math.max(length, READ_AHEAD), Math.max(0, size - position));
    const fd = openSync(file, 'r');
    try {
      const out = Buffer.allocUnsafe(Math.max(want, length));
      let got = 0;
      // One readSync may return fewer bytes than asked (a pipe, a network file system).
      while (got < want) {
        const n = readSync(fd, out, got, want - got, position + got);
        if (n === 0) break;
        got += n;
      }
      const bytes = out.subarray(0, got);
      if (got <= MAX_WINDOW) {
        window = bytes;
        windowStart = position;
      }
      return bytes.subarray(0, Math.min(length, got));
    } finally {
      closeSync(fd);
    }
  };
  return { size, read, readSync: read };
}

async function openFolder(root: string, limits: ArchiveLimits, inputFormat: string | undefined): Promise<OpenedInput> {
  const raw: RawEntry[] = [];
  const skipped: IgnoredEntry[] = [];
  let total = 0;
  const add = async (full: string, size: number) => {
    if (raw.length >= limits.maxEntries) throw new InputError('LIMIT_EXCEEDED', `the folder has more than ${limits.maxEntries} files`, { file: root });
    total += size;
    if (total > limits.maxTotalBytes) throw new InputError('LIMIT_EXCEEDED', `the folder holds more than ${limits.maxTotalBytes} bytes`, { file: root });
    // A file too large to parse costs its document only (skipped and named when it is loaded).
    const fits = () => {
      if (size > limits.maxEntryBytes) throw entryTooLarge(full, size, limits.maxEntryBytes);
    };
    raw.push({
      path: path.relative(root, full).split(path.sep).join('/'),
      read: async () => (fits(), fs.readFile(full, 'utf8')),
      bytes: async () => (fits(), fs.readFile(full)),
      readSync: () => (fits(), readFileSync(full, 'utf8')),
      size,
    });
  };
  const walk = async (dir: string) => {
    const items = await fs.readdir(dir, { withFileTypes: true });
    for (const item of items) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) await walk(full);
      else if (item.isFile()) await add(full, (await fs.stat(full)).size);
      else if (item.isSymbolicLink()) {
        // A link to a file is read as that file; a link to a folder is not followed (it may loop).
        const target = await fs.stat(full).catch(() => null);
        if (target?.isFile()) await add(full, target.size);
        else skipped.push({ file: full, reason: !target ? 'a broken link' : target.isDirectory() ? 'a link to a folder (not followed)' : 'not a regular file (a FIFO, socket or device)' });
      } else skipped.push({ file: full, reason: 'not a regular file (a FIFO, socket or device)' });
    }
  };
  await walk(root);
  if (raw.length === 0) {
    const notRead = describeIgnored(skipped).map((line) => line.text);
    throw new InputError('EMPTY_INPUT', 'the folder holds no files', { file: root, expected: 'an export folder with at least one document', hint: notRead.length ? `${notRead.join('; ')}.` : undefined });
  }
  return assembleEntries(root, 'folder', raw, (p) => path.join(root, p), path.basename(root), inputFormat, skipped);
}

/** What a path that is neither a regular file nor a folder is, for the message. */
function specialKind(stat: Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
