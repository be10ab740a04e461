import type { Document } from '../model/types.js';
import { InputError } from '../errors.js';
import type { DocumentSource } from './context.js';
import { parseJsonText } from './json-text.js';

/**
 * Content detection: what an input file is, decided from its first bytes and lines rather than
 * its extension (a `.tsv` may be a row table or token tags, a `.csv` a table, span offsets or a
 * classifier file). Every reader registers here with a `sniff` that looks at the head of the file
 * and says how sure it is and why; the best score wins, a close call is reported
 * (`FormatGuessed`, info) with the guess, and `--input-format NAME` forces a reader.
 *
 * Adding a reader: one file exporting an `InputReader`, one `registerReader` line in
 * `register-readers.ts`.
 */

/** How much of a file detection looks at: enough lines to see a header and a few records or sentences. */
export const HEAD_CHARS = 64 * 1024;
/** A head is stretched to hold two whole lines (a header wider than HEAD_CHARS and a record), up to this. */
export const HEAD_CHARS_MAX = 8 * 1024 * 1024;
/** At most this many lines of the head are split for the sniffers. */
export const HEAD_LINES = 2000;

/** Scores a sniffer returns (bands, so readers written apart stay comparable). */
export const SCORE = {
  /** A mark only this format has: an exact header, `-DOCSTART-`, the keys of a server document. */
  SIGNATURE: 1,
  /** The layout fits in every line looked at and nothing speaks against it. */
  STRONG: 0.8,
  /** Fits, but another reading would fit too. */
  LIKELY: 0.6,
  /** Fits, with nothing to tell it from another reading: a guess, reported (`FormatGuessed`). */
  PLAUSIBLE: 0.5,
  /** Readable this way, with little evidence for it. */
  WEAK: 0.3,
} as const;

/** Two readings closer than this are a close call: reported with the guess. */
const CLOSE_CALL = 0.15;

export interface Sniff {
  score: number;
  /** Why, in a few words a user can check against the file ("header of 3 columns"). */
  because: string;
}

/** The start of a text input, as the sniffers see it. */
export interface InputHead {
  fileName: string;
  /** Lower-case extension with its dot (`.tsv`), or '' without one. */
  extension: string;
  /** Up to HEAD_CHARS characters, BOM removed. */
  text: string;
  /** True when `text` is the whole file. */
  complete: boolean;
  /** The first HEAD_LINES lines of `text` (line ends removed; the last, cut line left out unless complete). */
  lines: readonly string[];
  /** The first character that is not white space ('' for a blank file). */
  firstChar: string;
  /** The whole file parsed as JSON, parsed on first use and shared with the reader (never parsed twice). */
  json(): unknown;
  /**
   * Values computed once per file and shared between sniffers (records of the head, …). `compute`
   * is given the head, so a sniffer can pass a function made once rather than a closure per file.
   */
  memo<T>(key: string, compute: (head: InputHead) => T): T;
}

/** What a text reader gets: the whole text and the same lazy JSON value the sniffers saw. */
export interface TextInput {
  text: string;
  json(): unknown;
}

interface ReaderBase {
  /** The name `--input-format` takes: the writer's format name for formats we write. */
  format: string;
  /** Which layout of the format ("row table", "token spans"), for formats with several. */
  layout: string;
  /** Extensions this layout is usually saved with: a small tie-breaker, never a requirement. */
  extensions: readonly string[];
}

export interface TextReader extends ReaderBase {
  binary?: false;
  sniff(head: InputHead): Sniff | null;
  read(input: TextInput, source: DocumentSource): Document;
}

/** A reader of a binary container (XLSX): async, gets the bytes. */
export interface BinaryReader extends ReaderBase {
  binary: true;
  sniff(bytes: Uint8Array, fileName: string): Sniff | null;
  read(bytes: Uint8Array, source: DocumentSource): Promise<Document>;
}

export type InputReader = TextReader | BinaryReader;

const readers: InputReader[] = [];
/** The text and the binary readers, in registration order: made when a reader is registered, not per file. */
let textReaders: TextReader[] = [];
let binaryReaders: BinaryReader[] = [];

/** Adds a reader (register-readers.ts calls this once per reader; a second registration of the same layout replaces the first). */
export function registerReader(reader: InputReader): void {
  const at = readers.findIndex((r) => r.format === reader.format && r.layout === reader.layout);
  if (at >= 0) readers[at] = reader;
  else readers.push(reader);
  textReaders = readers.filter((r): r is TextReader => !r.binary);
  binaryReaders = readers.filter((r): r is BinaryReader => r.binary === true);
}

export function registeredReaders(): readonly InputReader[] {
  return readers;
}

/** The names `--input-format` accepts. */
export function inputFormatNames(): string[] {
  return [...new Set(readers.map((r) => r.format))];
}

/** `--input-format NAME` checked before any file is read: an unknown name is a usage error, not one skipped document per file. */
export function checkInputFormat(name: string | undefined): void {
  if (name !== undefined && !readers.some((r) => sameName(r.format, name))) {
    throw new InputError('BAD_OPTION', `unknown input format "${name}"`, { where: '--input-format', expected: `one of ${inputFormatNames().join(', ')}` });
  }
}

/** What a file was read as, and why: `inspect` prints it, the document carries it. */
export interface Detection<R extends InputReader = InputReader> {
  reader: R;
  because: string;
  /** True for a close call or a reading with little evidence: reported (`FormatGuessed`) with the alternatives. */
  guessed: boolean;
  /** Other readings that came close. */
  alternatives: Array<{ format: string; layout: string; because: string }>;
  forced: boolean;
}

export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[/\\!]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Builds the head of a text file for the sniffers; `parsed` is a JSON value the caller already has
 * (`firstChar` then says what it is, as there is no text).
 */
export function inputHead(text: string, fileName: string, parsed?: { value: unknown; firstChar: string }): InputHead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let size = HEAD_CHARS;
  if (body.length > size) {
    // A table wider than the head (16,000 columns) still shows its header and first record.
    const first = body.indexOf('\n');
    const second = first < 0 ? -1 : body.indexOf('\n', first + 1);
    const end = second >= 0 ? second : first;
    if (end >= size) size = Math.min(end + 1, HEAD_CHARS_MAX);
  }
  const complete = body.length <= size;
  const head = complete ? body : body.slice(0, size);
  return new Head(fileName, head, complete, parsed ? parsed.firstChar : firstNonSpace(head), text, parsed);
}

/** The first character `/\S/` would find, or '' (a loop: the regular expression's match was an array per file). */
function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[i])) return text[i];
  }
  return '';
}

/**
 * A class rather than an object literal with a `lines` getter: V8 gives every evaluation of such a
 * literal accessor objects of its own in the old generation, and those kept each document's text
 * and parsed JSON (reached through the getter's closure) alive through young-generation
 * collections until the next full one: about 3 MB promoted per scavenge and 30 MB more peak RSS on
 * scenario p's 15,000 small documents (issue 15).
 */
class Head implements InputHead {
  readonly extension: string;
  private split: string[] | undefined;
  private memos: Map<string, unknown> | undefined;

  constructor(
    readonly fileName: string,
    readonly text: string,
    readonly complete: boolean,
    readonly firstChar: string,
    /** The whole file as given (the JSON reader decides what a BOM means). */
    private readonly whole: string,
    private parsed: { value: unknown } | undefined,
  ) {
    this.extension = extensionOf(fileName);
  }

  // Split on first use: JSON documents (most inputs) are never split into lines.
  get lines(): readonly string[] {
    return (this.split ??= headLines(this.text, this.complete));
  }

  json(): unknown {
    this.parsed ??= { value: parseJsonText(this.whole, this.fileName) };
    return this.parsed.value;
  }

  memo<T>(key: string, compute: (head: InputHead) => T): T {
    // Made on first use: most files (JSON documents) are never looked at this way.
    const memos = (this.memos ??= new Map());
    if (!memos.has(key)) memos.set(key, compute(this));
    return memos.get(key) as T;
  }
}

function headLines(head: string, complete: boolean): string[] {
  const lines: string[] = [];
  for (let at = 0; at < head.length && lines.length < HEAD_LINES; ) {
    let next = head.indexOf('\n', at);
    if (next < 0) {
      if (!complete) break; // a cut line would mislead the sniffers
      next = head.length;
    }
    lines.push(head.charCodeAt(next - 1) === 13 && next > at ? head.slice(at, next - 1) : head.slice(at, next));
    at = next + 1;
  }
  return lines;
}

/** True when the head starts like JSON: the delimited-text sniffers leave such files alone. */
export function looksLikeJson(head: InputHead): boolean {
  return head.firstChar === '{' || head.firstChar === '[';
}

/** Extension bonus: breaks ties between equal readings in favour of the file's usual extension. */
const EXTENSION_BONUS = 0.05;

interface Candidate<R extends InputReader> {
  reader: R;
  sniff: Sniff;
  score: number;
}

/**
 * Picks the reader for a text file. `forced` (`--input-format`) limits the choice to that format's
 * layouts; a forced format whose layouts all refuse the file is still read with its first layout
 * (the user said so; the reader's own errors then name what does not fit).
 */
export function detectText(head: InputHead, forced?: string): Detection<TextReader> {
  return choose(textReaders, forced, head.fileName, head.extension, (r) => sniffSafely(r, head));
}

export function detectBinary(bytes: Uint8Array, fileName: string, forced?: string): Detection<BinaryReader> | null {
  const pool = binaryReaders;
  if (forced !== undefined ? !pool.some((r) => sameName(r.format, forced)) : !anySniffs(pool, bytes, fileName)) return null;
  return choose(pool, forced, fileName, extensionOf(fileName), (r) => r.sniff(bytes, fileName));
}

/** `pool.some((r) => r.sniff(bytes, fileName))` without a closure per file (every text file asks first). */
function anySniffs(pool: readonly BinaryReader[], bytes: Uint8Array, fileName: string): boolean {
  for (const reader of pool) if (reader.sniff(bytes, fileName)) return true;
  return false;
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.trim().toUpperCase();
}

/**
 * A sniffer that hits an input error while looking (a `{` file that is not JSON) has simply not
 * recognised the file; the error is kept so that, if nothing recognises it, the user sees the
 * most telling reason rather than "unknown format".
 */
let lastSniffError: InputError | undefined;
function sniffSafely(reader: TextReader, head: InputHead): Sniff | null {
  try {
    return reader.sniff(head);
  } catch (error) {
    if (error instanceof InputError) {
      lastSniffError ??= error;
      return null;
    }
    throw error;
  }
}

function choose<R extends InputReader>(pool: readonly R[], forced: string | undefined, fileName: string, extension: string, sniff: (r: R) => Sniff | null): Detection<R> {
  lastSniffError = undefined;
  let allowed = pool;
  if (forced !== undefined) {
    checkInputFormat(forced);
    allowed = pool.filter((r) => sameName(r.format, forced));
    // A binary format forced on a text file (or the reverse): its reader cannot take the bytes.
    if (allowed.length === 0) throw new InputError('BAD_OPTION', `--input-format ${forced} does not fit this file`, { file: fileName, where: '--input-format' });
  }
  const candidates: Candidate<R>[] = [];
  for (const reader of allowed) {
    const found = sniff(reader);
    if (!found || found.score <= 0) continue;
    candidates.push({ reader, sniff: found, score: found.score + (reader.extensions.includes(extension) ? EXTENSION_BONUS : 0) });
  }
  if (candidates.length > 1) candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) {
    if (forced !== undefined) return { reader: allowed[0], because: `--input-format ${allowed[0].format}`, guessed: false, alternatives: [], forced: true };
    const error = lastSniffError;
    lastSniffError = undefined;
    if (error) throw error;
    throw new InputError('NOT_AN_EXPORT', 'the file is none of the formats this tool reads', {
      file: fileName,
      expected: `one of ${inputFormatNames().join(', ')}`,
      hint: 'If you know what it is, pass --input-format NAME.',
    });
  }
  lastSniffError = undefined;
  // Most files have one reading: the others are looked at only when there are others.
  const rest = candidates.length > 1 ? candidates.slice(1) : [];
  const close = rest.some((c) => (c.reader.format !== best.reader.format || c.reader.layout !== best.reader.layout) && c.score >= best.score - CLOSE_CALL);
  const guessed = forced === undefined && (close || best.sniff.score < SCORE.LIKELY);
  return {
    reader: best.reader,
    because: forced !== undefined ? `--input-format ${best.reader.format}; ${best.sniff.because}` : best.sniff.because,
    guessed,
    alternatives: guessed ? rest.slice(0, 3).map((c) => ({ format: c.reader.format, layout: c.reader.layout, because: c.sniff.because })) : [],
    forced: forced !== undefined,
  };
}

/** `TSV (row table)`, or just the format name when it has one layout. */
export function readerTitle(reader: Pick<InputReader, 'format' | 'layout'>): string {
  return reader.layout ? `${reader.format} (${reader.layout})` : reader.format;
}
