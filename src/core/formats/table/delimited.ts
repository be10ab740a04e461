import type { OutputContent } from '../types.js';
import type { LazyTable } from './build-table.js';
import { streamedText, textContent } from './streamed-text.js';
import type { StreamedTable } from './streamed-table.js';

/**
 * Delimiter-separated text the way the server writes its CSV export (confirmed on
 * `row-project-1.zip`): a header line, CRLF after every line including the last, and double
 * quotes only around fields that need them (RFC 4180), with `"` doubled inside.
 */
export interface DelimitedStyle {
  separator: string;
  lineEnd: string;
  bom: boolean;
}

export const CSV_STYLE: DelimitedStyle = { separator: ',', lineEnd: '\r\n', bom: false };
/** TSV (decided): tabs, CRLF like CSV, and CSV-style quoting so tabs, quotes and newlines survive. */
export const TSV_STYLE: DelimitedStyle = { separator: '\t', lineEnd: '\r\n', bom: false };

const BOM = '\uFEFF';

export function quoteField(value: string, separator: string): string {
  const needsQuotes = value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatLine(fields: readonly string[], style: DelimitedStyle): string {
  return fields.map((f) => quoteField(f, style.separator)).join(style.separator) + style.lineEnd;
}

/** A table's file: one string, or streamed row by row for large tables (streamed-text.ts). */
export function delimitedContent(table: LazyTable, style: DelimitedStyle): OutputContent {
  return textContent(table.length * table.header.length, function* () {
    if (style.bom) yield BOM;
    yield formatLine(table.header, style);
    for (let i = 0; i < table.length; i++) yield formatLine(table.row(i), style);
  });
}

/** The file of a table whose rows are streamed: written a batch of rows at a time. */
export function delimitedStream(table: StreamedTable, style: DelimitedStyle): OutputContent {
  return streamedText(
    (async function* () {
      yield (style.bom ? BOM : '') + formatLine(table.header, style);
      for await (const batch of table.batches()) {
        let text = '';
        for (const row of batch) text += formatLine(row.cells, style);
        yield text;
      }
    })(),
  );
}

/** The whole file as one string (tables are in memory already; writers stay pure). */
export function formatDelimited(lines: Iterable<readonly string[]>, style: DelimitedStyle): string {
  const parts: string[] = style.bom ? [BOM] : [];
  for (const fields of lines) parts.push(formatLine(fields, style));
  return parts.join('');
}
