import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NotStreamable, scanRows, type RowScan } from '../../src/core/read/row-stream.js';
import { fileRowStream } from '../../src/core/read/row-source.js';
import { rowBatchesAt } from '../../src/core/read/row-batches-at.js';
import { sampleZips } from '../helpers/samples.js';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** How a large row document is read: the scan, then a pass over its rows at the scan's offsets. */
async function streamRows(bytes: Uint8Array, chunkSize: number, onRows: (batch: unknown[], first: number) => void): Promise<RowScan> {
  const scan = await scanRows(chunked(bytes, chunkSize));
  for await (const { batch, first } of rowBatchesAt(() => chunked(bytes, chunkSize), scan.bounds)) onRows(batch, first);
  return scan;
}

/**
 * The rows the scan and a pass hand out and the frame, against `JSON.parse` of the whole text; a
 * text that is not a DATASAUR_SCHEMA envelope (an array, a container beside `data`) is refused.
 */
async function expectSameAsWhole(bytes: Uint8Array, chunkSize: number): Promise<void> {
  const whole = JSON.parse(new TextDecoder().decode(bytes)) as { data?: { rows?: unknown[] } };
  const rows: unknown[] = [];
  const firsts: number[] = [];
  let result: RowScan;
  try {
    result = await streamRows(bytes, chunkSize, (batch, first) => {
      firsts.push(first);
      rows.push(...batch);
    });
  } catch (error) {
    expect(error).toBeInstanceOf(NotStreamable);
    const envelope = !Array.isArray(whole) && Object.entries(whole).every(([key, value]) => key === 'data' || value === null || typeof value !== 'object');
    expect(envelope, 'only a text that is not an envelope is refused').toBe(false);
    return;
  }
  const wholeRows = Array.isArray(whole.data?.rows) ? whole.data.rows : undefined;
  expect(result.hadRows).toBe(wholeRows !== undefined);
  expect(rows).toEqual(wholeRows ?? []);
  expect(result.rowCount).toBe(rows.length);
  // Batches come in order, each starting where the last one ended.
  expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  const frame = wholeRows === undefined ? whole : { ...whole, data: { ...whole.data, rows: [] } };
  // Same keys in the same order (writers reproduce the source order), rows emptied in place.
  expect(JSON.stringify(result.frame)).toBe(JSON.stringify(frame));
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('row stream: data.rows of a DATASAUR_SCHEMA document read a batch at a time', () => {
  it('gives the rows and the frame JSON.parse gives, for every fixture document, at several chunk sizes', async () => {
    const files = jsonFiles(path.resolve(__dirname, '../../fixtures'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) for (const size of [7, 64, 1 << 16]) await expectSameAsWhole(readFileSync(file), size);
  });

  it('gives the same as JSON.parse for every JSON document inside the samples', async () => {
    let documents = 0;
    for (const zip of await sampleZips()) {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
        if (!name.endsWith('.json')) continue;
        documents++;
        await expectSameAsWhole(bytes, 4096);
      }
    }
    expect(documents).toBeGreaterThan(10);
  });

  it('cut at every byte: escapes, quotes and brackets inside strings, keys that look like rows, non-ASCII, a byte order mark', async () => {
    const text =
      '\uFEFF{"version":"1","rows":"[[not these]]","data":{"x":{"rows":[[1]]},"rows" : [ [{"content":"a \\"]\\\\"},{"content":"[{,}]"}] , [] ,[{"content":"é😀\\u005d","metadata":[{"key":"k","value":"v"}]}]],' +
      '"note":"\\\\","rowAnswerSets":{"0":{"1":"x"}}}}';
    const bytes = encode(text);
    for (let size = 1; size <= 12; size++) await expectSameAsWhole(bytes, size);
  });

  it('a document without data.rows is all frame; rows = [] gives no batch; a text that is not an envelope is refused', async () => {
    await expectSameAsWhole(encode('{"version":"1","data":{"columns":[{"name":"a"}]}}'), 5);
    await expect(scanRows(chunked(encode('{"sentences":[{"id":0}],"rows":[[1]]}'), 5))).rejects.toBeInstanceOf(NotStreamable);
    const calls: unknown[] = [];
    const result = await streamRows(encode('{"data":{"rows":[],"columns":[]}}'), 3, (batch) => void calls.push(batch));
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ hadRows: true, rowCount: 0 });
  });

  it('refuses (NotStreamable) what the whole-document reader must judge: cut short, bad JSON, a row that is not an array', async () => {
    const cases = ['{"data":{"rows":[[{"content":"a"}],[{"con', '{"data":{"rows":[[{"content":"a"}] [1]]}}', '{"data":{"rows":[1,2]}}', '{"data":{"rows":[[1]]}', '{"data":{"rows":[[1]]}}x', '{"data":{"rows":[,[1]]}}', '{"data":{"rows":[[1],,[2]]}}', '{"data":{"rows":[[1],]}}'];
    for (const text of cases) await expect(streamRows(encode(text), 4, () => {}), text).rejects.toBeInstanceOf(NotStreamable);
  });
});

describe('row scan: the first pass over a large row document (no row parsed but the first)', () => {
  it('finds the frame, the row count, the widest row and the first row that a whole parse finds, at several chunk sizes', async () => {
    const files = jsonFiles(path.resolve(__dirname, '../../fixtures'));
    for (const file of files) {
      const bytes = readFileSync(file);
      const whole = JSON.parse(new TextDecoder().decode(bytes)) as { data?: { rows?: unknown[] } };
      const rows = Array.isArray(whole.data?.rows) ? whole.data.rows : undefined;
      for (const size of [7, 64, 1 << 16]) {
        const scan = await scanRows(chunked(bytes, size));
        expect(scan.hadRows, file).toBe(rows !== undefined);
        expect(scan.rowCount).toBe(rows?.length ?? 0);
        expect(scan.widest).toBe((rows ?? []).reduce((w: number, r) => Math.max(w, (r as unknown[]).length), 0));
        expect(scan.firstRow).toEqual(rows?.[0]);
        const frame = rows === undefined ? whole : { ...whole, data: { ...whole.data, rows: [] } };
        expect(JSON.stringify(scan.frame)).toBe(JSON.stringify(frame));
      }
    }
  });

  it('counts cells of every kind, across chunk cuts, with brackets inside strings', async () => {
    const bytes = encode('\uFEFF{"data":{"rows":[[{"content":"[{]"}],[{"a":[1,[2]]},"x",{"content":"é😀"}],[]],"rowAnswerSets":{}}}');
    for (let size = 1; size <= 9; size++) {
      const scan = await scanRows(chunked(bytes, size));
      expect(scan).toMatchObject({ rowCount: 3, widest: 3, hadRows: true, firstRow: [{ content: '[{]' }] });
    }
  });

  it('refuses bytes that are not UTF-8, in the rows or in the frame, and what streamRows refuses', async () => {
    const bad = (text: string, at: number) => {
      const bytes = encode(text);
      const out = new Uint8Array(bytes.length + 1);
      out.set(bytes.subarray(0, at));
      out[at] = 0xff;
      out.set(bytes.subarray(at), at + 1);
      return out;
    };
    const text = '{"data":{"rows":[[{"content":"ab"}],[{"content":"cd"}]],"x":"yz"}}';
    for (const at of [text.indexOf('cd') + 1, text.indexOf('yz') + 1]) {
      for (const size of [3, 1000]) await expect(scanRows(chunked(bad(text, at), size))).rejects.toBeInstanceOf(NotStreamable);
    }
    await expect(scanRows(chunked(encode('{"data":{"rows":[1,2]}}'), 4))).rejects.toBeInstanceOf(NotStreamable);
  });
});

describe('row scan: stops early on what is not a row document', () => {
  it('stops at a root array, a container beside data, and a first row the caller refuses', async () => {
    for (const text of ['[{"a":1}]', '{"sentences":[{"id":0}],"data":{"rows":[]}}', '{"version":"1","extra":{"x":1},"data":{"rows":[]}}']) {
      await expect(scanRows(chunked(encode(text), 4)), text).rejects.toBeInstanceOf(NotStreamable);
    }
    const seen: unknown[] = [];
    const refuse = (row: unknown) => (seen.push(row), false);
    await expect(scanRows(chunked(encode('{"data":{"rows":[[{"content":"a b","tokens":["a","b"]}],[1'), 4), { firstRowFits: refuse })).rejects.toBeInstanceOf(NotStreamable);
    expect(seen).toEqual([[{ content: 'a b', tokens: ['a', 'b'] }]]);
  });

  it('says whether the bytes start with a byte order mark', async () => {
    expect((await scanRows(chunked(encode('\uFEFF{"data":{"rows":[]}}'), 2))).byteOrderMark).toBe(true);
    expect((await scanRows(chunked(encode('{"data":{"rows":[]}}'), 2))).byteOrderMark).toBe(false);
  });
});

describe('row scan: whether every number in the rows is a plain integer (JSON.stringify writes its text back)', () => {
  const plain = async (rowsText: string, size: number) => (await scanRows(chunked(encode(`{"data":{"x":1.5,"rows":[${rowsText}],"y":-0}}`), size))).plainNumbers;
  it('plain: integers of up to 15 digits, negative, zero, inside nested values; numbers in the frame do not count', async () => {
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(await plain('[{"line":0,"index":12,"x":-7,"deep":{"a":[1,-20,[300]]}},{"n":999999999999999,"s":"1.5e3 -0 in a string"}]', size), `size ${size}`).toBe(true);
      expect(await plain('', size)).toBe(true);
    }
  });
  it('not plain: a fraction, an exponent, -0, 16 digits; at every cut of the text', async () => {
    for (const number of ['1.5', '1.0', '1e3', '2E-7', '-0', '-0.0', '1234567890123456', '-1234567890123456']) {
      for (const size of [1, 2, 3, 5, 1000]) expect(await plain(`[{"line":0,"x":${number},"index":1}]`, size), `${number} at size ${size}`).toBe(false);
    }
  });
});

describe('row scan: data.rowAnswerSets parsed a batch of entries at a time', () => {
  it('gives the record JSON.parse gives: key order, a repeated key, __proto__, nested and numeric sets, cut at every byte', async () => {
    const text =
      '{"data":{"rowAnswerSets":{"b":{"1":"x"},"2":{"1":"x"} , "0":{"1":["a","b"],"2":{"n":1.5}},"b":{"1":"y"},"__proto__":{"1":"x"},"a":null,"1":{"1":-0,"Q2":"é😀,}{"}},' +
      '"rows":[[{"content":"a"}]],"after":{"rowAnswerSets":{"not":"these"}}}}';
    const bytes = encode(text);
    for (let size = 1; size <= 12; size++) {
      await expectSameAsWhole(bytes, size);
      const scan = await scanRows(chunked(bytes, size));
      expect(JSON.stringify(scan.frame)).toBe(JSON.stringify(JSON.parse(text, (key, value: unknown) => (key === 'rows' ? [] : value))));
      const sets = (scan.frame as { data: { rowAnswerSets: Record<string, unknown> } }).data.rowAnswerSets;
      expect(Object.getPrototypeOf(sets)).toBe(Object.prototype);
      expect(Object.keys(sets)).toEqual(['0', '1', '2', 'b', '__proto__', 'a']);
      // Identical flat sets are one value; -0 stays -0.
      expect(sets['2']).toBe(sets.__proto__);
      expect(Object.is((sets['1'] as { 1: number })[1], -0)).toBe(true);
    }
  });

  it('refuses what JSON.parse refuses in the answers, and a record it cannot put back', async () => {
    const cases = [
      '{"data":{"rowAnswerSets":{,"0":{}},"rows":[]}}',
      '{"data":{"rowAnswerSets":{"0":{},,"1":{}},"rows":[]}}',
      '{"data":{"rowAnswerSets":{"0":{},},"rows":[]}}',
      '{"data":{"rowAnswerSets":{"0":{} "1":{}},"rows":[]}}',
      '{"data":{"rowAnswerSets":{"0"},"rows":[]}}',
      '{"data":{"rowAnswerSets":{\uFEFF"0":{}},"rows":[]}}',
      // A later record JSON.parse would keep instead, the escaped key or a second one.
      '{"data":{"rowAnswerSets":{"0":{}},"rowAnswer\\u0053ets":{},"rows":[]}}',
      '{"data":{"rowAnswerSets":{"0":{}},"rowAnswerSets":{"1":{}},"rows":[]}}',
      '{"data":{"rowAnswerSets":{"0":{}},"rows":[]},"data":{"rows":[]}}',
    ];
    for (const text of cases) {
      for (const size of [3, 1000]) await expect(scanRows(chunked(encode(text), size)), text).rejects.toBeInstanceOf(NotStreamable);
    }
    // A lone UTF-8 lead byte just before the record's closing brace is not dropped by the decoder.
    const bytes = encode('{"data":{"rowAnswerSets":{"0":{}},"rows":[]}}');
    const at = bytes.indexOf(0x7d, bytes.indexOf(0x7b, 27) + 2);
    const bad = new Uint8Array([...bytes.subarray(0, at), 0xc3, ...bytes.subarray(at)]);
    await expect(scanRows(chunked(bad, 5))).rejects.toBeInstanceOf(NotStreamable);
  });

  it('a record that is not an object stays in the frame as JSON.parse gives it', async () => {
    for (const text of ['{"data":{"rowAnswerSets":null,"rows":[]}}', '{"data":{"rowAnswerSets":[{"0":1}],"rows":[]}}', '{"data":{"rowAnswerSets":null,"rowAnswerSets":{"0":{"1":"x"}},"rows":[]}}']) {
      for (const size of [1, 4, 1000]) expect(JSON.stringify((await scanRows(chunked(encode(text), size))).frame)).toBe(JSON.stringify(JSON.parse(text)));
    }
  });
});

describe('rows at the scan\'s offsets: the passes that parse rows after the scan (row-batches-at.ts)', () => {
  /** Every row of a pass at the offsets of a scan made with `scanSize` chunks, read in `passSize` chunks. */
  async function rowsAt(bytes: Uint8Array, scanSize: number, passSize: number): Promise<{ rows: unknown[]; firsts: number[] }> {
    const scan = await scanRows(chunked(bytes, scanSize));
    const rows: unknown[] = [];
    const firsts: number[] = [];
    for await (const { batch, first } of rowBatchesAt(() => chunked(bytes, passSize), scan.bounds)) {
      expect(first).toBe(rows.length);
      firsts.push(first);
      rows.push(...batch);
    }
    return { rows, firsts };
  }

  it('a document of no rows: a pass over its rows ends without opening the file', async () => {
    // A Node read stream opened and never read holds its descriptor, and fails with no one
    // listening if the file is gone by then (found by test/property/streamed-rows.property.test.ts).
    const scan = await scanRows(chunked(encode('{"data":{"kinds":["ROW_BASED"],"rows":[]}}'), 4));
    expect(scan.bounds.ends).toEqual([]);
    let opened = 0;
    const chunks = () => {
      opened++;
      return chunked(encode('{"data":{"kinds":["ROW_BASED"],"rows":[]}}'), 4);
    };
    const never = async (): Promise<never> => {
      throw new Error('not called');
    };
    const stream = fileRowStream({ count: 0, width: 0, bounds: scan.bounds, plainNumbers: true }, chunks, never, ['ROW_BASED'], { file: 'none.json' }, never, () => false);
    for await (const rows of stream.batches()) expect(rows).toEqual([]);
    expect(opened).toBe(0);
  });

  it('a pass left after its first batch closes the file', async () => {
    const text = `{"data":{"kinds":["ROW_BASED"],"rows":[${Array.from({ length: 50 }, (_, r) => `[{"content":"row ${r}"}]`).join(',')}]}}`;
    const scan = await scanRows(chunked(encode(text), 64));
    expect(scan.bounds.ends.length).toBeGreaterThan(2);
    let closed = 0;
    const chunks = async function* () {
      try {
        yield* chunked(encode(text), 64);
      } finally {
        closed++;
      }
    };
    const never = async (): Promise<never> => {
      throw new Error('not called');
    };
    const stream = fileRowStream({ count: scan.rowCount, width: 1, bounds: scan.bounds, plainNumbers: true }, chunks, never, ['ROW_BASED'], { file: 'rows.json' }, never, () => false);
    for await (const rows of stream.batches()) {
      expect(rows.length).toBeGreaterThan(0);
      break;
    }
    expect(closed).toBe(1);
  });

  it('gives the rows JSON.parse gives, whatever the chunk sizes of the scan and of the pass', async () => {
    const tricky = encode(
      '\uFEFF{"version":"1","data":{"x":{"rows":[[1]]},"rows" : [ [{"content":"a \\"]\\\\"},{"content":"[{,}]"}] , [] ,[{"content":"é😀\\u005d","metadata":[{"key":"k","value":"v"}]}]\n ],' +
        '"note":"\\\\","rowAnswerSets":{"0":{"1":"x"}}}}',
    );
    const documents = [tricky, ...jsonFiles(path.resolve(__dirname, '../../fixtures')).map((file) => readFileSync(file))];
    for (const bytes of documents) {
      const whole = JSON.parse(new TextDecoder().decode(bytes)) as { data?: { rows?: unknown[] } };
      const rows = Array.isArray(whole.data?.rows) ? whole.data.rows : [];
      for (const [scanSize, passSize] of [[1, 1], [3, 7], [7, 3], [64, 1 << 16], [1 << 16, 5], [4096, 4096]]) {
        const read = await rowsAt(bytes, scanSize, passSize);
        expect(read.rows).toEqual(rows);
      }
    }
  });

  it('refuses bytes that are not the ones scanned: a row fewer, a row more, the file cut, a row broken', async () => {
    const text = '{"data":{"rows":[[{"content":"a"}],[{"content":"b"}],[{"content":"c"}]],"columns":[]}}';
    const scan = await scanRows(chunked(encode(text), 4));
    const changed = [
      text.replace('[{"content":"b"}],', ''),
      text.replace('[{"content":"b"}],', '[{"content":"b"}],[{"content":"b2"}],'),
      text.slice(0, 40),
      text.replace('{"content":"b"}', '{"content":"b}'),
    ];
    for (const other of changed) {
      await expect(
        (async () => {
          for await (const batch of rowBatchesAt(() => chunked(encode(other), 4), scan.bounds)) void batch;
        })(),
        other,
      ).rejects.toBeInstanceOf(NotStreamable);
    }
  });
});
