import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLES } from '../helpers/samples.js';

/**
 * Issue 13 item 5: graphql (the simulator's GraphQL executor) and esbuild (the compiler of CUSTOM
 * transformers) are optional peer dependencies, kept out of a converter user's install. Child
 * processes run with a resolve hook that makes both missing, as in such an install: converting
 * works, the simulator and --transformer say what to install.
 */
const ROOT = path.resolve(__dirname, '../..');
const WITHOUT_OPTIONAL = path.join(ROOT, 'test/helpers/without-optional.mjs');
const BIN = path.join(ROOT, 'src/cli/bin.ts');

function node(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', WITHOUT_OPTIONAL, '--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('graphql and esbuild are optional (simulator, CUSTOM transformers)', () => {
  it('the hook makes graphql and esbuild missing (otherwise the tests below prove nothing)', async () => {
    const run = await node(['-e', "Promise.all(['graphql', 'esbuild'].map((p) => import(p).then(() => 'found', (e) => e.code))).then((r) => console.log(r.join(' ')))"]);
    expect(run.stdout.trim()).toBe('ERR_MODULE_NOT_FOUND ERR_MODULE_NOT_FOUND');
  }, 60_000);

  it('--transformer without esbuild: exit 2, one paragraph naming the package', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-no-esbuild-'));
    const run = await node([BIN, 'convert', path.join(ROOT, 'fixtures', 'token-project.zip'), '--to', 'CUSTOM', '--transformer', path.join(ROOT, 'fixtures', 'transformers', 'automl-entities.ts'), '--out', out]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/CUSTOM transformers are compiled by the optional package esbuild.*npm install esbuild/s);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
    expect(await fs.readdir(out)).toEqual([]);
  }, 60_000);

  it('the main entry loads and convert runs without it', async () => {
    const main = await node(['-e', "import('./src/index.ts').then((m) => console.log(typeof m.convert, typeof m.convertExport))"]);
    expect(main.stdout.trim(), main.stderr).toBe('function function');
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'dx-no-graphql-'));
    const run = await node([BIN, 'convert', path.join(SAMPLES, 'row-csv', 'row-project-1.zip'), '--to', 'CSV', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote 1 file\(s\)/);
  }, 60_000);

  it('the simulator module imports; startSimulator says which package to install', async () => {
    const script =
      "import('./src/simulator/index.ts').then(async (m) => { console.log(typeof m.loadProjects, typeof m.buildExportZip); " +
      "await m.startSimulator({ projects: [] }).then(() => console.log('started'), (e) => console.log(e.code + ' | ' + e.message + ' | ' + e.hint)); })";
    const run = await node(['-e', script]);
    expect(run.stdout, run.stderr).toMatch(/^function function\nUNSUPPORTED \| the simulator needs the optional package graphql .* \| Run `npm install graphql`/);
  }, 60_000);

  it('demo and simulate exit 2 with one paragraph naming the package', async () => {
    for (const args of [['demo', '--out', path.join(os.tmpdir(), 'dx-no-graphql-demo')], ['simulate', path.join(SAMPLES, 'row-csv', 'row-project-1.zip')]]) {
      const run = await node([BIN, ...args]);
      expect(run.code, run.stderr).toBe(2);
      // The demo compiles its sample transformer before it starts the simulator: it names esbuild first.
      expect(run.stderr).toMatch(args[0] === 'demo' ? /optional package esbuild.*npm install esbuild/s : /the simulator needs the optional package graphql.*npm install graphql/);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
    }
  }, 60_000);
});
