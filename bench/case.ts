import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * - `pdf`: helper bench `pdf-1000-pages.ts` (the PDF writer on a document of N pages);
 * - `headroom`: what two threads gain on whole conversions of the input (conversion-headroom.ts).
 */
export type CaseRequest =
  /** `format`: one name, several joined by commas (one run for all of them), or `all`. */
  | { mode: 'library'; input: string; format: string; outDir: string; workers?: number; countPages?: boolean; reportFile?: string }
  /** `--force` into the outputs of a previous run against a fresh folder, paired in one process. */
  | { mode: 'force'; input: string; format: string; outDir: string; pairs: number }
  | { mode: 'reference'; input: string; outDir: string; kind: 'token' | 'row'; baseline: boolean; formats: { format: string; outFiles: number; outBytes: number }[] }
  | { mode: 'pdf'; pages: number }
  /** Whole single-thread conversions on `threads` worker threads, one after another, then at once (conversion-headroom.ts). */
  | { mode: 'headroom'; input: string; format: string; outDir: string; threads: number };

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
  /** Bytes of the `--report` file, when the case wrote one. */
  reportBytes?: number;
  error?: string;
}

/** The `force` mode's medians: runs into an empty folder and `--force` runs over their outputs. */
export interface ForceResult {
  fresh: CaseResult;
  forced: CaseResult;
}

export interface ReferenceResult {
  format: string;
  floor: CaseResult;
  baseline?: CaseResult;
}

async function timed(outDir: string | null, work: () => Promise<{ messages?: number; pages?: number; reportBytes?: number } | void>, countPages = false, keep: 'nothing' | 'outputs' | 'all' = 'nothing'): Promise<CaseResult> {
  // keep: 'outputs' leaves what the case wrote (for a --force run after it), 'all' also starts on
  // what is there.
  if (outDir && keep !== 'all') {
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
  if (outDir && keep === 'nothing') rmSync(outDir, { recursive: true, force: true });
  return { wallMs, cpuMs: (used.user + used.system) / 1000, maxRssMB, startRssMB, outFiles: out.files, outBytes: out.bytes, pages: extra.pages ?? out.pages, messages: extra.messages, reportBytes: extra.reportBytes };
}

/**
 * Options a user of these inputs would pass: the Vertex token target needs its bucket folder, and
 * the row project's text column is `text` (the classifiers' default is the first text column,
 * which here is `source`).
 */
const BENCH_OPTIONS = { gcsPrefix: 'gs://bench-bucket/jsonl', textColumn: 'text' };

async function runLibrary(request: Extract<CaseRequest, { mode: 'library' }>, keep: 'nothing' | 'outputs' | 'all' = 'nothing'): Promise<CaseResult> {
  const to = formatSelection(request.format === 'all' ? 'all' : request.format.split(','));
  return timed(
    request.outDir,
    async () => {
      const result = await convert({ input: request.input, to, outDir: request.outDir, force: true, flat: true, options: BENCH_OPTIONS, ...(request.workers ? { workers: request.workers } : {}), ...(request.reportFile ? { reportFile: request.reportFile } : {}) });
      return { messages: result.report.count(), reportBytes: request.reportFile ? statSync(request.reportFile).size : undefined };
    },
    request.countPages,
    keep,
  );
}

/**
 * Fresh folder against `--force` over a previous run's outputs (what a user re-running a
 * conversion gets), alternating in one process so both see the same JIT state and machine load;
 * one warm-up run first, then `pairs` pairs, medians of each.
 */
async function runForce(request: Extract<CaseRequest, { mode: 'force' }>): Promise<ForceResult> {
  const library = { mode: 'library' as const, input: request.input, format: request.format, outDir: request.outDir };
  await runLibrary(library);
  const fresh: CaseResult[] = [];
  const forced: CaseResult[] = [];
  for (let i = 0; i < request.pairs; i++) {
    // Into an emptied folder, its outputs kept; then --force over them.
    fresh.push(await runLibrary(library, 'outputs'));
    forced.push(await runLibrary(library, 'all'));
  }
  rmSync(request.outDir, { recursive: true, force: true });
  return { fresh: median(fresh), forced: median(forced) };
}

/** The run with the median wall time. */
function median(results: CaseResult[]): CaseResult {
  return [...results].sort((x, y) => x.wallMs - y.wallMs)[Math.floor(results.length / 2)];
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
  if (request.mode === 'force') return runForce(request);
  if (request.mode === 'reference') return runReference(request);
  if (request.mode === 'headroom') return (await import('./conversion-headroom.js')).conversionHeadroom(request.input, request.format, request.outDir, request.threads);
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
