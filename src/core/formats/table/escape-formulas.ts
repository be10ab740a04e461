import type { Report } from '../../report/report.js';
import type { LazyTable, Table } from './build-table.js';

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
  const header = table.header.map((name, c) => {
    if (!needsFormulaEscape(name)) return name;
    report.add({ kind: 'FormulaEscaped', text: `column title ${showValue(name)} was prefixed with '`, place: { column: c } });
    return formulaEscaped(name);
  });
  for (const [column, { count, firstRow }] of [...changed].sort((a, b) => a[0] - b[0])) {
    report.add({
      kind: 'FormulaEscaped',
      text: `${count} value(s) in column "${table.header[column]}" were prefixed with ' (first at row ${firstRow})`,
      place: { column, row: firstRow >= 0 ? firstRow : undefined },
    });
  }
  const escapeRow = (cells: string[]) => cells.map((value) => (needsFormulaEscape(value) ? formulaEscaped(value) : value));
  return Object.assign({}, table, { header, row: changed.size ? (i: number) => escapeRow(table.row(i)) : table.row });
}

export function noticeFormulasLazy(table: LazyTable, report: Report): void {
  let count = 0;
  let first: { value: string; row?: number; column: number } | undefined;
  table.header.forEach((name, column) => {
    if (!needsFormulaEscape(name)) return;
    count++;
    first ??= { value: name, column };
  });
  for (let r = 0; r < table.length; r++) {
    const cells = table.row(r);
    for (let column = 0; column < cells.length; column++) {
      const value = cells[column];
      if (!needsFormulaEscape(value)) continue;
      count++;
      const row = table.sourceRow(r);
      first ??= { value, row: row >= 0 ? row : undefined, column };
    }
  }
  if (first) reportFormulasNotEscaped(report, first.value, count, { row: first.row, column: first.column });
}

function lazyOf(table: Table): LazyTable {
  return { header: table.header, length: table.rows.length, row: (i) => table.rows[i], sourceRow: (i) => table.sourceRows[i], perDocument: table.perDocument };
}

function materialize(lazy: LazyTable, like: Table): Table {
  const rows: string[][] = new Array(lazy.length);
  for (let i = 0; i < lazy.length; i++) rows[i] = lazy.row(i);
  return Object.assign({}, like, { header: lazy.header, rows });
}
