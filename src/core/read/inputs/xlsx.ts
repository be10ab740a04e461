import { InputError } from '../../errors.js';
import { SCORE, type BinaryReader } from '../detect.js';
import { rowTableDocument } from './row-table.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * XLSX: the first row of the one worksheet is the header, each further row a record (what our
 * XLSX writer writes). Cells are read as text: strings as they are, numbers and booleans in their
 * JavaScript form, dates as ISO 8601, formulas as their cached result, rich text as its plain
 * text. exceljs is loaded on first use (it is ~27 MB of memory every other input would carry).
 * A workbook of several worksheets (a `--combine` file) is refused with the reason: one document
 * is read per file.
 */
export const xlsxInput: BinaryReader = {
  binary: true,
  format: 'XLSX',
  layout: '',
  extensions: ['.xlsx'],
  sniff(bytes, fileName) {
    if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return null;
    // The first entry of a workbook is usually [Content_Types].xml or a part under xl/.
    const name = new TextDecoder().decode(bytes.subarray(30, 30 + Math.min(64, (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8))));
    if (/^(\[Content_Types\]\.xml|xl\/|_rels\/|docProps\/)/.test(name)) return { score: SCORE.SIGNATURE, because: `ZIP whose first part is ${name} (an Office workbook)` };
    return /\.xlsx$/i.test(fileName) ? { score: SCORE.LIKELY, because: 'a ZIP named .xlsx' } : null;
  },
  async read(bytes, source) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new InputError('INVALID_DOCUMENT', `the workbook does not open (${(error as Error).message})`, { file: source.file, expected: 'an XLSX workbook' });
    }
    const sheets = workbook.worksheets;
    if (sheets.length === 0) throw new InputError('EMPTY_INPUT', 'the workbook has no worksheet', { file: source.file, expected: 'one worksheet with a header row' });
    if (sheets.length > 1) {
      throw new InputError('UNSUPPORTED', `the workbook has ${sheets.length} worksheets (a --combine file); one document is read per file`, {
        file: source.file,
        expected: 'a workbook of one worksheet',
        hint: 'Convert the per-document workbooks written next to the combined one, or save each sheet as its own file.',
      });
    }
    const rows: string[][] = [];
    sheets[0].eachRow({ includeEmpty: true }, (row, number) => {
      // row.values is 1-based and sparse: holes are empty cells.
      const values = Array.from((row.values as unknown[]).slice(1), cellText);
      rows[number - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const [header = [], ...records] = rows;
    // exceljs leaves trailing empty cells out of a row: pad to the header (wider rows keep theirs).
    const padded = records.map((r) => (r.length < header.length ? [...r, ...Array<string>(header.length - r.length).fill('')] : r));
    return rowTableDocument(header, padded, source, 'XLSX');
  },
};

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return JSON.stringify(value);
}
