import type { Report } from '../../report/report.js';
import type { LazyTable, Table } from './build-table.js';
import type { StreamedTable } from './streamed-table.js';

/**
 * `--escape-formulas` (off by default): spreadsheet programs run a cell that starts with `=`, `+`,
 * `-` or `@` as a formula (CSV injection), and a leading TAB or CR is a trigger too (the OWASP
 * list: some programs drop the whitespace and then see the formula). Such values get a leading
 * `'`. Plain numbers (`-3.5`, `+1e3`) are left alone (decided): they are not formulas, and
 * escaping them would corrupt data. One message per column says how many values changed, so big
 * files do not drown the report. Without the option, a document holding such values gets one
 * `FormulaNotEscaped` notice per format, so the user learns that the option exists.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function needsFormulaEscape(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
}

/** A value as `--escape-formulas` writes it. */
export function formulaEscaped(value: string): string {
  return `'${value}`;
}

/** How a value is shown in a message: TAB and CR visible, long values cut. */
export function showValue(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * Once per document (and format, through the report's scope): values that a spreadsheet may run
 * as formulas were written as they are. `count` and `first` say how many and which came first.
 */
export function reportFormulasNotEscaped(report: Report, first: string, count?: number, place?: { row?: number; column?: number }): void {
  const how = count === undefined ? 'values' : `${count} value(s)`;
  report.once('FormulaNotEscaped', {
    kind: 'FormulaNotEscaped',
    text: `${how} starting with = + - @, TAB or CR (the first: ${showValue(first)}) were written as they are, and a spreadsheet program may run them as formulas; --escape-formulas writes them with a leading '`,
    place,
  });
}

export function escapeFormulas(table: Table, report: Report): Table {
  return materialize(escapeFormulasLazy(lazyOf(table), report), table);
}

/** Without `--escape-formulas`: one notice for the table when any title or value is formula-like. */
export function noticeFormulas(table: Table, report: Report): void {
  noticeFormulasLazy(lazyOf(table), report);
}

/**
 * `--escape-formulas` on a table whose rows are made on demand: the rows are read once here for the
 * messages (per column, in column order, after the titles'), and each row is escaped again when
 * it is asked for.
 */
export function escapeFormulasLazy(table: LazyTable, report: Report): LazyTable {
  const changed = new Map<number, { count: number; firstRow: number }>();
  for (let r = 0; r < table.length; r++) {
    const cells = table.row(r);
    for (let c = 0; c < cells.length; c++) {
      if (!needsFormulaEscape(cells[c])) continue;
      const seen = changed.get(c);
      if (seen) seen.count++;
      else changed.set(c, { count: 1, firstRow: table.sourceRow(r) });
    }
  }
  const header = escapedHeader(table.header, report);
  reportEscapedColumns(table.header, changed, report);
  return Object.assign({}, table, { header, row: changed.size ? (i: number) => escapeRow(table.row(i)) : table.row });
}

/**
 * `--escape-formulas` on a streamed table: the titles now, each value as its row passes, and the
 * per-column counts (the same messages, after the titles') when the pass ends.
 */
export function escapeFormulasStreamed(table: StreamedTable, report: Report): StreamedTable {
  return Object.assign({}, table, {
    header: escapedHeader(table.header, report),
    async *batches() {
      const changed = new Map<number, { count: number; firstRow: number }>();
      for await (const batch of table.batches()) {
        for (const row of batch) {
          const cells = row.cells;
          let any = false;
          for (let c = 0; c < cells.length; c++) {
            if (!needsFormulaEscape(cells[c])) continue;
            any = true;
            const seen = changed.get(c);
            if (seen) seen.count++;
            else changed.set(c, { count: 1, firstRow: row.sourceRow });
          }
          if (any) row.cells = escapeRow(cells);
        }
        yield batch;
      }
      reportEscapedColumns(table.header, changed, report);
    },
  });
}

function escapedHeader(header: readonly string[], report: Report): string[] {
  return header.map((name, c) => {
    if (!needsFormulaEscape(name)) return name;
    report.add({ kind: 'FormulaEscaped', text: `column title ${showValue(name)} was prefixed with '`, place: { column: c } });
    return formulaEscaped(name);
  });
}

function reportEscapedColumns(header: readonly string[], changed: Map<number, { count: number; firstRow: number }>, report: Report): void {
  for (const [column, { count, firstRow }] of [...changed].sort((a, b) => a[0] - b[0])) {
    report.add({
      kind: 'FormulaEscaped',
      text: `${count} value(s) in column "${header[column]}" were prefixed with ' (first at row ${firstRow})`,
      place: { column, row: firstRow >= 0 ? firstRow : undefined },
    });
  }
}

const escapeRow = (cells: string[]) => cells.map((value) => (needsFormulaEscape(value) ? formulaEscaped(value) : value));

export function noticeFormulasLazy(table: LazyTable, report: Report): void {
  const notice = new FormulaNotice(table.header);
  for (let r = 0; r < table.length; r++) notice.row(table.row(r), table.sourceRow(r));
  notice.report(report);
}

/** Without `--escape-formulas` on a streamed table: the same notice, when the pass ends. */
export function noticeFormulasStreamed(table: StreamedTable, report: Report): StreamedTable {
  return Object.assign({}, table, {
    async *batches() {
      const notice = new FormulaNotice(table.header);
      for await (const batch of table.batches()) {
        for (const row of batch) notice.row(row.cells, row.sourceRow);
        yield batch;
      }
      notice.report(report);
    },
  });
}

/** Counts formula-like titles and values, and remembers the first. */
class FormulaNotice {
  private count = 0;
  private first: { value: string; row?: number; column: number } | undefined;

  constructor(header: readonly string[]) {
    header.forEach((name, column) => {
      if (!needsFormulaEscape(name)) return;
      this.count++;
      this.first ??= { value: name, column };
    });
  }

  row(cells: readonly string[], row: number): void {
    for (let column = 0; column < cells.length; column++) {
      const value = cells[column];
      if (!needsFormulaEscape(value)) continue;
      this.count++;
      this.first ??= { value, row: row >= 0 ? row : undefined, column };
    }
  }

  report(report: Report): void {
    if (this.first) reportFormulasNotEscaped(report, this.first.value, this.count, { row: this.first.row, column: this.first.column });
  }
}

function lazyOf(table: Table): LazyTable {
  return { header: table.header, length: table.rows.length, row: (i) => table.rows[i], sourceRow: (i) => table.sourceRows[i], perDocument: table.perDocument };
}

function materialize(lazy: LazyTable, like: Table): Table {
  const rows: string[][] = new Array(lazy.length);
  for (let i = 0; i < lazy.length; i++) rows[i] = lazy.row(i);
  return Object.assign({}, like, { header: lazy.header, rows });
}
