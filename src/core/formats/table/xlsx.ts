import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { outputFileName } from '../../model/naming.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { combinedFileName, documentContext } from './combined.js';
import { TABLE_KINDS } from './kinds.js';
import { spreadsheetRows, spreadsheetStream } from './table-output.js';
import { workbookBytes, type WorkbookSheet } from './xlsx-package.js';
import { EXCEL_COLUMN_LIMIT, SheetNamer, xlsxCellText } from './xlsx-cells.js';

/**
 * XLSX (decided): one worksheet per document, named after the document (valid and unique), the
 * header row bold and frozen, then the same cells as CSV (§5), every cell a text cell (no number
 * or date guessing: `0.0` stays `0.0`). Values Excel cannot hold are changed and reported
 * (`ControlCharRemoved`, `CellTruncated`); columns beyond Excel's 16,384 are left out of the
 * workbook and named (`ColumnsCut`; the other formats of the run still carry them). `--combine`
 * writes one workbook holding a worksheet per document of the project.
 *
 * Report messages are made when the writer runs; the rows are made again, and zipped
 * (xlsx-package.ts), only when the caller reads the content, a chunk at a time, so the table is
 * never held, nor its XML.
 */
export function writeXlsx(doc: Document, ctx: WriteContext): OutputFile[] {
  const sheet = prepareSheet(doc, ctx, new SheetNamer());
  return [{ name: outputFileName(doc.name, 'xlsx'), content: workbookBytes([sheet]) }];
}

export function writeXlsxCombined(docs: readonly Document[], ctx: WriteContext): OutputFile[] {
  const namer = new SheetNamer();
  const sheets = docs.map((doc) => prepareSheet(doc, documentContext(doc, ctx), namer));
  return [{ name: combinedFileName(docs, 'xlsx'), content: workbookBytes(sheets) }];
}

/**
 * Reports everything the worksheet changes now (one pass over the table's cells), and gives the
 * rows to the workbook as it is written (the same cleaning again, silent), so the table is never
 * held.
 */
function prepareSheet(doc: Document, ctx: WriteContext, namer: SheetNamer): WorkbookSheet {
  if (doc.rowStream) return prepareStreamedSheet(doc, ctx, namer);
  const table = spreadsheetRows(doc, ctx);
  reportColumnsCut(table.header, ctx.report);
  const name = namer.name(doc.name, ctx.report, doc.name);
  const header = clean(table.header, -1, ctx.report);
  for (let r = 0; r < table.length; r++) clean(table.row(r), table.sourceRow(r), ctx.report);
  return {
    name,
    header,
    rows: {
      *[Symbol.iterator]() {
        for (let r = 0; r < table.length; r++) yield clean(table.row(r), table.sourceRow(r), null);
      },
    },
  };
}

/**
 * The worksheet of a document whose rows are streamed: the rows are read once, when the workbook
 * is written, and what the cleaning changes is reported then (the same messages, made during the
 * pass instead of before it).
 */
function prepareStreamedSheet(doc: Document, ctx: WriteContext, namer: SheetNamer): WorkbookSheet {
  const table = spreadsheetStream(doc, ctx);
  reportColumnsCut(table.header, ctx.report);
  const name = namer.name(doc.name, ctx.report, doc.name);
  const header = clean(table.header, -1, ctx.report);
  return {
    name,
    header,
    rows: [],
    rowBatches: (async function* () {
      for await (const batch of table.batches()) yield batch.map((row) => clean(row.cells, row.sourceRow, ctx.report));
    })(),
  };
}

/** Columns beyond Excel's limit are left out of the workbook, and named. Every row is as wide as its header (build-table.ts). */
function reportColumnsCut(header: readonly string[], report: Report): void {
  const width = header.length;
  if (width <= EXCEL_COLUMN_LIMIT) return;
  const first = header[EXCEL_COLUMN_LIMIT];
  report.add({
    kind: 'ColumnsCut',
    text: `the table has ${width} columns and a worksheet holds ${EXCEL_COLUMN_LIMIT}: columns ${EXCEL_COLUMN_LIMIT + 1}–${width}${first === undefined ? '' : ` (from "${first}")`} were left out of the workbook`,
    place: { column: EXCEL_COLUMN_LIMIT },
  });
}

const fit = (cells: string[]) => (cells.length > EXCEL_COLUMN_LIMIT ? cells.slice(0, EXCEL_COLUMN_LIMIT) : cells);
const clean = (cells: string[], row: number, report: Report | null) => fit(cells).map((v, c) => xlsxCellText(v, { row, column: c }, report));

export const xlsxWriter: FormatWriter = {
  name: 'XLSX',
  kinds: TABLE_KINDS,
  extension: 'xlsx',
  description: 'Row/document table as an Excel workbook: one worksheet per document, bold frozen header, text cells; --combine: one workbook for the project',
  writeDocument: writeXlsx,
  writeCombined: writeXlsxCombined,
  streamsRows: true,
};
