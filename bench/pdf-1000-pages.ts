import { spawnSync } from 'node:child_process';
import '../src/node/pdf-fonts.js';
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { resolveOptions } from '../src/core/formats/options.js';
import { spanAndArrowVisualization } from '../src/core/formats/pdf/span-and-arrow-visualization.js';
import { tokenDocument, type ArrowInput, type SpanInput } from '../src/core/model/build.js';
import type { Document } from '../src/core/model/types.js';
import { Report } from '../src/core/report/report.js';

/**
 * SPAN_AND_ARROW_VISUALIZATION on a document of about N pages (default 1,000), rendered through
 * the writer's streamed content into a file, with peak RSS. Memory must not grow with pages:
 * compare the peak of 100 and 1,000 pages (each size runs in its own process).
 *
 *   node --import tsx bench/pdf-1000-pages.ts            # 100 and 1000 pages
 *   node --import tsx bench/pdf-1000-pages.ts 1000 3000  # chosen sizes
 */
export interface PdfBenchResult {
  targetPages: number;
  pages: number;
  rows: number;
  spans: number;
  arrows: number;
  bytes: number;
  wallMs: number;
  /** User + system CPU of the process while rendering (one thread: the figure a core gives). */
  cpuMs: number;
  /** Peak resident set of the process, in MiB. */
  peakRssMB: number;
  /** RSS before rendering (Node, modules, fonts, the input document). */
  startRssMB: number;
  /** Live heap after a full GC at the first 10 % of the pages and at the end, in MiB (the child runs with --expose-gc): what is really kept, apart from garbage not yet collected. */
  liveHeapEarlyMB: number;
  liveHeapEndMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const liveHeapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Rows of one page at the default A4 / 10 pt layout for `benchDocument` rows (measured: about 15 rows a page). */
const ROWS_PER_PAGE = 15.4;

const WORDS = 'the a patient was treated with aspirin after severe pain in the left knee and reported no further symptoms during follow up visits at the clinic in Boston'.split(' ');

/** A seeded document: rows of 8–20 tokens, a span on about every fourth token (some nested), arrows between nearby spans and a few far ones. */
export function benchDocument(rows: number, seed = 42): Document {
  let state = seed >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const rowTokens: string[][] = [];
  const spans: SpanInput[] = [];
  const arrows: ArrowInput[] = [];
  const labels = ['DISEASE', 'DRUG', 'BODY_PART', 'SYMPTOM', 'PLACE'];
  for (let r = 0; r < rows; r++) {
    const length = 8 + Math.floor(random() * 13);
    rowTokens.push(Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]));
    for (let t = 0; t < length - 2; t += 3 + Math.floor(random() * 3)) {
      const width = random() < 0.3 ? 2 : 1;
      const id = `s${spans.length}`;
      spans.push({ id, label: labels[Math.floor(random() * labels.length)], start: [r, t], end: [r, t + width - 1] });
      if (width === 2 && random() < 0.5) spans.push({ id: `${id}n`, label: labels[Math.floor(random() * labels.length)], start: [r, t], end: [r, t] });
      if (spans.length > 1 && random() < 0.25) arrows.push({ from: spans[spans.length - 2].id!, to: id, label: 'REL', layer: 1 });
      if (spans.length > 200 && random() < 0.01) arrows.push({ from: spans[spans.length - 200].id!, to: id, label: 'FAR', layer: 1 });
    }
  }
  return tokenDocument({ name: `bench-${rows}.txt`, rows: rowTokens, labelSets: [labels, ['REL', 'FAR']], spans, arrows });
}

/** Renders about `targetPages` pages to a file in the temp folder and measures time and peak RSS. */
export async function runPdfBench(targetPages = 1000, seed = 42): Promise<PdfBenchResult> {
  const rows = Math.max(1, Math.round(targetPages * ROWS_PER_PAGE));
  const doc = benchDocument(rows, seed);
  const startRssMB = process.memoryUsage().rss / 2 ** 20;
  let peak = startRssMB;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 20);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = new Report();
  const [file] = await spanAndArrowVisualization.writeDocument(doc, { options: resolveOptions(), report });
  const out = path.join(tmpdir(), `datasaur-export-bench-${process.pid}.pdf`);
  const sink = createWriteStream(out);
  let bytes = 0;
  let pages = 0;
  let liveHeapEarlyMB = NaN;
  for await (const chunk of file.content as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    // Count page objects as they stream past (pdfkit writes one `/Type /Page` per page).
    pages += Buffer.from(chunk).toString('latin1').split('/Type /Page\n').length - 1;
    if (Number.isNaN(liveHeapEarlyMB) && pages >= targetPages / 10) liveHeapEarlyMB = liveHeapMB();
    if (!sink.write(chunk)) await once(sink, 'drain');
  }
  const liveHeapEndMB = liveHeapMB();
  sink.end();
  await once(sink, 'close');
  rmSync(out, { force: true });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  const peakRssMB = Math.max(peak, process.resourceUsage().maxRSS / 1024);
  return { targetPages, pages, rows, spans: doc.spans.length, arrows: doc.arrows.length, bytes, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMB, startRssMB, liveHeapEarlyMB, liveHeapEndMB };
}

function printTable(results: PdfBenchResult[]): void {
  console.log('| target pages | pages | rows | spans | arrows | MiB written | wall s | cpu s | pages per CPU s | start RSS MiB | peak RSS MiB | live heap MiB at 10 % / end |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.targetPages} | ${r.pages} | ${r.rows} | ${r.spans} | ${r.arrows} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.cpuMs / 1000).toFixed(1)} | ${(r.pages / (r.cpuMs / 1000)).toFixed(0)} | ${r.startRssMB.toFixed(0)} | ${r.peakRssMB.toFixed(0)} | ${r.liveHeapEarlyMB.toFixed(0)} / ${r.liveHeapEndMB.toFixed(0)} |`);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    console.log(`RESULT ${JSON.stringify(await runPdfBench(Number(args[1])))}`);
  } else {
    const sizes = args.length ? args.map(Number) : [100, 1000];
    const results: PdfBenchResult[] = [];
    for (const size of sizes) {
      // Each size in a fresh process, so its peak RSS is its own.
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`bench for ${size} pages failed: ${child.stderr}`);
      results.push(JSON.parse(line.slice(7)) as PdfBenchResult);
    }
    printTable(results);
  }
}
