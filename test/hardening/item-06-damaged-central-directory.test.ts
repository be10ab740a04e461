import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expectClean, expectCleanError, runChild, sandbox } from './harness.js';
import { writeZip, type WrittenZip } from './zip-writer.js';

/**
 * Issue 14 item 6: a ZIP whose last central-directory entry was cut short made `inspect` say
 * "problems: none" and `convert` write 1 of 2 documents. A damaged directory is BAD_ZIP (exit 2)
 * from both commands, with the entries that are lost named where they can be.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');

/** The fixture document under another name (outputs are named after the document inside). */
const documentNamed = (name: string) => {
  const value = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { data: { document: { id: string; name: string } } };
  value.data.document = { id: name, name };
  return JSON.stringify(value);
};

async function twoDocuments(file: string): Promise<{ bytes: Buffer; written: WrittenZip }> {
  const written = await writeZip(file, [
    { name: 'P-1/REVIEW/a.txt.json', content: documentNamed('a.txt') },
    { name: 'P-1/REVIEW/b.txt.json', content: documentNamed('b.txt') },
  ]);
  return { bytes: await fs.readFile(file), written };
}

/** Damages: each takes the archive and its offsets and gives the damaged bytes. */
const CASES: { name: string; damage: (bytes: Buffer, z: WrittenZip) => Buffer; message: RegExp }[] = [
  {
    name: 'the last entry cut short (the end record unchanged)',
    damage: (bytes, z) => Buffer.concat([bytes.subarray(0, z.endRecord - 10), bytes.subarray(z.endRecord)]),
    message: /the central directory (is damaged at entry 2 of 2|would start)/,
  },
  {
    name: 'the last entry cut short and the end record counting one entry',
    damage: (bytes, z) => {
      const end = Buffer.from(bytes.subarray(z.endRecord));
      end.writeUInt16LE(1, 8);
      end.writeUInt16LE(1, 10);
      return Buffer.concat([bytes.subarray(0, z.endRecord - 10), end]);
    },
    message: /its end record counts 1 entries in \d+ bytes, the 1 entries take \d+ bytes; entries not counted: "P-1\/REVIEW\/[^"]*… \(cut short\)"/,
  },
  {
    name: 'the last entry missing (the end record still counting two)',
    damage: (bytes, z) => Buffer.concat([bytes.subarray(0, z.directoryRecords[1]), bytes.subarray(z.endRecord)]),
    message: /the central directory is damaged at entry 2 of 2/,
  },
  {
    name: 'the end record counting one of two whole entries',
    damage: (bytes, z) => {
      const out = Buffer.from(bytes);
      out.writeUInt16LE(1, z.endRecord + 8);
      out.writeUInt16LE(1, z.endRecord + 10);
      return out;
    },
    message: /entries not counted: "P-1\/REVIEW\/b\.txt\.json"/,
  },
  {
    name: 'the end record counting one entry and its size shrunk to match',
    damage: (bytes, z) => {
      const out = Buffer.from(bytes);
      out.writeUInt16LE(1, z.endRecord + 8);
      out.writeUInt16LE(1, z.endRecord + 10);
      out.writeUInt32LE(z.directoryRecords[1] - z.directory, z.endRecord + 12);
      return out;
    },
    message: /entries not counted: "P-1\/REVIEW\/b\.txt\.json"/,
  },
];

describe('item 6: a damaged central directory is BAD_ZIP, never a silent half', () => {
  it('the undamaged archive converts both documents (the damage below is all that differs)', async () => {
    const box = await sandbox('item06-whole');
    await twoDocuments(box.input('whole.zip'));
    const run = await cli('convert', box.input('whole.zip'), '--to', 'TSV_IOB', '--out', box.out);
    expect(run.code).toBe(0);
    expect(await expectClean(box)).toHaveLength(2);
  });

  for (const variant of CASES) {
    it(`${variant.name}: convert and inspect exit 2 with BAD_ZIP, nothing written`, async () => {
      const box = await sandbox('item06');
      const zip = box.input('cut.zip');
      const { bytes, written } = await twoDocuments(zip);
      await fs.writeFile(zip, variant.damage(bytes, written));
      const convert = await cli('convert', zip, '--to', 'TSV_IOB', '--out', box.out);
      expectCleanError(convert.stderr);
      expect(convert.code).toBe(2);
      expect(convert.stderr).toContain('[BAD_ZIP]');
      expect(convert.stderr).toContain(zip);
      expect(convert.stderr).toMatch(variant.message);
      const inspect = await cli('inspect', zip);
      expect(inspect.code).toBe(2);
      expect(inspect.stdout).not.toMatch(/problems: none/);
      expect(inspect.stderr).toMatch(variant.message);
      expect(await expectClean(box)).toEqual([]);
    });
  }

  it('in a real process: exit 2, the lost entry named, nothing written', async () => {
    const box = await sandbox('item06-child');
    const zip = box.input('cut.zip');
    const { bytes, written } = await twoDocuments(zip);
    await fs.writeFile(zip, CASES[3].damage(bytes, written));
    const run = await runChild(['convert', zip, '--to', 'TSV_IOB', '--out', box.out]);
    expectCleanError(run.stderr);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/BAD_ZIP.*P-1\/REVIEW\/b\.txt\.json/s);
    expect(await expectClean(box)).toEqual([]);
  });
});
