import type { Report } from '../../report/report.js';
import { formulaEscaped, needsFormulaEscape, reportFormulasNotEscaped, showValue } from '../table/escape-formulas.js';

/** RFC 4180: quote a field only when it holds a comma, a quote, CR or LF; double inner quotes. */
export function csvField(value: string | number): string {
  // A number's text holds none of them: no test (the offset columns are most fields, issue 15).
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated (the server's CSV line ending). */
export function csvRecord(fields: ReadonlyArray<string | number>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * `--escape-formulas`: a value a spreadsheet would run as a formula (the table rule of
 * `escape-formulas.ts`) gets a leading `'` and the change is reported once per value; without the
 * option, the document gets one `FormulaNotEscaped` notice.
 */
export function escapeFormula(value: string, enabled: boolean, report: Report): string {
  if (!needsFormulaEscape(value)) return value;
  if (!enabled) {
    reportFormulasNotEscaped(report, value);
    return value;
  }
  const escaped = formulaEscaped(value);
  report.once(`FormulaEscaped:${value}`, { kind: 'FormulaEscaped', text: `value ${showValue(value)} written as ${showValue(escaped)}` });
  return escaped;
}
