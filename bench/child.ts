import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseRequest } from './case.js';
import { RUNTIME_FLAGS } from '../src/cli/runtime-flags.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.join(ROOT, 'bench/.data/build');
const CASE = path.join(BUILD, 'bench/case.js');

/**
 * Compiles `src/` and the case runner into `bench/.data/build` (plain JS, so a case's process is
 * what a user's `node` runs: no tsx loader or on-the-fly transpiling in its time or memory).
 * Skipped when nothing changed since the last build.
 */
export function buildCases(): void {
  const stamp = (() => {
    try {
      return statSync(path.join(BUILD, '.tsbuildinfo')).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const newest = Math.max(...[path.join(ROOT, 'src'), path.join(ROOT, 'bench')].flatMap((dir) => sources(dir)).map((f) => statSync(f).mtimeMs));
  if (stamp >= newest) return;
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'bench/tsconfig.json')], { encoding: 'utf8' });
  // Type errors elsewhere still emit JS; only a missing case runner is fatal.
  if (tsc.status !== 0) console.warn(`tsc reported problems (the build is used anyway):\n${tsc.stdout.split('\n').slice(0, 5).join('\n')}`);
  statSync(CASE);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    if (item.name.startsWith('.') || item.name === 'results') return [];
    const full = path.join(dir, item.name);
    return item.isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Runs one case in a fresh Node process (peak RSS is then the case's own, and no JIT or heap state
 * leaks from one case into the next), with the V8 flags the CLI runs its conversions with
 * (src/cli/runtime-flags.ts), so a case measures what `datasaur-export convert` does; the floor
 * runs with them too. A case past `timeoutMs` is stopped and reported as such.
 */
export function runCase<T>(request: CaseRequest, timeoutMs: number): Promise<T | { error: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...RUNTIME_FLAGS, '--expose-gc', '--max-old-space-size=12288', CASE, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) return resolve(JSON.parse(line.slice(7)) as T);
      resolve({ error: signal === 'SIGKILL' ? `timeout after ${Math.round(timeoutMs / 1000)} s` : `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}` });
    });
  });
}
