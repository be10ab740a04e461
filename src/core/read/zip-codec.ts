import { inflateSync } from '../deps/fflate.js';

/**
 * The two byte-level operations a ZIP reader needs. The core's own (`portableZipCodec`) runs in
 * every runtime; the Node adapter (`src/node/zip-codec.ts`) brings zlib's, which inflate about 3×
 * faster and compute CRC-32 natively, and makes them the default when the Node entry is loaded.
 */
export interface ZipCodec {
  /**
   * Inflates raw DEFLATE data, or answers null when it expands past `maxLength` bytes (the size
   * the directory declared): an entry that lies about its size never grows in memory past what
   * the limits allowed. Throws on bad data.
   */
  inflateRaw(packed: Uint8Array, maxLength: number): Uint8Array | null;
  /** CRC-32 with ZIP's polynomial. */
  crc32(data: Uint8Array): number;
}

/** fflate's inflate (pure JavaScript, kept and small) and a table-driven CRC-32. */
export const portableZipCodec: ZipCodec = {
  inflateRaw: (packed, maxLength) => {
    // fflate fills the buffer it is given and stops writing at its end: one byte more than
    // allowed tells an entry that expands further. DEFLATE expands at most 1032-fold, so a
    // directory that claims more than its data can hold allocates no more than the data allows.
    const room = Math.min(maxLength, packed.length * MAX_DEFLATE_RATIO + 1024);
    const data = inflateSync(packed, { out: new Uint8Array(room + 1) });
    return data.length > maxLength ? null : data;
  },
  crc32,
};

/** The most a DEFLATE stream expands: 258 bytes from a 2-bit length code (RFC 1951's longest match). */
const MAX_DEFLATE_RATIO = 1032;

let defaultCodec: ZipCodec = portableZipCodec;

/** The codec used when a caller passes none: the portable one, or what a runtime adapter set. */
export function defaultZipCodec(): ZipCodec {
  return defaultCodec;
}

/** Makes `codec` the default for every ZIP read without an explicit one (the Node entry does this). */
export function setDefaultZipCodec(codec: ZipCodec): void {
  defaultCodec = codec;
}

/** Slicing-by-8 tables: eight bytes per step instead of one (about 4× the byte-at-a-time loop). */
const TABLES = (() => {
  const tables = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n];
    for (let t = 1; t < 8; t++) {
      c = tables[c & 0xff] ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

/** CRC-32 (ZIP's polynomial) in JavaScript, for runtimes without a native one. */
export function crc32(data: Uint8Array): number {
  const t = TABLES;
  let crc = -1;
  let i = 0;
  for (const end = data.length - 7; i < end; i += 8) {
    const a = crc ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    crc =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
