import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/node/convert.js';
import { openInput } from '../../src/node/open-input.js';
import { filesUnder, shownMessage } from '../helpers/output-tree.js';
import { Report } from '../../src/core/report/report.js';
import { datasaurSchemaWriter } from '../../src/core/formats/schema/datasaur-schema.js';
import { resolveOptions } from '../../src/core/formats/options.js';
import { resolveFormats } from '../../src/core/formats/resolve-formats.js';
import { streamRowsFor } from '../../src/core/convert.js';
import { inRun } from '../../src/core/convert-document.js';

/**
 * A large row document's rows are streamed (read/streamed-document.ts): the same output bytes and
 * the same messages as when it is read whole. The threshold is forced to 0 here, so small
 * documents take the streamed path; memory and time are the bench's (scenario c), not a test's.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'dx-streamed-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STREAMING_FORMATS = ['CSV', 'TSV', 'JSON_TABULAR', 'XLSX', 'AMAZON_COMPREHEND_CSV', 'AZURE_AUTOML_CSV', 'GCP_VERTEX_AI_CSV', 'HF_TEXT_CLASSIFICATION', 'DATASAUR_SCHEMA'];
const fixture = path.resolve(__dirname, '../../fixtures/row-project/REVIEW/news.csv.json');



let runs = 0;
/** Converts `input` read whole and streamed; returns both runs' files and messages. */
async function both(input: string, to: string[], options: Record<string, unknown> = {}) {
  const run = async (streamRowsAbove: number | undefined) => {
    const outDir = path.join(dir, `out-${runs++}`);
    const report = new Report();
    await convert({ input, to: to as never, outDir, options, report, streamRowsAbove, flat: true });
    return { files: filesUnder(outDir), messages: report.all().map(shownMessage) };
  };
  return { whole: await run(undefined), streamed: await run(0) };
}

async function expectSame(input: string, to: string[], options: Record<string, unknown> = {}) {
  const { whole, streamed } = await both(input, to, options);
  expect([...streamed.files.keys()].sort()).toEqual([...whole.files.keys()].sort());
  expect(whole.files.size).toBeGreaterThan(0);
  for (const [name, bytes] of whole.files) expect(streamed.files.get(name)!.equals(bytes), name).toBe(true);
  expect([...streamed.messages].sort()).toEqual([...whole.messages].sort());
  return { whole, streamed };
}

/** A row document with what the table writers report: formulas, unknown answers, rows beyond the answers, defaults, unknown keys. */
function bigDocument(rows: number): string {
  const base = JSON.parse(readFileSync(fixture, 'utf8')) as { data: Record<string, unknown> };
  const data = base.data;
  const out: unknown[] = [];
  const answers: Record<string, unknown> = {};
  for (let r = 0; r < rows; r++) {
    const text = r % 97 === 0 ? `=HYPERLINK("x${r}")` : r % 89 === 0 ? 'line\r\nbreak, "quoted"\ttab' : `news ${r} é😀 ${'x'.repeat(400)}`;
    const cells: Record<string, unknown>[] = [{ content: text, tokens: [], line: r, index: 0 }, { content: String(r % 7), tokens: [], line: r, index: 1 }, { content: `https://example.com/${r}`, tokens: [], line: r, index: 2 }];
    if (r % 1000 === 5) cells.push({ content: 'a fourth cell' });
    if (r % 1500 === 7) cells[1] = { tokens: ['no', 'content'], odd: 1 };
    out.push(cells);
    if (r % 3 !== 0) answers[String(r)] = { ...(((data.rowAnswerSets as Record<string, Record<string, unknown>>)?.['0']) ?? {}) };
  }
  answers['99999999'] = { '1': 'for a row that is not there' };
  return JSON.stringify({ ...base, data: { ...data, rows: out, rowAnswerSets: { ...(data.rowAnswerSets as object), ...answers } } });
}

describe('streamed rows: a row document above the threshold converts to the same bytes and messages', () => {
  it('streams (rowStream, no rows held) only when every writer of the run streams and the file is above the threshold', async () => {
    const load = async (streamRowsAbove: number, rowStream: boolean) => (await openInput(fixture, { streamRowsAbove })).documents[0].load(new Report(), { rowStream });
    const streamed = await load(0, true);
    expect(streamed.rowStream?.count).toBeGreaterThan(0);
    expect(streamed.rows).toEqual([]);
    expect((await load(0, false)).rowStream).toBeUndefined();
    expect((await load(1 << 30, true)).rowStream).toBeUndefined();
    // A token document never streams: its first row stops the scan.
    const token = path.resolve(__dirname, '../../fixtures/token-project/REVIEW');
    const tokenFile = path.join(token, readdirSync(token).find((n) => n.endsWith('.json'))!);
    expect((await (await openInput(tokenFile, { streamRowsAbove: 0 })).documents[0].load(new Report(), { rowStream: true })).rowStream).toBeUndefined();
  });

  it('a run that names token writers too (`--to all`) streams a row document: only the writers of its kinds run on it', () => {
    // As `convert` takes them: CUSTOM (every kind, rows in memory) only with a transformer.
    const all = resolveFormats('all').filter((w) => inRun(w, { options: resolveOptions({}), explicit: false }));
    expect(resolveFormats('all').length - all.length).toBe(1);
    expect(all.some((w) => w.kinds.includes('TOKEN_BASED') && !w.streamsRows)).toBe(true);
    expect(streamRowsFor(all, ['ROW_BASED'])).toBe(true);
    expect(streamRowsFor(all.filter((w) => w.kinds.includes('ROW_BASED')), ['ROW_BASED'])).toBe(true);
    // A writer of the document's kinds that needs the rows in memory, or no writer at all: read whole.
    expect(streamRowsFor([...all, Object.assign({}, all.find((w) => w.name === 'CSV')!, { name: 'WHOLE', streamsRows: false })], ['ROW_BASED'])).toBe(false);
    expect(streamRowsFor(all.filter((w) => !w.kinds.includes('ROW_BASED')), ['ROW_BASED'])).toBe(false);
  });

  it('the fixture row document, every streaming format, one run and one run per format', async () => {
    await expectSame(fixture, STREAMING_FORMATS);
    for (const format of STREAMING_FORMATS) await expectSame(fixture, [format]);
  });

  it('a document of many batches (chunks of 64 KiB) with formulas, extra cells, defaulted content and unknown keys', async () => {
    const file = path.join(dir, 'big.csv.json');
    writeFileSync(file, bigDocument(5_000));
    expect(statSync(file).size).toBeGreaterThan(2 << 20);
    const { streamed } = await expectSame(file, STREAMING_FORMATS);
    expect(streamed.messages.join('\n')).toMatch(/FormulaNotEscaped/);
    await expectSame(file, ['CSV', 'XLSX'], { escapeFormulas: true });
    await expectSame(file, ['TSV', 'JSON_TABULAR'], { docAnswersOnly: true });
    await expectSame(file, ['GCP_VERTEX_AI_CSV', 'AMAZON_COMPREHEND_CSV'], { textColumn: 'url', mlUse: 'training' });
    // A multi-label question (a list of class ids), one of its labels not among its options.
    const { streamed: multi } = await expectSame(file, ['HF_TEXT_CLASSIFICATION'], { labelQuestion: 'topics' });
    expect(multi.files.get('HF_TEXT_CLASSIFICATION/news.csv/dataset_info.json')!.toString()).toMatch(/"labels": \{\s+"feature": \{\s+"names": \[[^\]]*"a;b"/);
  });
});

describe('streamed rows: DATASAUR_SCHEMA writes the rows a batch at a time, and the same bytes where it cannot', () => {
  const file = (name: string, text: string) => {
    const at = path.join(dir, name);
    writeFileSync(at, text);
    return at;
  };
  /** The streamed run's DATASAUR_SCHEMA file, and whether the writer handed it out in pieces. */
  const streamedPieces = async (input: string) => {
    const { documents } = await openInput(input, { streamRowsAbove: 0 });
    const doc = await documents[0].load(new Report(), { rowStream: true });
    expect(doc.rowStream).toBeDefined();
    const [out] = await datasaurSchemaWriter.writeDocument(doc, { options: resolveOptions({}), report: new Report() });
    return typeof out.content !== 'string';
  };

  it('a table of plain integers: streamed in pieces', async () => {
    const input = file('plain.csv.json', bigDocument(3_000));
    expect(await streamedPieces(input)).toBe(true);
    await expectSame(input, ['DATASAUR_SCHEMA', 'CSV']);
  });

  it('a byte order mark before the document: written back in front of the streamed file', async () => {
    // With the trailing newline the server writes: the file comes back byte for byte.
    const input = file('bom.csv.json', '\uFEFF' + bigDocument(3_000) + '\n');
    expect(await streamedPieces(input)).toBe(true);
    const { streamed } = await expectSame(input, ['DATASAUR_SCHEMA']);
    expect([...streamed.files.values()][0].equals(readFileSync(input))).toBe(true);
  });

  it('a fraction in the rows (1.50): read into memory, the bytes a whole read gives (1.5)', async () => {
    const input = file('fraction.csv.json', bigDocument(3_000).replaceAll('"odd":1', '"odd":1.50'));
    expect(await streamedPieces(input)).toBe(false);
    await expectSame(input, ['DATASAUR_SCHEMA', 'CSV']);
  });

  it('a number a double cannot hold, in the rows only: its source text written back and reported, as a whole read does', async () => {
    const input = file('inexact.csv.json', bigDocument(3_000).replaceAll('"odd":1', '"odd":12345678901234567890123'));
    const { streamed } = await expectSame(input, ['DATASAUR_SCHEMA']);
    expect(streamed.messages.filter((m) => m.includes('InexactNumber'))).toHaveLength(1);
    expect([...streamed.files.values()][0].toString()).toContain('"odd":12345678901234567890123');
  });

  it("a document that holds the writer's stand-in for the rows: read into memory, the same bytes", async () => {
    const text = bigDocument(3_000).replace('"columns":[{', `"columns":[{"note":${JSON.stringify('\u0000rows written apart\u0000')},`);
    expect(text).toContain('"note":"\\u0000rows');
    const input = file('stand-in.csv.json', text);
    expect(await streamedPieces(input)).toBe(false);
    await expectSame(input, ['DATASAUR_SCHEMA']);
  });
});

describe('streamed rows: bad rows give the error a whole read gives', () => {
  const good = (r: number) => `[{"content":"row ${r} ${'y'.repeat(300)}"},{"content":"b"}]`;
  /** A row document of `rows` rows, with row `at` replaced by `bad` (far enough to be in a later batch). */
  const withBadRow = (bad: string, rows = 6000, at = 5000) => {
    const parts: string[] = [];
    for (let r = 0; r < rows; r++) parts.push(r === at ? bad : good(r));
    return `{"version":"1","data":{"project":{"id":"p","name":"P"},"kinds":["ROW_BASED"],"columns":[{"name":"a"},{"name":"b"}],"rows":[${parts.join(',')}],"rowQuestions":[],"rowAnswerSets":{}}}`;
  };
  const errorOf = async (file: string, streamRowsAbove: number | undefined, to: string[]) => {
    try {
      await convert({ input: file, to: to as never, outDir: path.join(dir, `bad-${runs++}`), streamRowsAbove, flat: true, report: new Report() });
    } catch (error) {
      const e = error as { code?: string; message: string; file?: string; where?: string; expected?: string };
      return { code: e.code, message: e.message, file: e.file, where: e.where, expected: e.expected };
    }
    return undefined;
  };
  const cases: Record<string, string> = {
    'a cell that is not an object': '[{"content":"a"},7]',
    'content of the wrong type': '[{"content":"a"},{"content":12}]',
    'tokens that are not strings': '[{"content":"a","tokens":[1]}]',
    'metadata of the wrong shape': '[{"content":"a","metadata":[{"value":1}]}]',
    'a syntax error inside a row': '[{"content":"a"},{"content":tru}]',
    'a row that is not an array': '{"content":"a"}',
    'the JSON cut short': '[{"content":"a"}',
  };
  for (const [what, bad] of Object.entries(cases)) {
    it(what, async () => {
      const file = path.join(dir, `bad-${what.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, withBadRow(bad));
      expect(statSync(file).size).toBeGreaterThan(1 << 20);
      for (const to of [['CSV'], ['XLSX', 'AMAZON_COMPREHEND_CSV'], ['DATASAUR_SCHEMA'], ['HF_TEXT_CLASSIFICATION', 'DATASAUR_SCHEMA']]) {
        const whole = await errorOf(file, undefined, to);
        expect(whole?.code, what).toBeDefined();
        expect(await errorOf(file, 0, to)).toEqual(whole);
      }
      // Nothing was written: outputs are staged and the run failed.
      for (const name of readdirSync(dir).filter((n) => n.startsWith('bad-') && !n.endsWith('.json'))) expect(readdirSync(path.join(dir, name))).toEqual([]);
    });
  }
});
