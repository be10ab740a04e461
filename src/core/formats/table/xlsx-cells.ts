import type { Report } from '../../report/report.js';

/** Excel's limit on the characters of one cell (UTF-16 code units). */
export const EXCEL_CELL_LIMIT = 32_767;
/** Excel's limit on the columns of a worksheet (XFD). */
export const EXCEL_COLUMN_LIMIT = 16_384;
/** Excel's limit on a worksheet name. */
export const SHEET_NAME_LIMIT = 31;

// XML 1.0 cannot hold C0 controls other than tab, LF and CR, nor U+FFFE/U+FFFF, nor lone surrogates.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cuts at `limit` code units without splitting a surrogate pair. */
export function cutAt(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const high = value.charCodeAt(limit - 1);
  return value.slice(0, high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit);
}

/**
 * A value as an XLSX cell can hold it: XML-illegal control characters removed and CR written as
 * LF (`ControlCharRemoved`), then cut to 32,767 characters (`CellTruncated`). `row` and `column` are
 * the input's row index (-1 for the header or a document row) and the column, for the report
 * (`null`: the value was reported on an earlier pass over the same table).
 */
export function xlsxCellText(value: string, place: { row: number; column: number }, report: Report | null): string {
  let text = value;
  const illegal = text.match(XML_ILLEGAL);
  if (illegal) {
    text = text.replace(XML_ILLEGAL, '');
    const codes = [...new Set(illegal.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))].join(', ');
    report?.add({ kind: 'ControlCharRemoved', text: `${illegal.length} character(s) XLSX cannot hold were removed (${codes})`, place: placeOf(place) });
  }
  if (text.includes('\r')) {
    // XML parsers (Excel's and exceljs's) turn a raw CR into LF, and exceljs writes it raw: say so
    // instead of letting the reader change it. LF is Excel's own in-cell line break.
    text = text.replace(/\r\n?/g, '\n');
    report?.add({ kind: 'ControlCharRemoved', text: 'CR (U+000D) does not survive in XLSX text: CRLF and lone CR were written as LF', place: placeOf(place) });
  }
  if (text.length > EXCEL_CELL_LIMIT) {
    const original = text.length;
    text = cutAt(text, EXCEL_CELL_LIMIT);
    report?.add({ kind: 'CellTruncated', text: `a value of ${original} characters was cut to ${text.length} (Excel's cell limit is ${EXCEL_CELL_LIMIT})`, place: placeOf(place) });
  }
  return text;
}

function placeOf({ row, column }: { row: number; column: number }) {
  return row >= 0 ? { row, column } : { column };
}

/**
 * Gives each worksheet a name Excel accepts: no `: \ / ? * [ ]` or control characters (each becomes
 * `_`), no leading or trailing `'`, 1–31 characters, not the reserved `History`, and unique within
 * the workbook ignoring case (` (2)`, ` (3)` … appended inside the 31 characters). Every change is
 * reported as `SheetNameChanged`.
 */
export class SheetNamer {
  private readonly taken = new Set<string>();

  name(wanted: string, report: Report, documentName?: string): string {
    // eslint-disable-next-line no-control-regex
    let base = wanted.replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, '_').replace(/^'+|'+$/g, '');
    base = cutAt(base, SHEET_NAME_LIMIT).trim() || 'Sheet';
    if (base.toLowerCase() === 'history') base = `${base}_`;
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cutAt(base, SHEET_NAME_LIMIT - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    if (name !== wanted) {
      report.add({ kind: 'SheetNameChanged', text: `worksheet for "${wanted}" is named "${name}"`, label: documentName ?? wanted });
    }
    return name;
  }
}
