import type { Document } from '../model/types.js';
import type { DocumentSource } from './context.js';
import { parseRecords } from './inputs/records.js';
import { rowTableDocument, splitHeader } from './inputs/row-table.js';

/**
 * Reads a row project's CSV export (header of column names, one line per row; what the server and
 * our CSV writer write) back into a row document, so saved CSV exports can be inspected and
 * converted to the other table formats. See `rowTableDocument` for records wider than the header.
 */
export function readCsvExport(text: string, source: DocumentSource): Document {
  const { header, records } = splitHeader(parseRecords(text, ',', source.file), source.file);
  return rowTableDocument(header, records, source, 'CSV');
}
