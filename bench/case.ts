import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { convert } from '../src/node/convert.js';
import { formatSelection } from '../src/core/formats/resolve-formats.js';
import { measureOutputs } from './outputs.js';
// Floor, baselines and the PDF bench are imported by their modes only: a library case's memory
// must not include the baselines' exceljs and JSZip.

/**
 * Measured cases, each run in its own process by `child.ts` (compiled, plain `node`, so neither
 * tsx nor the bench's own modules count in the peak RSS): `node case.js '<json>'` prints one line
 * `RESULT {json}`.
 * - `library`: `convert()` of the input to one format (optionally with worker threads);
 * - `reference`: for each format, the floor and the obvious baseline (their RSS is not reported);
 * - `pdf`: helper bench `pdf-1000-pages.ts` (the PDF writer on a document of N pages).
 */
export type CaseRequest =
  | { mode: 'library'; input: string; format: string; outDir: string; workers?: number; countPages?: boolean }
  | { mode: 'reference'; input: string; outDir: string; kind: 'token' | 'row'; baseline: boolean; formats: { format: string; outFiles: number; outBytes: number }[] }
  | { mode: 'pdf'; pages: number };

export interface CaseResult {
  wallMs: number;
  /** User + system CPU of the whole process (all threads): robust to other load on the machine. */
  cpuMs: number;
  maxRssMB: number;
  /** RSS after loading the code, before the case: the part of the peak that is Node + modules. */
  startRssMB: number;
  outFiles: number;
  outBytes: number;
  pages: number;
  messages?: number;
  error?: string;
}

export interface ReferenceResult {
  format: string;
  floor: CaseResult;
  baseline?: CaseResult;
}

async function timed(outDir: string | null, work: () => Promise<{ messages?: number; pages?: number } | void>, countPages = false): Promise<CaseResult> {
  if (outDir) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  }
  const startRssMB = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const extra = (await work()) ?? {};
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const out = outDir ? measureOutputs(outDir, countPages) : { files: 0, bytes: 0, pages: 0 };
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  return { wallMs, cpuMs: (used.user + used.system) / 1000, maxRssMB, startRssMB, outFiles: out.files, outBytes: out.bytes, pages: extra.pages ?? out.pages, messages: extra.messages };
}

/**
 * Options a user of these inputs would pass: the Vertex token target needs its bucket folder, and
 * the row project's text column is `text` (the classifiers' default is the first text column,
 * which here is `source`).
 */
const BENCH_OPTIONS = { gcsPrefix: 'gs://bench-bucket/jsonl', textColumn: 'text' };

async function runLibrary(request: Extract<CaseRequest, { mode: 'library' }>): Promise<CaseResult> {
  return timed(
    request.outDir,
    async () => {
      const result = await convert({ input: request.input, to: formatSelection([request.format]), outDir: request.outDir, force: true, flat: true, options: BENCH_OPTIONS, ...(request.workers ? { workers: request.workers } : {}) });
      return { messages: result.report.messages.length };
    },
    request.countPages,
  );
}

async function runReference(request: Extract<CaseRequest, { mode: 'reference' }>): Promise<ReferenceResult[]> {
  const { runFloor } = await import('./floor.js');
  const { TOKEN_BASELINES } = await import('./baseline/token.js');
  const { ROW_BASELINES } = await import('./baseline/rows.js');
  const results: ReferenceResult[] = [];
  for (const { format, outFiles, outBytes } of request.formats) {
    const floor = await timed(request.outDir, async () => runFloor(request.input, request.outDir, outFiles, outBytes));
    const hasBaseline = request.baseline && (request.kind === 'token' ? format in TOKEN_BASELINES : format in ROW_BASELINES);
    const baseline = hasBaseline ? await timed(request.outDir, () => runBaseline(request.input, request.outDir, request.kind, format)) : undefined;
    results.push({ format, floor, baseline });
  }
  return results;
}

async function runBaseline(input: string, outDir: string, kind: 'token' | 'row', format: string): Promise<void> {
  const { rawDocuments } = await import('./baseline/sources.js');
  const { TOKEN_BASELINES } = await import('./baseline/token.js');
  const { ROW_BASELINES } = await import('./baseline/rows.js');
  for await (const doc of rawDocuments(input)) {
    const files = kind === 'token' ? TOKEN_BASELINES[format](doc) : await ROW_BASELINES[format](doc, outDir);
    for (const file of files) writeFileSync(path.join(outDir, file.name), file.content);
  }
}

async function runPdf(pages: number): Promise<CaseResult> {
  const { runPdfBench } = await import('./pdf-1000-pages.js');
  const cpu = process.cpuUsage();
  const result = await runPdfBench(pages);
  const used = process.cpuUsage(cpu);
  return { wallMs: result.wallMs, cpuMs: (used.user + used.system) / 1000, maxRssMB: result.peakRssMB, startRssMB: result.startRssMB, outFiles: 1, outBytes: result.bytes, pages: result.pages };
}

async function main(request: CaseRequest): Promise<unknown> {
  if (request.mode === 'library') return runLibrary(request);
  if (request.mode === 'reference') return runReference(request);
  return runPdf(request.pages);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(JSON.parse(process.argv[2]) as CaseRequest).then(
    (result) => console.log(`RESULT ${JSON.stringify(result)}`),
    (error) => {
      console.log(`RESULT ${JSON.stringify({ error: String((error as Error)?.stack ?? error).slice(0, 600) })}`);
      process.exitCode = 1;
    },
  );
}
