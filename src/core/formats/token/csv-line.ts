import type { Report } from '../../report/report.js';

/** RFC 4180: quote a field only when it holds a comma, a quote, CR or LF; double inner quotes. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated (the server's CSV line ending). */
export function csvRecord(fields: ReadonlyArray<string | number>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * `--escape-formulas`: a value starting with = + - @ would run as a formula in a spreadsheet; it
 * gets a leading `'` and the change is reported once per value.
 */
export function escapeFormula(value: string, enabled: boolean, report: Report): string {
  if (!enabled || !/^[=+\-@]/.test(value)) return value;
  report.once(`FormulaEscaped:${value}`, { kind: 'FormulaEscaped', text: `value "${value}" written as "'${value}"` });
  return `'${value}`;
}
