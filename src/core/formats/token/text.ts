import { cellTokenOffsets } from '../../model/align.js';
import { hasSurrogatePair, offsetConverter, type OffsetUnit } from '../../model/offsets.js';
import type { Document, Span, TokenPosition } from '../../model/types.js';
import type { Report } from '../../report/report.js';
import { onReleaseDocument } from '../../model/document-caches.js';

/**
 * The document's text as PLAIN writes it: row contents joined by `\n`, with a final `\n`
 * (FORMATS.md §4). Token projects have one column; its content is the row's text.
 */
export interface DocumentText {
  text: string;
  /** UTF-16 offset of each row's first character in `text`. */
  rowStart: number[];
}

export function documentText(doc: Document): DocumentText {
  let done = texts.get(doc);
  if (!done) texts.set(doc, (done = joinRows(doc)));
  return done;
}

/** Built once per document: PLAIN, Comprehend and Vertex all need it. Read-only. */
const texts = new WeakMap<Document, DocumentText>();
onReleaseDocument((doc) => texts.delete(doc));

function joinRows(doc: Document): DocumentText {
  const rowStart: number[] = [];
  let text = '';
  for (const row of doc.rows) {
    rowStart.push(text.length);
    text += (row.cells[0]?.content ?? '') + '\n';
  }
  return { text, rowStart };
}

/** A span's characters inside its rows' contents, UTF-16, end exclusive. */
export interface RowRange {
  startRow: number;
  start: number;
  endRow: number;
  end: number;
}

/**
 * Where a span sits in the content: its start token's offset plus the start char, to its end
 * token's offset plus the end char + 1 (ends are inclusive in the model), each clipped to its
 * token. Tokens the aligner could not find use its fallback offsets and are reported once.
 */
export function spanRowRange(doc: Document, span: Span, report: Report): RowRange {
  const start = charOffset(doc, span.start, span, report, 0);
  const end = charOffset(doc, span.end, span, report, 1);
  const sameRow = span.start.row === span.end.row;
  return { startRow: span.start.row, start, endRow: span.end.row, end: sameRow ? Math.max(start, end) : end };
}

function charOffset(doc: Document, p: TokenPosition, span: Span, report: Report, after: 0 | 1): number {
  const cell = doc.rows[p.row]?.cells[p.column];
  if (!cell) return 0;
  const token = cellTokenOffsets(cell)[p.token];
  if (!token) return cell.content.length;
  if (!token.found) {
    report.once(`TokenNotInContent:${p.row}:${p.column}:${p.token}`, {
      kind: 'TokenNotInContent',
      text: `token "${cell.tokens[p.token]}" is not in the row's content; its offsets use the fallback rule (after the previous token)`,
      place: { row: p.row, column: p.column, token: p.token },
      labelId: span.id,
      label: span.labelName,
    });
  }
  return Math.min(token.end, Math.max(token.start, token.start + p.char + after));
}

/** Converts UTF-16 offsets into one string to the chosen unit, building the table once per string. */
export class OffsetCounter {
  private readonly converters = new Map<string, (o: number) => number>();
  /**
   * Set when every string asked about is part of a text without surrogate pairs (`of`): then a
   * code point offset is the UTF-16 offset, clamped to the string as the tables clamp it, and no
   * string is looked up (a map lookup per offset, hashing each Comprehend line, issue 15).
   */
  private readonly sameAsUtf16: boolean;

  constructor(
    readonly unit: OffsetUnit,
    /** A text that every string given to `in` is part of, when there is one. */
    within?: string,
  ) {
    this.sameAsUtf16 = unit === 'codepoint' && within !== undefined && !hasSurrogatePair(within);
  }

  /**
   * The counter of a document's strings: the offset formats of one document share its tables.
   * Only for strings of the document's text (`documentText`): its rows' contents and its lines.
   */
  static of(doc: Document, unit: OffsetUnit): OffsetCounter {
    let byUnit = counters.get(doc);
    if (!byUnit) counters.set(doc, (byUnit = new Map()));
    let counter = byUnit.get(unit);
    if (!counter) byUnit.set(unit, (counter = new OffsetCounter(unit, documentText(doc).text)));
    return counter;
  }

  in(text: string, utf16: number): number {
    if (this.sameAsUtf16) return Math.max(0, Math.min(utf16, text.length));
    let convert = this.converters.get(text);
    if (!convert) {
      convert = offsetConverter(text, this.unit);
      this.converters.set(text, convert);
    }
    return convert(utf16);
  }
}

const counters = new WeakMap<Document, Map<OffsetUnit, OffsetCounter>>();
onReleaseDocument((doc) => counters.delete(doc));

/** Tells the report which unit an output's offsets count in (FORMATS.md §4: "the report states the unit"). */
export function reportOffsetUnit(report: Report, unit: OffsetUnit): void {
  report.once(`OffsetUnit:${unit}`, { kind: 'OffsetUnit', text: `offsets are counted in ${unit === 'codepoint' ? 'Unicode code points' : unit === 'utf16' ? 'UTF-16 code units' : 'graphemes (user-perceived characters)'}` });
}
