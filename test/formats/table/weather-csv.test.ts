import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rowDocument } from '../../../src/model/build.js';
import { writeTableCsv } from '../../../src/formats/table/csv.js';
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
