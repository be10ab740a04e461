import type { Document } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { outputFileName } from '../../model/naming.js';
import type { FormatWriter, OutputContent, OutputFile, WriteContext } from '../types.js';
import { buildTable, planTable, type LazyTable } from './build-table.js';
import { streamedText, textContent } from './streamed-text.js';
import { planStreamedTable, type StreamedTable } from './streamed-table.js';
import { combinedFileName } from './combined.js';
import { combinedTable } from './table-output.js';
import { TABLE_KINDS } from './kinds.js';

/**
 * JSON_TABULAR (decided): a JSON array of row objects keyed by column title in column order,
 * values the same strings as the CSV cells (one table, whatever the format). One row object per line so large
 * files stay readable and diffable. JSON object keys must be unique: the second "A" becomes
 * "A (2)", the third "A (3)" (skipping titles the table already has), each change reported.
 * Formulas are not escaped: JSON is not opened by spreadsheet programs.
 */
export function writeJsonTabular(doc: Document, ctx: WriteContext): OutputFile[] {
  const content = doc.rowStream ? jsonRowsStreamed(planStreamedTable(doc, ctx.options, ctx.report), ctx.report) : jsonRows(planTable(doc, ctx.options, ctx.report), ctx.report);
  return [{ name: outputFileName(doc.name, 'json'), content }];
}

/** `--combine`: one array for the project, each object starting with its `document` (see `combineTables`). */
export function writeJsonTabularCombined(docs: readonly Document[], ctx: WriteContext): OutputFile[] {
  const table = combinedTable(docs, ctx, (doc, docCtx) => buildTable(doc, docCtx.options, docCtx.report));
  return [{ name: combinedFileName(docs, 'json'), content: jsonRows({ header: table.header, length: table.rows.length, row: (i) => table.rows[i], sourceRow: (i) => table.sourceRows[i] }, ctx.report) }];
}

function jsonRows(table: LazyTable, report: Report): OutputContent {
  // Objects are written by hand: a JavaScript object puts integer-like keys ("2", "10") first,
  // which would reorder columns titled with numbers.
  const keys = uniqueKeys(table.header, report).map((key) => `${JSON.stringify(key)}:`);
  if (table.length === 0) return '[]\n';
  return textContent(table.length * keys.length, function* () {
    for (let i = 0; i < table.length; i++) {
      const cells = table.row(i);
      yield `${i === 0 ? '[\n' : ',\n'}{${keys.map((key, c) => key + JSON.stringify(cells[c] ?? '')).join(',')}}`;
    }
    yield '\n]\n';
  });
}

/** The same text for a table whose rows are streamed, written a batch of rows at a time. */
function jsonRowsStreamed(table: StreamedTable, report: Report): OutputContent {
  const keys = uniqueKeys(table.header, report).map((key) => `${JSON.stringify(key)}:`);
  if (table.length === 0) return '[]\n';
  return streamedText(
    (async function* () {
      let first = true;
      for await (const batch of table.batches()) {
        let text = '';
        for (const { cells } of batch) {
          // Appended, not mapped and joined: no array per row (a million rows on scenario c).
          text += first ? '[\n{' : ',\n{';
          for (let c = 0; c < keys.length; c++) text += (c === 0 ? '' : ',') + keys[c] + JSON.stringify(cells[c] ?? '');
          text += '}';
          first = false;
        }
        yield text;
      }
      yield '\n]\n';
    })(),
  );
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
  writeCombined: writeJsonTabularCombined,
  streamsRows: true,
};
