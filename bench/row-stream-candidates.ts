/**
 * Reading scenario c's rows: `JSON.parse` of the whole document (the floor's parse) against the
 * streaming candidates, on the same bytes held in memory as 1 MiB chunks, in one process,
 * alternating, 5 rounds (user CPU seconds, min and median: the machine is shared).
 *
 *   npx tsx --expose-gc bench/row-stream-candidates.ts [rows=200000]
 *
 * Candidates: `src/core/read/row-stream.ts` with `row-batches-at.ts` (a scan for row boundaries,
 * then a pass that parses each batch of rows with `JSON.parse` where the scan found them) and `@streamparser/json` (kept, runs anywhere; not a dependency: `npm i --no-save
 * @streamparser/json` to include it).
 */
import { readFileSync } from 'node:fs';
import { rowDocument } from './generate/index.js';
import { scanRows } from '../src/core/read/row-stream.js';
import { rowBatchesAt } from '../src/core/read/row-batches-at.js';

type Parser = { onValue: (v: unknown) => void; write(chunk: Uint8Array): void };
const rows = Number(process.argv[2] ?? 200_000);
const file = rowDocument(1, rows);
const bytes = readFileSync(file.path);
const chunks: Uint8Array[] = [];
for (let at = 0; at < bytes.length; at += 1 << 20) chunks.push(bytes.subarray(at, at + (1 << 20)));
async function* stream(): AsyncGenerator<Uint8Array> {
  yield* chunks;
}
const specifier = '@streamparser/json';
const streamparser = await import(specifier).catch(() => null) as { JSONParser: new (o: object) => Parser } | null;

const candidates: Record<string, () => unknown> = {
  'JSON.parse (whole)': () => JSON.parse(new TextDecoder().decode(bytes)),
  // What a conversion does: the scan, then one pass that parses the rows where it found them.
  'row-stream.ts': async () => {
    const scan = await scanRows(stream());
    for await (const batch of rowBatchesAt(stream, scan.bounds)) void batch;
  },
};
if (streamparser) {
  candidates['@streamparser/json'] = () => {
    const parser = new streamparser.JSONParser({ paths: ['$.data.rows.*', '$.data.rowAnswerSets', '$.data.columns', '$.data.rowQuestions'], keepStack: false });
    parser.onValue = () => {};
    for (const chunk of chunks) parser.write(chunk);
  };
} else console.log('@streamparser/json not installed: npm i --no-save @streamparser/json to compare it');

const times: Record<string, number[]> = {};
for (let round = 0; round < 5; round++) {
  for (const [name, run] of Object.entries(candidates)) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    await run();
    (times[name] ??= []).push(process.cpuUsage(before).user / 1e6);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const floor = median(times['JSON.parse (whole)']);
console.log(`${rows} rows, ${(bytes.length / 1e6).toFixed(0)} MB`);
for (const [name, v] of Object.entries(times)) console.log(`${name.padEnd(20)} min ${Math.min(...v).toFixed(2)} s  median ${median(v).toFixed(2)} s  (${(median(v) / floor).toFixed(2)}x JSON.parse)`);
