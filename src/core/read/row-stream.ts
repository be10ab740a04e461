/**
 * A DATASAUR_SCHEMA row document's `data.rows` read as a stream. The document's bytes are scanned
 * once; the elements of `data.rows` are parsed by `JSON.parse`, a batch per chunk (the rows the
 * chunk holds complete), and handed out in order; everything else (the "frame": columns,
 * questions, `rowAnswerSets`, …) is kept as text with `"rows":[]` and parsed at the end. Memory
 * holds a chunk of rows and the frame, never the document.
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

/** What is left when the rows are out. */
export interface RowStreamResult {
  /** The document with `data.rows` emptied (the whole document when it has no `data.rows` array). */
  frame: unknown;
  rowCount: number;
  hadRows: boolean;
}

/** The bytes are not a document this scan can split (not JSON, cut short, a row not an array): read it whole instead. */
export class NotStreamable extends Error {}

/**
 * Calls `onRows` with each batch of rows in document order (`first` is the index of the batch's
 * first row) and returns the frame. Throws NotStreamable when the bytes are not complete JSON of
 * the expected shape (the whole-document reader then gives its own error).
 */
export async function streamRows(chunks: AsyncIterable<Uint8Array>, onRows: (batch: unknown[], first: number) => void | Promise<void>): Promise<RowStreamResult> {
  const frameDecoder = new TextDecoder('utf-8');
  const rowDecoder = new TextDecoder('utf-8');
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

  const emit = async (bytes: Uint8Array) => {
    // `row,row,row` (after a comma when the batch follows an earlier one): one parse per batch.
    const text = rowDecoder.decode(bytes).replace(/^[\s,]+/, '');
    let batch: unknown[];
    try {
      batch = JSON.parse(`[${text}]`) as unknown[];
    } catch {
      throw new NotStreamable('a row is not valid JSON');
    }
    const first = rowCount;
    rowCount += batch.length;
    await onRows(batch, first);
  };

  for await (const input of chunks) {
    let chunk = input;
    let start = 0;
    if (carry) {
      chunk = new Uint8Array(carry.length + input.length);
      chunk.set(carry);
      chunk.set(input, carry.length);
      start = carry.length;
      carry = null;
    }
    let frameFrom = inRows ? -1 : 0;
    let rowsFrom = inRows ? 0 : -1;
    let rowsTo = -1;
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
      if (b === QUOTE) {
        inString = true;
        // Keys matter only on the way to data.rows (the root's and data's).
        if (expectKey && open.length <= 2) keyBytes = [];
        expectKey = false;
      } else if (b === COMMA) {
        expectKey = open[open.length - 1] === OPEN_BRACE;
        if (inRows && open.length === 3) {
          // Rows are parsed a batch at a time, so their separators are checked here: one comma between two rows.
          if (!rowBefore || commaAfterRow) throw new NotStreamable('a misplaced comma between rows');
          commaAfterRow = true;
        }
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (inRows && open.length === 3) {
          if (b !== OPEN_BRACKET) throw new NotStreamable('a row is not an array');
          if (rowBefore && !commaAfterRow) throw new NotStreamable('two rows without a comma between them');
          rowBefore = true;
          commaAfterRow = false;
        }
        open.push(b);
        expectKey = b === OPEN_BRACE;
        if (b === OPEN_BRACKET && open.length === 3 && open[0] === OPEN_BRACE && open[1] === OPEN_BRACE && keys[0] === 'data' && keys[1] === 'rows') {
          if (hadRows) throw new NotStreamable('data.rows appears twice');
          inRows = hadRows = true;
          frame.push(frameDecoder.decode(chunk.subarray(frameFrom, i + 1), { stream: true }));
          frameFrom = -1;
          rowsFrom = i + 1;
        }
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        open.pop();
        keys.length = open.length;
        expectKey = false;
        if (inRows && open.length === 3) rowsTo = i + 1;
        else if (inRows && open.length === 2) {
          if (commaAfterRow) throw new NotStreamable('a comma after the last row');
          if (rowsTo > rowsFrom) await emit(chunk.subarray(rowsFrom, rowsTo));
          inRows = false;
          frameFrom = i;
        }
      } else if (inRows && open.length === 3 && b > 0x20 && b !== 0x3a) {
        throw new NotStreamable('a row is not an array');
      }
    }
    if (inRows) {
      if (rowsTo > rowsFrom) {
        await emit(chunk.subarray(rowsFrom, rowsTo));
        carry = chunk.slice(rowsTo);
      } else carry = chunk.slice(rowsFrom);
    } else frame.push(frameDecoder.decode(chunk.subarray(frameFrom), { stream: true }));
  }
  frame.push(frameDecoder.decode());
  if (inString || open.length !== 0) throw new NotStreamable('the JSON ends early');
  let value: unknown;
  try {
    value = JSON.parse(frame.join(''));
  } catch {
    throw new NotStreamable('the document is not valid JSON');
  }
  return { frame: value, rowCount, hadRows };
}
