import zlib from 'node:zlib';
import { crc32 as portableCrc32, type ZipCodec } from '../core/read/zip-codec.js';

/**
 * zlib's inflate and CRC-32 for ZIP entries in Node: inflating is about 3× faster than the portable
 * codec's, and `zlib.crc32` (Node ≥ 20.15) about 5× faster than the JavaScript one, which stays
 * the fallback on older Node 20 releases.
 */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * zlib's output buffer: the entry's declared size and one byte (the byte tells an entry that
 * expands further), up to 1 MiB; larger entries are inflated 1 MiB at a time and joined. The
 * default chunk (16 KiB) was allocated for every entry, outside the heap, and freed only by the
 * scavenge after its document: on the bench's 6 KB documents it was most of the memory held
 * outside the heap (78 MB allocated for 5,000 documents), and it doubled with the young
 * generation's size (issue 15). A declared size may be forged: the buffer is also never larger
 * than the packed bytes can expand to (DEFLATE's largest ratio, 1032:1), nor than 1 MiB.
 */
const MAX_CHUNK = 1 << 20;
const MAX_DEFLATE_RATIO = 1032;

function chunkSize(packedLength: number, maxLength: number): number {
  return Math.max(zlib.constants.Z_MIN_CHUNK, Math.min(maxLength + 1, MAX_DEFLATE_RATIO * packedLength, MAX_CHUNK));
}

export const nodeZipCodec: ZipCodec = {
  inflateRaw: (packed, maxLength) => {
    try {
      const data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, maxLength), chunkSize: chunkSize(packed.length, maxLength) });
      return data.length > maxLength ? null : data;
    } catch (error) {
      // zlib stops at maxOutputLength with this error: the data expands further.
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw error;
    }
  },
  crc32: nativeCrc32 ?? portableCrc32,
};
