import { SCORE, type TextReader } from '../detect.js';
import { classifierDocument, sniffHeaderless } from './classifier-document.js';
import { readOffsetCsv } from './offset-csv.js';
import { headRecords, parseRecords, sameHeader } from './records.js';

export const COMPREHEND_ENTITY_COLUMNS = ['File', 'Line', 'Begin Offset', 'End Offset', 'Type'];

/**
 * AMAZON_COMPREHEND_CSV of token projects: entity annotations (offsets into the PLAIN text file the
 * `File` column names, read from beside the CSV), one label set, types as written (UPPER_SNAKE
 * after the writer's renaming).
 */
export const comprehendEntitiesInput: TextReader = {
  format: 'AMAZON_COMPREHEND_CSV',
  layout: 'entities',
  extensions: ['.csv'],
  sniff: (head) => (sameHeader(headRecords(head, ',')?.[0], COMPREHEND_ENTITY_COLUMNS) ? { score: SCORE.SIGNATURE, because: `header ${COMPREHEND_ENTITY_COLUMNS.join(',')}` } : null),
  read: (input, source) =>
    readOffsetCsv(input.text, source, {
      format: 'AMAZON_COMPREHEND_CSV',
      withStatus: false,
      defaults: [
        { field: 'labelSets', value: 'one set named "Type"' },
        { field: 'spans[].status', value: 'LABELED' },
        { field: 'spans[].id', value: 'a running number' },
      ],
    }),
};

/**
 * AMAZON_COMPREHEND_CSV of row projects: the classifier training file, no header,
 * `LABEL[|LABEL…],text` per line. Each line is a row (column `text`) answered by one question
 * (`label`; several labels when `|` joins them).
 */
export const comprehendClassifierInput: TextReader = {
  format: 'AMAZON_COMPREHEND_CSV',
  layout: 'classifier',
  extensions: ['.csv'],
  sniff: (head) => sniffHeaderless(head, 'comprehend'),
  read(input, source) {
    const records = parseRecords(input.text, ',', source.file).filter((r) => !(r.length === 1 && r[0] === ''));
    return classifierDocument(
      records.map((r, i) => ({ labels: (r[0] ?? '').split('|').filter((l) => l !== ''), text: r.slice(1).join(','), where: `line ${i + 1}` })),
      source,
      'AMAZON_COMPREHEND_CSV',
    );
  },
};
