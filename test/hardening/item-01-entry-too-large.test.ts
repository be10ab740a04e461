import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertExport } from '../../src/core/convert.js';
import { entryLimitForHeap, HEAP_BYTES_PER_ENTRY_BYTE, MAX_TEXT_BYTES } from '../../src/core/read/zip-entries.js';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';
import { writeZip } from './zip-writer.js';
import { bigTokenDocument } from './big-document.js';

/**
 * Issue 14 item 1: one entry too large to parse within memory (a 600 MB document stopped the run
 * with "Cannot create a string longer than 0x1fffffe8"; a 3.5 GB one aborted V8) must be one
 * skipped document, named, exit 1, the documents beside it converted; and the per-entry limit is
 * one the process can hold: it follows the heap (1/24 of it, and never past V8's longest string).
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');
const MB = 2 ** 20;

describe('item 1: an entry too large to parse is one skipped document', () => {
  it('a 600 MB document beside a good one: skipped before it is inflated, named with the limit, exit 1; the good one converted', async () => {
    const box = await sandbox('item01-600mb');
    const zip = box.input('huge.zip');
    await writeZip(zip, [
      { name: 'P-1/REVIEW/curie.txt.json', content: readFileSync(FIXTURE) },
      { name: 'P-1/REVIEW/huge.txt.json', content: bigTokenDocument('huge.txt', 600 * MB, { repeat: true }) },
    ]);
    expect((await fs.stat(zip)).size).toBeLessThan(20 * MB);
    // A 1 GB heap: the limit is about 45 MB; without it the document would need 600 MB as one string.
    const run = await runChild(['convert', zip, '--to', 'TSV_IOB', '--out', box.out, '--report', box.report], { maxOldSpaceMb: 1024 });
    expectCleanError(run.stderr);
    expect(run.code).toBe(1);
    expect(await expectClean(box)).toEqual([path.join('TSV_IOB', 'P-1', 'REVIEW', 'curie.txt.tsv')]);
    const skipped = (await readReport(box.report)).filter((m) => m.kind === 'DocumentSkipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0].place?.file).toBe(`${zip}!P-1/REVIEW/huge.txt.json`);
    expect(skipped[0].text).toMatch(/the file expands to \d{9} bytes, more than the \d+ bytes one document may have in this process/);
    expect(run.stdout).toMatch(/1 document\(s\) skipped/);
  });

  it('the limit is what the heap holds: under a 256 MB heap a 10 MB document converts and a 16 MB one is skipped, named', async () => {
    const box = await sandbox('item01-heap');
    const zip = box.input('two-big.zip');
    await writeZip(zip, [
      { name: 'P-1/REVIEW/curie.txt.json', content: readFileSync(FIXTURE) },
      { name: 'P-1/REVIEW/fits.txt.json', content: bigTokenDocument('fits.txt', 10 * MB) },
      { name: 'P-1/REVIEW/too-big.txt.json', content: bigTokenDocument('too-big.txt', 16 * MB, { repeat: true }) },
    ]);
    const run = await runChild(['convert', zip, '--to', 'TSV_IOB,DATASAUR_SCHEMA', '--out', box.out, '--report', box.report], { maxOldSpaceMb: 256, timeoutMs: 180_000 });
    expectCleanError(run.stderr);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    const files = await expectClean(box);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['curie.txt.json', 'curie.txt.tsv', 'fits.txt.json', 'fits.txt.tsv']);
    // The document that fit is whole: its DATASAUR_SCHEMA output holds every row.
    const written = JSON.parse(await fs.readFile(path.join(box.out, files.find((f) => f.endsWith('fits.txt.json'))!), 'utf8')) as { data: { rows: unknown[] } };
    expect(written.data.rows.length).toBeGreaterThan(50_000);
    const skipped = (await readReport(box.report)).filter((m) => m.kind === 'DocumentSkipped');
    expect(skipped.map((m) => m.place?.file)).toEqual([`${zip}!P-1/REVIEW/too-big.txt.json`]);
  });

  it('the in-memory API applies the same limit (given, or sized for a 4 GiB heap), and V8 bounds it', async () => {
    expect(entryLimitForHeap(4 * 1024 ** 3)).toBe(Math.floor(4 * 1024 ** 3 / HEAP_BYTES_PER_ENTRY_BYTE));
    expect(entryLimitForHeap(64 * 1024 ** 3)).toBe(MAX_TEXT_BYTES);
    const zip = new Uint8Array(await fs.readFile(path.resolve(__dirname, '../../fixtures/token-project.zip')));
    const run = convertExport(zip, { to: ['TSV_IOB'], limits: { maxEntryBytes: 1000 } });
    const files = [];
    for await (const file of run) files.push(file.path);
    expect(files).toEqual([]);
    expect(run.documents).toEqual({ converted: 0, skipped: 1 });
    expect(run.exitCode).toBe(1);
    expect(run.report.all().filter((m) => m.kind === 'DocumentSkipped').map((m) => m.text)).toEqual([expect.stringMatching(/the file expands to 6956 bytes, more than the 1000 bytes/)]);
  });
});
