import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, isNodeBuiltin, nodeGlobalsOf, resolveLocal, sourceFiles } from './import-graph.js';

const SRC = path.resolve(__dirname, '../../src');
const CORE = path.join(SRC, 'core');

const coreFiles = sourceFiles(CORE);
const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

describe('src/core runs in any runtime', () => {
  it('imports no Node built-in module', () => {
    const found = coreFiles.flatMap((file) => importsOf(file).filter(isNodeBuiltin).map((s) => `${relative(file)} imports ${s}`));
    expect(found).toEqual([]);
  });

  it('uses no Node-only global (Buffer, process, require, __dirname, …)', () => {
    const found = coreFiles.flatMap((file) => nodeGlobalsOf(file).map((use) => `${relative(file)}: ${use}`));
    expect(found).toEqual([]);
  });

  it('imports nothing from the Node adapters, the CLI, the client or the simulator', () => {
    const found = coreFiles.flatMap((file) =>
      importsOf(file)
        .map((s) => resolveLocal(file, s))
        .filter((target): target is string => target !== null && !target.startsWith(CORE + path.sep))
        .map((target) => `${relative(file)} imports ${relative(target)}`),
    );
    expect(found).toEqual([]);
  });

  it('the checks find what they look for', () => {
    const text = "import fs from 'node:fs';\nimport { join } from 'path';\nimport type { X } from 'stream/web';\nconst b = Buffer.from('');\nconst o = { process: 1, Buffer: 2 };\nif (process.env.X) o.process;";
    expect(importsOf('x.ts', text).filter(isNodeBuiltin)).toEqual(['node:fs', 'path', 'stream/web']);
    expect(nodeGlobalsOf('x.ts', text)).toEqual(['Buffer (line 4)', 'process (line 6)']);
    expect(isNodeBuiltin('fflate')).toBe(false);
    expect(coreFiles.some((f) => f.includes(`${path.sep}pdf${path.sep}`))).toBe(true);
  });
});
