import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { bundleForBrowser } from '../../bench/entry-points.js';
import { isNodeBuiltin, staticClosure } from './import-graph.js';
import { packageCopy } from './package-copy.js';
import { sample } from '../helpers/samples.js';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** What the converter entry must not load: the export client, the simulator, the CLI, workers, HTTP, GraphQL. */
const NOT_FOR_THE_CONVERTER = /^(client|simulator|cli)\/|^node\/convert-(parallel|worker)\.ts$/;
const HEAVY_BUILTINS = ['http', 'https', 'http2', 'net', 'worker_threads', 'child_process'];

describe('the converter entry (datasaur-export)', () => {
  it('imports, through static imports, no client, simulator, CLI, worker, HTTP or GraphQL module', () => {
    const { files, packages } = staticClosure(path.join(SRC, 'index.ts'));
    expect(files.map(relative).filter((file) => NOT_FOR_THE_CONVERTER.test(file))).toEqual([]);
    expect(packages.filter((p) => p === 'graphql' || HEAVY_BUILTINS.some((b) => p === b || p === `node:${b}`))).toEqual([]);
    // The check sees what it looks for: the simulator's entry reaches HTTP statically (GraphQL, an
    // optional peer dependency, is imported when a simulator starts: src/simulator/graphql.ts).
    expect(staticClosure(path.join(SRC, 'simulator/index.ts')).packages).toEqual(expect.arrayContaining(['node:http']));
  });

  it('bundles for browsers with no Node built-in (esbuild, platform browser); the PDF libraries load lazily', async () => {
    const bundle = await bundleForBrowser();
    expect(bundle.inputs.filter((input) => isNodeBuiltin(input) || input.startsWith('node:'))).toEqual([]);
    // The XLSX writer is the project's own (on fflate, already eager for ZIP reading); pdfkit and fontkit are the lazy part.
    expect(bundle.inputs.some((input) => input.includes('node_modules/pdfkit/'))).toBe(true);
    expect(bundle.lazyGzipBytes).toBeGreaterThan(bundle.eagerGzipBytes);
    expect(bundle.largestEager.some((i) => /exceljs|pdfkit|fontkit/.test(i.input))).toBe(false);
  });
});

describe('the package as a user installs it', () => {
  let copy: Awaited<ReturnType<typeof packageCopy>>;
  beforeAll(async () => {
    copy = await packageCopy();
  });
  afterAll(() => rmSync(copy.root, { recursive: true, force: true }));

  const node = (args: string[], env: Record<string, string> = {}) => {
    const child = spawnSync(process.execPath, args, { cwd: copy.app, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(child.stderr).not.toMatch(/Error/);
    expect(child.status).toBe(0);
    return child.stdout;
  };

  it('require() from a .cjs file gives the converter and every subpath, on the Node versions engines allows', () => {
    const engines = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    // require() of an ES module works without a flag from Node 20.19 (and 22.12): engines says so.
    expect(engines).toBe('>=20.19');
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
    const script = path.join(copy.app, 'use.cjs');
    writeFileSync(
      script,
      `const { readFileSync } = require('node:fs');
const lib = require('datasaur-export');
const out = {
  converter: [typeof lib.convertExport, typeof lib.readExport, typeof lib.writeFormat, typeof lib.convert, typeof lib.readInput],
  client: typeof require('datasaur-export/client').DatasaurClient,
  simulator: typeof require('datasaur-export/simulator').startSimulator,
  node: typeof require('datasaur-export/node').convert,
  core: typeof require('datasaur-export/core').convertExport,
};
(async () => {
  out.files = [];
  for await (const file of lib.convertExport(readFileSync(process.argv[2]), { to: ['TSV_IOB'] })) out.files.push(file.path);
  console.log(JSON.stringify(out));
})();
`,
    );
    const out = JSON.parse(node([script, sample('token-json-advanced', 'Project 1.zip')]));
    expect(out).toEqual({
      converter: ['function', 'function', 'function', 'function', 'function'],
      client: 'function',
      simulator: 'function',
      node: 'function',
      core: 'function',
      files: ['TSV_IOB/Project 1-u9rQUwKml09/REVIEW/lorem.txt.tsv'],
    });
  });

  it('import() of the converter loads no HTTP, worker or child-process built-in and no client, simulator, CLI or GraphQL module', () => {
    const log = path.join(copy.root, 'loaded.log');
    const hooks = path.join(copy.app, 'hooks.mjs');
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  appendFileSync(process.env.LOADED_LOG, resolved.url + '\\n');\n  return resolved;\n}\n`);
    const code = `import { register } from 'node:module';
register(${JSON.stringify(new URL(`file://${hooks}`).href)});
const lib = await import('datasaur-export');
if (typeof lib.convertExport !== 'function') throw new Error('no convertExport');`;
    node(['--input-type=module', '-e', code], { LOADED_LOG: log });
    // Built-ins apart, without the hooks: they run on a worker thread, so worker_threads would be
    // loaded before the import and a dependency loading it would go unseen.
    const builtinsCode = `const before = new Set(process.moduleLoadList);
await import('datasaur-export');
console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule '))));`;
    const builtins = JSON.parse(node(['--input-type=module', '-e', builtinsCode])) as string[];
    expect(builtins.filter((m) => HEAVY_BUILTINS.includes(m.replace('NativeModule ', '')))).toEqual([]);
    // Module by module: a bundled file of dist/ stands for the compiled modules it holds.
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean).flatMap(copy.modulesOf);
    expect(loaded.some((url) => url.includes('/dist/core/convert.js'))).toBe(true);
    expect(loaded.filter((url) => /\/dist\/(client|simulator|cli)\/|node_modules\/graphql\/|\/convert-(parallel|worker)\.js$|^node:(https?|worker_threads|child_process|net)$/.test(url))).toEqual([]);
  });

  it('a bundler resolving the package for browsers gets the core alone', async () => {
    const entry = path.join(copy.app, 'page.js');
    writeFileSync(entry, `import { convertExport } from 'datasaur-export';\nexport const run = (bytes) => convertExport(bytes, { to: ['TSV_IOB'] });\n`);
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', splitting: true, outdir: path.join(copy.root, 'page'), write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    // Our files only: a dependency's own dist/ (valibot's dist/index.mjs) is not the package's.
    const ours = inputs.filter((input) => !/node_modules\/(?!datasaur-export\/)/.test(input));
    expect(ours.some((input) => input.endsWith('dist/core/index.js'))).toBe(true);
    expect(ours.filter((input) => /dist\/(index|node\/|client\/|simulator\/|cli\/)/.test(input))).toEqual([]);
  });
});
