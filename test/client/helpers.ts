import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatasaurClient, type ClientOptions } from '../../src/client/index.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';

export const SAMPLES = resolve('../shared/samples');
export const BBOX_ZIP = join(SAMPLES, 'bbox-datasaur-schema/bbox-export.zip');
export const BBOX_PROJECT_ID = 'ODMzNDE3Yjk';

/** Short delays everywhere so end-to-end runs take well under a second each. */
export const FAST = { initialMs: 10, maxMs: 80, factor: 2, jitter: 0.2 };

export async function tempDir(prefix = 'dx-client-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function withSimulator<T>(options: SimulatorOptions, body: (sim: Simulator, dir: string) => Promise<T>): Promise<T> {
  const dir = await tempDir();
  const sim = await startSimulator({ projectPaths: [BBOX_ZIP], queuedMs: 30, processingMs: 50, storageDir: join(dir, 'storage'), ...options });
  try {
    return await body(sim, dir);
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function clientFor(sim: Simulator, extra: Partial<ClientOptions> = {}): DatasaurClient {
  return new DatasaurClient({
    baseUrl: sim.baseUrl,
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    retry: { maxAttempts: 4, backoff: FAST, maxRetryAfterMs: 5000 },
    pollBackoff: FAST,
    notReadyBackoff: FAST,
    ...extra,
  });
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1))
    .sort();
}
