import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { sourceFiles } from './import-graph.js';
import { bundleDist, distEntries } from '../../scripts/bundle-dist.js';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The package as a user installs it, in a temporary folder: `app/node_modules/datasaur-export` is
 * this checkout's `package.json` (its `exports`), `fonts/`, `fixtures/`, and `dist/` compiled from
 * `src/` file by file (esbuild: the same module graph as tsc's output, made in about a second), then
 * bundled per entry as `npm run build` does (scripts/bundle-dist.ts), with the dependencies of the
 * checkout. `app/` is where a user's script runs.
 */
export async function packageCopy(): Promise<{ root: string; app: string; pkg: string; modulesOf: (url: string) => string[] }> {
  const root = mkdtempSync(path.join(tmpdir(), 'package-copy-'));
  const pkg = path.join(root, 'pkg');
  const app = path.join(root, 'app');
  await build({
    entryPoints: sourceFiles(path.join(ROOT, 'src')),
    outdir: path.join(pkg, 'dist'),
    outbase: path.join(ROOT, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const dist = path.join(pkg, 'dist');
  const holds = await bundleDist(dist, distEntries(path.join(ROOT, 'package.json')));
  /** The file:// URLs of the compiled modules a loaded URL holds: a bundled file's, or the URL itself. */
  const modulesOf = (url: string): string[] => {
    const file = url.startsWith('file:') ? path.relative(dist, fileURLToPath(url)) : undefined;
    return file && holds[file] ? holds[file].map((module) => pathToFileURL(path.join(dist, module)).href) : [url];
  };
  cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  symlinkSync(path.join(ROOT, 'fonts'), path.join(pkg, 'fonts'));
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(pkg, 'fixtures'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  symlinkSync(pkg, path.join(app, 'node_modules', 'datasaur-export'));
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'user-app', private: true }));
  return { root, app, pkg, modulesOf };
}
