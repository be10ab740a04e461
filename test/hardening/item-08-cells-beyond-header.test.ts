import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectClean, readReport, runChild, sandbox } from './harness.js';

/**
 * Issue 14 item 8: a CSV record with more cells than the header lost its extra cells in every
 * output, DATASAUR_SCHEMA included. They are kept, in columns named as the table writers name
 * columns without a title (`Column N`), and the record is named (`CellsBeyondHeader`).
 */
describe('item 8: a CSV record with more cells than the header keeps its extra cells', () => {
  it('in CSV, TSV, JSON_TABULAR, XLSX and DATASAUR_SCHEMA, and the report names the record', { timeout: 120_000 }, async () => {
    const box = await sandbox('item08');
    const file = box.input('wide.csv');
    await fs.writeFile(file, 'name,city\r\nAda,London\r\nGrace,Arlington,extra one,extra two\r\nAlan,Wilmslow\r\n');
    const run = await runChild(['convert', file, '--to', 'CSV,TSV,JSON_TABULAR,XLSX,DATASAUR_SCHEMA', '--out', box.out, '--report', box.report, '--flat']);
    expect(run.code, run.stderr).toBe(0);
    const named = (await readReport(box.report)).filter((m) => m.kind === 'CellsBeyondHeader');
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ severity: 'info', place: { row: 1 } });
    expect(named[0].text).toContain('record 2 has 4 cells, the header 2');

    const out = (format: string, name: string) => path.join(box.out, format, name);
    const header = 'name,city,Column 3,Column 4';
    expect(await fs.readFile(out('CSV', 'wide.csv'), 'utf8')).toBe(`${header}\r\nAda,London,,\r\nGrace,Arlington,extra one,extra two\r\nAlan,Wilmslow,,\r\n`);
    expect(await fs.readFile(out('TSV', 'wide.csv.tsv'), 'utf8')).toContain('Grace\tArlington\textra one\textra two\r\n');
    const json = JSON.parse(await fs.readFile(out('JSON_TABULAR', 'wide.csv.json'), 'utf8'));
    expect(json[1]).toEqual({ name: 'Grace', city: 'Arlington', 'Column 3': 'extra one', 'Column 4': 'extra two' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out('XLSX', 'wide.csv.xlsx'));
    expect((workbook.worksheets[0].getRow(3).values as unknown[]).slice(1)).toEqual(['Grace', 'Arlington', 'extra one', 'extra two']);
    const schema = JSON.parse(await fs.readFile(out('DATASAUR_SCHEMA', 'wide.csv.json'), 'utf8'));
    expect(schema.data.columns.map((c: { name: string }) => c.name)).toEqual(['name', 'city', 'Column 3', 'Column 4']);
    expect(schema.data.rows[1].map((c: { content: string }) => c.content)).toEqual(['Grace', 'Arlington', 'extra one', 'extra two']);
    await expectClean(box);
  });
});
