import type { TextReader } from '../detect.js';
import { readCsvExport } from '../csv-export.js';
import { sniffRowTable } from './row-table.js';

/** CSV of a row or document project (the server's CSV export and our CSV writer): a table with a header. */
export const csvTableInput: TextReader = {
  format: 'CSV',
  layout: 'row table',
  extensions: ['.csv'],
  sniff: (head) => sniffRowTable(head, ','),
  read: (input, source) => readCsvExport(input.text, source),
};
