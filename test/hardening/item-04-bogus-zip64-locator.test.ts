import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expectClean, expectCleanError, runChild, sandbox } from './harness.js';
import { writeZip } from './zip-writer.js';

/**
 * Issue 14 item 4, the ZIP reader's part: a bogus ZIP64 locator ended in an internal error
 * ("Offset is outside the bounds of the DataView", no file named). Whatever the locator and the
 * ZIP64 end record it points to claim, the answer is BAD_ZIP (exit 2) naming the file.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/**
 * A two-document ZIP whose end record is saturated and preceded by a ZIP64 locator pointing at
 * `record` (-1: at `zip64Record`, inserted where the directory ends).
 */
async function withLocator(file: string, record: bigint, zip64Record?: (directory: number) => Buffer): Promise<void> {
  const written = await writeZip(file, [
    { name: 'P-1/REVIEW/a.txt.json', content: readFileSync(FIXTURE) },
    { name: 'P-1/REVIEW/b.txt.json', content: readFileSync(FIXTURE) },
  ]);
  const bytes = await fs.readFile(file);
  const before = bytes.subarray(0, written.endRecord);
  const end = Buffer.from(bytes.subarray(written.endRecord));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 16);
  const extra = zip64Record?.(written.directory) ?? Buffer.alloc(0);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(record === -1n ? BigInt(written.endRecord) : record, 8);
  locator.writeUInt32LE(1, 16);
  await fs.writeFile(file, Buffer.concat([before, extra, locator, end]));
}

/** A ZIP64 end record (56 bytes) with the given count and directory offset. */
const zip64End = (count: bigint, directory: (real: number) => bigint) => (real: number) => {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(count, 24);
  record.writeBigUInt64LE(count, 32);
  record.writeBigUInt64LE(142n, 40);
  record.writeBigUInt64LE(directory(real), 48);
  return record;
};

const CASES: { name: string; record: bigint; zip64?: (directory: number) => Buffer; message: RegExp }[] = [
  { name: 'points past the end of the file', record: 1n << 40n, message: /ZIP64 end record it points to \(byte \d+\) is outside the archive/ },
  { name: 'points at the largest 64-bit offset', record: 0xffffffffffffffffn, message: /is outside the archive/ },
  { name: 'points at a local header, not a ZIP64 end record', record: 0n, message: /no ZIP64 end record at byte 0/ },
  { name: 'points at a ZIP64 record claiming 2^60 entries', record: -1n, zip64: zip64End(1n << 60n, (real) => BigInt(real)), message: /central directory is damaged/ },
  { name: 'points at a ZIP64 record whose directory starts past it', record: -1n, zip64: zip64End(2n, () => 1n << 50n), message: /the central directory would start at byte \d+, after the end records/ },
];

describe('item 4: a bogus ZIP64 locator is a clean BAD_ZIP naming the file', () => {
  for (const variant of CASES) {
    it(`the locator ${variant.name}: convert and inspect exit 2 with BAD_ZIP`, async () => {
      const box = await sandbox('item04-zip64');
      const zip = box.input('bogus-zip64.zip');
      await withLocator(zip, variant.record, variant.zip64);
      const convert = await cli('convert', zip, '--to', 'TSV_IOB', '--out', box.out);
      expectCleanError(convert.stderr);
      expect(convert.code).toBe(2);
      expect(convert.stderr).toContain('[BAD_ZIP]');
      expect(convert.stderr).toContain(zip);
      expect(convert.stderr).toMatch(variant.message);
      expect(convert.stderr).not.toMatch(/DataView|RangeError|internal error/i);
      const inspect = await cli('inspect', zip);
      expect(inspect.code).toBe(2);
      expect(inspect.stderr).toContain('[BAD_ZIP]');
      expect(await expectClean(box)).toEqual([]);
    });
  }

  it('in a real process too (no stack trace, no exit 70)', async () => {
    const box = await sandbox('item04-zip64-child');
    const zip = box.input('bogus-zip64.zip');
    await withLocator(zip, 1n << 40n);
    const run = await runChild(['convert', zip, '--to', 'TSV_IOB', '--out', box.out]);
    expectCleanError(run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/BAD_ZIP.*bogus-zip64\.zip/s);
    expect(await expectClean(box)).toEqual([]);
  });
});
