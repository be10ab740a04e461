import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { outputFileName } from '../../model/naming.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { combinedFileName, documentContext } from './combined.js';
import { TABLE_KINDS } from './kinds.js';
import { spreadsheetTable } from './table-output.js';
import { workbookBytes } from './xlsx-package.js';
import { EXCEL_COLUMN_LIMIT, SheetNamer, xlsxCellText } from './xlsx-cells.js';

/**
 * XLSX (decided): one worksheet per document, named after the document (valid and unique), the
 * header row bold and frozen, then the same cells as CSV (§5), every cell a text cell (no number
 * or date guessing: `0.0` stays `0.0`). Values Excel cannot hold are changed and reported
 * (`ControlCharRemoved`, `CellTruncated`); columns beyond Excel's 16,384 are left out of the
 * workbook and named (`ColumnsCut`; the other formats of the run still carry them). `--combine`
 * writes one workbook holding a worksheet per document of the project.
 *
 * Cells and report messages are prepared when the writer runs; the workbook itself is zipped
 * (xlsx-package.ts) only when the caller reads the content, a chunk of rows at a time, so large
 * tables are never held twice as XML.
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

function streamWorkbook(sheets: readonly Sheet[]): AsyncIterable<Uint8Array> {
  return workbookBytes(sheets);
}

export const xlsxWriter: FormatWriter = {
  name: 'XLSX',
  kinds: TABLE_KINDS,
  extension: 'xlsx',
  description: 'Row/document table as an Excel workbook: one worksheet per document, bold frozen header, text cells; --combine: one workbook for the project',
  writeDocument: writeXlsx,
  writeCombined: writeXlsxCombined,
};
