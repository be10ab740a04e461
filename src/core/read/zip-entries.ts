import { InputError } from '../errors.js';
import type { ByteSource } from './zip-source.js';
import { ZipDirectory, type ZipEntryInfo } from './zip-directory.js';

export type { ZipEntryInfo };

export interface ArchiveLimits {
  /** Total uncompressed bytes of all entries (zip bombs). Default 4 GiB. */
  maxTotalBytes: number;
  /** Number of entries. Default 1,000,000. */
  maxEntries: number;
  /**
   * Uncompressed bytes of one document file: a larger one is skipped (named in the report) without
   * being inflated, and the other documents are converted. Default: what the heap can parse
   * (`entryLimitForHeap`); the Node adapter sizes it from the process's own heap limit.
   */
  maxEntryBytes: number;
}

/**
 * V8's longest string (2^29 - 24 UTF-16 units on 64-bit): a document's text is one string, and a
 * byte of UTF-8 decodes to at most one unit, so no larger file can even be decoded.
 */
export const MAX_TEXT_BYTES = 0x1fffffe8;
/**
 * Heap bytes a document needs per byte of its file while it is parsed and written: measured at
 * about 13 (peak RSS 660 MB for a 42 MB token DATASAUR_SCHEMA file converted to TSV_IOB and
 * DATASAUR_SCHEMA, 100 MB of it the runtime); 24 leaves room for richer documents and the writers.
 */
export const HEAP_BYTES_PER_ENTRY_BYTE = 24;

/** The largest document file a heap of `heapBytes` holds while converting it (and a string can hold). */
export function entryLimitForHeap(heapBytes: number): number {
  return Math.min(MAX_TEXT_BYTES, Math.floor(heapBytes / HEAP_BYTES_PER_ENTRY_BYTE));
}

/** Defaults; the per-entry limit assumes a 4 GiB heap (a 64-bit Node's or a browser tab's), about 170 MiB. */
export const DEFAULT_LIMITS: ArchiveLimits = { maxTotalBytes: 4 * 1024 ** 3, maxEntries: 1_000_000, maxEntryBytes: entryLimitForHeap(4 * 1024 ** 3) };

/** `given` over `defaults`, ignoring limits given as undefined (an option not set). */
export function resolveLimits(given: Partial<ArchiveLimits> = {}, defaults: ArchiveLimits = DEFAULT_LIMITS): ArchiveLimits {
  const limits = { ...defaults };
  for (const key of Object.keys(limits) as (keyof ArchiveLimits)[]) if (given[key] !== undefined) limits[key] = given[key];
  return limits;
}

/**
 * The error for one file too large to parse in this process: it costs that document (skipped,
 * named in the report), never the run.
 */
export function entryTooLarge(file: string, bytes: number, limit: number): InputError {
  return new InputError('LIMIT_EXCEEDED', `the file expands to ${bytes} bytes, more than the ${limit} bytes one document may have in this process`, {
    file,
    hint: 'Raise the per-document limit (--max-entry-bytes, with a larger heap: node --max-old-space-size) if the file is trusted.',
  });
}

/**
 * Reads the central directory itself (before anything is inflated) so limits and unsafe paths are
 * checked on what the archive claims, not after extracting it. Only the end records and the
 * directory are read from `source`, also for ZIP64 archives.
 */
export async function readZipIndex(source: ByteSource, file: string): Promise<ZipDirectory> {
  const size = source.size;
  const bad = (message: string, where?: string) => new InputError('BAD_ZIP', message, { file, where, expected: 'an export ZIP, a folder, or a .json/.tsv/.csv document' });
  const tailStart = Math.max(0, size - END_RECORD_SPAN);
  const tail = await source.read(tailStart, size - tailStart);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw bad(size === 0 ? 'the file is empty' : 'the file is not a ZIP archive (no end-of-central-directory record)');
  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directory = view.getUint32(eocd + 16, true);
  let directoryEnd = tailStart + eocd;
  // ZIP64: the 32-bit fields are saturated; the real values sit in the ZIP64 end record, which the
  // locator (just before the end record) points to. A saturated field without a locator is taken
  // as it is (65,535 entries can be a real count).
  const locator = eocd - 20;
  if ((count === 0xffff || directory === 0xffffffff || directorySize === 0xffffffff) && locator >= 0 && view.getUint32(locator, true) === 0x07064b50) {
    const record = Number(view.getBigUint64(locator + 8, true));
    const where = `ZIP64 locator at byte ${tailStart + locator}`;
    if (record + 56 > tailStart + locator) throw bad(`the ZIP64 end record it points to (byte ${record}) is outside the archive`, where);
    const bytes = await source.read(record, 56);
    const zip64 = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (zip64.getUint32(0, true) !== 0x06064b50) throw bad(`no ZIP64 end record at byte ${record}`, where);
    count = Number(zip64.getBigUint64(32, true));
    directorySize = Number(zip64.getBigUint64(40, true));
    directory = Number(zip64.getBigUint64(48, true));
    directoryEnd = record;
  }
  if (directory > directoryEnd) throw bad(`the central directory would start at byte ${directory}, after the end records (byte ${directoryEnd})`);
  const bytes = directory >= tailStart ? tail.subarray(directory - tailStart, directoryEnd - tailStart) : await source.read(directory, directoryEnd - directory);
  const indexed = ZipDirectory.index(bytes, count, directory, file);
  checkDirectoryComplete(bytes, indexed.used, directorySize, count, directory, file);
  return indexed.directory;
}

/** The same as one object per entry (small archives: an XLSX workbook's parts). */
export async function readZipDirectory(source: ByteSource, file: string): Promise<ZipEntryInfo[]> {
  return (await readZipIndex(source, file)).entries();
}

/**
 * A directory whose records do not fill the size its end record states, or that holds records past
 * the count, has lost entries (a cut or edited directory): reading on would convert some documents
 * and drop the others without a word (issue 14 item 6). The entries that can still be named are.
 */
function checkDirectoryComplete(bytes: Uint8Array, used: number, declaredSize: number, count: number, base: number, file: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const beyond: string[] = [];
  for (let at = used; at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; ) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength)));
    beyond.push(at + 46 + nameLength > bytes.length ? `${name}… (cut short)` : name);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (used === declaredSize && beyond.length === 0) return;
  const named = beyond.length ? `; entries not counted: ${beyond.map((n) => `"${n}"`).join(', ')}` : '';
  throw new InputError('BAD_ZIP', `the central directory is damaged: its end record counts ${count} entries in ${declaredSize} bytes, the ${count} entries take ${used} bytes${named}`, {
    file,
    where: `central directory at byte ${base}`,
    expected: 'a complete ZIP archive (download or copy it again)',
  });
}

/** Bytes at the end of an archive that always hold its end record (22 bytes + a comment of up to 65,535). */
export const END_RECORD_SPAN = 22 + 0xffff;

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= min; at--) if (view.getUint32(at, true) === 0x06054b50) return at;
  return -1;
}

/** Rejects absolute paths and `..` segments (zip-slip) and archives past the limits. */
export function checkEntries(directory: ZipDirectory, file: string, limits: ArchiveLimits): void {
  if (directory.count > limits.maxEntries) {
    throw new InputError('LIMIT_EXCEEDED', `the archive has ${directory.count} entries, more than the limit of ${limits.maxEntries}`, {
      file,
      hint: 'Raise it with --max-entries if the archive is trusted.',
    });
  }
  let total = 0;
  let files = 0;
  for (let i = 0; i < directory.count; i++) {
    const entry = directory.entry(i);
    if (isUnsafePath(entry.name)) {
      throw new InputError('UNSAFE_PATH', `entry "${entry.name}" would be written outside the export folder`, {
        file: `${file}!${entry.name}`,
        expected: 'relative entry paths without ".." segments',
      });
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new InputError('LIMIT_EXCEEDED', `the archive expands to more than the limit of ${limits.maxTotalBytes} bytes (zip bomb?)`, {
        file,
        where: `entry "${entry.name}"`,
        hint: 'Raise it with --max-bytes if the archive is trusted.',
      });
    }
    if (!entry.isDirectory) files++;
  }
  if (files === 0) {
    throw new InputError('EMPTY_INPUT', 'the archive holds no files', { file, expected: 'an export ZIP with at least one document' });
  }
}

export function isUnsafePath(name: string): boolean {
  const normalized = name.replace(/\\/g, '/');
  return normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized) || normalized.split('/').includes('..');
}
