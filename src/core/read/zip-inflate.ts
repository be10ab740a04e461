import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';
import type { ZipEntryInfo } from './zip-entries.js';

/** Reads `length` bytes of the archive at `position` (fewer at its end). */
export type ReadAt = (position: number, length: number) => Buffer;

/** A ReadAt over an archive held in memory. */
export const readFromBuffer = (archive: Buffer): ReadAt => (position, length) => archive.subarray(position, position + length);

/**
 * Inflates one ZIP entry and checks its size and CRC-32. Entries are read one at a time when their
 * document is loaded: an archive of 40,000 documents is never inflated whole (JSZip's load checked
 * every CRC up front by inflating everything at once, which took gigabytes on the bench's export
 * ZIP), nor held in memory (`readAt` reads the file).
 */
export function inflateEntry(readAt: ReadAt, entry: ZipEntryInfo, file: string): Buffer {
  const where = `${file}!${entry.name}`;
  const fail = (reason: string) => new InputError('BAD_ZIP', `the entry cannot be inflated (${reason})`, { file: where });
  if (entry.flags & 1) throw fail('it is encrypted');
  const at = entry.localHeaderOffset;
  const header = readAt(at, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw fail(`no local header at byte ${at}`);
  const skip = header.readUInt16LE(26) + header.readUInt16LE(28);
  const packed = readAt(at + 30 + skip, entry.compressedSize);
  if (packed.length < entry.compressedSize) throw fail('the archive ends inside it (truncated file?)');
  let data: Buffer;
  if (entry.method === 0) data = packed;
  else if (entry.method === 8) {
    try {
      // Never inflate past what the directory declared (and the limits checked): an entry that
      // lies about its size cannot expand into memory before the size check below.
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1) });
    } catch (error) {
      throw fail((error as Error).message);
    }
  } else throw fail(`compression method ${entry.method} is not supported`);
  if (data.length !== entry.uncompressedSize) throw fail(`it holds ${data.length} bytes, the directory says ${entry.uncompressedSize}`);
  if (crc32(data) !== entry.crc32) throw fail('CRC-32 mismatch: the data is damaged');
  return data;
}

const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (ZIP's polynomial); Node's own `zlib.crc32` only exists from Node 20.15. */
export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
