import type { Document } from '../model/types.js';
import type { Report } from '../report/report.js';
import { findNumberTexts, hasInexactNumber, isInexactNumber } from '../model/number-text.js';
import { hasByteOrderMark } from './json-text.js';
import type { DocumentSource } from './context.js';

/**
 * What a document's JSON text says beyond its parsed value (issue 14 items 9 and 14): a byte order
 * mark, and the text of numbers a double cannot reproduce. Readers note suspicious numbers in the
 * values they keep without computing with them (`watchValue`); only then is the text scanned, so a
 * document without such numbers pays one comparison per kept value.
 */
let inexactSeen = false;

/**
 * Runs a JSON document reader on the input's value and completes the document from the text
 * (`applySourceText`). Reading is synchronous: one document at a time per thread, so the flag the
 * readers set is this document's. An input given as a parsed value has no text (''): its caller
 * completes it (`applySourceTextLater`).
 */
export function readWatchingSourceText(input: { text: string; json(): unknown }, source: DocumentSource, read: (value: unknown, source: DocumentSource) => Document): Document {
  inexactSeen = false;
  const doc = read(input.json(), source);
  if (inexactSeen) doc.sourceSyntax = Object.assign({}, doc.sourceSyntax, { inexactNumbers: true });
  if (input.text) applySourceText(doc, input.text, source.report, source.file);
  return doc;
}

/**
 * Whether `read` (a reader at work on part of a document: a batch of streamed rows) kept a number
 * a double cannot reproduce, as `readWatchingSourceText` asks of a whole document's reader.
 */
export function keepsInexactNumber(read: () => void): boolean {
  const before = inexactSeen;
  inexactSeen = false;
  try {
    read();
    return inexactSeen;
  } finally {
    inexactSeen = before;
  }
}

/** Readers pass each value they keep as it is (ids, answers, metadata, unknown keys). */
export function watchValue(value: unknown): void {
  if (inexactSeen) return;
  if (typeof value === 'number') inexactSeen = isInexactNumber(value);
  else if (value !== null && typeof value === 'object') inexactSeen = hasInexactNumber(value);
}

/**
 * Completes a document read from `text`: the byte order mark and the number texts, each reported.
 * Callers that parsed the text earlier (a single file is parsed when opened) call it with the text
 * read again, only when `needsSourceText(doc)`.
 */
export function applySourceText(doc: Document, text: string, report: Report | undefined, file: string): void {
  if (hasByteOrderMark(text)) {
    doc.sourceSyntax = Object.assign({}, doc.sourceSyntax, { byteOrderMark: true });
    report?.add({ kind: 'ByteOrderMarkRead', text: 'the document starts with a UTF-8 byte order mark: read past it; DATASAUR_SCHEMA and JSON_ADVANCED write it back', place: { file, char: 0 } });
  }
  if (doc.sourceSyntax?.inexactNumbers && !doc.sourceSyntax.numbers) {
    // Kept for the same-bytes writers, and reported.
    const numbers = numberTexts(text, doc.source, report, file);
    if (numbers) doc.sourceSyntax = Object.assign({}, doc.sourceSyntax, { numbers });
  }
}

/** The number texts of a document's text (undefined: none), reported once as InexactNumber. */
export function numberTexts(text: string, format: string, report: Report | undefined, file: string): Record<string, string> | undefined {
  const numbers = findNumberTexts(hasByteOrderMark(text) ? text.slice(1) : text);
  if (!numbers) return undefined;
  const [first, ...rest] = Object.entries(numbers);
  report?.add({
    kind: 'InexactNumber',
    text: `${rest.length + 1} number(s) cannot be held exactly by a double (first: ${first[1]} at ${first[0]}); ${format} writes their source text, other formats the nearest double (${JSON.stringify(JSON.parse(first[1]))})`,
    place: { file, jsonPath: first[0] },
  });
  return numbers;
}

/** Whether `applySourceText` has something to do that only the text can tell. */
export function needsSourceText(doc: Document): boolean {
  return doc.sourceSyntax?.inexactNumbers === true && !doc.sourceSyntax.numbers;
}

/**
 * `applySourceText` for a document parsed from a text that was not kept (a single file is parsed
 * when it is opened, and a large text is not held next to the model): the byte order mark was
 * noted then, and the text is read again only when the reader kept an inexact number.
 */
export async function applySourceTextLater(doc: Document, byteOrderMark: boolean, readText: () => Promise<string>, report: Report | undefined, file: string): Promise<void> {
  if (needsSourceText(doc)) return applySourceText(doc, await readText(), report, file);
  if (byteOrderMark) applySourceText(doc, '\uFEFF', report, file);
}
