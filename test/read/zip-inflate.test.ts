import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { listZipEntries } from '../../src/read/zip-entries.js';
import { crc32, inflateEntry } from '../../src/read/zip-inflate.js';
import { isInputError } from '../../src/errors.js';

async function archive(compression: 'STORE' | 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('P-1/REVIEW/a.txt.json', '{"é":"' + 'x'.repeat(5000) + '"}');
  zip.file('P-1/REVIEW/b.txt.json', '{"b":1}');
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

describe('inflating one ZIP entry at a time', () => {
  it.each(['STORE', 'DEFLATE'] as const)('reads %s entries byte for byte', async (compression) => {
    const buffer = await archive(compression);
    const entries = listZipEntries(buffer, 'x.zip').filter((e) => !e.isDirectory);
    const zip = await JSZip.loadAsync(buffer);
    for (const entry of entries) expect(inflateEntry(buffer, entry, 'x.zip').toString('utf8')).toBe(await zip.file(entry.name)!.async('string'));
  });

  it('finds damaged data by its CRC and names the entry', async () => {
    const buffer = await archive('STORE');
    const [entry] = listZipEntries(buffer, 'x.zip').filter((e) => e.name.endsWith('a.txt.json'));
    const damaged = Buffer.from(buffer);
    damaged[entry.localHeaderOffset + 30 + entry.name.length + 20] ^= 1;
    const error = (() => {
      try {
        return inflateEntry(damaged, entry, 'x.zip');
      } catch (e) {
        return e;
      }
    })();
    expect(isInputError(error) && error.code).toBe('BAD_ZIP');
    expect((error as Error).message).toMatch(/CRC-32/);
    expect((error as { file: string }).file).toBe('x.zip!P-1/REVIEW/a.txt.json');
  });

  it('computes the CRC-32 of the ZIP format', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
