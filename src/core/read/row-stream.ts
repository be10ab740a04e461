import { SharedAnswerSets } from './shared-answer-sets.js';

/**
 * The first pass over a large DATASAUR_SCHEMA row document (`scanRows`): the document's bytes are
 * read once, its rows are only delimited (where each ends, how many cells each has, whether its
 * bytes are UTF-8 and its numbers plain) and everything else (the "frame": columns, questions, …)
 * is kept as text with `"rows":[]` and parsed at the end. Memory holds a chunk and the frame, never
 * the rows. `data.rowAnswerSets`, as large as the rows are many, is parsed a batch of entries at a
 * time, into a record that holds identical sets once (shared-answer-sets.ts), and put into the
 * parsed frame. The passes that then read the rows cut them where this scan found them and parse
 * each batch with `JSON.parse` (row-batches-at.ts).
 *
 * Why not a streaming JSON parser: on scenario c's rows the kept one measured (@streamparser/json)
 * built the same values many times slower than `JSON.parse` (bench/README.md, "Streaming rows").
 * The scan only finds where each row starts and ends (strings, escapes, nesting); `JSON.parse`
 * still parses every byte of every row and of the frame, so what is accepted and refused is
 * `JSON.parse`'s own.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** What `scanRows` finds without parsing a row: the frame, how many rows, the widest row and the first row. */
export interface RowScan {
  /** The document with `data.rows` emptied. */
  frame: unknown;
  rowCount: number;
  /** The document has a `data.rows` array. */
  hadRows: boolean;
  /** Elements (cells) of the widest row. */
  widest: number;
  /** The first row, parsed (undefined when there is none): enough to tell a token document from a table. */
  firstRow?: unknown;
  /** The bytes start with a UTF-8 byte order mark (the frame is parsed past it). */
  byteOrderMark: boolean;
  /** Where the rows are, so a pass that parses them need not look for them again (row-batches-at.ts). */
  bounds: RowBounds;
  /**
   * Every number inside the rows is a plain integer of at most 15 digits (no fraction, exponent
   * or `-0`), so `JSON.stringify` of the parsed rows writes each number's text as it was.
   */
  plainNumbers: boolean;
}

/**
 * Byte offsets in the file, from the scan: `start` just after `data.rows`' `[`; `ends[k]` just
 * after the last row that ended in the scan's k-th chunk of rows, with `counts[k]` rows up to it.
 */
export interface RowBounds {
  start: number;
  ends: number[];
  counts: number[];
}

export interface ScanOptions {
  /**
   * Called with the first row as soon as it is read; false stops the scan (NotStreamable). A
   * caller that streams table rows only stops here on a token document's first row, without
   * reading further.
   */
  firstRowFits?: (row: unknown) => boolean;
}

/** One batch of rows in document order; `first` is the index of its first row. */
export interface RowBatch {
  batch: unknown[];
  first: number;
}

/** The bytes are not a document this scan can split (not JSON, cut short, a row not an array): read it whole instead. */
export class NotStreamable extends Error {}

/**
 * The first pass over a large row document: the frame is parsed, the rows are only delimited
 * (counted, their cells counted, their bytes checked to be UTF-8, their numbers checked to be plain
 * integers), and only the first row is parsed. No row is held, so this costs a read of the bytes,
 * not a parse of them. Throws NotStreamable when the bytes are not complete JSON of a
 * DATASAUR_SCHEMA envelope, or not UTF-8 (the whole-document reader then gives its own error, with
 * offsets); the rows' JSON is checked by the passes that parse them.
 */
export async function scanRows(chunks: AsyncIterable<Uint8Array>, options: ScanOptions = {}): Promise<RowScan> {
  // The scan validates UTF-8 (fatal); the passes that parse rows run on bytes it accepted.
  const frameDecoder = new TextDecoder('utf-8', { fatal: true });
  const rowDecoder = new TextDecoder('utf-8', { fatal: true });
  const frame: string[] = [];
  // Open containers ('{' or '[') and, for objects, the key being read or last read.
  const open: number[] = [];
  const keys: string[] = [];
  let inString = false;
  let escaped = false;
  let expectKey = false;
  let keyBytes: number[] | null = null;
  let inRows = false;
  let hadRows = false;
  let rowCount = 0;
  let carry: Uint8Array | null = null;
  let rowBefore = false;
  let commaAfterRow = false;
  // Cells of the row being read, the widest row, the first row's bytes.
  let cells = 0;
  let widest = 0;
  let firstRowFrom = -1;
  const firstRowParts: Uint8Array[] = [];
  let firstRow: unknown;
  // The rows' byte offsets in the file (RowBounds); `base` is the file offset of the
  // chunk's first byte (the chunk starts with the bytes carried from the last one).
  const bounds: RowBounds = { start: -1, ends: [], counts: [] };
  // Whether every number in the rows is a plain safe integer (RowScan.plainNumbers), and
  // the number being read (`numberDigits` -1 outside one); numbers may run across chunks.
  let plainNumbers = true;
  let numberDigits = -1;
  let numberNegative = false;
  let numberZero = false;
  let consumed = 0;
  let closedRows = 0;
  // The first three bytes (for the byte order mark), whatever the chunk sizes.
  const head: number[] = [];
  // data.rowAnswerSets: its entries are parsed a batch per chunk (the
  // entries the chunk holds complete, cut at a comma between two of them).
  const answers = new SharedAnswerSets();
  // ignoreBOM: a U+FEFF after the record's `{` is JSON.parse's to refuse, not the decoder's to drop.
  const answerDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let inAnswers = false;
  let hadAnswers = false;
  let answersAfterComma = false;

  const checkUtf8 = (bytes: Uint8Array, more: boolean) => {
    try {
      rowDecoder.decode(bytes, { stream: more });
    } catch {
      throw new NotStreamable('the rows are not UTF-8');
    }
  };
  const parseFirstRow = (last: Uint8Array) => {
    const bytes = joinBytes([...firstRowParts, last]);
    firstRowParts.length = 0;
    try {
      firstRow = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new NotStreamable('a row is not valid JSON');
    }
    if (options.firstRowFits && !options.firstRowFits(firstRow)) throw new NotStreamable('the first row is not a table row');
  };
  const parseAnswers = (bytes: Uint8Array, endsAtComma: boolean) => {
    let text: string;
    try {
      // The last batch flushes the decoder: a byte left pending there would otherwise go unread.
      text = answerDecoder.decode(bytes, { stream: endsAtComma });
    } catch {
      throw new NotStreamable('the document is not UTF-8');
    }
    // Between two commas (or a comma and the brace) there must be an entry: `{,`, `,,` and `,}`
    // would parse here as an empty batch.
    if ((endsAtComma || answersAfterComma) && !/[^\s]/.test(text)) throw new NotStreamable('a misplaced comma between answer sets');
    let part: Record<string, unknown>;
    try {
      part = JSON.parse(`{${text}}`) as Record<string, unknown>;
    } catch {
      throw new NotStreamable('an answer set is not valid JSON');
    }
    answers.add(part);
    answersAfterComma = endsAtComma;
  };
  const frameText = (bytes: Uint8Array) => {
    try {
      return frameDecoder.decode(bytes, { stream: true });
    } catch {
      throw new NotStreamable('the document is not UTF-8');
    }
  };

  for await (const raw of chunks) {
    if (raw.length === 0) continue;
    // A plain Uint8Array view (Node hands out Buffers): TextDecoder and indexed reads are several
    // times faster on it (measured on scenario c's rows: 55 ms against 370-490 ms per 53 MB decoded).
    const input = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let k = 0; head.length < 3 && k < input.length; k++) head.push(input[k]);
    let chunk = input;
    let start = 0;
    const base = consumed - (carry ? carry.length : 0);
    consumed += input.length;
    if (carry) {
      chunk = new Uint8Array(carry.length + input.length);
      chunk.set(carry);
      chunk.set(input, carry.length);
      start = carry.length;
      carry = null;
    }
    let frameFrom = inRows || inAnswers ? -1 : 0;
    let rowsFrom = inRows ? 0 : -1;
    let rowsTo = -1;
    let answersFrom = inAnswers ? 0 : -1;
    // The last comma between two answer sets in this chunk.
    let answersTo = -1;
    if (firstRowFrom >= 0) firstRowFrom = 0;
    for (let i = start, n = chunk.length; i < n; i++) {
      const b = chunk[i];
      if (inString) {
        if (keyBytes) {
          // A key on the way to data.rows: byte by byte (a few short keys).
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) {
            inString = false;
            keys[open.length - 1] = String.fromCharCode(...keyBytes);
            keyBytes = null;
            continue;
          }
          keyBytes.push(b);
          continue;
        }
        // Anything else: jump to the next quote natively and count the backslashes before it.
        if (escaped) {
          escaped = false;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, i);
        if (quote < 0) {
          let run = 0;
          while (n - 1 - run >= i && chunk[n - 1 - run] === BACKSLASH) run++;
          escaped = run % 2 === 1;
          i = n;
          continue;
        }
        let run = 0;
        while (quote - 1 - run >= i && chunk[quote - 1 - run] === BACKSLASH) run++;
        i = quote;
        if (run % 2 === 0) inString = false;
        continue;
      }
      if (numberDigits >= 0) {
        // Inside a number of a row: plain while it is `-?[1-9][0-9]*` or `0`, of at most 15 digits.
        if (b >= 0x30 && b <= 0x39) {
          // The first digit after a minus decides `-0`; a digit after a leading 0 is not JSON (JSON.parse refuses it later).
          if (numberDigits === 0) numberZero = b === 0x30;
          else if (numberZero) plainNumbers = false;
          if (++numberDigits > 15) plainNumbers = false;
          continue;
        }
        if (b === 0x2e || b === 0x65 || b === 0x45 || b === 0x2b || b === 0x2d) plainNumbers = false;
        else if (numberDigits === 0 || (numberNegative && numberZero)) plainNumbers = false;
        // The byte after the number (a comma, a bracket, a space) is read as any other.
        numberDigits = -1;
      } else if (plainNumbers && inRows && open.length >= 4 && (b === 0x2d || (b >= 0x30 && b <= 0x39))) {
        numberNegative = b === 0x2d;
        numberDigits = numberNegative ? 0 : 1;
        numberZero = b === 0x30;
        continue;
      }
      if (b === QUOTE) {
        inString = true;
        if (inRows && open.length === 4) cells++;
        // Keys matter only on the way to data.rows (the root's and data's).
        if (expectKey && open.length <= 2) keyBytes = [];
        expectKey = false;
      } else if (b === COMMA) {
        expectKey = open[open.length - 1] === OPEN_BRACE;
        if (inRows && open.length === 3) {
          // Rows are parsed a batch at a time, so their separators are checked here: one comma between two rows.
          if (!rowBefore || commaAfterRow) throw new NotStreamable('a misplaced comma between rows');
          commaAfterRow = true;
        } else if (inAnswers && open.length === 3) answersTo = i;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (inRows && open.length === 3) {
          if (b !== OPEN_BRACKET) throw new NotStreamable('a row is not an array');
          if (rowBefore && !commaAfterRow) throw new NotStreamable('two rows without a comma between them');
          rowBefore = true;
          commaAfterRow = false;
          if (rowCount === 0) firstRowFrom = i;
          rowCount++;
          cells = 0;
        } else if (inRows && open.length === 4) cells++;
        else if (open.length <= 1 && (open.length === 0 ? b !== OPEN_BRACE : keys[0] !== 'data')) {
          // An array at the root (JSON_TABULAR) or a container beside `data` (JSON_ADVANCED's
          // sentences): not a document whose rows are read in batches; stop before reading it.
          throw new NotStreamable('not a DATASAUR_SCHEMA envelope');
        }
        open.push(b);
        expectKey = b === OPEN_BRACE;
        if (b === OPEN_BRACKET && open.length === 3 && open[0] === OPEN_BRACE && open[1] === OPEN_BRACE && keys[0] === 'data' && keys[1] === 'rows') {
          if (hadRows) throw new NotStreamable('data.rows appears twice');
          inRows = hadRows = true;
          bounds.start = base + i + 1;
          frame.push(frameText(chunk.subarray(frameFrom, i + 1)));
          frameFrom = -1;
          rowsFrom = i + 1;
        } else if (b === OPEN_BRACE && open.length === 3 && open[0] === OPEN_BRACE && open[1] === OPEN_BRACE && keys[0] === 'data' && keys[1] === 'rowAnswerSets') {
          // The frame keeps a placeholder (ANSWERS_HERE); the record takes its place after the frame's parse.
          if (hadAnswers) throw new NotStreamable('data.rowAnswerSets appears twice');
          inAnswers = hadAnswers = true;
          frame.push(frameText(chunk.subarray(frameFrom, i + 1)), ANSWERS_HERE);
          frameFrom = -1;
          answersFrom = i + 1;
        }
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        open.pop();
        // Keys are kept for the two outer levels only: most closings have nothing to drop (and
        // setting an array's length is a call into the runtime: 155 ms on scenario c's rows).
        if (keys.length > open.length) keys.length = open.length;
        expectKey = false;
        if (inRows && open.length === 3) {
          rowsTo = i + 1;
          closedRows++;
          if (cells > widest) widest = cells;
          if (firstRowFrom >= 0) {
            parseFirstRow(chunk.subarray(firstRowFrom, i + 1));
            firstRowFrom = -1;
          }
        } else if (inRows && open.length === 2) {
          if (commaAfterRow) throw new NotStreamable('a comma after the last row');
          checkUtf8(chunk.subarray(rowsFrom, i), false);
          inRows = false;
          frameFrom = i;
        } else if (inAnswers && open.length === 2) {
          parseAnswers(chunk.subarray(answersFrom, i), false);
          inAnswers = false;
          frameFrom = i;
        }
      } else if (inRows && open.length === 3 && b > 0x20 && b !== 0x3a) {
        throw new NotStreamable('a row is not an array');
      }
    }
    if (rowsTo >= 0) {
      bounds.ends.push(base + rowsTo);
      bounds.counts.push(closedRows);
    }
    if (inRows) {
      // Nothing is carried: the scan's state goes on into the next chunk.
      checkUtf8(chunk.subarray(rowsFrom), true);
      if (firstRowFrom >= 0) firstRowParts.push(Uint8Array.prototype.slice.call(chunk, firstRowFrom));
    } else if (inAnswers) {
      // The entries up to the last comma are parsed now, the rest waits for the next chunk.
      if (answersTo >= 0) {
        parseAnswers(chunk.subarray(answersFrom, answersTo), true);
        carry = Uint8Array.prototype.slice.call(chunk, answersTo + 1);
      } else carry = Uint8Array.prototype.slice.call(chunk, answersFrom);
    } else frame.push(frameText(chunk.subarray(frameFrom)));
  }
  try {
    frame.push(frameDecoder.decode());
  } catch {
    throw new NotStreamable('the document is not UTF-8');
  }
  if (inString || open.length !== 0) throw new NotStreamable('the JSON ends early');
  let value: unknown;
  try {
    value = JSON.parse(frame.join(''));
  } catch {
    throw new NotStreamable('the document is not valid JSON');
  }
  if (hadAnswers) putAnswers(value, answers.record);
  return { frame: value, rowCount, hadRows, widest, firstRow, byteOrderMark: head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf, bounds, plainNumbers };
}

/** What the frame's text holds in place of the answer sets' entries: `{"\u0000rowAnswerSets":0}`. */
const ANSWERS_HERE = '"\\u0000rowAnswerSets":0';
const ANSWERS_KEY = '\u0000rowAnswerSets';

/**
 * The record in the parsed frame's place for it. Anything else there now (a second `data`, a
 * later `rowAnswerSets` written with an escape) means the scanned one is not the value JSON.parse
 * keeps: read whole.
 */
function putAnswers(frame: unknown, record: Record<string, unknown>): void {
  const data = (frame as { data?: unknown }).data as Record<string, unknown> | undefined;
  const kept = data?.rowAnswerSets as Record<string, unknown> | undefined;
  if (!data || !kept || typeof kept !== 'object' || Object.keys(kept).length !== 1 || kept[ANSWERS_KEY] !== 0) throw new NotStreamable('data.rowAnswerSets is not the one read');
  data.rowAnswerSets = record;
}

function joinBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) (out.set(part, at), (at += part.length));
  return out;
}
