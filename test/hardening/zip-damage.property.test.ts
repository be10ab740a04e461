import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertExport } from '../../src/core/convert.js';
import { contentBytes } from '../../src/core/formats/content.js';
import { isInputError } from '../../src/core/errors.js';
import { portableZipCodec, type ZipCodec } from '../../src/core/read/zip-codec.js';
import { nodeZipCodec } from '../../src/node/zip-codec.js';
import { propertyParams, PROPERTY_TIMEOUT } from '../property/config.js';
import { sampleZips } from '../helpers/samples.js';

/**
 * Issue 14, the ZIP fuzz property: the sample exports' bytes, truncated, with bits flipped, with
 * fields of the central directory and end record overwritten or a span of bytes cut out, never
 * crash a conversion. Each run either throws an InputError that names the input, or converts, every
 * document it does not convert being named in the report (`DocumentSkipped`, `<zip>!<entry>`).
 *
 * Memory ceiling (stated, and checked per case): no inflate allocates more than 1,032 times its
 * packed bytes plus 64 kB (DEFLATE's largest ratio: a directory that lies about sizes gets nothing
 * it claims), and the process's heap stays under 512 MB. Both codecs run: zlib's (Node) and
 * fflate's (browsers).
 */
const NAME = 'damaged.zip';
const HEAP_CEILING = 512 * 2 ** 20;
/** DEFLATE's largest expansion, and what an inflate may allocate beyond it (buffer pools, rounding). */
const MAX_DEFLATE_RATIO = 1032;
const ALLOCATION_SLACK = 64 * 1024;

interface Sample {
  file: string;
  bytes: Uint8Array;
  /** Where the central directory and the end record are: the directory edits aim there. */
  directory: number;
  /** Where each directory record is (the size edits aim at their fields). */
  records: number[];
}

let samples: Sample[] = [];
beforeAll(async () => {
  // The 40-document audio export is left out for time; the small ones cover every reader path.
  samples = (await sampleZips())
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }))
    .filter((s) => s.bytes.length < 100_000)
    .map((s) => {
      const view = new DataView(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
      let end = s.bytes.length - 22;
      while (end > 0 && view.getUint32(end, true) !== 0x06054b50) end--;
      const directory = view.getUint32(end + 16, true);
      const records: number[] = [];
      for (let at = directory; at < end && view.getUint32(at, true) === 0x02014b50; at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)) records.push(at);
      return { ...s, directory, records };
    });
  expect(samples.length).toBeGreaterThanOrEqual(4);
});

/** Damage as plain numbers (fractions of the length), so every shrunk case is still a valid damage. */
type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'directoryField'; at: number; width: 1 | 2 | 4; value: number }
  | { kind: 'cut'; at: number; length: number }
  /** A record's uncompressed size replaced by a lie (up to 128 MiB, under the per-entry limit). */
  | { kind: 'claimSize'; record: number; value: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('flip' as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('directoryField' as const),
    at: fraction,
    width: fc.constantFrom(1 as const, 2 as const, 4 as const),
    value: fc.oneof(fc.constantFrom(0, 1, 0xff, 0xffff, 0xffffffff, 0x7fffffff), fc.nat()),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fraction, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('claimSize' as const), record: fc.nat(), value: fc.integer({ min: 0, max: 2 ** 27 }) }),
);

function damage(sample: Sample, damages: readonly Damage[]): Uint8Array {
  let bytes = sample.bytes.slice();
  for (const d of damages) {
    const at = 'at' in d ? Math.floor(d.at * bytes.length) : 0;
    if (d.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (d.kind === 'flip' && bytes.length) bytes[at] ^= 1 << d.bit;
    else if (d.kind === 'claimSize') {
      const field = sample.records[d.record % sample.records.length] + 24;
      if (field + 4 <= bytes.length) new DataView(bytes.buffer, bytes.byteOffset).setUint32(field, d.value, true);
    } else if (d.kind === 'cut') bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + d.length)]);
    else if (d.kind === 'directoryField') {
      // Somewhere in the directory and end record (when the archive still reaches that far).
      const start = Math.min(sample.directory, bytes.length);
      const place = start + Math.floor(d.at * (bytes.length - start));
      for (let i = 0; i < d.width && place + i < bytes.length; i++) bytes[place + i] = (d.value >>> (8 * i)) & 0xff;
    }
  }
  return bytes;
}

/**
 * A codec that records how much memory each inflate took beyond what its data can expand to (the
 * buffer behind the result, which is what was allocated: a directory claiming 2 GB for a 100-byte
 * entry must not get a 2 GB buffer).
 */
function watched(codec: ZipCodec, seen: { worstExcess: number }): ZipCodec {
  return {
    crc32: codec.crc32,
    inflateRaw: (packed, maxLength) => {
      const out = codec.inflateRaw(packed, maxLength);
      if (out) seen.worstExcess = Math.max(seen.worstExcess, out.buffer.byteLength - MAX_DEFLATE_RATIO * packed.length);
      return out;
    },
  };
}

async function convertDamaged(bytes: Uint8Array, codec: ZipCodec): Promise<void> {
  const seen = { worstExcess: 0 };
  const run = convertExport(bytes, { to: ['DATASAUR_SCHEMA', 'TSV_IOB', 'CSV'], cabinet: 'all', name: NAME, codec: watched(codec, seen) });
  const files: string[] = [];
  try {
    for await (const file of run) {
      const content = await contentBytes(file.content);
      expect(content.length).toBeGreaterThanOrEqual(0);
      files.push(file.path);
    }
  } catch (error) {
    if (!isInputError(error)) throw error;
    // A problem with the archive as a whole: typed, and it names the input.
    expect(error.file ?? '').toContain(NAME);
    return;
  } finally {
    expect(seen.worstExcess, 'bytes allocated beyond what the packed data can expand to').toBeLessThanOrEqual(ALLOCATION_SLACK);
    expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_CEILING);
  }
  // Converted: every document not converted is named, with its entry.
  const skipped = run.report.all().filter((m) => m.kind === 'DocumentSkipped');
  expect(skipped).toHaveLength(run.documents.skipped);
  for (const message of skipped) expect(message.place?.file).toMatch(new RegExp(`^${NAME}!.+`));
  if (run.documents.converted > 0) expect(files.length).toBeGreaterThan(0);
}

describe('ZIP fuzz: damaged sample exports never crash a conversion', { timeout: PROPERTY_TIMEOUT }, () => {
  for (const [name, codec] of [
    ['zlib', nodeZipCodec],
    ['fflate', portableZipCodec],
  ] as const) {
    it(`truncation, bit flips, directory edits and cut spans give an InputError naming the input or a conversion naming each skipped entry (${name})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(damageArb, { minLength: 1, maxLength: 3 }), async (which, damages) => {
          const sample = samples[which % samples.length];
          await convertDamaged(damage(sample, damages), codec);
        }),
        propertyParams(300),
      );
    });
  }

  it('the undamaged samples convert (the property starts from archives that work)', async () => {
    for (const sample of samples) {
      const run = convertExport(sample.bytes, { to: ['DATASAUR_SCHEMA'], cabinet: 'all', name: NAME });
      let files = 0;
      for await (const file of run) files += (await contentBytes(file.content)).length > 0 ? 1 : 0;
      expect(files, sample.file).toBeGreaterThan(0);
      expect(run.documents.skipped, sample.file).toBe(0);
    }
  });
});
