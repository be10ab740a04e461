import ExcelJS from 'exceljs';
import { parseDelimited } from './decode.js';
import type { WrittenFile } from './run-writer.js';

/** Reads a table output back to header + rows of strings, with each format's own parser. */
export async function readTable(format: string, file: WrittenFile): Promise<string[][]> {
  switch (format) {
    case 'CSV':
      return parseDelimited(file.text, ',');
    case 'TSV':
      return parseDelimited(file.text, '\t');
    case 'JSON_TABULAR': {
      const rows = JSON.parse(file.text) as Array<Record<string, unknown>>;
      // Keys in file order are the columns; an empty table has no header to read back.
      const header = rows.length ? Object.keys(rows[0]) : [];
      return [header, ...rows.map((r) => Object.values(r).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))))];
    }
    case 'XLSX': {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      const out: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        // row.values is sparse (1-based, holes for empty cells): Array.from fills the holes.
        const values = Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)));
        out.push(values);
      });
      // exceljs leaves trailing empty cells out of a row: pad every row to the header's width.
      const width = out[0]?.length ?? 0;
      return out.map((row) => [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')]);
    }
    default:
      throw new Error(`no table reader for ${format}`);
  }
}
