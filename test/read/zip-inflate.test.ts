import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readZipDirectory } from '../../src/core/read/zip-entries.js';
import { inflateEntry } from '../../src/core/read/zip-inflate.js';
import { crc32, portableZipCodec, type ZipCodec } from '../../src/core/read/zip-codec.js';
import { bytesSource } from '../../src/core/read/zip-source.js';
import { nodeZipCodec } from '../../src/node/zip-codec.js';
import { isInputError } from '../../src/core/errors.js';
import { openInput } from '../../src/node/open-input.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function archive(compression: 'STORE' | 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('P-1/REVIEW/a.txt.json', '{"é":"' + 'x'.repeat(5000) + '"}');
  zip.file('P-1/REVIEW/b.txt.json', '{"b":1}');
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

const entriesOf = async (buffer: Uint8Array) => (await readZipDirectory(bytesSource(buffer), 'x.zip')).filter((e) => !e.isDirectory);
const codecs: [string, ZipCodec][] = [
  ['portable', portableZipCodec],
  ['node', nodeZipCodec],
];

describe.each(codecs)('inflating one ZIP entry at a time (%s codec)', (_name, codec) => {
  it.each(['STORE', 'DEFLATE'] as const)('reads %s entries byte for byte', async (compression) => {
    const buffer = await archive(compression);
    const entries = await entriesOf(buffer);
    const zip = await JSZip.loadAsync(buffer);
    for (const entry of entries) expect(Buffer.from(await inflateEntry(bytesSource(buffer), entry, 'x.zip', codec)).toString('utf8')).toBe(await zip.file(entry.name)!.async('string'));
  });

  it('finds damaged data by its CRC and names the entry', async () => {
    const buffer = await archive('STORE');
    const [entry] = (await entriesOf(buffer)).filter((e) => e.name.endsWith('a.txt.json'));
    const damaged = Buffer.from(buffer);
    damaged[entry.localHeaderOffset + 30 + entry.name.length + 20] ^= 1;
    const error = await inflateEntry(bytesSource(damaged), entry, 'x.zip', codec).catch((e: unknown) => e);
    expect(isInputError(error) && error.code).toBe('BAD_ZIP');
    expect((error as Error).message).toMatch(/CRC-32/);
    expect((error as { file: string }).file).toBe('x.zip!P-1/REVIEW/a.txt.json');
  });

  it('stops an entry that inflates past the size its directory declares (a lying zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('P-1/REVIEW/bomb.json', '0'.repeat(1_000_000));
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const [entry] = await entriesOf(buffer);
    // The directory claims 100 bytes; the data holds a million.
    await expect(inflateEntry(bytesSource(buffer), { ...entry, uncompressedSize: 100 }, 'x.zip', codec)).rejects.toThrow(/cannot be inflated \(it holds more than the 100 bytes the directory says\)/);
  });

  it('computes the CRC-32 of the ZIP format', () => {
    expect(codec.crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('the portable CRC-32', () => {
  it('equals zlib\'s on every length and alignment', async () => {
    const { crc32: native } = await import('node:zlib');
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7919 + 13) & 0xff);
    for (let start = 0; start < 9; start++) for (let length = 0; length < 2000; length += 97) expect(crc32(bytes.subarray(start, start + length))).toBe(native(bytes.subarray(start, start + length)));
  });
});

describe('opening archives', () => {
  it('opens an archive from its central directory alone (with a comment) and reads entries from the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zip-read-'));
    try {
      const zip = new JSZip();
      const doc = (name: string) => JSON.stringify({ version: '1', data: { project: { id: 1, name: 'P' }, document: { id: name, name }, kinds: ['TOKEN_BASED'], rows: [[{ content: 'a b', tokens: ['a', 'b'] }]] } });
      for (let i = 0; i < 30; i++) zip.file(`P-1/REVIEW/d${i}.txt.json`, doc(`d${i}.txt`));
      const file = path.join(dir, 'export.zip');
      const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment: 'x'.repeat(70_000 % 0xffff) });
      writeFileSync(file, bytes);
      const opened = await openInput(file);
      expect(opened.documents).toHaveLength(30);
      expect((await opened.documents[7].load()).name).toBe('d15.txt');
      // Cut before the comment and part of the directory: no end record, the file is not a ZIP.
      writeFileSync(file, bytes.subarray(0, bytes.length - 6000));
      const error = await openInput(file).catch((e: unknown) => e);
      expect(isInputError(error) && error.code).toBe('BAD_ZIP');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
