/**
 * Client against the simulator over loopback: every delivery method, and each failure the client
 * must survive or report (issue 5 "Must show").
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { startWebhookReceiver, type ExportEvent } from '../../src/client/index.js';
import { InputError } from '../../src/core/errors.js';
import { DEMO_FIXTURE } from '../../src/cli/commands/demo.js';
import { BBOX_PROJECT_ID, BBOX_ZIP, clientFor, listFiles, withSimulator } from './helpers.js';

async function zipNames(bytes: Uint8Array): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

describe('export end to end against the simulator', () => {
  it('FILE_STORAGE: the downloaded ZIP holds every entry of the served export, in server order', async () => {
    await withSimulator({}, async (sim, dir) => {
      const events: ExportEvent[] = [];
      const outcome = await clientFor(sim).export({
        target: { projectIds: [BBOX_PROJECT_ID] },
        fileName: 'bbox',
        outDir: join(dir, 'out'),
        timeoutMs: 10_000,
        onEvent: (e) => events.push(e),
      });
      expect(outcome.file).toBe(join(dir, 'out', 'bbox.zip'));
      const original = await zipNames(await readFile(BBOX_ZIP));
      expect(await zipNames(await readFile(outcome.file!))).toEqual(original);
      expect(events.map((e) => e.type)).toContain('downloaded');
      expect(events.filter((e) => e.type === 'status').map((e) => (e as { status: string }).status).at(-1)).toBe('DELIVERED');
      // The served document bytes are the loaded ones, unchanged.
      const served = await JSZip.loadAsync(await readFile(outcome.file!));
      const source = await JSZip.loadAsync(await readFile(BBOX_ZIP));
      const name = 'sample-images-ODMzNDE3Yjk/REVIEW/image-1.jpeg.json';
      expect(await served.file(name)!.async('string')).toBe(await source.file(name)!.async('string'));
    });
  });

  it('several projects in one request: one ZIP with one top folder per project', async () => {
    await withSimulator({ projectPaths: [BBOX_ZIP, DEMO_FIXTURE] }, async (sim, dir) => {
      const outcome = await clientFor(sim).export({ target: { projectIds: [BBOX_PROJECT_ID, 'FxTok3n01'] }, fileName: 'two', outDir: dir, timeoutMs: 10_000 });
      const tops = new Set((await zipNames(await readFile(outcome.file!))).map((n) => n.split('/')[0]));
      expect([...tops]).toEqual(['Fixture token _NER_-FxTok3n01', 'sample-images-ODMzNDE3Yjk']);
    });
  });

  it('an unknown project: the GraphQL error, named by operation', async () => {
    await withSimulator({}, async (sim, dir) => {
      const run = clientFor(sim).export({ target: { projectIds: ['nope'] }, outDir: dir, timeoutMs: 10_000 });
      await expect(run).rejects.toThrow('ExportTextProject failed: Project not found: nope');
    });
  });

  it('EMAIL: waits for delivery, downloads nothing, the simulator mailed the link', async () => {
    await withSimulator({}, async (sim, dir) => {
      const outcome = await clientFor(sim).export({ target: { projectIds: [BBOX_PROJECT_ID] }, method: 'EMAIL', outDir: join(dir, 'out'), timeoutMs: 10_000 });
      expect(outcome.file).toBeUndefined();
      expect(outcome.fileUrl).toBeNull();
      expect(sim.jobs.deliveries).toHaveLength(1);
      expect(sim.jobs.deliveries[0]!.mailedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
      expect(await listFiles(join(dir, 'out'))).toEqual([]);
    });
  });

  it('CUSTOM_WEBHOOK: the signed PUT reaches the receiver, which yields the link; the file is downloaded', async () => {
    await withSimulator({}, async (sim, dir) => {
      const receiver = await startWebhookReceiver({ secret: 'hook-secret-1' });
      try {
        const outcome = await clientFor(sim).export({
          target: { projectIds: [BBOX_PROJECT_ID] },
          method: 'CUSTOM_WEBHOOK',
          fileName: 'hooked',
          webhook: { url: receiver.url, secret: 'hook-secret-1', receiver },
          outDir: join(dir, 'out'),
          timeoutMs: 10_000,
        });
        expect(receiver.deliveries).toHaveLength(1);
        expect(receiver.deliveries[0]).toMatchObject({ userId: 1, projectId: BBOX_PROJECT_ID });
        expect(outcome.file).toBe(join(dir, 'out', 'hooked.zip'));
        expect((await zipNames(await readFile(outcome.file!))).length).toBe(14);
      } finally {
        await receiver.close();
      }
    });
  });

  it('CUSTOM_WEBHOOK with the wrong secret: the receiver rejects the PUT, the job FAILS, nothing is written', async () => {
    await withSimulator({}, async (sim, dir) => {
      const rejected: number[] = [];
      const receiver = await startWebhookReceiver({ secret: 'the-right-secret', onRejected: (status) => rejected.push(status) });
      try {
        const run = clientFor(sim).export({
          target: { projectIds: [BBOX_PROJECT_ID] },
          method: 'CUSTOM_WEBHOOK',
          webhook: { url: receiver.url, secret: 'a-wrong-secret', receiver },
          outDir: join(dir, 'out'),
          timeoutMs: 10_000,
        });
        await expect(run).rejects.toThrow(/FAILED on the server: WebhookDeliveryError: PUT .* answered 401/);
        expect(rejected).toEqual([401]);
        expect(receiver.deliveries).toEqual([]);
        expect(await listFiles(join(dir, 'out'))).toEqual([]);
      } finally {
        await receiver.close();
      }
    });
  });

  it('EXTERNAL_OBJECT_STORAGE: the key names the object the simulator wrote into the storage folder', async () => {
    await withSimulator({}, async (sim, dir) => {
      const outcome = await clientFor(sim).export({
        target: { projectIds: [BBOX_PROJECT_ID] },
        method: 'EXTERNAL_OBJECT_STORAGE',
        fileName: 'to-bucket',
        externalObjectStorage: { externalObjectStorageId: 'bucket-7', prefix: 'exports/' },
        outDir: join(dir, 'out'),
        timeoutMs: 10_000,
      });
      expect(outcome.key).toBe('exports/to-bucket.zip');
      const stored = await readFile(join(sim.storageDir, 'bucket-7', 'exports', 'to-bucket.zip'));
      expect((await zipNames(stored)).length).toBe(14);
      expect(outcome.file).toBeUndefined();
    });
  });

  it('a single document exports as the bare DATASAUR_SCHEMA file', async () => {
    await withSimulator({}, async (sim, dir) => {
      const client = clientFor(sim);
      const cabinet = await client.api.getCabinet(BBOX_PROJECT_ID, 'REVIEWER');
      const first = cabinet.documents![0]!;
      const outcome = await client.export({ target: { documentId: first.id }, outDir: join(dir, 'out'), timeoutMs: 10_000 });
      expect(outcome.file).toBe(join(dir, 'out', `${first.fileName}.json`));
      const json = JSON.parse(await readFile(outcome.file!, 'utf8')) as { data: { document: { id: string } } };
      expect(json.data.document.id).toBe(first.id);
    });
  });

  it('waits while the link answers 404 several times after delivery, then downloads', async () => {
    await withSimulator({ linkNotFoundAfterDelivery: 4 }, async (sim, dir) => {
      const notReady: number[] = [];
      const outcome = await clientFor(sim).export({
        target: { projectIds: [BBOX_PROJECT_ID] },
        outDir: join(dir, 'out'),
        timeoutMs: 10_000,
        onEvent: (e) => e.type === 'link-not-ready' && notReady.push(e.httpStatus),
      });
      expect(notReady).toEqual([404, 404, 404, 404]);
      expect(sim.requests.filter((r) => r.route === 'download').map((r) => r.status)).toEqual([404, 404, 404, 404, 200]);
      expect(outcome.bytes).toBeGreaterThan(0);
    });
  });

  it('a token that expires mid-run is replaced once and the call repeated', async () => {
    await withSimulator({ queuedMs: 150 }, async (sim, dir) => {
      const client = clientFor(sim);
      const outcome = await client.export({
        target: { projectIds: [BBOX_PROJECT_ID] },
        outDir: join(dir, 'out'),
        timeoutMs: 10_000,
        onEvent: (e) => e.type === 'requested' && sim.expireTokens(),
      });
      expect(outcome.file).toBeDefined();
      expect(client.tokens.fetched).toBe(2);
      expect(sim.requests.filter((r) => r.route === 'token').map((r) => r.status)).toEqual([200, 200]);
    });
  });

  it('the token is fetched again before it expires (expires_in honoured)', async () => {
    await withSimulator({ tokenLifetimeSeconds: 1, queuedMs: 600, processingMs: 700 }, async (sim, dir) => {
      const client = clientFor(sim);
      await client.export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 10_000 });
      // Refreshed ahead of expiry, so the server never had to say Unauthorized.
      expect(client.tokens.fetched).toBeGreaterThanOrEqual(2);
    });
  });

  it('429 with Retry-After: waits the time the server asked, then succeeds', async () => {
    await withSimulator({}, async (sim, dir) => {
      sim.faults.inject({ route: 'graphql', status: 429, retryAfterSeconds: 1, operationName: 'GetExportDeliveryStatus' });
      const delays: number[] = [];
      const client = clientFor(sim, { onRetry: (e) => delays.push(e.delayMs) });
      const started = Date.now();
      const outcome = await client.export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 10_000 });
      expect(outcome.file).toBeDefined();
      expect(delays).toEqual([1000]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(1);
    });
  });

  it('500 then success, on the token endpoint, GraphQL and the download', async () => {
    await withSimulator({}, async (sim, dir) => {
      sim.faults.inject({ route: 'token', status: 500 });
      sim.faults.inject({ route: 'graphql', status: 503, operationName: 'ExportTextProject' });
      sim.faults.inject({ route: 'download', status: 500 });
      const outcome = await clientFor(sim).export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 10_000 });
      expect(outcome.file).toBeDefined();
      expect(sim.faults.pending()).toBe(0);
      expect(sim.requests.filter((r) => r.status >= 500).map((r) => r.route)).toEqual(['token', 'graphql', 'download']);
    });
  });

  it('gives up on repeated 500s with an error naming the operation and the last status', async () => {
    await withSimulator({}, async (sim, dir) => {
      sim.faults.inject({ route: 'graphql', status: 500, operationName: 'ExportTextProject', times: 10 });
      const run = clientFor(sim).export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 10_000 });
      await expect(run).rejects.toThrow('ExportTextProject failed after 4 attempts: last status HTTP 500');
    });
  });

  it("a FAILED job: a clear error carrying the job's errors, no file", async () => {
    await withSimulator({}, async (sim, dir) => {
      sim.failNextJobs(1, [{ id: 'ExportError', stack: 'Error: disk full\n    at worker.ts:12', args: { projectId: BBOX_PROJECT_ID } }]);
      const error = await clientFor(sim)
        .export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 10_000 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe('API_ERROR');
      expect((error as InputError).message).toMatch(/^export ExportQueue:[0-9a-f-]+ FAILED on the server: ExportError: Error: disk full: \{"projectId":"ODMzNDE3Yjk"\}$/);
      expect(await listFiles(join(dir, 'out'))).toEqual([]);
    });
  });

  it('a time-out while the job is queued: TIMEOUT naming the stage and last status', async () => {
    await withSimulator({ queuedMs: 5000 }, async (sim, dir) => {
      const error = (await clientFor(sim)
        .export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 300 })
        .catch((e: unknown) => e)) as InputError;
      expect(error.code).toBe('TIMEOUT');
      expect(error.message).toMatch(/^export ExportQueue:\S+ \(waiting for the job, last status QUEUED\) did not finish within 0.3 s$/);
    });
  });

  it('a time-out during a slow download: TIMEOUT, and no partial file left behind', async () => {
    await withSimulator({ slowLinkBytesPerSecond: 2000 }, async (sim, dir) => {
      const received: number[] = [];
      const error = (await clientFor(sim)
        .export({
          target: { projectIds: [BBOX_PROJECT_ID] },
          outDir: join(dir, 'out'),
          // Long enough for the job under load, far too short for ~14 KB at 2 KB/s.
          timeoutMs: 2000,
          onEvent: (e) => e.type === 'progress' && received.push(e.progress.received),
        })
        .catch((e: unknown) => e)) as InputError;
      expect(error.code).toBe('TIMEOUT');
      expect(error.message).toContain('(downloading, last status DELIVERED)');
      expect(received.length).toBeGreaterThan(0);
      expect(await listFiles(join(dir, 'out'))).toEqual([]);
    });
  });

  it('AbortSignal cancels a running export', async () => {
    await withSimulator({ queuedMs: 5000 }, async (sim, dir) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 150);
      const error = (await clientFor(sim)
        .export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'out'), timeoutMs: 10_000, signal: controller.signal })
        .catch((e: unknown) => e)) as InputError;
      expect(error.code).toBe('ABORTED');
    });
  });

  it('HTTP Basic credentials work as well as credentials in the form body', async () => {
    await withSimulator({}, async (sim, dir) => {
      await clientFor(sim, { authStyle: 'basic' }).export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'b'), timeoutMs: 10_000 });
      await clientFor(sim, { authStyle: 'body' }).export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: join(dir, 'f'), timeoutMs: 10_000 });
      expect(sim.requests.filter((r) => r.route === 'token').map((r) => r.authStyle)).toEqual(['basic', 'body']);
    });
  });

  it('never shows the client secret or a token in an error', async () => {
    await withSimulator({}, async (sim, dir) => {
      const secret = 'wrong-secret-value-123';
      const client = clientFor(sim, { clientSecret: secret });
      const error = (await client.export({ target: { projectIds: [BBOX_PROJECT_ID] }, outDir: dir, timeoutMs: 5000 }).catch((e: unknown) => e)) as InputError;
      expect(error.message).toMatch(/token request rejected: HTTP 401/);
      expect(error.toUserMessage()).not.toContain(secret);
      expect(client.redactor.redact(`secret=${secret} Authorization: Bearer abc.def`)).toBe('secret=[REDACTED] Authorization: Bearer [REDACTED]');
    });
  });
});
