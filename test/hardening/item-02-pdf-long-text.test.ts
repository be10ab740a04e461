import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClean, expectCleanError, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 2: a TSV with one 50 MB token, or a 200 MB string in a JSON document, made the PDF
 * writer run out of memory (exit 134, temporary files left). The PDF draws such a text up to
 * 2,000 characters, marks the cut with "…" and reports it (TextCut); the run stays within a
 * capped heap and the other formats keep the text whole.
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/token-project/REVIEW/curie.txt.json');
const MB = 1_000_000;

/** Writes a file in pieces, so the test itself never holds the long string. */
async function writeInPieces(file: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

function* repeated(text: string, length: number): Generator<string> {
  const block = text.repeat(Math.ceil(1_000_000 / text.length));
  for (let left = length; left > 0; left -= block.length) yield block.slice(0, Math.min(block.length, left));
}

describe('item 2: the PDF cuts what it cannot lay out, within its memory', () => {
  it('a TSV with one 50 MB token: the PDF is written with the token cut and named, in a 512 MB heap; TSV_IOB keeps it whole', async () => {
    const box = await sandbox('item02-tsv');
    const file = box.input('long-token.tsv');
    await writeInPieces(file, (function* () {
      yield 'Aspirin\tB-DRUG\nhelps\tO\n';
      yield* repeated('longtoken', 50 * MB);
      yield '\tB-THING\nend\tO\n\nsecond\tO\nsentence\tO\n';
    })());
    const run = await runChild(['convert', file, '--to', 'SPAN_AND_ARROW_VISUALIZATION,TSV_IOB', '--out', box.out, '--report', box.report], { maxOldSpaceMb: 512, timeoutMs: 240_000 });
    expectCleanError(run.stderr);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    const files = await expectClean(box);
    const pdf = files.find((f) => f.endsWith('.pdf'));
    expect(pdf).toBeDefined();
    const bytes = await fs.readFile(path.join(box.out, pdf!));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Two thousand characters drawn, not fifty million: the file stays small.
    expect(bytes.length).toBeLessThan(200_000);
    const cut = (await readReport(box.report)).filter((m) => m.kind === 'TextCut');
    expect(cut).toHaveLength(1);
    expect(cut[0].severity).toBe('warning');
    expect(cut[0].text).toContain('50,000,000 characters');
    expect(cut[0].place?.row).toBe(0);
    const tsv = files.find((f) => f.endsWith('.tsv'))!;
    expect((await fs.stat(path.join(box.out, tsv))).size).toBeGreaterThan(50 * MB);
  }, 300_000);

  it('a 200 MB string in a JSON document (a row\'s only token): the PDF is written with it cut and named, in a 1.5 GB heap', async () => {
    const box = await sandbox('item02-json');
    const file = box.input('long-string.json');
    const doc = JSON.parse(await fs.readFile(FIXTURE, 'utf8')) as { data: { rows: Array<Array<{ content: string; tokens: string[] }>> } };
    doc.data.rows.push([{ ...doc.data.rows[0][0], content: '\u0000LONG\u0000', tokens: ['\u0000LONG\u0000'] }]);
    // The same 200 MB string as the row's content and as its one token.
    const [head, between, tail] = JSON.stringify(doc).split('\\u0000LONG\\u0000');
    await writeInPieces(file, (function* () {
      yield head;
      yield* repeated('abcdefghij', 200 * MB);
      yield between;
      yield* repeated('abcdefghij', 200 * MB);
      yield tail;
    })());
    const run = await runChild(['convert', file, '--to', 'SPAN_AND_ARROW_VISUALIZATION', '--out', box.out, '--report', box.report], { maxOldSpaceMb: 1536, timeoutMs: 300_000 });
    expectCleanError(run.stderr);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    const files = await expectClean(box);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    const cut = (await readReport(box.report)).filter((m) => m.kind === 'TextCut');
    expect(cut.map((m) => m.place?.row)).toEqual([doc.data.rows.length - 1]);
    expect(cut[0].text).toContain('200,000,000 characters');
  }, 360_000);
});
