import type { Document } from '../../model/types.js';
import { outputFileName } from '../../model/naming.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { TSV_STYLE, delimitedContent, delimitedStream, formatDelimited } from './delimited.js';
import { TABLE_KINDS } from './kinds.js';
import { combinedFileName } from './combined.js';
import { combinedTable, spreadsheetRows, spreadsheetStream } from './table-output.js';

/**
 * TSV (decided): the CSV table with tabs between fields, CRLF line ends, and CSV-style double
 * quotes around fields holding a tab, a quote, CR or LF, so no value is cut.
 */
export function writeTableTsv(doc: Document, ctx: WriteContext): OutputFile[] {
  const style = Object.assign({}, TSV_STYLE, { bom: ctx.options.bom });
  const content = doc.rowStream ? delimitedStream(spreadsheetStream(doc, ctx), style) : delimitedContent(spreadsheetRows(doc, ctx), style);
  return [{ name: outputFileName(doc.name, 'tsv'), content }];
}

/** `--combine`: one TSV for the project, a `document` column first (see `combineTables`). */
export function writeTableTsvCombined(docs: readonly Document[], ctx: WriteContext): OutputFile[] {
  const table = combinedTable(docs, ctx);
  return [{ name: combinedFileName(docs, 'tsv'), content: formatDelimited([table.header, ...table.rows], Object.assign({}, TSV_STYLE, { bom: ctx.options.bom })) }];
}

export const tsvWriter: FormatWriter = {
  name: 'TSV',
  kinds: TABLE_KINDS,
  extension: 'tsv',
  description: 'Row/document table, tab separated, CRLF, CSV-style quoting; answer columns as in CSV',
  writeDocument: writeTableTsv,
  writeCombined: writeTableTsvCombined,
  streamsRows: true,
};
