/** getProjects pagination and filters, getCabinet, through the client's typed calls. */
import { describe, expect, it } from 'vitest';
import { loadProjects, type SimProject } from '../../src/simulator/index.js';
import { BBOX_ZIP, clientFor, withSimulator } from './helpers.js';

async function manyProjects(count: number): Promise<SimProject[]> {
  const [base] = await loadProjects([BBOX_ZIP]);
  return Array.from({ length: count }, (_, i) => ({
    ...base!,
    id: `P${String(i).padStart(3, '0')}`,
    name: `project ${i}`,
    status: i % 3 === 0 ? 'COMPLETE' : 'IN_PROGRESS',
    tags: i % 2 === 0 ? [{ id: 'tag-ner', name: 'NER' }] : [],
  }));
}

describe('getProjects through the client', () => {
  it('follows nextCursor across pages and returns every project once, in order', async () => {
    await withSimulator({ projects: await manyProjects(23) }, async (sim) => {
      const all = await clientFor(sim).api.getProjects({}, { pageSize: 5 });
      expect(all.map((p) => p.id)).toEqual(Array.from({ length: 23 }, (_, i) => `P${String(i).padStart(3, '0')}`));
      expect(sim.requests.filter((r) => r.operationName === 'GetProjects')).toHaveLength(5);
    });
  });

  it('filters by tag (name or id) and status', async () => {
    await withSimulator({ projects: await manyProjects(12) }, async (sim) => {
      const api = clientFor(sim).api;
      const tagged = await api.getProjects({ tags: ['NER'] }, { pageSize: 4 });
      expect(tagged.map((p) => p.id)).toEqual(['P000', 'P002', 'P004', 'P006', 'P008', 'P010']);
      expect((await api.getProjects({ tags: ['tag-ner'] })).length).toBe(6);
      const complete = await api.getProjects({ statuses: ['COMPLETE'], tags: ['NER'] });
      expect(complete.map((p) => p.id)).toEqual(['P000', 'P006']);
      expect(complete[0]!.tags).toEqual([{ id: 'tag-ner', name: 'NER' }]);
    });
  });

  it('stops with a clear error when pages never end (maxPages)', async () => {
    await withSimulator({ projects: await manyProjects(10) }, async (sim) => {
      await expect(clientFor(sim).api.getProjects({}, { pageSize: 2, maxPages: 3 })).rejects.toThrow('GetProjects: more than 3 pages');
    });
  });

  it('an invalid status value is a clear GraphQL validation error', async () => {
    await withSimulator({}, async (sim) => {
      await expect(clientFor(sim).api.getProjects({ statuses: ['DONE'] })).rejects.toThrow(/GetProjects failed: .*"DONE"/);
    });
  });

  it('getCabinet lists the REVIEW copies for REVIEWER and the labeler copies for LABELER', async () => {
    await withSimulator({}, async (sim) => {
      const api = clientFor(sim).api;
      const review = await api.getCabinet('ODMzNDE3Yjk', 'REVIEWER');
      const labeler = await api.getCabinet('ODMzNDE3Yjk', 'LABELER');
      expect(review.documents!.map((d) => d.fileName)).toEqual(['image-1.jpeg', 'image-2.jpeg', 'image-3.jpeg']);
      expect(review.documents![0]!.id).toBe('57c5874c-d903-4f29-9ecb-b53eef4e3f82');
      expect(labeler.documents![0]!.id).toBe('192d46c7-417e-4c5e-a934-4e49707e3c0f');
      await expect(api.getCabinet('nope', 'REVIEWER')).rejects.toThrow('GetCabinet failed: Project not found: nope');
    });
  });
});
