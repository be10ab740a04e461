/**
 * What loading the library costs (issue 12): the converter core bundled for browsers (esbuild,
 * `platform: 'browser'`, the lazily loaded writers in chunks of their own) and the time Node takes
 * to import the converter entry.
 */
import { spawnSync } from 'node:child_process';
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
  /** Gzipped bytes of the chunks loaded on first use (dynamic imports: XLSX, PDF). */
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

/**
 * Milliseconds Node takes to `import()` a built module, in a fresh process each time (the median
 * of `runs`); the process start itself is not counted.
 */
export function nodeImportMs(file: string, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const code = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`importing ${file} failed: ${child.stderr.split('\n').slice(0, 3).join(' ')}`);
    times.push(Number(child.stdout.trim()));
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export interface EntryCosts {
  bundle: BrowserBundle;
  /** Median import times of the converter entry (`datasaur-export`) and of the core alone. */
  importMs: { converter: number; core: number };
}

export function describeEntryPoints({ bundle, importMs }: EntryCosts): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return [
    `browser bundle of the core (esbuild, minified, gzip -9): ${kb(bundle.eagerGzipBytes)} loaded up front (budget ${BUNDLE_BUDGET_KB} kB), ${kb(bundle.lazyGzipBytes)} in lazy chunks (XLSX, PDF)`,
    `  largest up front: ${bundle.largestEager.map((i) => `${i.input.replace(/^node_modules\//, '')} ${kb(i.bytes)}`).join(', ')}`,
    `import time in Node (median of 7 fresh processes): datasaur-export ${importMs.converter.toFixed(0)} ms (budget ${IMPORT_BUDGET_MS} ms), datasaur-export/core ${importMs.core.toFixed(0)} ms`,
  ].join('\n');
}
