import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx, writeXlsxCombined } from '../../../src/core/formats/table/xlsx.js';
import { EXCEL_CELL_LIMIT, EXCEL_COLUMN_LIMIT, SheetNamer } from '../../../src/core/formats/table/xlsx-cells.js';
import { rowDocument } from '../../../src/core/model/build.js';
import { Report } from '../../../src/core/report/report.js';
import { TRICKY_HEADER, TRICKY_TABLE, trickyRowDocument } from './fixtures.js';
import { bytes, context } from './helpers.js';

async function readWorkbook(content: Parameters<typeof bytes>[0]): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's load() is typed for its own Buffer flavour; a Node Buffer is what it reads.
  await workbook.xlsx.load((await bytes(content)) as unknown as ArrayBuffer);
  return workbook;
}

function cellTexts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = row.getCell(c).value;
      cells.push(value === null || value === undefined ? '' : (value as string));
    }
    rows.push(cells);
  });
  return rows;
}

describe('XLSX', () => {
  it('read back with exceljs gives the same cells (CR becomes LF, reported), all text, header bold and frozen', async () => {
    const ctx = context();
    const [file] = writeXlsx(trickyRowDocument(), ctx);
    expect(file.name).toBe('tricky.csv.xlsx');
    const workbook = await readWorkbook(file.content);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['tricky.csv']);
    const sheet = workbook.worksheets[0];
    const expected = TRICKY_TABLE.map((row) => row.map((v) => v.replace(/\r\n?/g, '\n')));
    expect(cellTexts(sheet)).toEqual([TRICKY_HEADER, ...expected]);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Row 1 holds "crlf\r\nline" (column 2) and "cr\ronly" (column 3); row 2 starts with "=SUM(…".
    expect(ctx.report.all().map((m) => [m.kind, m.place])).toEqual([
      ['FormulaNotEscaped', { row: 2, column: 0 }],
      ['ControlCharRemoved', { row: 1, column: 2 }],
      ['ControlCharRemoved', { row: 1, column: 3 }],
    ]);
  });

  it('numbers and dates stay text; --escape-formulas applies', async () => {
    const doc = rowDocument({ columns: ['n', 'd', 'f'], rows: [['0.0', '2016-01-03', '=1+1']] });
    const ctx = context({ escapeFormulas: true });
    const sheet = (await readWorkbook(writeXlsx(doc, ctx)[0].content)).worksheets[0];
    expect(cellTexts(sheet)[1]).toEqual(['0.0', '2016-01-03', "'=1+1"]);
    expect(ctx.report.count({ kind: 'FormulaEscaped' })).toBe(1);
  });

  it('removes XML-illegal control characters and cuts cells over 32,767 characters, reporting both', async () => {
    const long = 'a'.repeat(EXCEL_CELL_LIMIT - 1) + '😀tail';
    const doc = rowDocument({ columns: ['bell\u0007'], rows: [['x\u0000y\u001Fz', long]] });
    const ctx = context();
    const sheet = (await readWorkbook(writeXlsx(doc, ctx)[0].content)).worksheets[0];
    const [header, row] = cellTexts(sheet);
    expect(header[0]).toBe('bell');
    expect(row[0]).toBe('xyz');
    // The emoji's surrogate pair would straddle the limit: the cut keeps it whole by stopping before it.
    expect(row[1]).toBe('a'.repeat(EXCEL_CELL_LIMIT - 1));
    expect(ctx.report.all().map((m) => [m.kind, m.place])).toEqual([
      ['ControlCharRemoved', { column: 0 }],
      ['ControlCharRemoved', { row: 0, column: 0 }],
      ['CellTruncated', { row: 0, column: 1 }],
    ]);
  });

  it('ColumnsCut: a table wider than 16,384 columns loses the columns beyond in the workbook only, named once', async () => {
    const width = EXCEL_COLUMN_LIMIT + 3;
    const columns = Array.from({ length: width }, (_, c) => `c${c}`);
    const doc = rowDocument({ columns, rows: [columns.map((c) => `v${c}`)] });
    const ctx = context();
    const sheet = (await readWorkbook(writeXlsx(doc, ctx)[0].content)).worksheets[0];
    expect(sheet.columnCount).toBe(EXCEL_COLUMN_LIMIT);
    expect(sheet.getRow(2).getCell(EXCEL_COLUMN_LIMIT).value).toBe(`vc${EXCEL_COLUMN_LIMIT - 1}`);
    expect(ctx.report.all().map((m) => [m.kind, m.severity, m.text])).toEqual([
      ['ColumnsCut', 'warning', `the table has ${width} columns and a worksheet holds ${EXCEL_COLUMN_LIMIT}: columns 16385–${width} (from "c16384") were left out of the workbook`],
    ]);
    const narrow = context();
    writeXlsx(rowDocument({ columns: columns.slice(0, EXCEL_COLUMN_LIMIT), rows: [] }), narrow);
    expect(narrow.report.count({ kind: 'ColumnsCut' })).toBe(0);
  });

  it('--combine: one workbook, a worksheet per document, names made valid and unique', async () => {
    const docs = ['a/b:c?.csv', 'A/B:C?.csv', "'History'", 'x'.repeat(40)].map((name, i) => rowDocument({ id: `d${i}`, name, columns: ['c'], rows: [[name]] }));
    const ctx = context({ combine: true });
    const [file] = writeXlsxCombined(docs, ctx);
    expect(file.name).toBe('project-P1.xlsx');
    const workbook = await readWorkbook(file.content);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['a_b_c_.csv', 'A_B_C_.csv (2)', 'History_', 'x'.repeat(31)]);
    expect(workbook.worksheets.map((s) => cellTexts(s)[1][0])).toEqual(docs.map((d) => d.name));
    expect(ctx.report.all().filter((m) => m.kind === 'SheetNameChanged').map((m) => m.document)).toEqual(docs.map((d) => d.name));
  });

  it('XML specials and edge white space read back as written', async () => {
    const values = ['<&>"\'', '  lead', 'trail\t', ' \n ', 'x'];
    const doc = rowDocument({ columns: values.map((_, c) => `c${c}`), rows: [values] });
    const sheet = (await readWorkbook(writeXlsx(doc, context())[0].content)).worksheets[0];
    expect(cellTexts(sheet)[1]).toEqual(values);
  });

  it('a value holding a SpreadsheetML escape (_xHHHH_) has its "_" escaped, so Excel shows it as written', async () => {
    // Excel decodes _xHHHH_ in every string; exceljs only in shared strings, so the XML is checked.
    const doc = rowDocument({ columns: ['c'], rows: [['_x0041_ a_x00e9_b _x12_']] });
    const parts = unzipSync(await bytes(writeXlsx(doc, context())[0].content));
    const sheetXml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('<t>_x005F_x0041_ a_x005F_x00e9_b _x12_</t>');
  });

  it('the same table gives the same bytes (no time stamp in the parts)', async () => {
    const first = await bytes(writeXlsx(trickyRowDocument(), context())[0].content);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await bytes(writeXlsx(trickyRowDocument(), context())[0].content);
    expect(second.equals(first)).toBe(true);
  });

  it('sheet names: empty becomes Sheet, suffixes stay within 31 characters', () => {
    const namer = new SheetNamer();
    const report = new Report();
    expect(namer.name('', report)).toBe('Sheet');
    expect(namer.name('y'.repeat(35), report)).toBe('y'.repeat(31));
    expect(namer.name('y'.repeat(35), report)).toBe('y'.repeat(27) + ' (2)');
  });
});
