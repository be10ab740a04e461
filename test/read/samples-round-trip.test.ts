import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { openInput } from '../../src/node/open-input.js';
import { serializeDatasaurSchema } from '../../src/core/formats/schema/datasaur-schema.js';
import { serializeJsonAdvanced } from '../../src/core/formats/schema/json-advanced.js';
import { Report } from '../../src/core/report/report.js';
import '../../src/core/read/register-readers.js';
import { parseDocumentText } from '../../src/core/read/index.js';
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

/**
 * A label's hashCode is carried (docs/formats.md): written back as it was read, a null or a value
 * the writer would not compute included. The writer used to recompute it, so a null came back as a
 * string (found by the mutation property, CI of stop 22).
 */
describe('JSON_ADVANCED writes each label\'s hashCode back as it was read', () => {
  const types = new Set<string>();
  /** Every label's hashCode changed to a null or a string of its own; the document written back is that text. */
  const expectKept = (json: { labels?: unknown }, file: string, documentName: string) => {
    if (!Array.isArray(json.labels)) return;
    json.labels.forEach((label: { type: string; hashCode: string | null }, i: number) => {
      types.add(label.type);
      label.hashCode = i % 2 ? null : `${label.type}:kept-${i}`;
    });
    const text = JSON.stringify(json) + '\n';
    const doc = parseDocumentText(text, { file, documentName, report: new Report() });
    expect(serializeJsonAdvanced(doc), file).toBe(text);
  };

  it('on every span and timestamp of every sample document', async () => {
    for (const zipPath of await sampleZips()) {
      const zip = await JSZip.loadAsync(await fs.readFile(zipPath));
      for (const ref of (await openInput(zipPath)).documents.filter((d) => d.file.endsWith('.json'))) {
        expectKept(JSON.parse(await zip.file(ref.file.slice(zipPath.length + 1))!.async('string')), ref.file, ref.documentName);
      }
    }
    expect([...types].sort()).toEqual(['SPAN', 'TIMESTAMP']);
  });

  it('on the arrows of the fixture token project (no sample has arrows), written in JSON_ADVANCED first', async () => {
    const file = fileURLToPath(new URL('../../fixtures/token-project/REVIEW/curie.txt.json', import.meta.url));
    const doc = parseDocumentText(await fs.readFile(file, 'utf8'), { file, documentName: 'curie.txt', report: new Report() });
    types.clear();
    expectKept(JSON.parse(serializeJsonAdvanced(doc)), 'curie.txt.json', 'curie.txt');
    expect(types).toContain('ARROW');
  });
});
