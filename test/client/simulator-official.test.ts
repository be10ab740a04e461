/** The simulator answers the vendor's own request documents, unchanged (aliases, fragments, __typename). */
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { BBOX_PROJECT_ID, withSimulator } from './helpers.js';
import {
  OFFICIAL_DELIVERY_STATUS,
  OFFICIAL_EXPORT,
  OFFICIAL_GET_CABINET,
  OFFICIAL_GET_JOB,
  OFFICIAL_GET_PROJECTS,
  ROBOSAUR_EXPORT_QUERY,
  ROBOSAUR_GET_JOBS,
} from './official-requests.js';

async function token(sim: Simulator): Promise<string> {
  const res = await fetch(`${sim.baseUrl}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sim.clientId, client_secret: sim.clientSecret }).toString(),
  });
  const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body.token_type).toBe('bearer');
  expect(body.expires_in).toBe(3600);
  return body.access_token;
}

async function post(sim: Simulator, bearer: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${sim.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.headers.get('content-type')).toBe('application/json');
  return { status: res.status, json: await res.json() };
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('simulator and the official request documents', () => {
  it('ExportTextProjectQuery, then GetExportDeliveryStatus and GetJob (fragment) until DELIVERED', async () => {
    await withSimulator({ queuedMs: 1000, processingMs: 500 }, async (sim) => {
      const bearer = await token(sim);
      const exportBody = structuredClone(OFFICIAL_EXPORT);
      exportBody.variables.input.format = 'DATASAUR_SCHEMA';
      exportBody.variables.input.projectIds = [BBOX_PROJECT_ID];
      const started = await post(sim, bearer, exportBody);
      expect(started.status).toBe(200);
      expect(started.json.errors).toBeUndefined();
      expect(started.json.extensions).toEqual({});
      const result = started.json.data.result;
      expect(Object.keys(result)).toEqual(['redirect', 'fileUrl', 'fileUrlExpiredAt', 'queued', 'exportId', '__typename']);
      expect(result).toMatchObject({ __typename: 'ExportRequestResult', queued: true, redirect: null });
      expect(result.exportId).toMatch(/^ExportQueue:[0-9a-f-]{36}$/);
      expect(Date.parse(result.fileUrlExpiredAt) - Date.now()).toBeGreaterThan(5.9 * 3600_000);
      expect((await fetch(result.fileUrl)).status).toBe(404);

      const statusBody = structuredClone(OFFICIAL_DELIVERY_STATUS);
      statusBody.variables.exportId = result.exportId;
      const first = await post(sim, bearer, statusBody);
      expect(first.json.data.exportDeliveryStatus).toEqual({ deliveryStatus: 'QUEUED', errors: [], __typename: 'ExportDeliveryStatus' });
      const seen = new Set<string>();
      const final = await until(
        () => post(sim, bearer, statusBody),
        (r) => seen.add(r.json.data.exportDeliveryStatus.deliveryStatus).has('DELIVERED'),
      );
      expect(final.json.data.exportDeliveryStatus.deliveryStatus).toBe('DELIVERED');
      expect([...seen]).toEqual(['QUEUED', 'IN_PROGRESS', 'DELIVERED']);

      const jobBody = structuredClone(OFFICIAL_GET_JOB);
      jobBody.variables.input = result.exportId;
      const job = await post(sim, bearer, jobBody);
      expect(job.json.data.job).toMatchObject({ id: result.exportId, status: 'DELIVERED', progress: 100, errors: [], __typename: 'Job' });
      expect(Object.keys(job.json.data.job)).toEqual(['id', 'status', 'progress', 'errors', 'resultId', '__typename']);

      const download = await fetch(result.fileUrl, { headers: { range: 'bytes=0-1' } });
      expect(download.status).toBe(206);
      expect(Buffer.from(await download.arrayBuffer()).toString('latin1')).toBe('PK');
    });
  });

  it('a FAILED job shows its errors with __typename through the official status document', async () => {
    await withSimulator({}, async (sim) => {
      sim.failNextJobs(1);
      const bearer = await token(sim);
      const exportBody = structuredClone(OFFICIAL_EXPORT);
      exportBody.variables.input.format = 'DATASAUR_SCHEMA';
      exportBody.variables.input.projectIds = [BBOX_PROJECT_ID];
      const { exportId } = (await post(sim, bearer, exportBody)).json.data.result;
      const statusBody = { ...OFFICIAL_DELIVERY_STATUS, variables: { exportId } };
      const final = await until(() => post(sim, bearer, statusBody), (r) => r.json.data.exportDeliveryStatus.deliveryStatus === 'FAILED');
      expect(final.json.data.exportDeliveryStatus.errors).toEqual([
        { id: 'ExportError', stack: 'Error: simulated export failure\n    at exportWorker', args: { reason: 'simulated' }, __typename: 'JobError' },
      ]);
    });
  });

  it('GetProjectsQuery and GetCabinetQuery (nested fragments) as sent by the examples', async () => {
    await withSimulator({}, async (sim) => {
      const bearer = await token(sim);
      const projects = await post(sim, bearer, OFFICIAL_GET_PROJECTS);
      expect(projects.json.errors).toBeUndefined();
      expect(projects.json.data.result).toEqual({
        nodes: [{ id: BBOX_PROJECT_ID, name: 'sample-images', tags: [{ id: 'tag-bounding-box', name: 'BOUNDING BOX' }], __typename: 'Project', status: 'COMPLETE' }],
        pageInfo: { nextCursor: null, prevCursor: null, __typename: 'PageInfo' },
      });
      const cabinetBody = { ...OFFICIAL_GET_CABINET, variables: { role: 'LABELER', projectId: BBOX_PROJECT_ID } };
      const cabinet = (await post(sim, bearer, cabinetBody)).json.data.result;
      expect(Object.keys(cabinet)).toEqual(['id', 'status', 'documents', 'lastOpenedDocumentId', 'role']);
      expect(cabinet.role).toBe('LABELER');
      expect(cabinet.documents.map((d: { fileName: string }) => d.fileName)).toEqual(['image-1.jpeg', 'image-2.jpeg', 'image-3.jpeg']);
      expect(cabinet.documents[0].id).toBe('192d46c7-417e-4c5e-a934-4e49707e3c0f');
    });
  });

  it("robosaur's ExportProjectQuery and GetJobs", async () => {
    await withSimulator({ queuedMs: 2000 }, async (sim) => {
      const bearer = await token(sim);
      const variables = {
        input: { projectIds: [BBOX_PROJECT_ID], role: 'REVIEWER', format: 'DATASAUR_SCHEMA', fileName: 'x', method: 'FILE_STORAGE', includedCommentType: ['COMMENT', 'SPAN_LABEL', 'ARROW_LABEL', 'SPAN_TEXT'] },
      };
      const started = await post(sim, bearer, { query: ROBOSAUR_EXPORT_QUERY, variables });
      const { exportId } = started.json.data.result;
      const jobs = await post(sim, bearer, { query: ROBOSAUR_GET_JOBS, variables: { jobIds: [exportId, 'unknown'] } });
      expect(jobs.json.data.result[0]).toMatchObject({ id: exportId, status: 'QUEUED', errors: [] });
      expect(jobs.json.data.result[1]).toBeNull();
    });
  });

  it('an unknown token answers the Unauthorized GraphQL error of the server', async () => {
    await withSimulator({}, async (sim) => {
      const answer = await post(sim, 'not-a-token', OFFICIAL_GET_PROJECTS);
      expect(answer.json).toEqual({ errors: [{ message: 'Unauthorized', extensions: { type: 'AuthenticationError' } }], data: null });
    });
  });

  it('bad client credentials are refused at the token endpoint', async () => {
    await withSimulator({}, async (sim) => {
      const res = await fetch(`${sim.baseUrl}/api/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${sim.clientId}:nope`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      expect(res.status).toBe(401);
    });
  });
});
