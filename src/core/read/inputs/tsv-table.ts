import type { TextReader } from '../detect.js';
import { parseRecords } from './records.js';
import { rowTableDocument, splitHeader, sniffRowTable } from './row-table.js';

/**
 * TSV of a row project (what the vendor documents as TSV, and our TSV writer): a header line, one
 * record per line, tab separated; fields in double quotes may hold tabs, quotes and line breaks
 * (our writer quotes those, CSV-style).
 */
export const tsvTableInput: TextReader = {
  format: 'TSV',
  layout: 'row table',
  extensions: ['.tsv', '.txt'],
  sniff: (head) => sniffRowTable(head, '\t'),
  read(input, source) {
    const { header, records } = splitHeader(parseRecords(input.text, '\t', source.file), source.file);
    return rowTableDocument(header, records, source, 'TSV');
  },
};
