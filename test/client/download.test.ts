import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadToFile, type DownloadOptions } from '../../src/client/download.js';
import { defaultHttpSettings, type RetryEvent } from '../../src/client/http.js';
import { Redactor } from '../../src/client/redact.js';
import { isInputError } from '../../src/core/errors.js';
import { FAST, listFiles, tempDir } from './helpers.js';

const BODY = Buffer.alloc(64 * 1024, 'x');

/**
 * A file server whose first `cuts` answers announce the whole body, send a third of it and close
 * the connection; later answers send it all. `hold` keeps an answer open after the first chunk.
 */
async function serve(behaviour: { cuts: number; hold?: boolean }): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    res.writeHead(200, { 'content-length': String(BODY.length), 'content-type': 'application/zip' });
    if (behaviour.hold) return void res.write(BODY.subarray(0, 1024));
    if (requests <= behaviour.cuts) {
      // The cut comes a moment after the data, as when a connection drops mid-transfer.
      res.write(BODY.subarray(0, BODY.length / 4), () => setTimeout(() => res.socket?.destroy(), 30));
      return;
    }
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/exports/e1/export.zip?X-Amz-Signature=SECRETSIG&X-Amz-Expires=60`,
    requests: () => requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function options(retries: RetryEvent[], extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    http: { ...defaultHttpSettings(new Redactor()), retry: { maxAttempts: 3, backoff: FAST, maxRetryAfterMs: 1000 }, onRetry: (e) => retries.push(e) },
    notReadyBackoff: FAST,
    ...extra,
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(behaviour: { cuts: number; hold?: boolean }) {
  const server = await serve(behaviour);
  const dir = await tempDir('dx-download-');
  cleanups.push(server.close, () => rm(dir, { recursive: true, force: true }));
  return { server, dir, destination: join(dir, 'export.zip') };
}

describe('downloadToFile', () => {
  it('a download cut mid-way is asked again (policy backoff) and the complete file is kept', async () => {
    const { server, dir, destination } = await setup({ cuts: 1 });
    const retries: RetryEvent[] = [];
    const result = await downloadToFile(server.url, destination, options(retries));
    expect(result.bytes).toBe(BODY.length);
    expect(await readFile(destination)).toEqual(BODY);
    expect(server.requests()).toBe(2);
    expect(retries.map((r) => r.operation)).toEqual([expect.stringMatching(/^download http:\/\/127\.0\.0\.1:\d+\/exports\/e1\/export\.zip\?X-Amz-Signature=\[REDACTED\].* \(cut after \d+ of 65536 bytes\)$/)]);
    expect(await listFiles(dir)).toEqual(['export.zip']);
  });

  it('cut every time: a clean API_ERROR after the policy\'s attempts, naming the link without its signature, no part file', async () => {
    const { server, dir, destination } = await setup({ cuts: 99 });
    const retries: RetryEvent[] = [];
    const error = await downloadToFile(server.url, destination, options(retries)).catch((e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    const message = (error as Error & { code: string }).message;
    expect((error as { code: string }).code).toBe('API_ERROR');
    expect(message).toMatch(/^download http:\/\/127\.0\.0\.1:\d+\/exports\/e1\/export\.zip\?X-Amz-Signature=\[REDACTED\]&X-Amz-Expires=\[REDACTED\] was cut 3 time\(s\); the last time after \d+ of 65536 bytes \(terminated/);
    expect(message).not.toContain('SECRETSIG');
    expect(server.requests()).toBe(3);
    expect(retries).toHaveLength(2);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('an abort mid-download (Ctrl-C) removes the part file and says ABORTED', async () => {
    const { server, dir, destination } = await setup({ cuts: 0, hold: true });
    const controller = new AbortController();
    const progress: number[] = [];
    const running = downloadToFile(server.url, destination, options([], { signal: controller.signal, onProgress: (p) => progress.push(p.received) }));
    await expect.poll(() => progress.length).toBeGreaterThan(0);
    expect((await listFiles(dir)).filter((f) => f.startsWith('export.zip.part-'))).toHaveLength(1);
    controller.abort();
    const error = await running.catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ABORTED');
    expect(await listFiles(dir)).toEqual([]);
  });

  it('refuses file:// and other non-http links at once, without fetching or retrying', async () => {
    const dir = await tempDir('dx-download-');
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let fetched = 0;
    const retries: RetryEvent[] = [];
    const opts = options(retries);
    opts.http.fetch = (async () => {
      fetched++;
      throw new Error('must not be called');
    }) as typeof fetch;
    for (const url of ['file:///etc/passwd', 'ftp://h/x.zip', 'not a url']) {
      const error = await downloadToFile(url, join(dir, 'x.zip'), opts).catch((e: unknown) => e);
      expect(isInputError(error)).toBe(true);
      expect((error as Error).message).toMatch(/refused: (only http and https links are fetched, not (file|ftp):|"not a url" is not a URL)/);
    }
    expect(fetched).toBe(0);
    expect(retries).toEqual([]);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('never replaces an existing file: the same name again becomes "name (2).ext", "name (3).ext"', async () => {
    const { server, dir, destination } = await setup({ cuts: 0 });
    await writeFile(destination, 'an earlier export');
    const results = await Promise.all([0, 1].map(() => downloadToFile(server.url, destination, options([]))));
    expect(results.map((r) => r.path).sort()).toEqual([join(dir, 'export (2).zip'), join(dir, 'export (3).zip')]);
    expect(await readFile(destination, 'utf8')).toBe('an earlier export');
    for (const r of results) expect(await readFile(r.path)).toEqual(BODY);
    expect(await listFiles(dir)).toEqual(['export (2).zip', 'export (3).zip', 'export.zip']);
  });
});
