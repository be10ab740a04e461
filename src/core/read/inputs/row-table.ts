import type { Document } from '../../model/types.js';
import { emptyDocument } from '../../model/build.js';
import { InputError } from '../../errors.js';
import type { DocumentSource } from '../context.js';
import { SCORE, looksLikeJson, type InputHead, type Sniff } from '../detect.js';
import { reportDefaults } from './defaults.js';
import { blankLineBetweenRecords, headRecords, recordsEndInCrlf } from './records.js';
import { parseTag } from '../tagged-tsv.js';

/**
 * A table with a header line (CSV, TSV, JSON_TABULAR, XLSX, a row project's CSV export) as a row
 * document: one column per header field, one row per record, cells as they are (no number
 * guessing). A record longer than the header keeps its extra cells, in columns named `Column N`
 * as the table writers name them (`CellsBeyondHeader`); a shorter one is padded with empty cells.
 * Answers written as extra columns cannot be told apart from table columns: they stay columns.
 */
export function rowTableDocument(header: readonly string[], records: readonly string[][], source: DocumentSource, format: string): Document {
  const doc = emptyDocument(['ROW_BASED'], { name: source.documentName ?? source.file.replace(/^.*[/\\!]/, ''), project: source.project, cabinet: source.cabinet });
  if (source.project) doc.project = source.project;
  doc.id = doc.name;
  doc.source = 'CSV';
  const columns = header.map((name) => ({ name }));
  const taken = new Set(header);
  records.forEach((cells, r) => {
    if (cells.length <= columns.length) return;
    source.report?.add({
      kind: 'CellsBeyondHeader',
      text: `record ${r + 1} has ${cells.length} cells, the header ${header.length}; the extra cells are kept in columns ${columnNames(columns.length, cells.length)}`,
      place: { file: source.file, row: r },
    });
    while (columns.length < cells.length) {
      let name = `Column ${columns.length + 1}`;
      for (let n = 2; taken.has(name); n++) name = `Column ${columns.length + 1} (${n})`;
      taken.add(name);
      columns.push({ name });
    }
  });
  doc.columns = columns;
  doc.rows = records.map((cells, index) => ({
    index,
    cells: columns.map((_, column) => ({ content: cells[column] ?? '', tokens: [] })),
    metadata: [],
  }));
  reportDefaults(source, format, [{ field: 'document.id', value: 'the file name' }]);
  return doc;
}

function columnNames(from: number, to: number): string {
  return to - from === 1 ? `"Column ${to}"` : `"Column ${from + 1}" to "Column ${to}"`;
}

/** Header and records of a delimited file, or an error when it has not even a header. */
export function splitHeader(records: string[][], file: string): { header: string[]; records: string[][] } {
  if (records.length === 0) throw new InputError('EMPTY_INPUT', 'the file is empty', { file, expected: 'a header line' });
  const [header, ...rest] = records;
  return { header, records: rest };
}

/**
 * How well the head reads as a table with a header line. Evidence for: every record as wide as the
 * header, CRLF line ends (the server's and our tables), cells with spaces (tokens have none);
 * against: blank lines between records or closing the file (the mark of token files), columns of
 * IOB-like tags, and a first line whose values recur below it (a record, not a header).
 */
export function sniffRowTable(head: InputHead, delimiter: ',' | '\t'): Sniff | null {
  if (looksLikeJson(head)) return null;
  const records = headRecords(head, delimiter);
  if (!records || records.length === 0) return null;
  const [header, ...rest] = records;
  const width = header.length;
  const name = delimiter === ',' ? 'comma' : 'tab';
  const because = `header of ${width} ${name}-separated column${width === 1 ? '' : 's'}`;
  if (width === 1) {
    // One column: any text reads so (prose, a word list). Only a file named as this table
    // format is read as a one-column table; a header holding the other delimiter is the other format.
    const other = delimiter === ',' ? '\t' : ',';
    const named = head.extension === (delimiter === ',' ? '.csv' : '.tsv');
    if (!named || head.lines[0]?.includes(other)) return null;
    return recordsEndInCrlf(head) ? { score: SCORE.LIKELY, because: `${because}, CRLF line ends` } : { score: SCORE.WEAK, because };
  }
  const data = rest.filter((r) => !(r.length === 1 && r[0] === ''));
  if (data.length === 0) return recordsEndInCrlf(head) ? { score: SCORE.LIKELY, because: `${because}, CRLF line ends, no record` } : { score: SCORE.WEAK, because: `${because}, no record in the first lines` };
  if (blankLineBetweenRecords(head)) return { score: SCORE.WEAK, because: `${because}, but blank lines between records (as token files have)` };
  const sameWidth = data.filter((r) => r.length === width).length / data.length;
  // Most records of another width: not a table with this delimiter (prose with commas, a TSV read as CSV).
  if (sameWidth < 0.5) return null;
  if (sameWidth < 0.8) return { score: SCORE.WEAK, because: `${because}, ${Math.round((1 - sameWidth) * 100)}% of the records have another width` };
  if (headerRecurs(header, data)) return { score: SCORE.WEAK, because: `${because}, but the first line looks like a record (its values recur below it)` };
  if (columnsLookLikeTags(data, width)) return { score: SCORE.WEAK, because: `${because}, but its columns hold IOB-like tags` };
  // A blank line closing a whole file is how token files end (a table ends with its last record).
  if (head.complete && head.lines.length > 1 && head.lines[head.lines.length - 1] === '' && /\n\r?\n$/.test(head.text)) {
    return { score: SCORE.PLAUSIBLE, because: `${because}, but the file ends with a blank line (as token files do)` };
  }
  if (recordsEndInCrlf(head)) return { score: SCORE.STRONG, because: `${because}, CRLF line ends` };
  // LF: a table, or a headerless file (a classifier's) whose first record would be taken for a header.
  const spaced = data.some((r) => r.some((c) => c.includes(' '))) || header.some((h) => h.includes(' '));
  if (spaced) return { score: SCORE.LIKELY, because: `${because}, cells with spaces` };
  return { score: SCORE.PLAUSIBLE, because: `${because}, no cell with a space` };
}

/** A header names its columns: a first line whose cell recurs in its column (a label of a headerless classifier file) is a record. */
function headerRecurs(header: readonly string[], data: readonly string[][]): boolean {
  return header.some((h, c) => h !== '' && data.filter((r) => r[c] === h).length >= 2);
}

/** True when a column after the first holds mostly `O` and prefixed tags (a token file without blank lines). */
function columnsLookLikeTags(data: readonly string[][], width: number): boolean {
  for (let c = 1; c < width; c++) {
    let tags = 0;
    for (const r of data) if (r[c] === 'O' || (r[c] !== undefined && parseTag(r[c]).problem === undefined)) tags++;
    if (tags / data.length >= 0.8) return true;
  }
  return false;
}
