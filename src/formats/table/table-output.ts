import type { Document } from '../../model/types.js';
import type { WriteContext } from '../types.js';
import { buildTable, type Table } from './build-table.js';
import { escapeFormulas } from './escape-formulas.js';

/** The table a spreadsheet-bound format writes: built per §5, formulas escaped when asked. */
export function spreadsheetTable(doc: Document, ctx: WriteContext): Table {
  const table = buildTable(doc, ctx.options, ctx.report);
  return ctx.options.escapeFormulas ? escapeFormulas(table, ctx.report) : table;
}
