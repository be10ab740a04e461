import type { Document } from '../../model/types.js';
import type { WriteContext } from '../types.js';
import { buildTable, planTable, type LazyTable, type Table } from './build-table.js';
import { combineTables } from './combine-tables.js';
import { documentContext } from './combined.js';
import { escapeFormulas, escapeFormulasLazy, escapeFormulasStreamed, noticeFormulas, noticeFormulasLazy, noticeFormulasStreamed } from './escape-formulas.js';
import { planStreamedTable, type StreamedTable } from './streamed-table.js';

/**
 * The table a spreadsheet-bound format writes: built per §5, formulas escaped when asked (and a
 * notice that the option exists when they are not).
 */
export function spreadsheetTable(doc: Document, ctx: WriteContext): Table {
  const table = buildTable(doc, ctx.options, ctx.report);
  if (ctx.options.escapeFormulas) return escapeFormulas(table, ctx.report);
  noticeFormulas(table, ctx.report);
  return table;
}

/** The same with rows made on demand (the writers that stream their output): same messages, same cells. */
export function spreadsheetRows(doc: Document, ctx: WriteContext): LazyTable {
  const table = planTable(doc, ctx.options, ctx.report);
  if (ctx.options.escapeFormulas) return escapeFormulasLazy(table, ctx.report);
  noticeFormulasLazy(table, ctx.report);
  return table;
}

/** The same for a document whose rows are streamed: the messages about cells come as the rows are read. */
export function spreadsheetStream(doc: Document, ctx: WriteContext): StreamedTable {
  const table = planStreamedTable(doc, ctx.options, ctx.report);
  return ctx.options.escapeFormulas ? escapeFormulasStreamed(table, ctx.report) : noticeFormulasStreamed(table, ctx.report);
}

/** `--combine`: every document's table (messages scoped to its document), joined into one. */
export function combinedTable(docs: readonly Document[], ctx: WriteContext, build: (doc: Document, ctx: WriteContext) => Table = spreadsheetTable): Table {
  return combineTables(docs.map((doc) => ({ doc, table: build(doc, documentContext(doc, ctx)) })));
}
