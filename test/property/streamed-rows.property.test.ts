import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/node/convert.js';
import { openInput } from '../../src/node/open-input.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { filesUnder, shownMessage } from '../helpers/output-tree.js';
import { Report } from '../../src/core/report/report.js';
import { rowDocumentArb } from './arbitraries/row-document.js';
import { rowWriters } from './run-writer.js';
import { propertyParams, PROPERTY_TIMEOUT } from './config.js';

/**
 * Issue 15 item 6: a row document whose rows are streamed (read a batch at a time, as a file over
 * the threshold is) converts to the same bytes and the same messages as the document read whole,
 * for every row format in one run. Random row documents, their rows repeated past one chunk of the
 * file or not, with numbers of every form in the rows (the streamed DATASAUR_SCHEMA writes rows with
 * JSON.stringify only when each is a plain integer) and with or without a byte order mark.
 */
const NUMBER_TEXTS = ['7', '-3', '0', '123456789012345', '1234567890123456', '1.5', '1.50', '1e3', '2E-7', '-0', '12345678901234567890123'];

const shapeArb = fc.record({
  repeat: fc.constantFrom(1, 1, 300),
  numbers: fc.array(fc.record({ row: fc.nat(), cell: fc.nat(), text: fc.constantFrom(...NUMBER_TEXTS) }), { maxLength: 3 }),
  byteOrderMark: fc.boolean(),
  // Which row formats the run writes: all nine, or some (a run without DATASAUR_SCHEMA says what a whole read says too).
  formats: fc.option(fc.subarray(rowWriters().map((w) => w.name), { minLength: 1 }), { nil: undefined, freq: 2 }),
  // The options the row writers take; a name no column or question has gives the same error both ways.
  options: fc.record({
    escapeFormulas: fc.boolean(),
    docAnswersOnly: fc.boolean(),
    textColumn: fc.option(fc.constantFrom('text', 'label', 'notes', 'no such column'), { nil: undefined }),
    labelQuestion: fc.option(fc.constantFrom('row0', 'row1', 'row question 2', 'no such question'), { nil: undefined }),
  }),
});

type Shape = typeof shapeArb extends fc.Arbitrary<infer T> ? T : never;
type Cell = Record<string, unknown>;

/** The document's DATASAUR_SCHEMA text with its rows repeated and numbers put in cells as raw JSON text. */
function documentText(serialized: string, shape: Shape): string {
  const json = JSON.parse(serialized) as { data: { rows?: Cell[][] } };
  const rows = json.data.rows ?? [];
  if (rows.length > 0) {
    const repeated: Cell[][] = [];
    for (let r = 0; r < rows.length * shape.repeat; r++) repeated.push(rows[r % rows.length].map((cell) => Object.assign({}, cell, { line: r })));
    json.data.rows = repeated;
    // A stand-in string per number, replaced by the number's text after stringify (JSON.stringify would write 1.50 as 1.5).
    shape.numbers.forEach((n, k) => {
      const row = repeated[n.row % repeated.length];
      if (row.length) row[n.cell % row.length] = Object.assign({}, row[n.cell % row.length], { x: `\u0001N${k}\u0001` });
    });
  }
  let text = JSON.stringify(json);
  shape.numbers.forEach((n, k) => (text = text.replace(JSON.stringify(`\u0001N${k}\u0001`), n.text)));
  return (shape.byteOrderMark ? '\uFEFF' : '') + text + '\n';
}

const dir = mkdtempSync(path.join(tmpdir(), 'dx-streamed-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));



let runs = 0;
let streamedRuns = 0;
async function run(input: string, streamRowsAbove: number | undefined, options: Shape['options'], formats = rowWriters().map((w) => w.name)) {
  const outDir = path.join(dir, `out-${runs++}`);
  const report = new Report();
  let error: string | undefined;
  try {
    await convert({ input, to: formats as never, outDir, report, streamRowsAbove, flat: true, options });
  } catch (e) {
    error = String(e);
  }
  const out = { error, files: error ? new Map<string, Buffer>() : filesUnder(outDir), messages: report.all().map(shownMessage).sort() };
  rmSync(outDir, { recursive: true, force: true });
  return out;
}

describe('streamed rows, property: the same files and messages as the document read whole', () => {
  it('the row formats, all or some in one run, random row documents and options, numbers of every form, with or without a byte order mark', async () => {
    await fc.assert(
      fc.asyncProperty(rowDocumentArb, shapeArb, async (doc, shape) => {
        const input = path.join(dir, `doc-${runs}.csv.json`);
        writeFileSync(input, documentText(serializeDatasaurSchema(doc), shape));
        // Streamed it is (a row document with rows): the scan took it.
        const loaded = await (await openInput(input, { streamRowsAbove: 0 })).documents[0].load(new Report(), { rowStream: true });
        if (doc.rows.length > 0) expect(loaded.rowStream).toBeDefined();
        if (loaded.rowStream) streamedRuns++;
        const [whole, streamed] = [await run(input, undefined, shape.options, shape.formats), await run(input, 0, shape.options, shape.formats)];
        expect(streamed.error).toEqual(whole.error);
        // A run that fails (an unknown text column or question) writes nothing; a whole read has
        // reported what reading the rows says by then, a streamed one has not read them.
        if (whole.error) return;
        expect([...streamed.files.keys()].sort()).toEqual([...whole.files.keys()].sort());
        for (const [name, bytes] of whole.files) expect(streamed.files.get(name)!.equals(bytes), name).toBe(true);
        expect(streamed.messages).toEqual(whole.messages);
        rmSync(input);
      }),
      propertyParams(20),
    );
    expect(streamedRuns).toBeGreaterThan(0);
  }, PROPERTY_TIMEOUT);
});
