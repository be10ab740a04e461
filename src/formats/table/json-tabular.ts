import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { outputFileName } from '../naming.js';
import type { FormatWriter, OutputFile, WriteContext } from '../types.js';
import { buildTable } from './build-table.js';
import { TABLE_KINDS } from './kinds.js';

/**
 * JSON_TABULAR (decided): a JSON array of row objects keyed by column title, values the same
 * strings as the CSV cells (one table, whatever the format). One row object per line so large
 * files stay readable and diffable. JSON object keys must be unique: the second "A" becomes
 * "A (2)", the third "A (3)" (skipping titles the table already has), each change reported.
 * Formulas are not escaped: JSON is not opened by spreadsheet programs.
 */
export function writeJsonTabular(doc: Document, ctx: WriteContext): OutputFile[] {
  const table = buildTable(doc, ctx.options, ctx.report);
  const keys = uniqueKeys(table.header, ctx.report);
  const lines = table.rows.map((cells) => JSON.stringify(Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? '']))));
  const content = lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
  return [{ name: outputFileName(doc.name, 'json'), content }];
}

export function uniqueKeys(header: readonly string[], report: Report): string[] {
  const taken = new Set(header);
  const used = new Set<string>();
  return header.map((name, column) => {
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    let n = 2;
    while (taken.has(`${name} (${n})`) || used.has(`${name} (${n})`)) n++;
    const key = `${name} (${n})`;
    used.add(key);
    report.add({ kind: 'DuplicateColumnRenamed', text: `duplicate column "${name}" is written as "${key}"`, place: { column } });
    return key;
  });
}

export const jsonTabularWriter: FormatWriter = {
  name: 'JSON_TABULAR',
  kinds: TABLE_KINDS,
  extension: 'json',
  description: 'Row/document table as a JSON array of row objects keyed by column title',
  writeDocument: writeJsonTabular,
};
