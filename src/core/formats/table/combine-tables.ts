import type { Document } from '../../model/types.js';
import { DOCUMENT_COLUMN, type Table } from './build-table.js';

/**
 * `--combine` for CSV, TSV and JSON_TABULAR (decided): one table for all documents of the project.
 * Its first column, `document`, names the document of each row; then comes every column of every
 * document's table in order of first appearance. Columns are matched by title and occurrence (the
 * second "Hidden from all" of one table is the second of another), so tables with duplicate titles
 * or different answer columns combine without losing a cell; a document without a column gets an
 * empty cell. With `--doc-answers-only` this is one row per document.
 */
export function combineTables(parts: ReadonlyArray<{ doc: Document; table: Table }>): Table {
  const header = [DOCUMENT_COLUMN];
  const position = new Map<string, number>();
  const placed = parts.map(({ doc, table }) => {
    const skip = table.perDocument ? 1 : 0; // its own `document` column is the combined one
    const seen = new Map<string, number>();
    const targets = table.header.slice(skip).map((name) => {
      const occurrence = (seen.get(name) ?? 0) + 1;
      seen.set(name, occurrence);
      const key = `${occurrence}\u0000${name}`;
      let at = position.get(key);
      if (at === undefined) {
        at = header.length;
        header.push(name);
        position.set(key, at);
      }
      return at;
    });
    return { doc, table, skip, targets };
  });
  const rows: string[][] = [];
  const sourceRows: number[] = [];
  for (const { doc, table, skip, targets } of placed) {
    table.rows.forEach((cells, r) => {
      const row = header.map(() => '');
      row[0] = doc.name;
      targets.forEach((at, c) => (row[at] = cells[c + skip] ?? ''));
      rows.push(row);
      sourceRows.push(table.sourceRows[r]);
    });
  }
  return { header, rows, sourceRows };
}
