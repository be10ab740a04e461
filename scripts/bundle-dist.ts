/**
 * The published JavaScript (`npm run build`, after tsc): tsc's file-by-file output in `dist/`
 * bundled into one file per entry of the package (package.json `exports` and `bin`, and the
 * conversion worker, which Node starts by its path), with the code entries share in
 * `dist/chunks/` (esbuild: ESM, code splitting, the dependencies left as imports). Why: Node
 * loads each ES module file on its own (resolve, read, compile), and `import 'datasaur-export'`
 * loaded ~190 of them, over half its import time (issue 12, bench/README.md). Shared chunks keep
 * one copy of every module however many entries a program imports (`InputError` from the
 * converter and from the client is the same class). tsc's `.d.ts` files stay as they are: the
 * types do not change. Lazily imported modules (PDF layout, conversion pool) become chunks loaded
 * on first use, as before.
 *
 * Usage: `tsx scripts/bundle-dist.ts [dist folder]`; also used by test/build/package-copy.ts, so
 * the package tests run the layout users get.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Started by path (`new Worker(url)`), so they are entries of their own. */
const WORKERS = ['node/convert-worker.js'];

/** The entry files under `dist/`, from package.json `exports` and `bin`, and the workers. */
export function distEntries(packageJson: string): string[] {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports: unknown; bin?: Record<string, string> };
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) collect(inner);
  };
  collect(pkg.exports);
  collect(pkg.bin);
  const inDist = targets.filter((t) => /^(\.\/)?dist\/.*\.js$/.test(t)).map((t) => t.replace(/^(\.\/)?dist\//, ''));
  return [...new Set([...inDist, ...WORKERS])].sort();
}

/**
 * Bundles `dist` in place: its `.js` (and `.js.map`) files are replaced by the entries and chunks.
 * Answers which of the former files each new one holds (paths relative to `dist`), for the tests
 * that check what an import loads module by module.
 */
export async function bundleDist(dist: string, entries: readonly string[]): Promise<Record<string, string[]>> {
  const staging = mkdtempSync(path.join(path.dirname(dist), '.bundle-'));
  try {
    const { metafile } = await build({
      entryPoints: entries.map((entry) => ({ in: path.join(dist, entry), out: entry.replace(/\.js$/, '') })),
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      chunkNames: 'chunks/[name]-[hash]',
      // Maps back to src/ through tsc's maps, as tsc's own did (the sources are not published).
      sourcemap: existsSync(path.join(dist, `${entries[0]}.map`)),
      sourcesContent: false,
      metafile: true,
      logLevel: 'warning',
    });
    const holds: Record<string, string[]> = {};
    for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
      if (output.endsWith('.js')) holds[path.relative(staging, path.resolve(output))] = Object.keys(inputs).map((input) => path.relative(dist, path.resolve(input)));
    }
    for (const file of walk(dist)) if (/\.js(\.map)?$/.test(file)) rmSync(file);
    for (const file of walk(staging)) {
      const target = path.join(dist, path.relative(staging, file));
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(file, target);
    }
    return holds;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    return item.isDirectory() ? walk(full) : [full];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(import.meta.dirname, '..');
  const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
  await bundleDist(dist, distEntries(path.join(root, 'package.json')));
}
