import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { openInput } from '../../src/node/open-input.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { serializeJsonAdvanced } from '../../src/core/formats/schema/json-advanced.js';
import { Report } from '../../src/core/report/report.js';
import { SAMPLES, sampleZips } from '../helpers/samples.js';

/**
 * Must show (issue 2): reading then writing every JSON document in ../shared/samples gives back
 * the same bytes, for every cabinet of every ZIP.
 */
describe('every JSON document in the real samples round-trips byte for byte', async () => {
  const zips = await sampleZips();
  it('finds the sample ZIPs', () => {
    expect(zips.length).toBeGreaterThanOrEqual(5);
  });
  let checked = 0;
  for (const zipPath of zips) {
    it(path.relative(SAMPLES, zipPath), async () => {
      const zip = await JSZip.loadAsync(await fs.readFile(zipPath));
      const opened = await openInput(zipPath);
      const jsonRefs = opened.documents.filter((d) => d.file.endsWith('.json'));
      for (const ref of jsonRefs) {
        const entry = ref.file.slice(zipPath.length + 1);
        const original = await zip.file(entry)!.async('string');
        const doc = await ref.load(new Report());
        const written = doc.source === 'DATASAUR_SCHEMA' ? serializeDatasaurSchema(doc) : serializeJsonAdvanced(doc);
        expect(written, ref.file).toBe(original);
        checked++;
      }
    });
  }
  it('checked every JSON document (40 audio + 9 bounding-box + 2 + 2 token)', () => {
    expect(checked).toBe(53);
  });
});
