import Papa from 'papaparse';
import type { Document } from '../model/types.js';
import { emptyDocument } from '../model/build.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';

/**
 * Reads a row project's CSV export (header of column names, one line per row) back into a row
 * document, so saved CSV exports can be inspected and converted to the other table formats.
 * Answers written as extra columns cannot be told apart from table columns: they stay columns.
 */
export function readCsvExport(text: string, source: DocumentSource): Document {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false });
  const rows = parsed.data;
  // papaparse gives one empty row for the final line break.
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  const error = parsed.errors.find((e) => e.type === 'Quotes');
  if (error) {
    throw new InputError('INVALID_DOCUMENT', `CSV quoting is broken (${error.message})`, { file: source.file, where: `row ${(error.row ?? 0) + 1}`, expected: 'RFC 4180 quoting' });
  }
  if (rows.length === 0) throw new InputError('EMPTY_INPUT', 'the CSV file is empty', { file: source.file, expected: 'a header line' });
  const [header, ...data] = rows;
  const doc = emptyDocument(['ROW_BASED'], {
    name: source.documentName ?? source.file.replace(/^.*[/!]/, ''),
    project: source.project,
    cabinet: source.cabinet,
  });
  if (source.project) doc.project = source.project;
  doc.id = doc.name;
  doc.source = 'CSV';
  doc.columns = header.map((name) => ({ name }));
  doc.rows = data.map((cells, index) => ({
    index,
    cells: header.map((_, column) => ({ content: cells[column] ?? '', tokens: [] })),
    metadata: [],
  }));
  return doc;
}
