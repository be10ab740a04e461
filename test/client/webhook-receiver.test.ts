/** The receiver's answers (API.md: 401 bad/missing signature, 405 wrong method, 413 oversize). */
import { describe, expect, it } from 'vitest';
import { signBody, startWebhookReceiver } from '../../src/client/index.js';

const SECRET = 'receiver-secret';
const BODY = JSON.stringify({ userId: 5, fileUrl: 'http://127.0.0.1:1/files/x/a.zip', projectId: 'P1' });

async function withReceiver(body: (url: string, receiver: Awaited<ReturnType<typeof startWebhookReceiver>>, rejected: string[]) => Promise<void>, maxBodyBytes?: number): Promise<void> {
  const rejected: string[] = [];
  const receiver = await startWebhookReceiver({ secret: SECRET, maxBodyBytes, onRejected: (status, reason) => rejected.push(`${status} ${reason}`) });
  try {
    await body(receiver.url, receiver, rejected);
  } finally {
    await receiver.close();
  }
}

describe('webhook receiver', () => {
  it('listens on loopback and accepts a correctly signed PUT with 200 {}', async () => {
    await withReceiver(async (url, receiver) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-datasaur-signature': signBody(BODY, SECRET) }, body: BODY });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{}');
      expect(receiver.deliveries).toEqual([JSON.parse(BODY)]);
    });
  });

  it('a bad signature: 401, nothing delivered', async () => {
    await withReceiver(async (url, receiver, rejected) => {
      const res = await fetch(url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(BODY, 'other-secret') }, body: BODY });
      expect(res.status).toBe(401);
      expect(receiver.deliveries).toEqual([]);
      expect(rejected).toEqual(['401 missing or bad X-Datasaur-Signature']);
    });
  });

  it('a missing signature: 401; a signature of other bytes (re-serialized JSON): 401', async () => {
    await withReceiver(async (url, receiver) => {
      expect((await fetch(url, { method: 'PUT', body: BODY })).status).toBe(401);
      const reformatted = JSON.stringify(JSON.parse(BODY), null, 2);
      expect((await fetch(url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(BODY, SECRET) }, body: reformatted })).status).toBe(401);
      expect(receiver.deliveries).toEqual([]);
    });
  });

  it('another method: 405 with Allow: PUT', async () => {
    await withReceiver(async (url, receiver) => {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const res = await fetch(url, { method, body: method === 'GET' ? undefined : BODY, headers: { 'x-datasaur-signature': signBody(BODY, SECRET) } });
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')).toBe('PUT');
      }
      expect(receiver.deliveries).toEqual([]);
    });
  });

  it('a body over the limit: 413, even when correctly signed', async () => {
    await withReceiver(async (url, receiver) => {
      const big = JSON.stringify({ fileUrl: 'http://x/y', pad: 'x'.repeat(2000) });
      const res = await fetch(url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(big, SECRET) }, body: big });
      expect(res.status).toBe(413);
      expect(receiver.deliveries).toEqual([]);
    }, 1024);
  });

  it('a signed body that is not a delivery: 400', async () => {
    await withReceiver(async (url, receiver) => {
      const body = '{"hello":1}';
      const res = await fetch(url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(body, SECRET) }, body });
      expect(res.status).toBe(400);
      expect(receiver.deliveries).toEqual([]);
    });
  });

  it('a replayed delivery (the same signed body again) answers 200 but is not handed on twice; after the window it is new', async () => {
    const replays: string[] = [];
    const delivered: string[] = [];
    const receiver = await startWebhookReceiver({
      secret: SECRET,
      replayWindowMs: 300,
      onDelivery: (p) => delivered.push(p.projectId!),
      onReplay: (p, at) => replays.push(`${p.projectId} ${at instanceof Date}`),
    });
    try {
      const put = (body: string) => fetch(receiver.url, { method: 'PUT', headers: { 'x-datasaur-signature': signBody(body, SECRET) }, body });
      expect((await put(BODY)).status).toBe(200);
      const again = await put(BODY);
      expect(again.status).toBe(200);
      expect(await again.text()).toBe('{"replay":true}');
      // Another body (another project) is a delivery of its own.
      const other = BODY.replace('"P1"', '"P2"');
      expect(await (await put(other)).text()).toBe('{}');
      expect(delivered).toEqual(['P1', 'P2']);
      expect(replays).toEqual(['P1 true']);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await (await put(BODY)).text()).toBe('{}');
      expect(receiver.deliveries.map((d) => d.projectId)).toEqual(['P1', 'P2', 'P1']);
    } finally {
      await receiver.close();
    }
  });
});
