import type { Report } from '../../report/report.js';
import type { Table } from './build-table.js';

/**
 * `--escape-formulas` (off by default): spreadsheet programs run a cell that starts with `=`, `+`,
 * `-` or `@` as a formula (CSV injection). Such values get a leading `'`. Plain numbers (`-3.5`,
 * `+1e3`) are left alone (decided): they are not formulas, and escaping them would corrupt data.
 * One message per column says how many values changed, so big files do not drown the report.
 */
const FORMULA_START = /^[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function needsFormulaEscape(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
}

export function escapeFormulas(table: Table, report: Report): Table {
  const changed = new Map<number, { count: number; firstRow: number }>();
  const rows = table.rows.map((cells, r) =>
    cells.map((value, c) => {
      if (!needsFormulaEscape(value)) return value;
      const seen = changed.get(c);
      if (seen) seen.count++;
      else changed.set(c, { count: 1, firstRow: table.sourceRows[r] });
      return `'${value}`;
    }),
  );
  const header = table.header.map((name, c) => {
    if (!needsFormulaEscape(name)) return name;
    report.add({ kind: 'FormulaEscaped', text: `column title "${name}" was prefixed with '`, place: { column: c } });
    return `'${name}`;
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
