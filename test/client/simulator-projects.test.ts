/** What the simulator serves: loading inputs, ZIP layout, link expiry. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { buildExportZip, loadProjects } from '../../src/simulator/index.js';
import { DEMO_FIXTURE } from '../../src/cli/commands/demo.js';
import { BBOX_ZIP, clientFor, listFiles, SAMPLES, tempDir, withSimulator } from './helpers.js';

describe('simulator projects', () => {
  it('rebuilds a served DATASAUR_SCHEMA export with the same entries, order and document bytes', async () => {
    const [project] = await loadProjects([BBOX_ZIP]);
    expect(project).toMatchObject({ id: 'ODMzNDE3Yjk', name: 'sample-images', tags: [{ name: 'BOUNDING BOX' }], kinds: ['BBOX_BASED', 'DOCUMENT_BASED'] });
    const rebuilt = await JSZip.loadAsync(await buildExportZip([{ project: project!, copies: project!.copies }]));
    const source = await JSZip.loadAsync(await readFile(BBOX_ZIP));
    expect(Object.keys(rebuilt.files)).toEqual(Object.keys(source.files));
    for (const name of Object.keys(source.files)) {
      expect(rebuilt.files[name]!.dir).toBe(source.files[name]!.dir);
      if (!source.files[name]!.dir) expect(await rebuilt.file(name)!.async('string')).toBe(await source.file(name)!.async('string'));
    }
  });

  it('a single DATASAUR_SCHEMA file is served as the REVIEW copy of its project', async () => {
    const zip = await JSZip.loadAsync(await readFile(BBOX_ZIP));
    const dir = await tempDir();
    try {
      const file = join(dir, 'image-2.jpeg.json');
      await writeFile(file, await zip.file('sample-images-ODMzNDE3Yjk/REVIEW/image-2.jpeg.json')!.async('uint8array'));
      const [project] = await loadProjects([file]);
      expect(project!.copies.map((c) => [c.cabinetFolder, c.documentName])).toEqual([['REVIEW', 'image-2.jpeg']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a JSON_ADVANCED export is read by the readers and served as DATASAUR_SCHEMA', async () => {
    const [project] = await loadProjects([join(SAMPLES, 'token-json-advanced/Project 1.zip')]);
    expect(project!.id).toBe('u9rQUwKml09');
    expect(project!.copies.map((c) => c.cabinetFolder).sort()).toEqual(['REVIEW', 'ROOT-ivan_marcellino_gdplabs_id']);
    const json = JSON.parse(Buffer.from(project!.copies[0]!.bytes).toString('utf8')) as { version: string; data: { document: { name: string } } };
    expect(json.version).toBe('1');
    expect(json.data.document.name).toBe('lorem.txt');
  });

  it('refuses an input that is no export, with the file named', async () => {
    const error = (await loadProjects([join(SAMPLES, 'token-json-advanced/lorem.txt')]).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.file).toContain('lorem.txt');
    await expect(loadProjects(['does/not/exist.zip'])).rejects.toThrow('no such file or folder');
  });

  it('links answer 403 once expired, like pre-signed storage links', async () => {
    // The link must outlive the job and the first download even on a loaded machine (1.5 s did
    // not under a parallel test run), so it lives 6 s and the test waits for its expiry.
    await withSimulator({ linkTtlMs: 6000, queuedMs: 10, processingMs: 10 }, async (sim) => {
      const api = clientFor(sim).api;
      const result = await api.exportTextProject({ projectIds: ['ODMzNDE3Yjk'], fileName: 'e', format: 'DATASAUR_SCHEMA', method: 'FILE_STORAGE' });
      for (let i = 0; i < 100 && (await api.getExportDeliveryStatus(result.exportId)).deliveryStatus !== 'DELIVERED'; i++) await new Promise((r) => setTimeout(r, 10));
      expect((await fetch(result.fileUrl!)).status).toBe(200);
      const tampered = result.fileUrl!.replace(/X-Amz-Signature=[0-9a-f]+/, 'X-Amz-Signature=00');
      expect((await fetch(tampered)).status).toBe(403);
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(result.fileUrlExpiredAt!) - Date.now()) + 20));
      expect((await fetch(result.fileUrl!)).status).toBe(403);
    });
  });

  it('other formats are written by the registry writers, one file per cabinet copy, in the ZIP layout', async () => {
    await withSimulator({ projectPaths: [DEMO_FIXTURE] }, async (sim, dir) => {
      const outcome = await clientFor(sim).export({ target: { projectIds: ['FxTok3n01'] }, format: 'TSV_IOB', fileName: 'iob', outDir: dir, timeoutMs: 10_000 });
      const zip = await JSZip.loadAsync(await readFile(outcome.file!));
      expect(Object.keys(zip.files)).toEqual([
        'Fixture token _NER_-FxTok3n01/',
        'Fixture token _NER_-FxTok3n01/DOCUMENT-ana_labeler_example_com/',
        'Fixture token _NER_-FxTok3n01/DOCUMENT-ana_labeler_example_com/curie.txt.tsv',
        'Fixture token _NER_-FxTok3n01/project-data.json',
        'Fixture token _NER_-FxTok3n01/REVIEW/',
        'Fixture token _NER_-FxTok3n01/REVIEW/curie.txt.tsv',
        'Fixture token _NER_-FxTok3n01/ROOT-ana_labeler_example_com/',
        'Fixture token _NER_-FxTok3n01/ROOT-ana_labeler_example_com/curie.txt.tsv',
      ]);
      expect(await zip.file('Fixture token _NER_-FxTok3n01/REVIEW/curie.txt.tsv')!.async('string')).toMatch(/^Marie\tB-PER\t/);
      expect(await zip.file('Fixture token _NER_-FxTok3n01/ROOT-ana_labeler_example_com/curie.txt.tsv')!.async('string')).toMatch(/^Marie\tO\t/);
    });
  });

  it('an unknown format, a format that does not fit the project, a non-schema single document: FAILED with the reason', async () => {
    await withSimulator({}, async (sim, dir) => {
      const client = clientFor(sim);
      const run = (format: string, target: { projectIds: string[] } | { documentId: string } = { projectIds: ['ODMzNDE3Yjk'] }) =>
        client.export({ target, format, outDir: dir, timeoutMs: 5000 });
      await expect(run('COCO')).rejects.toThrow(/FAILED on the server: UnsupportedFormat: Unknown export format COCO/);
      await expect(run('TSV_IOB')).rejects.toThrow(/FAILED on the server: FormatNotApplicable: TSV_IOB does not apply to BBOX_BASED\+DOCUMENT_BASED projects/);
      await expect(run('PLAIN', { documentId: '57c5874c-d903-4f29-9ecb-b53eef4e3f82' })).rejects.toThrow(/single documents as DATASAUR_SCHEMA only, not PLAIN/);
      expect(await listFiles(dir)).toEqual([]);
    });
  });
});
