import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registeredFormats } from '../src/core/formats/registry.js';
import { SERVER_FORMAT_NAMES, type FormatName } from '../src/core/formats/types.js';
import type { CaseResult, ForceResult, ReferenceResult } from './case.js';
import { buildCases, runCase } from './child.js';
import { DATA_DIR, rowDocument, type GeneratedInput } from './generate/index.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { renderTable } from './table.js';
import { checkGoals } from './goals.js';
import { parallelHeadroom } from './headroom.js';
import type { ConversionHeadroom } from './conversion-headroom.js';
import { describeInstallSize, measureInstallSize, type InstallSize } from './install-size.js';
import { bundleForBrowser, describeEntryPoints, measureImports, staleBuild, type EntryCosts } from './entry-points.js';

/**
 * `npm run bench [-- --quick] [--scenario a,b,install] [--format TSV_IOB,CSV] [--workers 2] [--seed 1]
 * [--no-baseline] [--timeout <s>]`: generates (or reuses) the inputs, measures every case in its
 * own process, prints one table and the goals, and writes it all to `bench/results/<time>.json`.
 */
export interface Measured {
  scenario: string;
  format: string;
  variant: string;
  unit: Scenario['unit'];
  units: number;
  /** MB of JSON converted (a ZIP's REVIEW documents, uncompressed). */
  inputMB: number;
  /** Bytes of the largest input document (the memory goal is relative to it). */
  largestDocumentBytes: number;
  library: CaseResult;
  floor?: CaseResult;
  baseline?: CaseResult;
  /** Parallel headroom measured just before (worker rows): a CPU-only loop's 2-thread / 1-thread time. */
  headroom?: number;
  /** The same for whole conversions of the input (worker rows): the best a pool could do here now. */
  conversionHeadroom?: number;
}

interface Args {
  quick: boolean;
  scenarios: string[];
  formats?: string[];
  workers: number;
  seed: number;
  baseline: boolean;
  timeoutMs: number;
  /** Scenario c at this many rows instead of 1,000,000 (a shared machine: say so with the numbers). */
  rows?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, scenarios: ['install', 'entry', 'a', 'b', 'p', 'c', 'd'], workers: 2, seed: 1, baseline: true, timeoutMs: 30 * 60_000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--quick') args.quick = true;
    else if (flag === '--scenario' || flag === '--scenarios') args.scenarios = value().split(',').map((s) => s.trim().toLowerCase());
    else if (flag === '--format' || flag === '--formats') args.formats = value().split(',').map((s) => s.trim().toUpperCase());
    else if (flag === '--workers') args.workers = Number(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--no-baseline') args.baseline = false;
    else if (flag === '--timeout') args.timeoutMs = Number(value()) * 1000;
    else if (flag === '--rows') args.rows = Number(value());
    else throw new Error(`unknown option ${argv[i]} (known: --quick --scenario install,entry,a,b,p,c,d --format NAMES --workers N --seed N --no-baseline --timeout <s> --rows N)`);
  }
  if (args.quick && !argv.some((a) => a.startsWith('--timeout'))) args.timeoutMs = 60_000;
  return args;
}

/** Every registered format of the scenario's kind (the PDF has its own scenario; CUSTOM runs a user's transformer, not a format of ours). */
function formatsOf(scenario: Scenario, only?: string[]): string[] {
  if (scenario.pages) return ['SPAN_AND_ARROW_VISUALIZATION'].filter((n) => !only || only.includes(n));
  const kind = scenario.kind === 'token' ? 'TOKEN_BASED' : 'ROW_BASED';
  return registeredFormats()
    .filter((w) => w.kinds.includes(kind) && w.name !== 'SPAN_AND_ARROW_VISUALIZATION' && w.name !== 'CUSTOM')
    .map((w) => w.name as string)
    .filter((n) => (!only || only.includes(n)) && (!scenario.formats || scenario.formats.includes(n)));
}

/** The variant name of scenario b's PDF row (not a '1 thread' row: the floor goals are for data formats). */
export const PDF_VARIANT = 'PDF, 1 thread';

const failed = (error: string): CaseResult => ({ wallMs: NaN, cpuMs: NaN, maxRssMB: NaN, startRssMB: NaN, outFiles: 0, outBytes: 0, pages: 0, error });
const asCase = (result: CaseResult | { error: string }): CaseResult => ('wallMs' in result ? result : failed(result.error));

/**
 * Outputs go to a tmpfs when the machine has one (/dev/shm), as issue 15 measured the peer: the
 * case then measures the converter, not the disk (on this VM's disk, writing 15,000 small files
 * took 3–4 s of system time for the library and the floor alike). Elsewhere, bench/.data/out.
 */
function outputFolder(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return path.join('/dev/shm', `datasaur-export-bench-${process.pid}`);
  } catch {
    return path.join(DATA_DIR, 'out');
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  buildCases();
  const results: Measured[] = [];
  const outDir = outputFolder();
  const print = (row: Measured) => console.log(renderTable([row]).split('\n').at(-1));
  console.log(`outputs in ${outDir}`);
  console.log(`datasaur-export bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ${args.quick ? 'quick' : 'full'} sizes, seed ${args.seed}, load average ${os.loadavg()[0].toFixed(1)}`);
  let headroom: Awaited<ReturnType<typeof parallelHeadroom>> | undefined;
  let conversionHeadroom: ConversionHeadroom | undefined;
  let install: InstallSize | undefined;
  if (args.scenarios.includes('install')) {
    // What a user installs (npm pack + npm install --omit=dev); needs the npm registry.
    try {
      install = measureInstallSize(path.resolve(import.meta.dirname, '..'));
      console.log(`\n${describeInstallSize(install)}`);
    } catch (error) {
      console.log(`\ninstall size: not measured (${(error as Error).message.split('\n')[0]})`);
    }
  }
  let entry: EntryCosts | undefined;
  if (args.scenarios.includes('entry')) {
    // What loading the library costs: the core's browser bundle and the converter's import time
    // in Node, of the published build (`npm run build`: dist/, one bundled file per entry), as a
    // user's node runs it.
    try {
      const dist = path.resolve(import.meta.dirname, '../dist');
      const stale = staleBuild(dist);
      if (stale) throw new Error(stale);
      entry = { bundle: await bundleForBrowser(), ...measureImports(dist) };
      console.log(`\n${describeEntryPoints(entry)}`);
    } catch (error) {
      console.log(`\nentry points: not measured (${(error as Error).message.split('\n')[0]})`);
    }
  }
  for (const scenario of SCENARIOS.filter((s) => args.scenarios.includes(s.id))) {
    const formats = formatsOf(scenario, args.formats);
    if (scenario.pages) {
      const pages = scenario.pages(args.quick);
      console.log(`\n(${scenario.id}) ${scenario.title}: ${pages} pages`);
      for (const format of formats) {
        const library = asCase(await runCase<CaseResult>({ mode: 'pdf', pages }, args.timeoutMs));
        const row: Measured = { scenario: scenario.id, format, variant: `${pages} pages`, unit: 'pages', units: library.pages, inputMB: NaN, largestDocumentBytes: 0, library };
        results.push(row);
        print(row);
      }
      continue;
    }
    const input = scenario.id === 'c' && args.rows ? rowDocument(args.seed, args.rows) : scenario.input!(args.seed, args.quick);
    console.log(`\n(${scenario.id}) ${scenario.title}: ${path.basename(input.path)}, ${(input.bytes / 2 ** 20).toFixed(1)} MB, ${input.documents} documents, ${input.tokens} tokens, ${input.rows} rows`);
    const row = (format: string, variant: string, library: CaseResult, generated: GeneratedInput): Measured => ({
      scenario: scenario.id,
      format,
      variant,
      unit: scenario.unit,
      units: scenario.unit === 'rows' ? generated.rows : generated.tokens,
      inputMB: (scenario.twoCabinets ? generated.jsonBytes / 2 : generated.jsonBytes) / 2 ** 20,
      largestDocumentBytes: generated.largestDocumentBytes,
      library,
    });
    if (scenario.workers && args.workers > 1) {
      headroom = await parallelHeadroom(args.workers);
      console.log(`parallel headroom now: a CPU-only loop on ${args.workers} threads takes ${headroom.ratio.toFixed(2)}x its sequential time (ideal ${(1 / args.workers).toFixed(2)})`);
      // The same for the work itself: whole single-thread conversions, one after another, then at once.
      const headroomFormat = formats.includes('TSV_IOB') ? 'TSV_IOB' : formats[0];
      const measured = await runCase<ConversionHeadroom>({ mode: 'headroom', input: input.path, format: headroomFormat, outDir, threads: args.workers }, args.timeoutMs * 2 * args.workers);
      if ('ratio' in measured) {
        conversionHeadroom = measured;
        console.log(`conversion headroom now: ${args.workers} whole ${headroomFormat} conversions at once take ${measured.ratio.toFixed(2)}x their sequential time (the best a pool could reach here)`);
      } else console.log(`conversion headroom: not measured (${measured.error.split('\n')[0]})`);
    }
    const single: Measured[] = [];
    for (const format of formats) {
      const measured = row(format, '1 thread', asCase(await runCase<CaseResult>({ mode: 'library', input: input.path, format, outDir }, args.timeoutMs)), input);
      single.push(measured);
      results.push(measured);
      print(measured);
      // Quick runs try the workers on the first format only (a smoke test of the path).
      if (scenario.workers && args.workers > 1 && (!args.quick || format === formats[0])) {
        const parallel = row(format, `${args.workers} workers`, asCase(await runCase<CaseResult>({ mode: 'library', input: input.path, format, outDir, workers: args.workers }, args.timeoutMs)), input);
        parallel.headroom = headroom?.ratio;
        parallel.conversionHeadroom = conversionHeadroom?.ratio;
        results.push(parallel);
        print(parallel);
      }
    }
    // The PDF of every document (issue 15 item 5: one-page documents at document speed); its
    // budget is documents per CPU second, so it has no floor or baseline.
    if (scenario.id === 'b' && (!args.formats || args.formats.includes('SPAN_AND_ARROW_VISUALIZATION'))) {
      const library = asCase(await runCase<CaseResult>({ mode: 'library', input: input.path, format: 'SPAN_AND_ARROW_VISUALIZATION', outDir, countPages: true }, args.timeoutMs));
      const measured: Measured = { ...row('SPAN_AND_ARROW_VISUALIZATION', PDF_VARIANT, library, input), unit: 'pages', units: library.pages };
      results.push(measured);
      print(measured);
    }
    // Every format of the scenario in one run: each document parsed once, every writer fed from it.
    // The issue's budget is for the server's nine token formats; with the training formats too
    // (issue 13) the run is measured as well, for information. Row formats have one run, of all.
    const server = scenario.kind === 'token' ? formats.filter((f) => SERVER_FORMAT_NAMES.includes(f as FormatName)) : [];
    for (const [names, label] of [
      [server, `${server.length} server ${scenario.kind} formats`],
      [formats, `${formats.length} ${scenario.kind} formats`],
    ] as const) {
      if (names.length < 2 || (names === formats && server.length === formats.length && server.length > 0)) continue;
      const together = row(label, 'one run', asCase(await runCase<CaseResult>({ mode: 'library', input: input.path, format: names.join(','), outDir }, args.timeoutMs)), input);
      results.push(together);
      print(together);
    }
    // The format the issue's budgets are stated for (TSV_IOB), else the first.
    const budgetFormat = formats.includes('TSV_IOB') ? 'TSV_IOB' : formats[0];
    if (scenario.pipeline && formats.length) {
      // --force over the outputs of a previous run against a fresh folder, alternating in one process.
      const force = await runCase<ForceResult>({ mode: 'force', input: input.path, format: budgetFormat, outDir, pairs: 3 }, args.timeoutMs * 7);
      const pair = 'fresh' in force ? force : { fresh: failed(force.error), forced: failed(force.error) };
      for (const [variant, result] of [['fresh (paired)', pair.fresh], ['--force existing', pair.forced]] as const) {
        const measured = row(budgetFormat, variant, result, input);
        results.push(measured);
        print(measured);
      }
      // Every format that fits (the PDF included) with the report streamed to a file.
      const reportFile = path.join(DATA_DIR, 'bench-report.json');
      const all = row('all', '--to all', asCase(await runCase<CaseResult>({ mode: 'library', input: input.path, format: 'all', outDir, reportFile }, args.timeoutMs)), input);
      rmSync(reportFile, { force: true });
      results.push(all);
      print(all);
      console.log(`  --to all: report file ${((all.library.reportBytes ?? NaN) / 2 ** 20).toFixed(1)} MB, ${all.library.messages ?? '?'} messages`);
    }
    // Floor and baseline of every format, in one process (their memory is not reported).
    const measuredFormats = single.filter((m) => !m.library.error).map((m) => ({ format: m.format, outFiles: m.library.outFiles, outBytes: m.library.outBytes }));
    const reference = measuredFormats.length ? await runCase<ReferenceResult[]>({ mode: 'reference', input: input.path, outDir, kind: scenario.kind, baseline: args.baseline, formats: measuredFormats }, args.timeoutMs * 2) : [];
    if (!Array.isArray(reference)) console.log(`floor/baseline failed: ${reference.error}`);
    for (const ref of Array.isArray(reference) ? reference : []) {
      for (const m of results.filter((r) => r.scenario === scenario.id && r.format === ref.format)) Object.assign(m, { floor: ref.floor, baseline: ref.baseline });
    }
    if (scenario.smaller && formats.length) {
      // Memory must stay flat as the document count grows: the same conversion on a quarter of it.
      const small = scenario.smaller(args.seed, args.quick);
      const measured = row(budgetFormat, `${small.documents / 2} docs`, asCase(await runCase<CaseResult>({ mode: 'library', input: small.path, format: budgetFormat, outDir }, args.timeoutMs)), small);
      results.push(measured);
      print(measured);
    }
  }
  console.log(`\n${renderTable(results)}\n`);
  const goals = checkGoals(results, { install, entry });
  for (const goal of goals) console.log(`${goal.met === null ? '   ?' : goal.met ? '  ok' : 'MISS'}  ${goal.text}`);
  if (headroom) console.log(`(parallel headroom during b: ${headroom.ratio.toFixed(2)}x for pure CPU work on ${args.workers} threads${conversionHeadroom ? `, ${conversionHeadroom.ratio.toFixed(2)}x for whole conversions` : ''})`);
  const resultsDir = path.resolve(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg(), headroom, conversionHeadroom, install, entry, args, results, goals }, null, 2));
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  rmSync(outDir, { recursive: true, force: true });
}

await main();
