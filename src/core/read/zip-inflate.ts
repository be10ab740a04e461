import { InputError } from '../errors.js';
import type { ZipEntryInfo } from './zip-entries.js';
import type { ZipCodec } from './zip-codec.js';
import type { ByteSource } from './zip-source.js';

/**
 * Inflates one ZIP entry and checks its size and CRC-32. Entries are read one at a time when their
 * document is loaded: an archive of 40,000 documents is never inflated whole (JSZip's load checked
 * every CRC up front by inflating everything at once, which took gigabytes on the bench's export
 * ZIP), nor held in memory (`source` reads the file or the Blob).
 */
export async function inflateEntry(source: ByteSource, entry: ZipEntryInfo, file: string, codec: ZipCodec): Promise<Uint8Array> {
  const header = await source.read(entry.localHeaderOffset, 30);
  const packed = await source.read(dataOffset(header, entry, file, source.size), entry.compressedSize);
  return unpack(packed, entry, file, codec);
}

/** The same from a source that reads synchronously (`ByteSource.readSync`). */
export function inflateEntrySync(read: (position: number, length: number) => Uint8Array, size: number, entry: ZipEntryInfo, file: string, codec: ZipCodec): Uint8Array {
  const packed = read(dataOffset(read(entry.localHeaderOffset, 30), entry, file, size), entry.compressedSize);
  return unpack(packed, entry, file, codec);
}

const failure = (entry: ZipEntryInfo, file: string, reason: string) => new InputError('BAD_ZIP', `the entry cannot be inflated (${reason})`, { file: `${file}!${entry.name}` });

/**
 * Where the entry's data starts, from its local header (whose name and extra fields are skipped).
 * Data the directory places past the end of the archive (`size` bytes) is refused before it is
 * read: a damaged size or offset asks for no memory.
 */
function dataOffset(header: Uint8Array, entry: ZipEntryInfo, file: string, size: number): number {
  if (entry.flags & 1) throw failure(entry, file, 'it is encrypted');
  // Bytes read directly: a DataView per entry cost 5 µs, a twentieth of converting a small document.
  if (header.length < 30 || header[0] !== 0x50 || header[1] !== 0x4b || header[2] !== 3 || header[3] !== 4) throw failure(entry, file, `no local header at byte ${entry.localHeaderOffset}`);
  const start = entry.localHeaderOffset + 30 + (header[26] | (header[27] << 8)) + (header[28] | (header[29] << 8));
  if (start + entry.compressedSize > size) throw failure(entry, file, `its ${entry.compressedSize} bytes at byte ${start} run past the end of the archive (${size} bytes): truncated or damaged`);
  return start;
}

function unpack(packed: Uint8Array, entry: ZipEntryInfo, file: string, codec: ZipCodec): Uint8Array {
  const fail = (reason: string) => failure(entry, file, reason);
  if (packed.length < entry.compressedSize) throw fail('the archive ends inside it (truncated file?)');
  let data: Uint8Array | null;
  if (entry.method === 0) data = packed;
  else if (entry.method === 8) {
    try {
      // Never inflate past what the directory declared (and the limits checked): an entry that
      // lies about its size cannot expand into memory before the size check below.
      data = codec.inflateRaw(packed, entry.uncompressedSize);
    } catch (error) {
      throw fail((error as Error).message);
    }
  } else throw fail(`compression method ${entry.method} is not supported`);
  if (data === null) throw fail(`it holds more than the ${entry.uncompressedSize} bytes the directory says`);
  if (data.length !== entry.uncompressedSize) throw fail(`it holds ${data.length} bytes, the directory says ${entry.uncompressedSize}`);
  if (codec.crc32(data) !== entry.crc32) throw fail('CRC-32 mismatch: the data is damaged');
  return data;
}
