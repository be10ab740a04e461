import { InputError } from '../../errors.js';
import { SCORE, type BinaryReader } from '../detect.js';
import { rowTableDocument } from './row-table.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * XLSX: the first row of the one worksheet is the header, each further row a record (what our
 * XLSX writer writes). Cells are read as text: strings as they are, numbers and booleans in their
 * JavaScript form, dates as ISO 8601, formulas as their cached result, rich text as its plain
 * text (read with the core ZIP reader and saxes: ../xlsx-sheets.ts).
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
    // The workbook reader and saxes (CommonJS, with xmlchars) load with the first workbook read,
    // not when the converter is imported (issue 12: import time).
    const { readWorkbookSheets } = await import('../xlsx-sheets.js');
    const sheets = await readWorkbookSheets(bytes, source.file);
    if (sheets.length === 0) throw new InputError('EMPTY_INPUT', 'the workbook has no worksheet', { file: source.file, expected: 'one worksheet with a header row' });
    if (sheets.length > 1) {
      throw new InputError('UNSUPPORTED', `the workbook has ${sheets.length} worksheets (a --combine file); one document is read per file`, {
        file: source.file,
        expected: 'a workbook of one worksheet',
        hint: 'Convert the per-document workbooks written next to the combined one, or save each sheet as its own file.',
      });
    }
    const [header = [], ...records] = sheets[0].rows;
    // A row ends at its last cell: pad to the header (wider rows keep theirs).
    const padded = records.map((r) => (r.length < header.length ? [...r, ...Array<string>(header.length - r.length).fill('')] : r));
    return rowTableDocument(header, padded, source, 'XLSX');
  },
};
