import type { Document } from '../../model/types.js';
import type { KindPart } from '../by-kind.js';
import { outputFileName } from '../../model/naming.js';
import type { OutputFile, WriteContext } from '../types.js';
import { CSV_STYLE, delimitedContent, delimitedStream, formatDelimited } from './delimited.js';
import { TABLE_KINDS } from './kinds.js';
import { combinedFileName } from './combined.js';
import { combinedTable, spreadsheetRows, spreadsheetStream } from './table-output.js';

/**
 * CSV of row, document and bounding-box projects: the server's serialization (confirmed byte for
 * byte on `row-project-1.zip`), answer columns per FORMATS.md §5, `--bom`, `--escape-formulas`.
 * The file keeps the uploaded name when it already ends in `.csv` (`weather.csv`), as the server does.
 */
export function writeTableCsv(doc: Document, ctx: WriteContext): OutputFile[] {
  const style = Object.assign({}, CSV_STYLE, { bom: ctx.options.bom });
  const content = doc.rowStream ? delimitedStream(spreadsheetStream(doc, ctx), style) : delimitedContent(spreadsheetRows(doc, ctx), style);
  return [{ name: outputFileName(doc.name, 'csv'), content }];
}

/** `--combine`: one CSV for the project, a `document` column first (see `combineTables`). */
export function writeTableCsvCombined(docs: readonly Document[], ctx: WriteContext): OutputFile[] {
  const table = combinedTable(docs, ctx);
  return [{ name: combinedFileName(docs, 'csv'), content: formatDelimited([table.header, ...table.rows], Object.assign({}, CSV_STYLE, { bom: ctx.options.bom })) }];
}

/** The table part of the CSV registry entry (the token part is `../token/csv.ts`). */
export const csvTablePart: KindPart = { kinds: TABLE_KINDS, writeDocument: writeTableCsv, writeCombined: writeTableCsvCombined, streamsRows: true };
