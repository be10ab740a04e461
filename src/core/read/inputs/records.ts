import Papa from '../../deps/papaparse.js';
import { InputError } from '../../errors.js';
import { looksLikeJson, type InputHead } from '../detect.js';

/**
 * Delimited text (CSV, TSV) as records, parsed by papaparse with RFC 4180 quoting (the way our
 * writers and the server quote). A BOM and the empty record after a final line break are dropped.
 */
export function parseRecords(text: string, delimiter: ',' | '\t', file: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  const error = parsed.errors.find((e) => e.type === 'Quotes');
  if (error) {
    throw new InputError('INVALID_DOCUMENT', `${delimiter === ',' ? 'CSV' : 'TSV'} quoting is broken (${error.message})`, {
      file,
      where: `record ${(error.row ?? 0) + 1}`,
      expected: 'RFC 4180 quoting: a field in double quotes, a quote inside doubled',
    });
  }
  return rows;
}

/**
 * The records of the head (at most its first lines), parsed once per delimiter; null when the
 * quoting is broken there, and for a head that starts like JSON: no header we look for starts with
 * `{` or `[`, and splitting a JSON document as CSV cost more than reading it (issue 15).
 */
export function headRecords(head: InputHead, delimiter: ',' | '\t'): string[][] | null {
  if (looksLikeJson(head)) return null;
  return head.memo(`records${delimiter}`, () => {
    // Only whole lines: the last line of a cut head would look like a short record.
    const text = head.complete ? head.text : head.text.slice(0, head.text.lastIndexOf('\n') + 1);
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview: 200 });
    if (parsed.errors.some((e) => e.type === 'Quotes' && head.complete)) return null;
    const rows = parsed.data;
    while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
    return rows;
  });
}

/** Compares a header with an expected one, ignoring case and surrounding spaces. */
export function sameHeader(header: readonly string[] | undefined, expected: readonly string[]): boolean {
  return header !== undefined && header.length === expected.length && header.every((h, i) => h.trim().toLowerCase() === expected[i].toLowerCase());
}

/**
 * Whether records end in CRLF: the first line break outside double quotes decides (a quoted cell
 * may hold either). The server's CSV export and our CSV/TSV tables write CRLF, our classifier files LF.
 */
export function recordsEndInCrlf(head: InputHead): boolean {
  return head.memo('crlf', () => {
    let quoted = false;
    const text = head.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) return i > 0 && text.charCodeAt(i - 1) === 13;
    }
    return false;
  });
}

/**
 * Whether an empty line outside double quotes separates two non-empty ones (the mark of token
 * files: sentences; a quoted cell of a table may hold empty lines).
 */
export function blankLineBetweenRecords(head: InputHead): boolean {
  return head.memo('blankBetween', () => {
    const text = head.text;
    let quoted = false;
    let lineStart = 0;
    let sawBlank = false;
    let sawContent = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 10;
      if (c === 34) quoted = !quoted;
      if (c !== 10 || quoted) continue;
      const empty = i === lineStart || (i === lineStart + 1 && text.charCodeAt(lineStart) === 13);
      if (empty) sawBlank = sawContent;
      else if (sawBlank) return true;
      else sawContent = true;
      lineStart = i + 1;
    }
    return false;
  });
}
