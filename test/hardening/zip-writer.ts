/**
 * ZIP archives for the hardening tests, written entry by entry to a file: an entry's content comes
 * as chunks and is deflated as a stream, so a test can make a ZIP holding a 600 MB document without
 * holding 600 MB (nothing that large is kept in the repository). Also the byte offsets of each
 * record, for tests that damage the directory on purpose.
 */
import { createWriteStream } from 'node:fs';
import zlib from 'node:zlib';
import { once } from 'node:events';

export interface ZipWriterEntry {
  name: string;
  /** The content, or chunks of it (a generator for large entries). */
  content: Uint8Array | string | Iterable<Uint8Array | string>;
}

export interface WrittenZip {
  /** Byte offset of each entry's central-directory record, in entry order. */
  directoryRecords: number[];
  /** Byte offset of the central directory and of the end record. */
  directory: number;
  endRecord: number;
  size: number;
}

const chunksOf = (content: ZipWriterEntry['content']): Iterable<Uint8Array | string> => (typeof content === 'string' || content instanceof Uint8Array ? [content] : content);

/** Writes `entries` (deflated, sizes and CRC in the directory and a data descriptor) to `file`. */
export async function writeZip(file: string, entries: readonly ZipWriterEntry[]): Promise<WrittenZip> {
  const out = createWriteStream(file);
  let position = 0;
  const write = async (bytes: Uint8Array) => {
    position += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const records: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const offset = position;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    await write(local);
    await write(name);
    let crc = 0;
    let size = 0;
    let packed = 0;
    const deflate = zlib.createDeflateRaw({ level: 1 });
    deflate.on('data', (chunk: Buffer) => {
      packed += chunk.length;
      position += chunk.length;
      out.write(chunk);
    });
    for (const piece of chunksOf(entry.content)) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    }
    deflate.end();
    await once(deflate, 'end');
    if (out.writableNeedDrain) await once(out, 'drain');
    if (size >= 0xffffffff || offset >= 0xffffffff) throw new Error('zip-writer: ZIP64 is not needed by these tests');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(packed, 8);
    descriptor.writeUInt32LE(size, 12);
    await write(descriptor);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0808, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(packed, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    records.push(Buffer.concat([record, name]));
  }
  const directory = position;
  const directoryRecords: number[] = [];
  for (const record of records) {
    directoryRecords.push(position);
    await write(record);
  }
  const endRecord = position;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(endRecord - directory, 12);
  end.writeUInt32LE(directory, 16);
  await write(end);
  out.end();
  await once(out, 'finish');
  return { directoryRecords, directory, endRecord, size: position };
}
