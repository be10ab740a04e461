import { InputError } from '../errors.js';

/** One entry of a ZIP's central directory. */
export interface ZipEntryInfo {
  name: string;
  uncompressedSize: number;
  isDirectory: boolean;
  /** Where the entry's data is, so it can be inflated alone (`zip-inflate.ts`). */
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  crc32: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  localHeaderOffset: number;
}

const RECORD = 0x02014b50;
const decoder = new TextDecoder();

/**
 * A ZIP's central directory kept as its own bytes plus one offset per entry: an entry's name and
 * fields are read from those bytes when asked for. An object per entry (its name string, its
 * fields) cost about 1.2 KB per entry once the input's index was built on it, held for the whole
 * run: 48 MB for the bench's 40,000-entry export, which V8's heap sizing multiplied in the peak
 * RSS (issues 14 and 15). This costs the directory's bytes (about 50 bytes plus the name per
 * entry, outside the JavaScript heap) and 4 bytes.
 */
export class ZipDirectory {
  private readonly view: DataView;

  private constructor(
    private readonly bytes: Uint8Array,
    /** Where each entry's record starts in `bytes`. */
    private readonly starts: Uint32Array | Float64Array,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Indexes the `count` records of a central directory held in `bytes` (which starts at byte
   * `base` of the archive); a record cut short or missing is an error now, not when its entry is
   * read. `used` is the bytes the records take (the caller checks it against the declared size).
   */
  static index(bytes: Uint8Array, count: number, base: number, file: string): { directory: ZipDirectory; used: number } {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A record takes at least 46 bytes: a count the bytes cannot hold (a damaged or forged end
    // record) allocates no more than they can, and fails at the first record missing.
    const capacity = Math.min(count, Math.floor(bytes.byteLength / 46));
    const starts = bytes.byteLength <= 0xffffffff ? new Uint32Array(capacity) : new Float64Array(capacity);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== RECORD || offset + recordLength(view, offset) > view.byteLength) {
        throw new InputError('BAD_ZIP', `the central directory is damaged at entry ${i + 1} of ${count}`, { file, where: `byte ${offset + base}` });
      }
      starts[i] = offset;
      offset += recordLength(view, offset);
    }
    return { directory: new ZipDirectory(bytes, starts), used: offset };
  }

  get count(): number {
    return this.starts.length;
  }

  name(index: number): string {
    const at = this.starts[index];
    return decoder.decode(this.bytes.subarray(at + 46, at + 46 + this.view.getUint16(at + 28, true)));
  }

  /** A directory entry (a name ending in `/`) holds no file. */
  isDirectory(index: number): boolean {
    const at = this.starts[index];
    const nameLength = this.view.getUint16(at + 28, true);
    return nameLength > 0 && this.bytes[at + 46 + nameLength - 1] === 0x2f;
  }

  /** The entry's fields, read from its record (ZIP64 sizes and offset from its extra field). */
  entry(index: number): ZipEntryInfo {
    const view = this.view;
    const at = this.starts[index];
    const nameLength = view.getUint16(at + 28, true);
    const name = this.name(index);
    // ZIP64: each saturated field's real value is in the extra field, in this order.
    const zip64 = zip64Values(view, at + 46 + nameLength, view.getUint16(at + 30, true));
    const field = (value: number) => (value === 0xffffffff ? zip64.shift() ?? value : value);
    const uncompressedSize = field(view.getUint32(at + 24, true));
    const compressedSize = field(view.getUint32(at + 20, true));
    const localHeaderOffset = field(view.getUint32(at + 42, true));
    return {
      name,
      uncompressedSize,
      isDirectory: name.endsWith('/'),
      compressedSize,
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      flags: view.getUint16(at + 8, true),
      localHeaderOffset,
    };
  }

  /** Every entry as an object (small archives: an XLSX workbook's parts, tests). */
  entries(): ZipEntryInfo[] {
    return Array.from({ length: this.count }, (_, i) => this.entry(i));
  }
}

function recordLength(view: DataView, at: number): number {
  return 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
}

function zip64Values(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) return Array.from({ length: Math.min(3, Math.floor(Math.min(size, start + length - at - 4) / 8)) }, (_, i) => Number(view.getBigUint64(at + 4 + 8 * i, true)));
    at += 4 + size;
  }
  return [];
}
