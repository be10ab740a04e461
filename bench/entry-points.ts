/**
 * What loading the library costs (issue 12): the converter core bundled for browsers (esbuild,
 * `platform: 'browser'`, the lazily loaded writers in chunks of their own) and the time Node takes
 * to import the converter entry as published (`npm run build`'s dist/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Budgets (issue 12): the core's eager bundle, gzipped; importing the converter entry in Node. */
export const BUNDLE_BUDGET_KB = 300;
export const IMPORT_BUDGET_MS = 150;

export interface BrowserBundle {
  /** Gzipped bytes of what a page loads up front: the entry chunk and the chunks it imports statically. */
  eagerGzipBytes: number;
  /** Gzipped bytes of the chunks loaded on first use (dynamic imports: PDF, XLSX reading, HF Parquet). */
  lazyGzipBytes: number;
  /** Largest inputs of the eager part, bytes in the minified output. */
  largestEager: { input: string; bytes: number }[];
  /** Every input file of the bundle (for the check that no Node built-in is among them). */
  inputs: string[];
}

/**
 * Bundles `entry` (the core's by default) for browsers, minified, with code splitting so each
 * dynamic import is a chunk of its own. Throws with esbuild's messages when anything does not
 * resolve (a Node built-in does not, on `platform: 'browser'`).
 */
export async function bundleForBrowser(entry = path.join(ROOT, 'src/core/index.ts')): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    minify: true,
    write: false,
    metafile: true,
    outdir: path.join(ROOT, 'bench/.data/browser-bundle'),
    logLevel: 'silent',
  });
  const gzip = (file: string) => gzipSync(result.outputFiles.find((f) => f.path === file)!.contents, { level: 9 }).length;
  const outputs = result.metafile.outputs;
  const entryChunk = Object.keys(outputs).find((file) => outputs[file].entryPoint)!;
  const eager = staticClosure(outputs, entryChunk);
  const all = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  const absolute = (file: string) => path.resolve(ROOT, file);
  const largestEager = [...eager]
    .flatMap((file) => Object.entries(outputs[file].inputs).map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput })))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return {
    eagerGzipBytes: [...eager].reduce((sum, file) => sum + gzip(absolute(file)), 0),
    lazyGzipBytes: all.filter((file) => !eager.has(file)).reduce((sum, file) => sum + gzip(absolute(file)), 0),
    largestEager,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** The chunk and every chunk it imports statically, transitively. */
function staticClosure(outputs: Metafile['outputs'], start: string): Set<string> {
  const seen = new Set<string>([start]);
  for (const file of seen) for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) seen.add(imported.path);
  return seen;
}

/** Wall and CPU milliseconds of one import; CPU is the process's, all threads (V8 compiles and collects on helpers). */
export interface ImportTime {
  wall: number;
  cpu: number;
}

/**
 * Milliseconds Node takes to `import()` a built module, in a fresh process each time (the median
 * of `runs`, wall and CPU apart); the process start itself is not counted. On a loaded machine
 * the wall time grows with the load and the CPU time much less: both are printed.
 */
export function nodeImportMs(file: string, runs = 7): ImportTime {
  const times: ImportTime[] = [];
  for (let i = 0; i < runs; i++) {
    const code = `const t = performance.now(); const c = process.cpuUsage(); await import(${JSON.stringify(file)}); const u = process.cpuUsage(c); console.log(performance.now() - t, (u.user + u.system) / 1000);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`importing ${file} failed: ${child.stderr.split('\n').slice(0, 3).join(' ')}`);
    const [wall, cpu] = child.stdout.trim().split(' ').map(Number);
    times.push({ wall, cpu });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) };
}

export interface EntryCosts {
  bundle: BrowserBundle;
  /** Median import times of the converter entry (`datasaur-export`) and of the core alone, wall (what the budget is about). */
  importMs: { converter: number; core: number };
  /** The same imports' median CPU time. */
  importCpuMs: { converter: number; core: number };
  /** The load average when the imports were measured. */
  load: number;
}

/** The import times of the published build (`npm run build`: dist/, bundled per entry by scripts/bundle-dist.ts). */
export function measureImports(dist: string): Pick<EntryCosts, 'importMs' | 'importCpuMs' | 'load'> {
  const load = os.loadavg()[0];
  const converter = nodeImportMs(path.join(dist, 'index.js'));
  const core = nodeImportMs(path.join(dist, 'core/index.js'));
  return { importMs: { converter: converter.wall, core: core.wall }, importCpuMs: { converter: converter.cpu, core: core.cpu }, load };
}

/** Why dist/ cannot be measured as the current sources (none when it can). */
export function staleBuild(dist: string): string | undefined {
  const built = path.join(dist, 'index.js');
  if (!existsSync(built)) return 'no dist/index.js: run npm run build first';
  const newest = newestSource(path.join(ROOT, 'src'));
  return newest > statSync(built).mtimeMs ? 'dist/ is older than src/: run npm run build first' : undefined;
}

function newestSource(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((item) => (item.isDirectory() ? newestSource(path.join(dir, item.name)) : statSync(path.join(dir, item.name)).mtimeMs)));
}

export function describeEntryPoints({ bundle, importMs, importCpuMs, load }: EntryCosts): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return [
    `browser bundle of the core (esbuild, minified, gzip -9): ${kb(bundle.eagerGzipBytes)} loaded up front (budget ${BUNDLE_BUDGET_KB} kB), ${kb(bundle.lazyGzipBytes)} in lazy chunks (PDF, XLSX reading, HF Parquet)`,
    `  largest up front: ${bundle.largestEager.map((i) => `${i.input.replace(/^node_modules\//, '')} ${kb(i.bytes)}`).join(', ')}`,
    `import time in Node (median of 7 fresh processes): datasaur-export ${importMs.converter.toFixed(0)} ms (budget ${IMPORT_BUDGET_MS} ms), datasaur-export/core ${importMs.core.toFixed(0)} ms`,
    `  CPU time of the same imports: ${importCpuMs.converter.toFixed(0)} ms, ${importCpuMs.core.toFixed(0)} ms; load average ${load.toFixed(1)} on ${os.cpus().length} cores (the wall time grows with the load)`,
  ].join('\n');
}
