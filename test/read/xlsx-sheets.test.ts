import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookSheets } from '../../src/core/read/xlsx-sheets.js';
import { writeXlsx, writeXlsxCombined } from '../../src/core/formats/table/xlsx.js';
import { rowDocument } from '../../src/core/model/build.js';
import { InputError } from '../../src/core/errors.js';
import { TRICKY_HEADER, TRICKY_TABLE, trickyRowDocument } from '../formats/table/fixtures.js';
import { bytes, context } from '../formats/table/helpers.js';

/** exceljs, the independent reader: each cell as text the way the read-back took it from exceljs. */
async function exceljsSheets(data: Uint8Array): Promise<Array<{ name: string; rows: string[][] }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      rows[number - 1] = Array.from((row.values as unknown[]).slice(1), cellText);
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: sheet.name, rows };
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  const v = value as { richText?: Array<{ text: string }>; result?: unknown; error?: string };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if (typeof v.error === 'string') return v.error;
  return JSON.stringify(value);
}

describe('XLSX sheets read with the core ZIP reader and saxes', () => {
  it('our workbook reads back as the table (CR as LF), the same as exceljs reads it', async () => {
    const data = await bytes(writeXlsx(trickyRowDocument(), context())[0].content);
    const sheets = await readWorkbookSheets(data, 'tricky.xlsx');
    const expected = TRICKY_TABLE.map((row) => row.map((v) => v.replace(/\r\n?/g, '\n')));
    expect(sheets.map((s) => s.name)).toEqual(['tricky.csv']);
    const pad = (rows: string[][]) => rows.map((r) => [...r, ...Array<string>(Math.max(0, TRICKY_HEADER.length - r.length)).fill('')]);
    expect(pad(sheets[0].rows)).toEqual([TRICKY_HEADER, ...expected]);
    expect(sheets).toEqual(await exceljsSheets(data));
  });

  it('a value holding _xHHHH_ comes back as written (our writer escapes it, this reader decodes it)', async () => {
    const values = ['_x0041_', 'a_x00e9_b', '_x005F_', '<&>"'];
    const data = await bytes(writeXlsx(rowDocument({ columns: ['a', 'b', 'c', 'd'], rows: [values] }), context())[0].content);
    expect((await readWorkbookSheets(data, 'x.xlsx'))[0].rows[1]).toEqual(values);
  });

  it('a workbook exceljs writes (shared strings, numbers, dates, booleans, formulas, rich text, errors, gaps) reads as exceljs reads it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['text', 'number', 'date', 'bool', 'formula', 'rich', 'error']);
    sheet.addRow(['plain', 3.25, new Date(Date.UTC(2016, 0, 3, 12, 30)), true, { formula: 'B2*2', result: 6.5 }, { richText: [{ text: 'bo', font: { bold: true } }, { text: 'ld' }] }, { error: '#N/A' }]);
    sheet.addRow(['café 😀', -0.1, new Date(Date.UTC(1999, 11, 31)), false, { formula: 'A2&"x"', result: 'plainx' }]);
    sheet.getCell('D5').value = 'after a gap';
    const second = workbook.addWorksheet('Second');
    second.addRow(['only', '', 'sparse']);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const ours = await readWorkbookSheets(data, 'exceljs.xlsx');
    expect(ours).toEqual(await exceljsSheets(data));
    expect(ours[0].rows[1]).toEqual(['plain', '3.25', '2016-01-03T12:30:00.000Z', 'true', '6.5', 'bold', '#N/A']);
    expect(ours[0].rows[4]).toEqual(['', '', '', 'after a gap']);
  });

  it('--combine workbooks list every worksheet in order', async () => {
    const docs = ['a', 'b'].map((name, i) => rowDocument({ id: `d${i}`, name, columns: ['c'], rows: [[name]] }));
    const data = await bytes(writeXlsxCombined(docs, context({ combine: true }))[0].content);
    expect((await readWorkbookSheets(data, 'p.xlsx')).map((s) => [s.name, s.rows[1][0]])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  it('a ZIP that is no workbook is an InputError', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('hi') });
    await expect(readWorkbookSheets(zip, 'not.xlsx')).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
    await expect(readWorkbookSheets(new TextEncoder().encode('PK not a zip at all'), 'cut.xlsx')).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
    await expect(readWorkbookSheets(zip, 'not.xlsx')).rejects.toBeInstanceOf(InputError);
  });
});
