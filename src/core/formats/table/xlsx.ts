import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { outputFileName } from '../../model/naming.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { combinedFileName, documentContext } from './combined.js';
import { TABLE_KINDS } from './kinds.js';
import { spreadsheetTable } from './table-output.js';
import { EXCEL_COLUMN_LIMIT, SheetNamer, xlsxCellText } from './xlsx-cells.js';

/**
 * XLSX (decided): one worksheet per document, named after the document (valid and unique), the
 * header row bold and frozen, then the same cells as CSV (§5), every cell a text cell (no number
 * or date guessing: `0.0` stays `0.0`). Values Excel cannot hold are changed and reported
 * (`ControlCharRemoved`, `CellTruncated`); columns beyond Excel's 16,384 are left out of the
 * workbook and named (`ColumnsCut`; the other formats of the run still carry them). `--combine`
 * writes one workbook holding a worksheet per document of the project.
 *
 * Cells and report messages are prepared when the writer runs; the workbook itself is streamed by
 * exceljs's WorkbookWriter only when the caller reads the content, so large tables are never held
 * twice as XML.
 */
interface Sheet {
  name: string;
  header: string[];
  rows: string[][];
}

export function writeXlsx(doc: Document, ctx: WriteContext): OutputFile[] {
  const sheet = prepareSheet(doc, ctx, new SheetNamer());
  return [{ name: outputFileName(doc.name, 'xlsx'), content: streamWorkbook([sheet]) }];
}

export function writeXlsxCombined(docs: readonly Document[], ctx: WriteContext): OutputFile[] {
  const namer = new SheetNamer();
  const sheets = docs.map((doc) => prepareSheet(doc, documentContext(doc, ctx), namer));
  return [{ name: combinedFileName(docs, 'xlsx'), content: streamWorkbook(sheets) }];
}

function prepareSheet(doc: Document, ctx: WriteContext, namer: SheetNamer): Sheet {
  const table = spreadsheetTable(doc, ctx);
  const clean = (value: string, row: number, column: number, report: Report) => xlsxCellText(value, { row, column }, report);
  let width = table.header.length;
  for (const cells of table.rows) width = Math.max(width, cells.length);
  if (width > EXCEL_COLUMN_LIMIT) {
    const first = table.header[EXCEL_COLUMN_LIMIT];
    ctx.report.add({
      kind: 'ColumnsCut',
      text: `the table has ${width} columns and a worksheet holds ${EXCEL_COLUMN_LIMIT}: columns ${EXCEL_COLUMN_LIMIT + 1}–${width}${first === undefined ? '' : ` (from "${first}")`} were left out of the workbook`,
      place: { column: EXCEL_COLUMN_LIMIT },
    });
  }
  const fit = (cells: string[]) => (cells.length > EXCEL_COLUMN_LIMIT ? cells.slice(0, EXCEL_COLUMN_LIMIT) : cells);
  return {
    name: namer.name(doc.name, ctx.report, doc.name),
    header: fit(table.header).map((v, c) => clean(v, -1, c, ctx.report)),
    rows: table.rows.map((cells, r) => fit(cells).map((v, c) => clean(v, table.sourceRows[r], c, ctx.report))),
  };
}

async function* streamWorkbook(sheets: readonly Sheet[]): AsyncIterable<Uint8Array> {
  // Loaded on first use: exceljs is about 27 MB of memory that every other format would carry.
  const { default: ExcelJS } = await import('exceljs');
  // Given no stream, the writer zips into a buffer of its own (`workbook.stream`), so no Node
  // stream is needed here: what it holds is taken out as the rows are written, and yielded.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false });
  const output = (workbook as unknown as { stream: { read(): Uint8Array } }).stream;
  const written = async function* (): AsyncGenerator<Uint8Array> {
    // A macrotask lets the zip compress what was queued (its deflate runs in callbacks).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const chunk = output.read();
    if (chunk.length) yield chunk;
  };
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Cells are written as strings, so Excel shows `0.0` as `0.0`. No column number format `@`:
    // styling every cell made exceljs ~3× slower (21 s against 7 s for 1.1 M cells).
    const header = worksheet.addRow(sheet.header);
    header.font = { bold: true };
    header.commit();
    for (let r = 0; r < sheet.rows.length; r++) {
      worksheet.addRow(sheet.rows[r]).commit();
      if (r % ROWS_PER_CHUNK === ROWS_PER_CHUNK - 1) yield* written();
    }
    worksheet.commit();
  }
  await workbook.commit();
  yield* written();
}

/** Rows written between two takes of the zipped output (bounds what is held at once). */
const ROWS_PER_CHUNK = 2000;

export const xlsxWriter: FormatWriter = {
  name: 'XLSX',
  kinds: TABLE_KINDS,
  extension: 'xlsx',
  description: 'Row/document table as an Excel workbook: one worksheet per document, bold frozen header, text cells; --combine: one workbook for the project',
  writeDocument: writeXlsx,
  writeCombined: writeXlsxCombined,
};
