import type { Document, RowStream } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import type { ConvertOptions } from '../options.js';
import { documentAnswersTable, planRowTable, reportRowAnswers } from './build-table.js';
import { reportUnrepresented } from './unrepresented.js';

/** A row of a table being written: its cells and its model row index (-1 for a document-answers row). */
export interface TableRow {
  cells: string[];
  sourceRow: number;
}

/**
 * The table of a document whose rows are streamed (`Document.rowStream`): the header and every
 * message that does not depend on cells are made now (`planRowTable`, as `planTable` makes them);
 * the rows come in batches, in order, each time `batches()` is called (each call reads the
 * document's rows again). Writers report what depends on cells during that pass.
 */
export interface StreamedTable {
  header: string[];
  length: number;
  perDocument?: boolean;
  batches(): AsyncIterable<TableRow[]>;
}

/** `planTable` for a document with `rowStream`: the same header, cells and messages. */
export function planStreamedTable(doc: Document, options: Pick<ConvertOptions, 'docAnswersOnly'>, report: Report): StreamedTable {
  const stream = doc.rowStream;
  if (!stream) throw new Error('planStreamedTable: the document has no rowStream');
  // Bounding boxes and comments; row metadata is only a token document's, and those never stream.
  reportUnrepresented(doc, report);
  const hasTable = doc.columns.length > 0 || (doc.kinds.includes('ROW_BASED') && stream.count > 0);
  if (options.docAnswersOnly || !hasTable) {
    reportRowAnswers(doc, report, options.docAnswersOnly ? 'row answers are not written with --doc-answers-only' : 'the document has no table to hold row answers');
    const table = documentAnswersTable(doc, report);
    return {
      header: table.header,
      length: 1,
      perDocument: true,
      async *batches() {
        await readThrough(stream);
        yield [{ cells: table.rows[0], sourceRow: -1 }];
      },
    };
  }
  const { count } = stream;
  const plan = planRowTable(doc, report, {
    width: stream.width,
    count,
    eachIndex: (visit) => {
      for (let r = 0; r < count; r++) visit(r);
    },
    // A streamed row's index is its position: the keys "0" … "count-1" written as the reader writes them.
    has: (rowKey) => /^(0|[1-9]\d*)$/.test(rowKey) && Number(rowKey) < count,
  });
  return {
    header: plan.header,
    length: count,
    async *batches() {
      for await (const rows of stream.batches()) yield rows.map((row) => ({ cells: plan.cells(row), sourceRow: row.index }));
    },
  };
}

/**
 * Reads every row once without using it, for what reading them says: a document read whole has
 * its rows checked and their messages reported whatever the writer needs, and so must a streamed
 * one whose writer needs no row (a document-answers table, a classifier with nothing to write).
 */
export async function readThrough(stream: RowStream): Promise<void> {
  for await (const rows of stream.batches()) void rows;
}
