import type { Document, TokenPosition } from '../model/types.js';
import { InputError } from '../errors.js';

/**
 * Checks what the schemas cannot: positions inside their rows, cells and tokens; arrows pointing at spans
 * that exist. Resolves an end char given as -1 (absent) to the token's last character.
 */
export interface LabelPaths {
  /** JSON path of the n-th span / timestamp / arrow of the model in the source file. */
  span(n: number): string;
  timestamp(n: number): string;
  arrow(n: number): string;
}

export function validateDocument(doc: Document, file: string, paths: LabelPaths): void {
  // A label's path is made only for an error: made for every span, with the map of span ids
  // below, it was 1.2 of the 50 KB a small document's loading allocated (issue 15).
  const check = (p: TokenPosition, n: number, kind: 'span' | 'timestamp', isEnd: boolean) => {
    const row = doc.rows[p.row];
    if (!row) throw outOfRange(file, paths[kind](n), `row ${p.row} does not exist`, `a row index below ${doc.rows.length}`);
    const cell = row.cells[p.column];
    if (!cell) throw outOfRange(file, paths[kind](n), `column ${p.column} does not exist in row ${p.row}`, `a column index below ${row.cells.length}`);
    const token = cell.tokens[p.token];
    if (token === undefined) {
      throw outOfRange(file, paths[kind](n), `token ${p.token} is past the end of row ${p.row}`, `a token index below ${cell.tokens.length} (the row's token count)`);
    }
    if (isEnd && p.char === -1) p.char = Math.max(0, token.length - 1);
    if (p.char < 0 || (p.char > 0 && p.char >= token.length)) {
      throw outOfRange(file, paths[kind](n), `char ${p.char} is outside token ${p.token} ("${token}") of row ${p.row}`, `a char index below ${token.length}`);
    }
  };
  // Span ids only matter to arrows.
  const spanIndex = doc.arrows.length ? new Map<string, number>() : undefined;
  doc.spans.forEach((span, n) => {
    check(span.start, n, 'span', false);
    check(span.end, n, 'span', true);
    if (span.start.row > span.end.row || (span.start.row === span.end.row && span.start.token > span.end.token)) {
      throw outOfRange(file, paths.span(n), 'the span ends before it starts', 'end at or after start');
    }
    // Writers give every label set its own tag column; a layer that names no label set (say 2^31
    // from a damaged file) would ask for billions of them. Found by test/property/robustness.test.ts.
    const layers = Math.max(doc.labelSets.length, 1);
    if (span.layer >= layers) {
      throw new InputError('MISSING_REFERENCE', `the span's layer ${span.layer} names no label set (the document has ${doc.labelSets.length})`, {
        file,
        where: paths.span(n),
        expected: doc.labelSets.length ? `a layer from 0 to ${layers - 1}` : 'layer 0 (the document declares no label sets)',
      });
    }
    spanIndex?.set(span.id, n);
  });
  doc.timestamps.forEach((t, n) => {
    check(t.start, n, 'timestamp', false);
    check(t.end, n, 'timestamp', true);
  });
  doc.arrows.forEach((arrow, n) => {
    const where = paths.arrow(n);
    for (const [key, id] of [['originId', arrow.originId], ['destinationId', arrow.destinationId]] as const) {
      if (!spanIndex!.has(id)) {
        throw new InputError('MISSING_REFERENCE', `arrow "${arrow.id}" points to span "${id}", which is not in the document`, {
          file,
          where: `${where}.${key}`,
          expected: 'the id of one of the span labels',
        });
      }
    }
  });
}

function outOfRange(file: string, where: string, message: string, expected: string): InputError {
  return new InputError('POSITION_OUT_OF_RANGE', message, { file, where, expected });
}
