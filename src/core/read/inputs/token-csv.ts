import { SCORE, type TextReader } from '../detect.js';
import { readOffsetCsv } from './offset-csv.js';
import { headRecords, sameHeader } from './records.js';

export const TOKEN_CSV_COLUMNS = ['File', 'Line', 'Begin Offset', 'End Offset', 'Type', 'Label Status'];

/**
 * CSV of token projects: one record per span of every label set, offsets into the row's content
 * (the PLAIN text named by `File`, read from beside the CSV: convert with `--to CSV,PLAIN`).
 * `Line` is the row; rows are the PLAIN text's lines, which is the same when no row holds a line
 * break. Label sets are not in the layout: every span goes to one set.
 */
export const tokenCsvInput: TextReader = {
  format: 'CSV',
  layout: 'token spans',
  extensions: ['.csv'],
  sniff: (head) => (sameHeader(headRecords(head, ',')?.[0], TOKEN_CSV_COLUMNS) ? { score: SCORE.SIGNATURE, because: `header ${TOKEN_CSV_COLUMNS.join(',')}` } : null),
  read: (input, source) =>
    readOffsetCsv(input.text, source, {
      format: 'CSV',
      withStatus: true,
      defaults: [
        { field: 'spans[].layer', value: '0: the layout has no label-set column, every span is in one set named "Type"' },
        { field: 'spans[].id', value: 'a running number' },
      ],
    }),
};
