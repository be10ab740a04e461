import type { Report } from '../../report/report.js';
import type { Table } from './build-table.js';

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
  const changed = new Map<number, { count: number; firstRow: number }>();
  const rows = table.rows.map((cells, r) =>
    cells.map((value, c) => {
      if (!needsFormulaEscape(value)) return value;
      const seen = changed.get(c);
      if (seen) seen.count++;
      else changed.set(c, { count: 1, firstRow: table.sourceRows[r] });
      return formulaEscaped(value);
    }),
  );
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
  return { ...table, header, rows };
}

/** Without `--escape-formulas`: one notice for the table when any title or value is formula-like. */
export function noticeFormulas(table: Table, report: Report): void {
  let count = 0;
  let first: { value: string; row?: number; column: number } | undefined;
  table.header.forEach((name, column) => {
    if (!needsFormulaEscape(name)) return;
    count++;
    first ??= { value: name, column };
  });
  table.rows.forEach((cells, r) =>
    cells.forEach((value, column) => {
      if (!needsFormulaEscape(value)) return;
      count++;
      first ??= { value, row: table.sourceRows[r] >= 0 ? table.sourceRows[r] : undefined, column };
    }),
  );
  if (first) reportFormulasNotEscaped(report, first.value, count, { row: first.row, column: first.column });
}
