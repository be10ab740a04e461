import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rowDocument } from '../../../src/core/model/build.js';
import { writeTableCsv } from '../../../src/core/formats/table/csv.js';
import { SAMPLES, context, text } from './helpers.js';

/**
 * The project behind row-project-1.zip renamed its columns in the project settings (these titles
 * are that setting; the uploaded file's own header line became an ordinary first row, which is what
 * the server does when custom headers are given). No question was answered.
 */
const PROJECT_COLUMN_TITLES = [
  'Shown to all', 'Hidden from Labeler', 'Hidden from all', 'Hidden from all', 'Year', 'City', 'Code',
  'Location', 'State', 'Avg Temp', 'Max Temp', 'Min Temp', 'Wind.Direction', 'Wind.Speed',
];

describe('CSV of a row project (server serialization)', () => {
  it('equals REVIEW/weather.csv inside row-project-1.zip byte for byte', async () => {
    const uploaded = await readFile(`${SAMPLES}/row-csv/weather.csv`, 'utf8');
    const lines = Papa.parse<string[]>(uploaded, { header: false, skipEmptyLines: true }).data;
    expect(lines).toHaveLength(11);
    const doc = rowDocument({
      name: 'weather.csv',
      project: { id: 'PYp6xG2G6Qu', name: 'row-project-1' },
      columns: PROJECT_COLUMN_TITLES,
      rows: lines,
    });
    const ctx = context();
    const [file] = writeTableCsv(doc, ctx);

    const zip = await JSZip.loadAsync(await readFile(`${SAMPLES}/row-csv/row-project-1.zip`));
    const expected = await zip.file('row-project-1-PYp6xG2G6Qu/REVIEW/weather.csv')!.async('nodebuffer');
    expect(file.name).toBe('weather.csv');
    expect(Buffer.from(text(file.content), 'utf8').equals(expected)).toBe(true);
    expect(ctx.report.all()).toEqual([]);
  });
});

describe('CSV exports read back and written again', () => {
  it('row-project-1.zip through readInput: every cabinet written as CSV equals its ZIP entry', async () => {
    const { readInput } = await import('../../../src/node/read-input.js');
    const zip = await JSZip.loadAsync(await readFile(`${SAMPLES}/row-csv/row-project-1.zip`));
    const { projects } = await readInput(`${SAMPLES}/row-csv/row-project-1.zip`, { cabinet: 'all' });
    const docs = projects.flatMap((p) => p.documents);
    expect(docs.map((d) => d.cabinet.folder).sort()).toEqual(['REVIEW', 'ROOT-daniel_jeremia_datasaur_ai']);
    for (const doc of docs) {
      const expected = await zip.file(`${doc.project.folder}/${doc.cabinet.folder}/weather.csv`)!.async('nodebuffer');
      expect(Buffer.from(text(writeTableCsv(doc, context())[0].content), 'utf8').equals(expected)).toBe(true);
    }
  });

  it('bbox-export.zip: document answers in one row per image, every box reported', async () => {
    const { readInput } = await import('../../../src/node/read-input.js');
    const { projects } = await readInput(`${SAMPLES}/bbox-datasaur-schema/bbox-export.zip`, { cabinet: 'REVIEW' });
    const docs = projects.flatMap((p) => p.documents);
    const ctx = context();
    const csv = docs.map((doc) => text(writeTableCsv(doc, ctx)[0].content));
    expect(csv).toEqual([
      'document,Document-level: TEXT,Document-level: Dropdown\r\nimage-1.jpeg,an answer to document-level question,option-two\r\n',
      'document,Document-level: TEXT,Document-level: Dropdown\r\nimage-2.jpeg,answer for document 2,\r\n',
      'document,Document-level: TEXT,Document-level: Dropdown\r\nimage-3.jpeg,answer for document 3,\r\n',
    ]);
    const boxes = docs.reduce((n, d) => n + d.boundingBoxes.length, 0);
    expect(boxes).toBe(13);
    expect(ctx.report.count({ kind: 'BoundingBoxNotRepresented' })).toBe(boxes);
  });
});
