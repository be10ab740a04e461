import { InputError } from '../../errors.js';
import type { Document, LabeledBy, LabelStatus } from '../../model/types.js';
import type { DocumentSource } from '../context.js';
import type { DefaultedField } from './defaults.js';
import { parseRecords } from './records.js';
import { textSpanDocument, type TextAnnotation } from './text-spans.js';

/**
 * The two CSV layouts of spans as offsets into a PLAIN text file next to them: Comprehend's entity
 * annotations (`File,Line,Begin Offset,End Offset,Type`) and the token CSV (the same plus
 * `Label Status`). `File` names the text; the text is read from beside the CSV (`companion`).
 */
export interface OffsetCsvLayout {
  format: string;
  /** Whether `Line` counts the PLAIN text's lines (Comprehend) or the document's rows (token CSV, the same when no row holds a line break). */
  withStatus: boolean;
  defaults: readonly DefaultedField[];
}

const STATUSES: ReadonlySet<string> = new Set(['LABELED', 'ACCEPTED', 'REJECTED']);

export function readOffsetCsv(text: string, source: DocumentSource, layout: OffsetCsvLayout): Document {
  const [, ...records] = parseRecords(text, ',', source.file);
  const files = new Set(records.map((r) => r[0]));
  if (files.size > 1) {
    throw new InputError('UNSUPPORTED', `the annotations point into ${files.size} text files (a --combine file); one document is read per file`, {
      file: source.file,
      expected: 'the per-document annotation file, whose File column names one text',
      hint: 'Convert the per-document CSV files written next to the combined one.',
    });
  }
  const textName = [...files][0] ?? plainNameFor(source.file);
  const plain = source.companion?.(textName);
  if (plain === undefined) {
    throw new InputError('FILE_NOT_FOUND', `the text file "${textName}" the offsets point into is not next to the CSV`, {
      file: source.file,
      expected: `${textName} in the same folder`,
      hint: layout.withStatus ? 'The token CSV carries no text: convert with --to CSV,PLAIN to have both.' : 'AMAZON_COMPREHEND_CSV writes it next to the CSV.',
    });
  }
  const annotations: TextAnnotation[] = [];
  records.forEach((r, i) => {
    const where = `record ${i + 2}`;
    const [line, start, end] = [r[1], r[2], r[3]].map((v) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN));
    if (![line, start, end].every(Number.isInteger)) {
      source.report?.add({ kind: 'AnnotationSkipped', text: `${layout.format} ${where}: Line, Begin Offset and End Offset must be whole numbers (got ${JSON.stringify(r.slice(1, 4))}); left out`, place: { file: source.file, line: i + 2 } });
      return;
    }
    const status = layout.withStatus ? (r[5] ?? '').trim().toUpperCase() : '';
    annotations.push({
      line,
      start,
      end,
      label: r[4] ?? '',
      where,
      status: STATUSES.has(status) ? (status as LabelStatus) : 'LABELED',
      labeledBy: status === 'CONFLICT' ? ('CONFLICT' as LabeledBy) : null,
    });
  });
  // The document is the text the offsets point into (our writers name the CSV after it).
  return textSpanDocument(plain, annotations, Object.assign({}, source, { documentName: textName }), {
    format: layout.format,
    unit: 'codepoint',
    labelSetName: 'Type',
    defaults: [{ field: 'offset unit', value: 'Unicode code points (the default of --offsets)' }, ...layout.defaults],
  });
}

/** The PLAIN name our writers give next to `<name>.csv`: `lorem.txt.csv` → `lorem.txt`, `story.csv` → `story.txt`. */
function plainNameFor(file: string): string {
  const base = file.replace(/^.*[/\\!]/, '').replace(/\.csv$/i, '');
  return /\.txt$/i.test(base) ? base : `${base}.txt`;
}
