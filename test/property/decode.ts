import Papa from 'papaparse';
import { readTaggedTsv } from '../../src/core/read/tagged-tsv.js';
import type { IobScheme } from '../../src/core/formats/token/iob.js';
import type { WrittenFile } from './run-writer.js';

/**
 * Reads outputs back with parsers that are not the writers: the project's tagged-TSV reader (its
 * own decoder, lenient like seqeval), papaparse for CSV, JSON.parse for JSONL.
 */

/** One labelled run decoded from a tag column: output row (blank-line separated), tokens end inclusive. */
export interface DecodedRun {
  outRow: number;
  column: number;
  start: number;
  end: number;
  label: string;
}

/** Decodes token-per-line output (TSV_IOB, TSV_NON_IOB, Azure CoNLL) into runs per tag column. */
export function decodeTagged(text: string, tags: { scheme: IobScheme } | 'plain'): { runs: DecodedRun[]; rows: string[][] } {
  // Only blank lines (a document whose rows have no tokens): nothing to decode.
  if (/^\n*$/.test(text)) return { runs: [], rows: [] };
  const doc = readTaggedTsv(text, { file: 'decoded.tsv' }, tags === 'plain' ? { tags: 'plain', plainSpans: 'token' } : { tags: 'iob', scheme: tags.scheme });
  return {
    runs: doc.spans.map((s) => ({ outRow: s.start.row, column: s.layer, start: s.start.token, end: s.end.token, label: s.labelName })),
    rows: doc.rows.map((r) => r.cells[0].tokens),
  };
}

/** Header and records of a CSV (or TSV with `delimiter`), BOM removed. */
export function parseDelimited(text: string, delimiter = ','): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: '\r\n', skipEmptyLines: false });
  if (parsed.errors.length) throw new Error(`CSV does not parse: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const rows = parsed.data;
  // A file ending in CRLF leaves one empty record at the end.
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}

export interface VertexAnnotation {
  startOffset: number;
  endOffset: number;
  displayName: string;
}

export function parseVertexJsonl(text: string): Array<{ textContent: string; textSegmentAnnotations: VertexAnnotation[] }> {
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

export function fileNamed(files: readonly WrittenFile[], suffix: string): WrittenFile {
  const file = files.find((f) => f.name.endsWith(suffix));
  if (!file) throw new Error(`no output file ending in ${suffix} (have ${files.map((f) => f.name).join(', ')})`);
  return file;
}
