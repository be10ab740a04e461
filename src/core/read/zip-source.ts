import { InputError } from '../errors.js';
import { concatBytes } from '../bytes.js';

/**
 * Bytes read by position: an archive in memory, a `Blob`/`File` (read slice by slice, never whole)
 * or a file on disk (the Node adapter). Only the central directory and one entry at a time are read.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /** `length` bytes at `position` (fewer at the end). May answer synchronously. */
  read(position: number, length: number): Uint8Array | Promise<Uint8Array>;
  /**
   * The same, synchronously, where the source can (bytes in memory, a file): readers ask for a
   * companion file (the text a CSV's offsets point into) in the middle of a synchronous parse.
   */
  readSync?(position: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  const read = (position: number, length: number) => bytes.subarray(position, position + length);
  return { size: bytes.byteLength, read, readSync: read };
}

export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (position, length) => new Uint8Array(await blob.slice(position, position + length).arrayBuffer()) };
}

/**
 * Collects a stream into one byte array. A ZIP's directory is at its end, so an archive that
 * arrives as a stream is held in memory to be read (pass a `Blob` or a file to avoid that).
 */
export async function streamBytes(stream: ReadableStream<Uint8Array>, limit: number, file: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        throw new InputError('LIMIT_EXCEEDED', `the input stream is longer than the limit of ${limit} bytes`, { file, hint: 'Raise the maxTotalBytes limit if the input is trusted.' });
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return concatBytes(chunks, total);
}
