import Papa from '../../deps/papaparse.js';
import { lengthIn, type OffsetUnit } from '../../model/offsets.js';
import { IssueList, type LintResult } from './types.js';

export const COMPREHEND_HEADER = ['File', 'Line', 'Begin Offset', 'End Offset', 'Type'];
/** Comprehend trains at most 25 entity types per model; a type is at most 64 characters. */
const MAX_TYPES = 25;
const MAX_TYPE_LENGTH = 64;

export interface ComprehendLintOptions {
  /** The documents the annotations point into, by the `File` value; checked when given. */
  texts?: ReadonlyMap<string, string>;
  /** Unit the offsets count in (default code points). */
  unit?: OffsetUnit;
}

/**
 * Amazon Comprehend entity-annotation CSV ("one document per line") rules: the header
 * `File,Line,Begin Offset,End Offset,Type`; integer line and offsets with begin < end; types in
 * upper case with underscores (no spaces, commas, tabs or line breaks), at most 64 characters and
 * at most 25 distinct types; no two annotations overlapping on the same line of the same file.
 * With the documents at hand, each annotation must also fall inside its line.
 */
export function lintComprehendCsv(text: string, options: ComprehendLintOptions = {}): LintResult {
  const list = new IssueList();
  const counts = { annotations: 0, types: 0, files: 0 };
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { skipEmptyLines: true, delimiter: ',' });
  for (const e of parsed.errors) list.add('error', (e.row ?? 0) + 1, 'comprehend/csv', e.message);
  const [header, ...records] = parsed.data;
  if (!header || header.join(',') !== COMPREHEND_HEADER.join(',')) {
    list.add('error', 1, 'comprehend/header', `the header must be ${COMPREHEND_HEADER.join(',')}`);
    return { issues: list.issues, counts };
  }
  if (text.charCodeAt(0) === 0xfeff) list.add('warning', 1, 'comprehend/bom', 'the file starts with a byte-order mark');

  const types = new Set<string>();
  const files = new Set<string>();
  const byLine = new Map<string, Array<{ begin: number; end: number; n: number }>>();
  records.forEach((record, i) => {
    const n = i + 2;
    if (record.length !== 5) {
      list.add('error', n, 'comprehend/columns', `expected 5 fields, found ${record.length}`);
      return;
    }
    const [file, lineText, beginText, endText, type] = record;
    counts.annotations++;
    files.add(file);
    const [line, begin, end] = [lineText, beginText, endText].map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
    if ([line, begin, end].some(Number.isNaN)) {
      list.add('error', n, 'comprehend/integers', 'Line, Begin Offset and End Offset must be non-negative integers');
      return;
    }
    if (begin >= end) list.add('error', n, 'comprehend/empty-span', `Begin Offset ${begin} is not before End Offset ${end}`);
    if (!/^[A-Z0-9_]+$/.test(type)) list.add('error', n, 'comprehend/type-name', `type "${type}" is not upper case with underscores`);
    if (type.length > MAX_TYPE_LENGTH) list.add('error', n, 'comprehend/type-length', `type "${type}" is longer than ${MAX_TYPE_LENGTH} characters`);
    types.add(type);
    const document = options.texts?.get(file);
    if (document !== undefined) {
      const lineContent = document.split('\n')[line];
      if (lineContent === undefined) list.add('error', n, 'comprehend/line-range', `${file} has no line ${line}`);
      else if (end > lengthIn(lineContent, options.unit ?? 'codepoint')) list.add('error', n, 'comprehend/offset-range', `End Offset ${end} is past the end of line ${line} of ${file}`);
    }
    const key = `${file}\u0000${line}`;
    const others = byLine.get(key) ?? [];
    const clash = others.find((o) => begin < o.end && o.begin < end);
    if (clash) list.add('error', n, 'comprehend/overlap', `overlaps the annotation on line ${clash.n} (same file and line)`);
    others.push({ begin, end, n });
    byLine.set(key, others);
  });
  if (types.size > MAX_TYPES) list.add('error', 0, 'comprehend/type-count', `${types.size} entity types; Comprehend trains at most ${MAX_TYPES}`);
  counts.types = types.size;
  counts.files = files.size;
  return { issues: list.issues, counts };
}
